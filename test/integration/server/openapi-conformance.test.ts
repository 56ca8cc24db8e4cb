/**
 * /openapi.json is a valid OpenAPI document (checked against the official schema for its
 * version) and an exact description of what the server sends: every response this file gets
 * over real HTTP, through the harness's helpers too, must have a documented status, a documented
 * media type and a body the documented schema accepts; and every documented operation must be
 * exercised here, so that a new route cannot go undescribed.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startGatedServer, type GatedServer } from '../../../src/server/start';
import { Generation } from '../../../src/shared/contracts/api';
import { FakeProvider } from './helpers/fake-provider';
import { ADMIN_TOKEN as ADMIN, startHarness, type Harness } from './helpers/harness';
import { waitFor } from './helpers/wait-for';

const PROMPT = 'A red fox trots through fresh snow at dawn, wide shot, soft golden light, 16:9';
const RATE_LIMIT_PER_MIN = 8;
const EARLY_ACCESS_PER_MIN = 8;
const BODY_LIMIT_BYTES = 4096;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Schema {
  type?: string;
  format?: string;
}
interface MediaType {
  schema?: Schema;
}
interface Response {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean }>;
}
interface Operation {
  responses: Record<string, Response>;
}
type PathItem = Partial<Record<(typeof METHODS)[number], Operation>>;
interface Document {
  openapi: string;
  paths: Record<string, PathItem>;
}

/** One response as it came off the wire. */
interface Seen {
  method: string;
  url: URL;
  status: number;
  headers: Headers;
  body: Buffer;
}

let h: Harness;
/** A second server with no SHOTLIST_ADMIN_TOKEN: its whole admin API is 404. */
let closedAdmin: GatedServer;
let closedAdminDir: string;
const seen: Seen[] = [];

beforeAll(async () => {
  // Rate limits count in fixed one-minute windows: a clock that starts just after one opens
  // keeps every hit of this test in the same window, so each limit is reached where expected.
  const started = Date.now();
  const shift = Math.ceil(started / 60_000) * 60_000 + 1_000 - started;
  h = await startHarness('sqlite', {
    clock: () => Date.now() + shift,
    env: {
      SHOTLIST_RATE_LIMIT_PER_MIN: String(RATE_LIMIT_PER_MIN),
      SHOTLIST_EARLY_ACCESS_PER_MIN: String(EARLY_ACCESS_PER_MIN),
      SHOTLIST_BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
    },
  });
  closedAdminDir = mkdtempSync(join(tmpdir(), 'shotlist-openapi-'));
  closedAdmin = await startGatedServer({ env: { SHOTLIST_PROVIDER: 'fake' }, dataDir: closedAdminDir, port: 0, host: '127.0.0.1', provider: new FakeProvider(), sweeper: false });
  const origins = new Set([new URL(h.server.url).origin, new URL(closedAdmin.url).origin]);
  // Every response from these servers is kept for checking, whichever helper asked for it.
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit): Promise<globalThis.Response> => {
    const res = await realFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : input);
    if (origins.has(url.origin)) {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      seen.push({ method, url, status: res.status, headers: res.headers, body: Buffer.from(await res.clone().arrayBuffer()) });
    }
    return res;
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await h?.close();
  await closedAdmin?.close();
  if (closedAdminDir) rmSync(closedAdminDir, { recursive: true, force: true });
});

// ---- what the document says about one response ----

const essence = (mediaType: string): string => mediaType.split(';')[0]!.trim().toLowerCase();
const parameters = (mediaType: string): string[] =>
  mediaType
    .split(';')
    .slice(1)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
const isJson = (mediaType: string): boolean => /^application\/([\w.-]+\+)?json$/.test(essence(mediaType));

/** The documented path template a concrete path falls under. */
function templateOf(doc: Document, pathname: string): string | undefined {
  const segments = pathname.split('/');
  return Object.keys(doc.paths).find((template) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((p, i) => (p.startsWith('{') && p.endsWith('}') ? segments[i] !== '' : p === segments[i]));
  });
}

