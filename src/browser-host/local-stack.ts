/**
 * What `npm run dev:browser` and `npm start` run without any configuration: a gated server on
 * loopback (the studio's default address when that port is free, so a token kept for it keeps
 * working across runs) with its data under the dev directory, an admin token that exists only
 * for this launch, and a local developer account (early access, credits, gate open) so the
 * whole flow can be tried at once. SHOTLIST_DEV_DIR and SHOTLIST_DEV_SERVER_PORT override the
 * place and port.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { tokenFor } from '../main/services/account-service';
import type { SecretStore } from '../main/services/secret-store';
import { DEFAULT_SERVER_URL } from '../main/services/settings-store';
import { DevUserError } from '../server/dev-user';
import { startGatedServer } from '../server/start';

export interface LocalGatedServer {
  url: string;
  adminToken: string;
  /** The local developer's token: for the studio's keychain only, never printed or written. */
  devToken: string;
  close(): Promise<void>;
}

/** Where the dev studio and server keep their data: SHOTLIST_DEV_DIR, else ~/.shotlist/dev. */
export function devDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHOTLIST_DEV_DIR ?? join(homedir(), '.shotlist', 'dev');
}

const isAddressInUse = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'EADDRINUSE';

/** The studio's default server port, or SHOTLIST_DEV_SERVER_PORT (0: any free port). */
export function preferredServerPort(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.SHOTLIST_DEV_SERVER_PORT;
  return configured !== undefined && /^\d+$/.test(configured) ? Number(configured) : Number(new URL(DEFAULT_SERVER_URL).port);
}

export async function startLocalGatedServer(dataDir: string, preferred = preferredServerPort(), keptToken?: string | null): Promise<LocalGatedServer> {
  const adminToken = `admin-${randomBytes(24).toString('base64url')}`;
  type Started = Awaited<ReturnType<typeof startGatedServer>>;
  const start = (port: number, token: string | undefined): Promise<Started> =>
    startGatedServer({ env: {}, dataDir, adminToken, port, host: '127.0.0.1', devUser: token === undefined ? {} : { token } }).catch((error: unknown) => {
      // A kept token that is not the dev user's (another account on this address) is left alone.
      if (error instanceof DevUserError && token !== undefined) return start(port, undefined);
      throw error;
    });
  const token = keptToken ?? undefined;
  const server = await start(preferred, token).catch((error: unknown) => {
    if (isAddressInUse(error)) return start(0, token);
    throw error;
  });
  if (!server.devUser) throw new Error('The local gated server started without its developer account.');
  return { url: server.url, adminToken, devToken: server.devUser.token, close: () => server.close() };
}

/**
 * The local server with the local developer signed in through the keychain, for both ways of
 * running the studio (`npm start` in Electron, `npm run dev:browser`). A token the keychain kept
 * for the server's address is handed back to the server so it stays valid across runs; the
 * developer's token is stored only where no token is kept for that address (someone signed in
 * as another account stays so). Without a keychain nothing is stored: the studio's Account
 * screen says what to install, and drafting works as ever.
 */
export async function startSignedInLocalServer(dataDir: string, secrets: SecretStore, port = preferredServerPort()): Promise<LocalGatedServer> {
  const keptFor = port === 0 ? null : `http://127.0.0.1:${port}`;
  const kept = keptFor === null ? null : await tokenFor(secrets, keptFor).catch(() => null);
  const server = await startLocalGatedServer(dataDir, port, kept);
  // The keychain is read again only when the server ended up on another address.
  const present = server.url === keptFor ? kept : await tokenFor(secrets, server.url).catch(() => null);
  if (present === null) {
    await secrets.set(server.url, server.devToken).catch(() => undefined);
  }
  return server;
}
