/** The electron-store adapter, run on conf (electron-store's engine; electron-store itself loads only inside Electron). */
import Conf from 'conf';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronStoreSettings, type KeyValueStoreConstructor, type KeyValueStoreOptions } from '../../../src/main/settings-electron-store';
import { SETTINGS_SCHEMA_VERSION, SettingsService } from '../../../src/main/services/settings-store';
import { testTempDir } from '../../helpers/temp-dir';

/** What electron-store does before handing over to conf: the file name option is `name`. */
class ElectronStoreOnConf extends Conf<Record<string, unknown>> {
  constructor({ name, ...options }: KeyValueStoreOptions) {
    super({ ...(options as object), configName: name });
  }
}
const Store = ElectronStoreOnConf as unknown as KeyValueStoreConstructor;

describe('settings in electron-store', () => {
  it('keeps settings across restarts', async () => {
    const dir = testTempDir('shotlist-estore-');
    new SettingsService(createElectronStoreSettings(Store, dir)).update({ reviewerName: 'Ines', serverUrl: 'https://gate.example' });
    const again = new SettingsService(createElectronStoreSettings(Store, dir)).get();
    expect(again).toMatchObject({ reviewerName: 'Ines', serverUrl: 'https://gate.example', schemaVersion: SETTINGS_SCHEMA_VERSION });
  });

  it('migrates settings written by an older studio', async () => {
    const dir = testTempDir('shotlist-estore-');
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ settings: { server: 'https://old.example', theme: 'dark' } }));
    const settings = new SettingsService(createElectronStoreSettings(Store, dir));
    expect(settings.get()).toMatchObject({ serverUrl: 'https://old.example', theme: 'dark', draftSort: 'updated', schemaVersion: SETTINGS_SCHEMA_VERSION });
  });

  it('sets an unreadable file aside instead of overwriting it', async () => {
    const dir = testTempDir('shotlist-estore-');
    await writeFile(join(dir, 'settings.json'), '{"settings": "not an object"}');
    const settings = new SettingsService(createElectronStoreSettings(Store, dir, () => new Date('2026-01-02T03:04:05Z')));
    expect(settings.get().schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith('settings.json.damaged-'));
    expect(aside).toBe('settings.json.damaged-2026-01-02T03-04-05-000Z');
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"settings": "not an object"}');
  });
});
