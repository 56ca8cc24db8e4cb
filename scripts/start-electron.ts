/**
 * `npm start` where Electron is installed (run by scripts/start.mjs after the build): a local
 * gated server with the local developer signed in through the keychain the studio reads, then
 * the Electron studio pointed at it. When the studio quits, the server drains and stops.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devDir, startSignedInLocalServer } from '../src/browser-host/local-stack';
import { createKeytarSecretStore } from '../src/main/services/secret-store';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const electron = createRequire(import.meta.url)('electron') as string;
  const server = await startSignedInLocalServer(join(devDir(), 'server'), createKeytarSecretStore());
  console.log(`Gated server: ${server.url}`);
  const studio = spawn(electron, [ROOT], { stdio: 'inherit', env: { ...process.env, SHOTLIST_SERVER_URL: server.url } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => studio.kill(signal));
  studio.on('exit', (code) => {
    void server.close().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error('Shotlist could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
