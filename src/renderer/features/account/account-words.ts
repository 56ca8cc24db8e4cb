/** How the account area describes the account: pure, tested without a DOM. */
import type { AccountStatus } from '../../../shared/ipc/contract';

export function earlyAccessWords(status: AccountStatus): string {
  if (!status.me) return 'Unknown until you sign in.';
  return status.me.earlyAccess ? 'Enabled: you can generate when the service is open.' : 'Not yet: ask the operator to enable early access for your account.';
}

export function creditWords(status: AccountStatus): string {
  if (!status.me) return 'Unknown until you sign in.';
  const { available, reserved } = status.me.credits;
  return `${available} available${reserved > 0 ? `, ${reserved} reserved for generations in progress` : ''}`;
}

/** A server address the sign-in form may send: empty means keep the current one. */
export function serverUrlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'The server address must start with http:// or https://.';
  } catch {
    return 'The server address is not a valid URL.';
  }
}
