/**
 * Starts a gated server (embedded or PostgreSQL) and talks to it over real HTTP. By default its
 * provider is an in-process FakeProvider and the sweeper is off; `provider: 'configured'` starts
 * the provider SHOTLIST_PROVIDER names (as `npm run server` does) with the sweeper running.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { startGatedServer, type GatedServer } from '../../../../src/server/start';
import type { VideoProvider } from '../../../../src/server/providers/provider';
import { FakeProvider } from './fake-provider';
import { freshPostgresDatabase } from './postgres';

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Harness {
  server: GatedServer;
  /** The in-process fake (unused when the harness runs the configured provider). */
  provider: FakeProvider;
  dataDir: string;
  databaseUrl: string | undefined;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** A user with credits, in early access, and the gate opened with the given caps. */
  user(opts?: { credits?: number; earlyAccess?: boolean; name?: string }): Promise<{ id: string; token: string }>;
  openGate(budget?: { dailyCreditCap: number | null; userDailyCreditCap: number | null }): Promise<void>;
  submit(token: string, body: unknown, key?: string): Promise<{ status: number; body: any; headers: Headers }>;
  /** Signs and posts event as JSON, or opts.raw exactly as given. */
  webhook(event: unknown, opts?: { id?: string; timestamp?: Date; secret?: string; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  /** Stops the server, then removes the data dir if the harness made it (a dir passed in is the caller's). */
  close(): Promise<void>;
}

let keySeq = 0;

export async function startHarness(
  engine: Engine,
  opts: { env?: Record<string, string>; provider?: VideoProvider | 'configured'; dataDir?: string; databaseUrl?: string; clock?: () => number } = {},
): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'shotlist-server-'));
  const databaseUrl = engine === 'postgres' ? (opts.databaseUrl ?? (await freshPostgresDatabase())) : undefined;
  const configured = opts.provider === 'configured';
  const provider = configured ? new FakeProvider() : ((opts.provider as FakeProvider | undefined) ?? new FakeProvider());
  const server = await startGatedServer({
    env: {
      ...(configured ? {} : { SHOTLIST_PROVIDER: 'fake' }),
      SHOTLIST_PROVIDER_TIMEOUT_MS: '2000',
      SHOTLIST_PROVIDER_RETRIES: '2',
      SHOTLIST_RATE_LIMIT_PER_MIN: '1000',
      ...(databaseUrl ? { SHOTLIST_DATABASE_URL: databaseUrl } : {}),
      ...opts.env,
    },
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    ...(configured ? {} : { provider, sweeper: false }),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const call: Harness['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (video bytes, metrics)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const admin: Harness['admin'] = (method, path, body) => call(method, path, { token: ADMIN_TOKEN, body });
  const h: Harness = {
    server,
    provider,
    dataDir,
    databaseUrl,
    call,
    admin,
    async user(o = {}) {
      const created = await admin('POST', '/v1/admin/users', { name: o.name ?? 'tester' });
      if (created.status !== 201) throw new Error(`create user: ${created.status}`);
      const { id, token } = created.body as { id: string; token: string };
      if ((o.credits ?? 100) > 0) await admin('POST', `/v1/admin/users/${id}/credits`, { amount: o.credits ?? 100, reason: 'test grant' });
      if (o.earlyAccess ?? true) await admin('PUT', `/v1/admin/users/${id}/early-access`, { enabled: true });
      return { id, token };
    },
    async openGate(budget = { dailyCreditCap: null, userDailyCreditCap: null }) {
      await admin('PUT', '/v1/admin/gate', { generationEnabled: true });
      await admin('PUT', '/v1/admin/budget', budget);
    },
    submit(token, body, key = `key-${++keySeq}-${Math.random()}`) {
      return call('POST', '/v1/generations', { token, body, headers: { 'idempotency-key': key } });
    },
    async webhook(event, o = {}) {
      const wh = new Webhook(o.secret ?? server.context.secrets.webhookSecret);
      const id = o.id ?? `msg_${++keySeq}_${Math.random().toString(36).slice(2)}`;
      const ts = o.timestamp ?? new Date();
      const payload = o.raw ?? JSON.stringify(event);
      const res = await call('POST', '/v1/webhooks/provider', {
        raw: payload,
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)),
          'webhook-signature': wh.sign(id, ts, payload),
        },
      });
      return res;
    },
    async close() {
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
