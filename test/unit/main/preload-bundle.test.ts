/** The built preload runs sandboxed, where only require('electron') works. Needs `npx electron-vite build` first (npm test builds). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

describe('the built preload (out/preload/index.cjs)', () => {
  it('is CommonJS that requires nothing but electron', async () => {
    const code = await readFile('out/preload/index.cjs', 'utf8').catch(() => {
      throw new Error('out/preload/index.cjs is missing: run `npx electron-vite build` first.');
    });
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld');
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});
