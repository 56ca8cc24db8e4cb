/**
 * The account as the main process reports it. The token is handed over in signIn's
 * argument and never kept here: the main process puts it in the OS keychain.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { AccountStatus } from '../../../shared/ipc/contract';
import { call, on } from '../../app/ipc';
import { sharedSubscription } from '../generations/shared-subscription';

interface AccountState {
  status: AccountStatus | null;
  busy: boolean;
  error: string | null;
}

export const useAccountStore = create<AccountState>(() => ({ status: null, busy: false, error: null }));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

async function run(action: () => Promise<AccountStatus>): Promise<boolean> {
  useAccountStore.setState({ busy: true, error: null });
  try {
    const status = await action();
    useAccountStore.setState({ status, busy: false });
    return true;
  } catch (error) {
    useAccountStore.setState({ busy: false, error: messageOf(error) });
    return false;
  }
}

export function loadAccount(): Promise<boolean> {
  return run(() => call('account.status', {}));
}

/** Hands the token to the main process; resolves true once it is signed in. */
export function signIn(token: string, serverUrl: string | undefined): Promise<boolean> {
  return run(() => call('account.signIn', serverUrl ? { token, serverUrl } : { token }));
}

export function signOut(): Promise<boolean> {
  return run(() => call('account.signOut', {}));
}

const subscribeToAccount = sharedSubscription(() => on('account.changed', (status) => useAccountStore.setState({ status })));

/** The account status, read on mount and kept live. */
export function useAccount(): AccountState {
  useEffect(subscribeToAccount, []);
  useEffect(() => {
    void loadAccount();
  }, []);
  return useAccountStore();
}
