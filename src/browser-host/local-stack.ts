/**
 * What `npm run dev:browser` and `npm start` run without any configuration: a gated server on
 * loopback (the studio's default address when that port is free, so a token kept for it keeps
 * working across runs) with its data under the dev directory, and an admin token that exists
 * only for this launch.
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

export async function startLocalGatedServer(dataDir: string): Promise<LocalGatedServer> {
  const adminToken = `admin-${randomBytes(24).toString('base64url')}`;
  const start = (port: number) => startGatedServer({ env: {}, dataDir, adminToken, port, host: '127.0.0.1' });
  const preferred = Number(new URL(DEFAULT_SERVER_URL).port);
  const server = await start(preferred).catch((error: unknown) => {
    if (isAddressInUse(error)) return start(0);
    throw error;
  });
  return { url: server.url, adminToken, close: () => server.close() };
}