function checkResponse(doc: Document, validatorFor: (schema: object) => ValidateFunction | string, s: Seen, exercised: Set<string>): string[] {
  const template = templateOf(doc, s.url.pathname);
  if (!template) return [`${s.method} ${s.url.pathname} → ${s.status}: no documented path matches`];
  // Named by template, so that one mismatch seen many times is reported once.
  const where = `${s.method} ${template} → ${s.status}`;
  const op = doc.paths[template]![s.method.toLowerCase() as (typeof METHODS)[number]];
  if (!op) return [`${where}: the operation is not documented`];
  exercised.add(`${s.method} ${template}`);
  exercised.add(`${s.method} ${template} ${s.status}`);
  const text = s.body.toString('utf8');
  const hint = text.length > 0 && text.length < 400 ? ` (body: ${text.replace(/"requestId":"[^"]*"/, '"requestId":…')})` : '';
  const responses = op.responses;
  const documented = responses[String(s.status)] ?? responses[`${String(s.status)[0]}XX`] ?? responses.default;
  if (!documented) return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})${hint}`];

  const problems: string[] = [];
  for (const [name, header] of Object.entries(documented.headers ?? {})) {
    if (header.required && !s.headers.has(name)) problems.push(`${where}: documented required header ${name} is missing`);
  }
  const media = documented.content ?? {};
  const contentType = s.headers.get('content-type');
  const headOnly = s.method === 'HEAD';
  if (s.body.length === 0 && !headOnly) {
    if (Object.keys(media).length > 0) problems.push(`${where}: sent no body, documents ${Object.keys(media).join(', ')}`);
    return problems;
  }
  if (!contentType) return [...problems, `${where}: no Content-Type, documents ${Object.keys(media).join(', ') || 'no body'}`];
  const match = Object.keys(media).find((key) => essence(key) === essence(contentType) && parameters(key).every((p) => parameters(contentType).includes(p)));
  if (match === undefined) return [...problems, `${where}: sent ${contentType}, documents ${Object.keys(media).join(', ') || 'no body'}${hint}`];
  const schema = media[match]!.schema;
  if (headOnly || !schema) return problems;
  if (schema.format === 'binary') return problems;
  let value: unknown = text;
  if (isJson(match)) {
    try {
      value = JSON.parse(text);
    } catch {
      return [...problems, `${where}: ${contentType} body is not JSON${hint}`];
    }
  }
  const validate = validatorFor(schema);
  if (typeof validate === 'string') return [...problems, `${where}: the documented ${match} schema does not compile: ${validate}`];
  if (!validate(value)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    problems.push(`${where}: body does not match the documented ${match} schema: ${errors.join('; ')}${hint}`);
  }
  if (essence(match) === 'application/problem+json' && (value as { status?: unknown }).status !== s.status) {
    problems.push(`${where}: problem body says status ${String((value as { status?: unknown }).status)}`);
  }
  return problems;
}

// ---- driving the server ----

type CallOptions = Parameters<Harness['call']>[2];
const call = (method: string, path: string, opts?: CallOptions) => h.call(method, path, opts);
const asAdmin = (opts: CallOptions = {}): CallOptions => ({ ...opts, headers: { authorization: `Bearer ${ADMIN}`, ...opts?.headers } });
const json = { 'content-type': 'application/json' };

async function freshUser(credits = 100, earlyAccess = true): Promise<{ id: string; token: string }> {
  return h.user({ credits, earlyAccess });
}

async function submitted(token: string, prompt = PROMPT): Promise<Generation> {
  const res = await h.submit(token, { prompt });
  expect(res.status).toBe(202);
  return Generation.parse(res.body);
}

/** Every documented operation with its path parameters filled in. */
function operations(doc: Document, id: string): Array<{ method: string; template: string; path: string }> {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), template, path: template.replace(/\{[^}]+\}/g, id) })),
  );
}

it('/openapi.json is a valid OpenAPI document that describes every response the server sends', async () => {
  const served = await call('GET', '/openapi.json');
  expect(served.status).toBe(200);
  const doc = served.body as Document;
  const validator = new Validator();
  const verdict = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
  expect(verdict.errors ?? [], `not a valid OpenAPI ${doc.openapi} document`).toEqual([]);
  expect(verdict.valid).toBe(true);
  // What was served is the whole document (the route's serialiser drops nothing).
  expect(doc).toEqual(JSON.parse(JSON.stringify(h.server.app.swagger())));

  // ---- operations ----
  for (const path of ['/healthz', '/readyz', '/metrics']) await call('GET', path);

  // ---- a fresh server is closed ----
  const early = await freshUser();
  expect((await h.submit(early.token, { prompt: PROMPT })).status).toBe(503); // generation_disabled
  await h.admin('PUT', '/v1/admin/gate', { generationEnabled: true });
  expect((await h.submit(early.token, { prompt: PROMPT })).status).toBe(503); // budget_exhausted
  await h.openGate();

  // ---- refusals every operation can give: no credential, malformed and oversized bodies, bad path parameters ----
  const probe = await freshUser();
  const anyOp = operations(doc, 'gen_nope');
  for (const { method, path, template } of anyOp) {
    if (method === 'HEAD') continue;
    const takesBody = method === 'POST' || method === 'PUT';
    const credential = template.startsWith('/v1/admin/') ? ADMIN : probe.token;
    // No credential (public routes answer as they do).
    if (!['/v1/early-access', '/v1/videos/{id}'].includes(template)) await call(method, path, takesBody ? { raw: '{}', headers: json } : {});
    // The wrong credential: a user's token on the admin API, the admin token on the user API.
    await call(method, path, { token: credential === ADMIN ? probe.token : ADMIN, ...(takesBody ? { raw: '{}', headers: json } : {}) });
    if (takesBody) {
      await call(method, path, { token: credential, raw: '{"unterminated', headers: json });
      await call(method, path, { token: credential, raw: JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT_BYTES) }), headers: json });
      await call(method, path, { token: credential, raw: 'plain words', headers: { 'content-type': 'text/plain' } });
    }
    if (template.includes('{id}')) {
      await call(method, template.replace('{id}', 'x'.repeat(300)), { token: credential, ...(takesBody ? { raw: '{}', headers: json } : {}) });
      await call(method, template.replace('{id}', '%E0%A4%A'), { token: credential, ...(takesBody ? { raw: '{}', headers: json } : {}) });
    }
    // HEAD answers for every GET.
    if (method === 'GET') await call('HEAD', path, { token: credential });
  }

  // ---- admin ----
  const created = await call('POST', '/v1/admin/users', asAdmin({ body: { name: 'Conformance' } }));
  expect(created.status).toBe(201);
  const user = created.body as { id: string; token: string };
  expect((await call('POST', '/v1/admin/users', asAdmin({ body: { name: '' } }))).status).toBe(400);
  expect((await call('POST', '/v1/admin/users', asAdmin({ body: { name: 'x', extra: true } }))).status).toBe(400);
  expect((await call('POST', `/v1/admin/users/${user.id}/tokens`, asAdmin())).status).toBe(201);
  await call('POST', `/v1/admin/users/${user.id}/tokens`, asAdmin({ body: {} }));
  expect((await call('POST', '/v1/admin/users/usr_nope/tokens', asAdmin())).status).toBe(404);
  const revoked = await freshUser();
  expect((await call('POST', `/v1/admin/users/${revoked.id}/tokens/revoke`, asAdmin())).status).toBe(204);
  expect((await call('GET', '/v1/me', { token: revoked.token })).status).toBe(401);
  expect((await call('POST', `/v1/admin/users/${user.id}/credits`, asAdmin({ body: { amount: 50, reason: 'test' } }))).status).toBe(200);
  expect((await call('POST', `/v1/admin/users/${user.id}/credits`, asAdmin({ body: { amount: -500, reason: 'too much' } }))).status).toBe(402);
  expect((await call('POST', `/v1/admin/users/${user.id}/credits`, asAdmin({ body: { amount: 0, reason: 'zero' } }))).status).toBe(400);
  expect((await call('POST', '/v1/admin/users/usr_nope/credits', asAdmin({ body: { amount: 1, reason: 'x' } }))).status).toBe(404);
  expect((await call('PUT', `/v1/admin/users/${user.id}/early-access`, asAdmin({ body: { enabled: true } }))).status).toBe(204);
  expect((await call('PUT', `/v1/admin/users/${user.id}/early-access`, asAdmin({ body: { enabled: 'yes' } }))).status).toBe(400);
  expect((await call('PUT', '/v1/admin/users/usr_nope/early-access', asAdmin({ body: { enabled: true } }))).status).toBe(404);
  expect((await call('PUT', '/v1/admin/gate', asAdmin({ body: { generationEnabled: 1 } }))).status).toBe(400);
  expect((await call('PUT', '/v1/admin/budget', asAdmin({ body: { dailyCreditCap: -1, userDailyCreditCap: null } }))).status).toBe(400);
  expect((await call('PUT', '/v1/admin/budget', asAdmin({ body: { dailyCreditCap: null, userDailyCreditCap: null } }))).status).toBe(200);
  expect((await call('GET', '/v1/admin/spend', asAdmin())).status).toBe(200);
  expect((await call('GET', '/v1/admin/generations/gen_nope', asAdmin())).status).toBe(404);

  // ---- the caller's account ----
  await call('GET', '/v1/me', { token: user.token });
  await call('GET', '/v1/gate', { token: user.token });
  await call('GET', '/v1/gate', { token: early.token });
  expect((await call('POST', '/v1/prompts/validate', { token: user.token, body: { prompt: PROMPT, durationSeconds: 4, generateAudio: true } })).body.ok).toBe(true);
  expect((await call('POST', '/v1/prompts/validate', { token: user.token, body: { prompt: '' } })).body.ok).toBe(false);
  expect((await call('POST', '/v1/prompts/validate', { token: user.token, body: { prompt: PROMPT, durationSeconds: 99 } })).status).toBe(400);
  expect((await call('POST', '/v1/early-access', { body: { email: 'someone@example.com' } })).status).toBe(202);
  expect((await call('POST', '/v1/early-access', { body: { email: 'not an email' } })).status).toBe(400);

  // ---- the gate ----
  const g = await submitted(user.token);
  const key = 'conformance-key';
  expect((await h.submit(user.token, { prompt: PROMPT, clientRef: 'c-1' }, key)).status).toBe(202);
  expect((await h.submit(user.token, { prompt: PROMPT, clientRef: 'c-1' }, key)).status).toBe(200);
  expect((await h.submit(user.token, { prompt: PROMPT, clientRef: 'c-2' }, key)).status).toBe(422);
  const gateUser = await freshUser();
  expect((await call('POST', '/v1/generations', { token: gateUser.token, body: { prompt: PROMPT } })).status).toBe(400); // no Idempotency-Key
  expect((await h.submit(gateUser.token, { prompt: PROMPT, durationSeconds: 99 })).status).toBe(400);
  expect((await h.submit(gateUser.token, { prompt: 'p'.repeat(2001) })).body.code).toBe('prompt_rejected');
  const outsider = await freshUser(100, false);
  expect((await h.submit(outsider.token, { prompt: PROMPT })).status).toBe(403);
  const poor = await freshUser(1);
  expect((await h.submit(poor.token, { prompt: PROMPT })).status).toBe(402);
  // idempotency_in_progress: the same key while the first request is still with the provider.
  const slowUser = await freshUser();
  const slow = h.submit(slowUser.token, { prompt: `${PROMPT} [sim:slow]` }, 'slow-key');
  await waitFor('the slow request to claim its key', () => h.server.context.db.get('SELECT 1 AS x FROM idempotency_keys WHERE key = ?', ['slow-key']));
  expect((await h.submit(slowUser.token, { prompt: `${PROMPT} [sim:slow]` }, 'slow-key')).status).toBe(409);
  h.provider.releaseSlow();
  expect((await slow).status).toBe(202);
  // rate_limited, then daily_cap_reached.
  const hasty = await freshUser();
  let limited = 0;
  for (let i = 0; i <= RATE_LIMIT_PER_MIN && limited === 0; i++) if ((await call('POST', '/v1/generations', { token: hasty.token, body: { prompt: PROMPT } })).status === 429) limited++;
  expect(limited).toBe(1);
  await h.openGate({ dailyCreditCap: null, userDailyCreditCap: 10 });
  const capped = await freshUser();
  await submitted(capped.token);
  expect((await h.submit(capped.token, { prompt: PROMPT })).status).toBe(429);
  await h.openGate();

  // ---- the caller's generations ----
  const first = (await call('GET', '/v1/generations?limit=1', { token: user.token })).body as { nextCursor: string | null };
  expect(first.nextCursor).not.toBeNull();
  await call('GET', `/v1/generations?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: user.token });
  for (const query of ['limit=0', 'cursor=not-a-cursor', 'unknown=1']) expect((await call('GET', `/v1/generations?${query}`, { token: user.token })).status).toBe(400);
  expect((await call('GET', `/v1/generations/${g.id}`, { token: user.token })).status).toBe(200);
  expect((await call('GET', `/v1/generations/${g.id}`, { token: probe.token })).status).toBe(404); // someone else's
  expect((await call('GET', `/v1/admin/generations/${g.id}`, asAdmin())).status).toBe(200);
  const canceled = await submitted(user.token);
  expect((await call('POST', `/v1/generations/${canceled.id}/cancel`, { token: user.token })).status).toBe(200);
  expect((await call('POST', `/v1/generations/${canceled.id}/cancel`, { token: user.token, body: {} })).status).toBe(200);
  expect((await call('POST', `/v1/generations/${canceled.id}/cancel`, { token: user.token, body: { why: 'no' } })).status).toBe(400);
  expect((await call('POST', `/v1/generations/${canceled.id}/cancel`, { token: probe.token })).status).toBe(404);

  // ---- provider webhooks, and the clip behind a signed URL ----
  const ptid = h.provider.providerTaskIdFor(g.id);
  const running = `msg_conformance_running`;
  expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } }, { id: running })).status).toBe(200);
  expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } }, { id: running })).status).toBe(200);
  expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: ptid, videoUrl: 'fake://clip/conformance' } })).status).toBe(200);
  expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } }, { secret: `whsec_${Buffer.from('wrong secret, 32 bytes long .....').toString('base64')}` })).status).toBe(401);
  expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } }, { timestamp: new Date(Date.now() - 3_600_000) })).status).toBe(401);
  expect((await h.webhook(null, { raw: '{not json' })).status).toBe(400);
  expect((await h.webhook({ type: 'task.exploded', data: { providerTaskId: ptid } })).status).toBe(400);
  expect((await h.webhook({ type: 'task.running', data: { providerTaskId: 'prov-unknown' } })).status).toBe(404);
  expect((await h.webhook(null, { raw: JSON.stringify({ type: 'task.running', data: { providerTaskId: ptid, pad: 'x'.repeat(BODY_LIMIT_BYTES) } }) })).status).toBe(413);

  const done = Generation.parse((await call('GET', `/v1/generations/${g.id}`, { token: user.token })).body);
  expect(done.status).toBe('succeeded');
  const video = new URL(done.videoUrl!);
  const videoPath = video.pathname + video.search;
  expect((await call('GET', videoPath)).status).toBe(200);
  expect((await call('GET', videoPath, { headers: { range: 'bytes=4-11' } })).status).toBe(206);
  expect((await call('GET', videoPath, { headers: { range: 'bytes=999999-' } })).status).toBe(416);
  expect((await call('HEAD', videoPath)).status).toBe(200);
  const altered = new URL(video);
  altered.searchParams.set('exp', String(Number(video.searchParams.get('exp')) + 60));
  expect((await call('GET', altered.pathname + altered.search)).status).toBe(401);
  expect((await call('GET', `${video.pathname}?exp=1&sig=x&extra=1`)).status).toBe(400);
  const noClip = new URL(h.server.context.signer.sign(canceled.id, h.server.context.clock()));
  expect((await call('GET', noClip.pathname + noClip.search)).status).toBe(404);

  // ---- early access is rate limited per client address ----
  let earlyLimited = 0;
  for (let i = 0; i <= EARLY_ACCESS_PER_MIN && earlyLimited === 0; i++) if ((await call('POST', '/v1/early-access', { body: { email: `n${i}@example.com` } })).status === 429) earlyLimited++;
  expect(earlyLimited).toBe(1);

  // ---- with no admin token configured, the admin API is not there ----
  for (const { method, path, template } of anyOp) {
    if (template.startsWith('/v1/admin/') && method !== 'HEAD') {
      expect((await fetch(`${closedAdmin.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN}`, ...json }, ...(method === 'GET' ? {} : { body: '{}' }) })).status).toBe(404);
    }
  }

  // ---- a webhook for a clip the server cannot fetch yet: 503, deliver again later ----
  const later = await submitted(user.token);
  h.provider.downloadFails = true;
  expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: h.provider.providerTaskIdFor(later.id), videoUrl: 'fake://clip/later' } })).status).toBe(503);
  h.provider.downloadFails = false;

  // ---- the verdict: every response checked, every documented operation exercised ----
  // Formats are checked too (date-time, email, uri): a format the document names is a promise.
  const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
  const compiled = new WeakMap<object, ValidateFunction | string>();
  const validatorFor = (schema: object): ValidateFunction | string => {
    let v = compiled.get(schema);
    if (v === undefined) {
      try {
        v = ajv.compile(schema);
      } catch (error) {
        v = (error as Error).message;
      }
      compiled.set(schema, v);
    }
    return v;
  };
  const exercised = new Set<string>();
  const mismatches = seen.flatMap((s) => checkResponse(doc, validatorFor, s, exercised));
  for (const { method, template } of operations(doc, '')) {
    if (!exercised.has(`${method} ${template}`)) mismatches.push(`${method} ${template}: documented, never exercised by this test`);
    // And every status it documents was seen, but for the server's own failures and draining
    // (500, 503: any operation) and HEAD (openapi.ts derives it from the GET).
    if (method === 'HEAD') continue;
    for (const status of Object.keys(doc.paths[template]![method.toLowerCase() as (typeof METHODS)[number]]!.responses)) {
      if (!['500', '503'].includes(status) && !exercised.has(`${method} ${template} ${status}`)) mismatches.push(`${method} ${template} → ${status}: documented, never seen`);
    }
  }
  expect(seen.length).toBeGreaterThan(100);
  expect([...new Set(mismatches)], `${new Set(mismatches).size} mismatches between /openapi.json and the server:\n${[...new Set(mismatches)].join('\n')}`).toEqual([]);
});
