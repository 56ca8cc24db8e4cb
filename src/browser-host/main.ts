/**
 * `npm run dev:browser`: the studio in any Chromium, without Electron. Starts a local gated
 * server, the studio services (data under the dev directory, token in the OS keychain) and
 * the browser host, and prints one line: `Studio: <url>`. Ctrl+C drains and exits.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenFor } from '../main/services/account-service';
import { createKeytarSecretStore } from '../main/services/secret-store';
import { createJsonFileSettingsStore } from '../main/services/settings-store';
import { createStudio } from '../main/services/studio';
import { startBrowserHost } from './host';
import { devDir, preferredServerPort, startLocalGatedServer } from './local-stack';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function main(): Promise<void> {
  const dir = devDir();
  const secretStore = createKeytarSecretStore();
  const port = preferredServerPort();
  // A token the keychain kept from an earlier run stays valid, so the studio stays signed in.
  const keptToken = port === 0 ? null : await tokenFor(secretStore, `http://127.0.0.1:${port}`).catch(() => null);
  const server = await startLocalGatedServer(join(dir, 'server'), port, keptToken);
  const studioDir = join(dir, 'studio');
  const studio = await createStudio({
    dataDir: studioDir,
    secretStore,
    settingsStore: createJsonFileSettingsStore(join(studioDir, 'settings.json')),
  });
  if ((await studio.handlers['settings.get']({})).serverUrl !== server.url) {
    await studio.handlers['settings.update']({ serverUrl: server.url });
  }
  // Signed in as the local developer, through the keychain like any sign-in; without a keychain
  // the studio's Account screen says what to install, and drafting works as ever.
  if (!(await studio.handlers['account.status']({})).signedIn) {
    await studio.handlers['account.signIn']({ token: server.devToken }).catch(() => undefined);
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
