/**
 * Where the API token lives: the OS keychain (keytar → libsecret's Secret Service on Linux),
 * keyed by server URL. There is deliberately no plain-text fallback: where no keychain is
 * available, `available()` says what to install and sign-in fails.
 */
export const KEYCHAIN_SERVICE = 'Shotlist';

export type KeychainAvailability = { ok: true } | { ok: false; reason: string };

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
  available(): Promise<KeychainAvailability>;
}

/** The part of keytar the studio uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export const NO_KEYCHAIN_ADVICE =
  'No keychain is available: install and unlock a Secret Service such as gnome-keyring ' +
  '(apt install gnome-keyring libsecret-1-0) and sign in to a desktop session that runs it, then try again. ' +
  'Shotlist never stores your token in plain text.';

export interface KeytarSecretStoreOptions {
  /** Loads keytar; tests inject a failing one. */
  loadKeytar?: () => Promise<KeytarLike>;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

async function loadRealKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const load = options.loadKeytar ?? loadRealKeytar;
  let keytar: Promise<KeytarLike> | null = null;
  const keytarOnce = () => (keytar ??= load());

  const availability = async (): Promise<KeychainAvailability> => {
    // libsecret reaches the Secret Service over the D-Bus session bus; without one it cannot work.
    if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) {
      return { ok: false, reason: `${NO_KEYCHAIN_ADVICE} (No D-Bus session bus is running.)` };
    }
    try {
      await (await keytarOnce()).findCredentials(KEYCHAIN_SERVICE);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `${NO_KEYCHAIN_ADVICE} (The keychain said: ${(error as Error).message})` };
    }
  };

  return {
    async get(account) {
      if (!(await availability()).ok) return null;
      return (await keytarOnce()).getPassword(KEYCHAIN_SERVICE, account);
    },
    async set(account, secret) {
      await (await keytarOnce()).setPassword(KEYCHAIN_SERVICE, account, secret);
    },
    async delete(account) {
      await (await keytarOnce()).deletePassword(KEYCHAIN_SERVICE, account);
    },
    available: availability,
  };
}

/** Keeps secrets in this process's memory only: for tests and the dev browser host. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => void secrets.delete(account),
    available: async () => ({ ok: true }),
  };
}
