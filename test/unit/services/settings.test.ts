import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../src/shared/studio/models';
import {
  createJsonFileSettingsStore,
  DEFAULT_SETTINGS,
  migrateSettings,
  SETTINGS_SCHEMA_VERSION,
  SettingsService,
  type SettingsStore,
} from '../../../src/main/services/settings-store';
import { testTempDir } from '../../helpers/temp-dir';

function memoryStore(initial: unknown): SettingsStore & { written: Settings[] } {
  let value = initial;
  const written: Settings[] = [];
  return { written, read: () => value, write: (v) => void written.push((value = v)) };
}

describe('settings', () => {
  it('starts from defaults when nothing is stored', () => {
    expect(new SettingsService(memoryStore(undefined)).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates an unversioned value through every numbered step', () => {
    expect(migrateSettings({ server: 'https://gate.example.com', theme: 'dark' })).toEqual({
      ...DEFAULT_SETTINGS,
      serverUrl: 'https://gate.example.com',
      theme: 'dark',
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    });
  });

  it('migrates version 1 (no draft sort yet) to the current version', () => {
    const v1 = { schemaVersion: 1, serverUrl: 'https://a.example', theme: 'light', reviewerName: 'Rui', authorName: 'Ana' };
    expect(migrateSettings(v1)).toEqual({ ...v1, draftSort: 'updated', schemaVersion: SETTINGS_SCHEMA_VERSION });
  });

  it('keeps valid fields and defaults invalid ones', () => {
    expect(migrateSettings({ schemaVersion: 2, serverUrl: 'not a url', theme: 'neon', reviewerName: 'Rui', draftSort: 'title' })).toEqual({
      ...DEFAULT_SETTINGS,
      reviewerName: 'Rui',
      draftSort: 'title',
    });
  });

  it('validates updates and writes them to the store', () => {
    const store = memoryStore(undefined);
    const service = new SettingsService(store);
    expect(service.update({ theme: 'dark' }).theme).toBe('dark');
    expect(store.written).toHaveLength(1);
    expect(() => service.update({ serverUrl: 'nope' })).toThrow();
    expect(service.get().serverUrl).toBe(DEFAULT_SETTINGS.serverUrl);
  });

  it('persists to a JSON file atomically and reads it back', async () => {
    const dir = testTempDir('settings-');
    const path = join(dir, 'nested', 'settings.json');
    const store = createJsonFileSettingsStore(path);
    expect(store.read()).toBeUndefined();
    new SettingsService(store).update({ authorName: 'Ana' });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ authorName: 'Ana', schemaVersion: SETTINGS_SCHEMA_VERSION });
    expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
    await writeFile(path, '{broken');
    expect(new SettingsService(createJsonFileSettingsStore(path)).get()).toEqual(DEFAULT_SETTINGS);
  });
});
