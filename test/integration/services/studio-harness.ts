/** Starts a studio on a temp data dir and calls it the way the renderer does: through dispatch. */
import { join } from 'node:path';
import type { IpcEventName, IpcInput, IpcMethodName, IpcOutput, IpcResult } from '../../../src/shared/ipc/contract';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createMemorySecretStore, type SecretStore } from '../../../src/main/services/secret-store';
import { createJsonFileSettingsStore, DEFAULT_SETTINGS } from '../../../src/main/services/settings-store';
import { createStudio, type Studio } from '../../../src/main/services/studio';
import { testTempDir } from '../../helpers/temp-dir';

export interface Harness {
  studio: Studio;
  dataDir: string;
  events: Array<{ event: IpcEventName; payload: unknown }>;
  call<M extends IpcMethodName>(method: M, input: IpcInput<M>): Promise<IpcOutput<M>>;
  raw(method: string, input: unknown): Promise<IpcResult<unknown>>;
}

/** A data dir removed once the current test has finished (its studios closed by then). */
export async function tempDir(prefix = 'shotlist-test-'): Promise<string> {
  return testTempDir(prefix);
}

export async function startHarness(
  options: { dataDir?: string; secretStore?: SecretStore; serverUrl?: string; gatePollMs?: number; now?: () => Date } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await tempDir());
  const settingsStore = createJsonFileSettingsStore(join(dataDir, 'settings.json'));
  if (options.serverUrl) settingsStore.write({ ...DEFAULT_SETTINGS, serverUrl: options.serverUrl });
  const studio = await createStudio({
    dataDir,
    secretStore: options.secretStore ?? createMemorySecretStore(),
    settingsStore,
    gatePollMs: options.gatePollMs ?? 60_000,
    ...(options.now ? { now: options.now } : {}),
  });
  const events: Harness['events'] = [];
  studio.subscribe((event, payload) => events.push({ event, payload }));
  const raw = (method: string, input: unknown) => dispatch(studio.handlers, method, input);
  return {
    studio,
    dataDir,
    events,
    raw,
    async call(method, input) {
      const result = await raw(method, input);
      if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code}: ${result.error.message}`), { ipcError: result.error });
      return result.value as never;
    },
  };
}
