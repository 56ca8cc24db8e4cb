/**
 * The gated server against a bare Fastify route, side by side in one run, embedded database.
 * - submit: POST /v1/generations through the whole gate (auth, rate limit, validation, kill
 *   switch, early access, budgets, reservation in one durable transaction, the provider call
 *   to an instant in-process fake) vs a bare POST route answering 202 to the same request with
 *   a Generation of the same shape. Each request has its own random Idempotency-Key (a UUID, as
 *   the studio sends) and the provider answers with random task ids (as the simulated provider
 *   does): both keys are indexed, so each submission writes two index pages at random places.
 * - history: GET /v1/generations?limit=20 vs a bare GET route answering the same JSON.
 * autocannon runs in its own process (10 connections; submit also at 50 and 100); servers run
 * here. The machine may be shared, so each pair is measured in alternating rounds (bare, gated,
 * bare, gated, …) and the requests and latencies are pooled: a burst of outside load hits both
 * sides alike. Each pair first runs a short warm-up round per side that is not counted.
 */
import Fastify from 'fastify';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatedServer } from '../../src/server/start';
import { InstantProvider } from './instant-provider';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const ROUNDS = 3;
const WARM_UP_S = 1;
const CONNECTIONS = 10;
/** Group commit pays more per submission the fewer are in flight: submit is also measured busier. */
const BUSIER = [50, 100];
const ADMIN = 'bench-admin-token-0123456789';
const PROMPT = 'A red fox trots through fresh snow at dawn, wide shot, soft golden light, shallow depth of field, 35mm film look, gentle wind, birdsong, cinematic framing, slow dolly in from the left'.slice(0, 360);

interface Load {
  rps: number;
  p99: number;
  non2xx: number;
}

