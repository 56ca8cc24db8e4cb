/**
 * Settings: a SettingsStore holds the raw value (electron-store inside Electron, a JSON file
 * under plain Node); the settings service migrates it by number (schemaVersion) and applies
 * the zod schema on every read, keeping valid fields and defaulting the rest.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { definedFields } from '../../shared/studio/defined-fields';
import { Settings } from '../../shared/studio/models';
import { toJsonText, writeFileDurablySync } from './atomic-file';
import { StudioError } from './errors';

export interface SettingsStore {
  read(): unknown;
  write(value: Settings): void;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';
export const SETTINGS_SCHEMA_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  serverUrl: DEFAULT_SERVER_URL,
  theme: 'system',
  reviewerName: '',
  authorName: '',
  draftSort: 'updated',
};

type Raw = Record<string, unknown>;

/** migrations[n] turns a version-n value into version n+1. */
const migrations: Record<number, (raw: Raw) => Raw> = {
  // Before versioning: the server address was stored as `server`.
  0: ({ server, ...rest }) => ({ ...rest, ...(typeof server === 'string' ? { serverUrl: server } : {}) }),
  // Version 2 added the draft list's sort order.
  1: (raw) => ({ draftSort: DEFAULT_SETTINGS.draftSort, ...raw }),
};

export function migrateSettings(stored: unknown): Settings {
  let raw: Raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Raw) } : {};
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  while (version < SETTINGS_SCHEMA_VERSION) {
    const step = migrations[version];
    if (step) raw = step(raw);
    version += 1;
  }
  const settings: Raw = { ...DEFAULT_SETTINGS };
  for (const [key, field] of Object.entries(Settings.shape)) {
    if (field.safeParse(raw[key]).success) settings[key] = raw[key];
  }
  return Settings.parse({ ...settings, schemaVersion: SETTINGS_SCHEMA_VERSION });
}

/** The gated server is reached over HTTP(S) only: no file:, data: or other schemes. */
export function assertHttpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new StudioError('invalid_input', `The server address must start with http:// or https:// (got "${url.slice(0, 100)}").`);
  }
}

export class SettingsService {
  private current: Settings;

  constructor(private readonly store: SettingsStore) {
    this.current = migrateSettings(store.read());
  }

  get(): Settings {
    return this.current;
  }

  update(change: Partial<Omit<Settings, 'schemaVersion'>>): Settings {
    if (change.serverUrl !== undefined) assertHttpUrl(change.serverUrl);
    const next = Settings.parse({ ...this.current, ...definedFields(change), schemaVersion: SETTINGS_SCHEMA_VERSION });
    this.store.write(next);
    this.current = next;
    return next;
  }
}

export function createJsonFileSettingsStore(path: string): SettingsStore {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileDurablySync(path, toJsonText(value));
    },
  };
}
