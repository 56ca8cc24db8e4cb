/**
 * Settings kept by electron-store (Electron's conf) behind the SettingsStore interface. The
 * store holds one `settings` object; its JSON schema checks the envelope and the settings
 * service migrates the contents by schemaVersion (migrateSettings) on every start. A file the
 * store cannot read is set aside, never silently replaced.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../shared/studio/models';
import type { SettingsStore } from './services/settings-store';

export const SETTINGS_STORE_NAME = 'settings';

export interface KeyValueStore {
  get(key: 'settings'): unknown;
  set(key: 'settings', value: unknown): void;
}

export interface KeyValueStoreOptions {
  name: string;
  cwd: string;
  clearInvalidConfig: false;
  schema: Record<'settings', { type: 'object'; properties: Record<string, unknown> }>;
}

/** electron-store's default export (or conf's, in tests): both take these options. */
export type KeyValueStoreConstructor = new (options: KeyValueStoreOptions) => KeyValueStore;

function storeOptions(dir: string): KeyValueStoreOptions {
  return {
    name: SETTINGS_STORE_NAME,
    cwd: dir,
    clearInvalidConfig: false,
    schema: { settings: { type: 'object', properties: { schemaVersion: { type: 'integer', minimum: 0 } } } },
  };
}

function openStore(Store: KeyValueStoreConstructor, dir: string, now: () => Date): KeyValueStore {
  try {
    return new Store(storeOptions(dir));
  } catch {
    const file = join(dir, `${SETTINGS_STORE_NAME}.json`);
    if (!existsSync(file)) throw new Error(`Cannot open the settings store in ${dir}.`);
    renameSync(file, `${file}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`);
    return new Store(storeOptions(dir));
  }
}

export function createElectronStoreSettings(Store: KeyValueStoreConstructor, dir: string, now: () => Date = () => new Date()): SettingsStore {
  const store = openStore(Store, dir, now);
  return {
    read: () => store.get('settings'),
    write: (value: Settings) => store.set('settings', value),
  };
}
