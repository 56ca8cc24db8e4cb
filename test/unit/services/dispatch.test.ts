import { describe, expect, it } from 'vitest';
import { dispatch, type IpcHandlers } from '../../../src/main/ipc/dispatch';
import { StudioError } from '../../../src/main/services/errors';
import { DEFAULT_SETTINGS } from '../../../src/main/services/settings-store';

function handlersWith(overrides: Partial<IpcHandlers>): IpcHandlers {
  return new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof IpcHandlers] ?? (() => Promise.reject(new Error(`unexpected call ${key}`))),
  }) as IpcHandlers;
}

describe('dispatch', () => {
  it('rejects a method that is not in the contract', async () => {
    const result = await dispatch(handlersWith({}), 'fs.readFile', {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Unknown method "fs.readFile".' } });
  });

  it('rejects prototype keys as methods', async () => {
    expect((await dispatch(handlersWith({}), 'constructor', {})).ok).toBe(false);
  });

  it('validates input and names the bad field, without running the handler', async () => {
    let ran = false;
    const handlers = handlersWith({ 'drafts.get': async () => ((ran = true), Promise.reject(new Error('no'))) });
    const result = await dispatch(handlers, 'drafts.get', { id: '', extra: 1 });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/id/);
    }
  });

  it('returns the validated output', async () => {
    const result = await dispatch(handlersWith({ 'settings.get': async () => DEFAULT_SETTINGS }), 'settings.get', undefined);
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('maps a StudioError to its code, message and server code', async () => {
    const handlers = handlersWith({
      'gate.refresh': async () => {
        throw new StudioError('server_error', 'Out of credits.', 'insufficient_credits');
      },
    });
    expect(await dispatch(handlers, 'gate.refresh', {})).toEqual({
      ok: false,
      error: { code: 'server_error', message: 'Out of credits.', serverCode: 'insufficient_credits' },
    });
  });

  it('never passes on the text or stack of an unexpected error', async () => {
    const secret = 'tok_very_secret_value';
    const handlers = handlersWith({
      'account.status': async () => {
        throw new Error(`failed with token ${secret}`);
      },
    });
    const result = await dispatch(handlers, 'account.status', {});
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts/);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const handlers = handlersWith({ 'settings.get': async () => ({ ...DEFAULT_SETTINGS, theme: 'neon' }) as never });
    expect(await dispatch(handlers, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
