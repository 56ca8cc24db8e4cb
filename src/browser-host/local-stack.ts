/**
 * What `npm run dev:browser` and `npm start` run without any configuration: a gated server on
 * loopback (the studio's default address when that port is free, so a token kept for it keeps
 * working across runs) with its data under the dev directory, and an admin token that exists
 * only for this launch. SHOTLIST_DEV_DIR and SHOTLIST_DEV_SERVER_PORT override the place and port.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVER_URL } from '../main/services/settings-store';
import { startGatedServer } from '../server/start';

export interface LocalGatedServer {
  url: string;
  adminToken: string;
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

export async function startLocalGatedServer(dataDir: string, preferred = preferredServerPort()): Promise<LocalGatedServer> {
  const adminToken = `admin-${randomBytes(24).toString('base64url')}`;
  const start = (port: number) => startGatedServer({ env: {}, dataDir, adminToken, port, host: '127.0.0.1' });
  const server = await start(preferred).catch((error: unknown) => {
    if (isAddressInUse(error)) return start(0);
    throw error;
  });
  return { url: server.url, adminToken, close: () => server.close() };
}
