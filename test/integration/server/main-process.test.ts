/**
 * `npm run server` (src/server/main.ts) as gated-api.md describes it: with no settings but a
 * port it keeps its data in ./.shotlist-server, starts the simulated provider too, logs exactly
 * one line when ready, `listening on http://HOST:PORT`, serves, and on SIGTERM drains and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

const MAIN = join(__dirname, '../../../src/server/main.ts');
/** tsx by its full path: the server runs in a temporary working directory. */
const TSX = import.meta.resolve('tsx');
let dataDir: string | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  // A failed assertion leaves the server running: stop it before its data dir goes.
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
  child = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

it('logs one ready line, serves, and exits 0 on SIGTERM', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shotlist-main-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SHOTLIST_PORT: '0', SHOTLIST_HOST: '127.0.0.1' };
  for (const name of ['SHOTLIST_DATA_DIR', 'SHOTLIST_PROVIDER', 'SHOTLIST_DATABASE_URL', 'SHOTLIST_ADMIN_TOKEN', 'SHOTLIST_LOG_LEVEL']) delete env[name];
  const server = spawn(process.execPath, ['--import', TSX, MAIN], { env, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  child = server;
  const exit = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  let out = '';
  let err = '';
  server.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line; stdout: ${out} stderr: ${err}`)), 20_000);
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
  expect(ready).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  const url = ready.trim().slice('listening on '.length);
  expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
  // No admin token configured: the admin API does not exist.
  expect((await fetch(`${url}/v1/admin/spend`, { headers: { authorization: 'Bearer anything-at-all-123456' } })).status).toBe(404);
  server.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(err).toBe('');
  expect(existsSync(join(dataDir, '.shotlist-server', 'shotlist.db'))).toBe(true);
});
