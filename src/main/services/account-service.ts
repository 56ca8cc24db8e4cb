/**
 * Sign-in and the account: the token goes from the renderer straight into the keychain (keyed
 * by server URL) and is read back only to authorise requests. It is never returned, logged or
 * written to a file; a keychain that is missing makes sign-in fail with advice, not fall back.
 */
import type { Me } from '../../shared/contracts/api';
import type { AccountStatus } from '../../shared/ipc/contract';
import { StudioError } from './errors';
import type { SecretStore } from './secret-store';
import { ApiClient } from './server-client';
import { assertHttpUrl } from './settings-store';

export interface AccountServiceOptions {
  secrets: SecretStore;
  serverUrl: () => string;
  setServerUrl: (url: string) => void;
  client: ApiClient;
  fetch: typeof fetch | undefined;
}

/** The token for the server, or null; for the server client only, never for a reply. */
export async function tokenFor(secrets: SecretStore, serverUrl: string): Promise<string | null> {
  if (!(await secrets.available()).ok) return null;
  return secrets.get(serverUrl);
}

export class AccountService {
  constructor(private readonly options: AccountServiceOptions) {}

  async status(): Promise<AccountStatus> {
    const availability = await this.options.secrets.available();
    const keychainProblem = availability.ok ? null : availability.reason;
    const signedIn = availability.ok && (await this.options.secrets.get(this.options.serverUrl())) !== null;
    let me: Me | null = null;
    if (signedIn) me = await this.options.client.me().catch(() => null);
    return { serverUrl: this.options.serverUrl(), signedIn, me, keychainProblem };
  }

  async signIn(token: string, serverUrl?: string): Promise<void> {
    const availability = await this.options.secrets.available();
    if (!availability.ok) throw new StudioError('keychain_unavailable', availability.reason);
    const url = serverUrl ?? this.options.serverUrl();
    assertHttpUrl(url);
    const probe = new ApiClient({ baseUrl: () => url, token: async () => token, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    try {
      await probe.me();
    } catch (error) {
      // Offline sign-in is allowed (the token is checked on the next call); a refused token is not stored.
      if (!(error instanceof StudioError && error.code === 'offline')) {
        if (error instanceof StudioError && error.code === 'signed_out') {
          throw new StudioError('signed_out', 'The server did not accept this token.', error.serverCode);
        }
        throw error;
      }
    }
    await this.options.secrets.set(url, token);
    if (serverUrl) this.options.setServerUrl(serverUrl);
  }

  async signOut(): Promise<void> {
    const availability = await this.options.secrets.available();
    if (availability.ok) await this.options.secrets.delete(this.options.serverUrl());
  }
}