/** Rounds pooled: requests per second over all of them; p99 the worst round's (conservative). */
function pool(rounds: Load[]): Load {
  return {
    rps: rounds.reduce((a, r) => a + r.rps, 0) / rounds.length,
    p99: Math.max(...rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((a, r) => a + r.non2xx, 0),
  };
}

const LOADER = `
const autocannon = require('autocannon');
const { randomUUID } = require('node:crypto');
const o = JSON.parse(process.argv[1]);
const run = autocannon({
  url: o.url, method: o.method, connections: o.connections, duration: o.duration,
  headers: o.headers, body: o.body,
  requests: o.uniqueKey ? [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }] : undefined,
}, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify({ rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx }));
});
`;

type LoadOptions = { url: string; method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; uniqueKey?: boolean; connections?: number };

function load(opts: LoadOptions, durationS: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOADER, JSON.stringify({ connections: CONNECTIONS, ...opts, duration: durationS })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited ${code}`))));
  });
}

/** The subject and its baseline in alternating rounds, DURATION_S each in all. */
async function sideBySide(subject: LoadOptions, baseline: LoadOptions): Promise<{ subject: Load; baseline: Load }> {
  const s: Load[] = [];
  const b: Load[] = [];
  const each = Math.max(1, Math.round(DURATION_S / ROUNDS));
  // Not counted: both sides run their code hot, not the JIT's first passes over it.
  await load(baseline, WARM_UP_S);
  await load(subject, WARM_UP_S);
  for (let i = 0; i < ROUNDS; i++) {
    b.push(await load(baseline, each));
    s.push(await load(subject, each));
  }
  return { subject: pool(s), baseline: pool(b) };
}

async function adminCall(url: string, method: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export default async function serverBench(): Promise<{ title: string; markdown: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shotlist-bench-'));
  const gated = await startGatedServer({
    env: { SHOTLIST_PROVIDER: 'instant', SHOTLIST_RATE_LIMIT_PER_MIN: '1000000', SHOTLIST_LOG_LEVEL: 'silent' },
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN,
    provider: new InstantProvider(),
    sweeper: false,
  });
  const user = await adminCall(gated.url, 'POST', '/v1/admin/users', { name: 'bench' });
  await adminCall(gated.url, 'POST', `/v1/admin/users/${user.id}/credits`, { amount: 1_000_000_000, reason: 'bench' });
  await adminCall(gated.url, 'PUT', `/v1/admin/users/${user.id}/early-access`, { enabled: true });
  await adminCall(gated.url, 'PUT', '/v1/admin/gate', { generationEnabled: true });
  await adminCall(gated.url, 'PUT', '/v1/admin/budget', { dailyCreditCap: null, userDailyCreditCap: null });
  const auth = { authorization: `Bearer ${user.token}` };
  const body = JSON.stringify({ prompt: PROMPT, durationSeconds: 4, aspectRatio: '16:9', clientRef: 'bench-shot' });
  for (let i = 0; i < 25; i++) {
    await fetch(`${gated.url}/v1/generations`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `seed-${i}` }, body });
  }
  const historyJson = await (await fetch(`${gated.url}/v1/generations?limit=20`, { headers: auth })).text();
  const generationJson = JSON.stringify((JSON.parse(historyJson) as { items: unknown[] }).items[0]);

  const bare = Fastify();
  bare.post('/v1/generations', async (_req, reply) => reply.code(202).type('application/json').send(generationJson));
  bare.get('/v1/generations', async (_req, reply) => reply.type('application/json').send(historyJson));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareAddr = bare.server.address();
  const bareUrl = `http://127.0.0.1:${typeof bareAddr === 'object' && bareAddr ? bareAddr.port : 0}`;

  try {
    const postHeaders = { ...auth, 'content-type': 'application/json' };
    const submits = await sideBySide(
      { url: `${gated.url}/v1/generations`, method: 'POST', headers: postHeaders, body, uniqueKey: true },
      { url: `${bareUrl}/v1/generations`, method: 'POST', headers: postHeaders, body, uniqueKey: true },
    );
    const histories = await sideBySide(
      { url: `${gated.url}/v1/generations?limit=20`, method: 'GET', headers: auth },
      { url: `${bareUrl}/v1/generations?limit=20`, method: 'GET', headers: auth },
    );
    const busier: Array<{ connections: number; subject: Load; baseline: Load }> = [];
    for (const connections of BUSIER) {
      const measured = await sideBySide(
        { url: `${gated.url}/v1/generations`, method: 'POST', headers: postHeaders, body, uniqueKey: true, connections },
        { url: `${bareUrl}/v1/generations`, method: 'POST', headers: postHeaders, body, uniqueKey: true, connections },
      );
      busier.push({ connections, ...measured });
    }
    const load1 = loadavg()[0]!.toFixed(2);
    const row = (name: string, s: Load, b: Load, goal: number) =>
      `| ${name} | ${Math.round(s.rps)} | ${s.p99} | ${Math.round(b.rps)} | ${b.p99} | **${(s.rps / b.rps).toFixed(2)}** | ≥ ${goal} | ${s.non2xx} |`;
    const markdown = [
      `Embedded database (SQLite WAL, every acknowledged commit fsynced first), ${CONNECTIONS} connections, ${DURATION_S} s per side in ${ROUNDS} alternating rounds after ${WARM_UP_S} s of warm-up each (not counted), autocannon in its own process; provider: an instant in-process fake with random task ids; a random UUID Idempotency-Key per submission; p99 is the worst round's. Load average (1 min) at the end: ${load1} on ${cpus().length} cores.`,
      '',
      '| load | req/s | p99 ms | bare route req/s | bare p99 ms | ratio | goal | non-2xx |',
      '|---|---|---|---|---|---|---|---|',
      row('submit through the whole gate', submits.subject, submits.baseline, 0.25),
      row('history read (20 items)', histories.subject, histories.baseline, 0.5),
      '',
      'p99 goal: under 25 ms at that load.',
      '',
      `Submit with more connections, same rounds (larger commit groups, longer waits):`,
      '',
      '| connections | req/s | p99 ms | bare route req/s | bare p99 ms | ratio | p99 under 25 ms |',
      '|---|---|---|---|---|---|---|',
      ...busier.map(
        ({ connections, subject: s, baseline: b }) =>
          `| ${connections} | ${Math.round(s.rps)} | ${s.p99} | ${Math.round(b.rps)} | ${b.p99} | **${(s.rps / b.rps).toFixed(2)}** | ${s.p99 < 25 ? 'yes' : 'no'} |`,
      ),
    ].join('\n');
    return { title: 'Gated server: submissions and history reads vs a bare Fastify route', markdown };
  } finally {
    await bare.close();
    await gated.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
