/**
 * The real keychain: the probe runs in a child process inside a private D-Bus session with an
 * unlocked gnome-keyring (so no one's own keyring is touched), and in processes where the
 * Secret Service is missing or unreachable.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore, NO_KEYCHAIN_ADVICE } from '../../../src/main/services/secret-store';
import { testTempDir } from '../../helpers/temp-dir';

const PROBE = join(import.meta.dirname, 'keychain-probe.ts');

interface ProbeResult {
  availability: { ok: boolean; reason?: string };
  signIn: { ok: boolean; error?: { code: string; message: string } };
  status: { ok: boolean; value?: { signedIn: boolean; keychainProblem: string | null } };
  tokenInKeychain: boolean;
  tokenAfterSignOut: string | null;
  tokenInDataDir: boolean;
  tokenInReplies: boolean;
}

function runProbe(command: string, args: string[], env: NodeJS.ProcessEnv): ProbeResult {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 30_000 });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`probe failed (${result.status}): ${result.stderr}`);
  return JSON.parse(line) as ProbeResult;
}

function envWithout(name: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env[name];
  return env;
}

describe('keychain (keytar)', () => {
  it('keeps the token in a real Secret Service, signs in, and writes it nowhere else', () => {
    const inner = `echo -n shotlist | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" --import tsx "${PROBE}"`;
    const env = envWithout('DBUS_SESSION_BUS_ADDRESS', { XDG_DATA_HOME: testTempDir('shotlist-keyring-') });
    const r = runProbe('dbus-run-session', ['--', 'sh', '-c', inner], env);
    expect(r.availability).toEqual({ ok: true });
    expect(r.signIn.ok).toBe(true);
    expect(r.status.value).toMatchObject({ signedIn: true, keychainProblem: null });
    expect(r.tokenInKeychain).toBe(true);
    expect(r.tokenAfterSignOut).toBeNull();
    expect(r.tokenInDataDir).toBe(false);
    expect(r.tokenInReplies).toBe(false);
  });

  it('without a D-Bus session: sign-in fails with keychain_unavailable and says what to install', () => {
    const r = runProbe(process.execPath, ['--import', 'tsx', PROBE], envWithout('DBUS_SESSION_BUS_ADDRESS'));
    expect(r.availability.ok).toBe(false);
    expect(r.signIn.error?.code).toBe('keychain_unavailable');
    expect(r.signIn.error?.message).toContain('apt install gnome-keyring libsecret-1-0');
    expect(r.status.value).toMatchObject({ signedIn: false, keychainProblem: expect.stringContaining('No keychain is available') });
    expect(r.tokenInDataDir).toBe(false);
  });

  it('with a D-Bus address that leads nowhere: the same refusal, with what the keychain said', () => {
    const r = runProbe(process.execPath, ['--import', 'tsx', PROBE], { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    expect(r.signIn.error?.code).toBe('keychain_unavailable');
    expect(r.availability.reason).toMatch(/The keychain said: /);
    expect(r.tokenInDataDir).toBe(false);
  });

  it('reports a keytar module that cannot load as no keychain, without falling back', async () => {
    const store = createKeytarSecretStore({
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus' },
      platform: 'linux',
      loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    const availability = await store.available();
    expect(availability).toEqual({ ok: false, reason: expect.stringContaining(NO_KEYCHAIN_ADVICE) });
    expect(await store.get('http://127.0.0.1:8787')).toBeNull();
    await expect(store.set('http://127.0.0.1:8787', 'secret')).rejects.toThrow(/libsecret/);
  });
});
