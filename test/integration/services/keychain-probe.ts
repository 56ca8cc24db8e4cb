/**
 * Run in a child process by keychain.test.ts, in whatever D-Bus environment the test chose:
 * uses the real keytar-backed secret store (and a studio signing in with it) and prints what
 * happened as one JSON line.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createKeytarSecretStore } from '../../../src/main/services/secret-store';
import { createJsonFileSettingsStore, DEFAULT_SETTINGS } from '../../../src/main/services/settings-store';
import { createStudio } from '../../../src/main/services/studio';
import { startFakeGatedServer } from './fake-gated-server';

const store = createKeytarSecretStore();
const availability = await store.available();
const server = await startFakeGatedServer();
const dataDir = await mkdtemp(join(tmpdir(), 'shotlist-keychain-'));
const settingsStore = createJsonFileSettingsStore(join(dataDir, 'settings.json'));
settingsStore.write({ ...DEFAULT_SETTINGS, serverUrl: server.url });
const studio = await createStudio({ dataDir, secretStore: store, settingsStore, gatePollMs: 60_000 });
const signIn = await dispatch(studio.handlers, 'account.signIn', { token: server.userToken });
const status = await dispatch(studio.handlers, 'account.status', {});
const storedToken = availability.ok ? await store.get(server.url) : null;
await dispatch(studio.handlers, 'account.signOut', {});
const afterSignOut = availability.ok ? await store.get(server.url) : null;
await studio.close();
await server.close();

const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
const contents = await Promise.all(files.map((e) => readFile(join(e.parentPath, e.name), 'utf8')));
await rm(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    availability,
    signIn,
    status,
    tokenInKeychain: storedToken === server.userToken,
    tokenAfterSignOut: afterSignOut,
    tokenInDataDir: contents.some((c) => c.includes(server.userToken)),
    tokenInReplies: JSON.stringify([signIn, status]).includes(server.userToken),
  }),
);
