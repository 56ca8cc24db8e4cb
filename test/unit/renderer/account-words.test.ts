import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../../src/shared/ipc/contract';
import { creditWords, earlyAccessWords, serverUrlProblem } from '../../../src/renderer/features/account/account-words';

const signedOut: AccountStatus = { serverUrl: 'http://127.0.0.1:8787', signedIn: false, me: null, keychainProblem: null };
function signedIn(earlyAccess: boolean, available: number, reserved: number): AccountStatus {
  return { ...signedOut, signedIn: true, me: { id: 'u1', name: 'Tess', earlyAccess, credits: { available, reserved } } };
}

describe('account wording', () => {
  it('states early access both ways, and unknown when signed out', () => {
    expect(earlyAccessWords(signedIn(true, 0, 0))).toMatch(/^Enabled/);
    expect(earlyAccessWords(signedIn(false, 0, 0))).toMatch(/ask the operator/);
    expect(earlyAccessWords(signedOut)).toMatch(/sign in/);
  });

  it('states credits, with what is reserved', () => {
    expect(creditWords(signedIn(true, 40, 0))).toBe('40 available');
    expect(creditWords(signedIn(true, 32, 8))).toBe('32 available, 8 reserved for generations in progress');
  });

  it('accepts only http(s) server addresses, or none to keep the current one', () => {
    expect(serverUrlProblem('')).toBeNull();
    expect(serverUrlProblem('http://127.0.0.1:9000')).toBeNull();
    expect(serverUrlProblem('ftp://x')).toMatch(/http/);
    expect(serverUrlProblem('not a url')).toMatch(/not a valid URL/);
  });
});
