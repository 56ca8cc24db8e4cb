/** `npm run server`: the gated server with the settings from the environment. SIGTERM drains and exits 0. */
import { ConfigError } from './config';
import { DataDirInUseError } from './db/data-dir-lock';
import { startGatedServer } from './start';

async function main(): Promise<void> {
  const server = await startGatedServer({ env: process.env, logger: true, defaultMetrics: true });
  console.log(server.readyLine);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'draining');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DataDirInUseError ? err.message : err);
  process.exit(1);
});
