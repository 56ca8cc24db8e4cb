/**
 * The real Electron app, where its binary is installed. Build machines install the npm
 * package without the binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there this is skipped, saying so.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron executable, or why there is none. */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: `the Electron binary is not installed (expected at ${String(path)})` };
  } catch (error) {
    return { missing: `the Electron binary is not installed: require('electron') failed (${(error as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();

test('the Electron app opens a sandboxed window with window.shotlist and answers calls', async () => {
  if ('missing' in binary) {
    const reason = `Skipped: ${binary.missing}. This machine installs Electron with ELECTRON_SKIP_BINARY_DOWNLOAD=1; the browser host specs run the renderer instead.`;
    console.log(reason);
    test.skip(true, reason);
    return;
  }

  const userData = await mkdtemp(join(tmpdir(), 'shotlist-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [ROOT],
    env: { ...process.env, SHOTLIST_USER_DATA: userData },
  });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://studio/index.html');
    const api = await window.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown> & { shotlist: Record<string, unknown> };
      return { keys: Object.keys(page.shotlist).sort(), node: typeof page.require + typeof page.process };
    });
    expect(api).toEqual({ keys: ['invoke', 'on'], node: 'undefinedundefined' });

    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      const p = (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const created = await window.evaluate(async () => {
      const page = globalThis as unknown as { shotlist: { invoke(m: string, i: unknown): Promise<unknown> } };
      await page.shotlist.invoke('drafts.create', { title: 'From Electron' });
      return page.shotlist.invoke('drafts.list', {});
    });
    expect(created).toMatchObject({ ok: true, value: [{ title: 'From Electron' }] });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
