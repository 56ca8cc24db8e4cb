/**
 * `npm run dev:browser`: the studio in any Chromium, without Electron. Starts a local gated
 * server, the studio services (data under the dev directory, token in the OS keychain) and
 * the browser host, and prints one line: `Studio: <url>`. Ctrl+C drains and exits.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '../main/services/secret-store';
import { createJsonFileSettingsStore } from '../main/services/settings-store';
import { createStudio } from '../main/services/studio';
import { startBrowserHost } from './host';
import { devDir, startSignedInLocalServer } from './local-stack';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function main(): Promise<void> {
  const dir = devDir();
  const secretStore = createKeytarSecretStore();
  const server = await startSignedInLocalServer(join(dir, 'server'), secretStore);
  const studioDir = join(dir, 'studio');
  const studio = await createStudio({
    dataDir: studioDir,
    secretStore,
    settingsStore: createJsonFileSettingsStore(join(studioDir, 'settings.json')),
  });
  if ((await studio.handlers['settings.get']({})).serverUrl !== server.url) {
    await studio.handlers['settings.update']({ serverUrl: server.url });
  }
  const host = await startBrowserHost({ studio, rendererDir: RENDERER_DIR });
  console.log(`Studio: ${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .then(() => studio.close())
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shotlist: stopping failed:', error instanceof Error ? error.message : error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Shotlist could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
