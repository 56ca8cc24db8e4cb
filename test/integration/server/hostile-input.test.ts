/**
 * Hostile HTTP against a running gated server (embedded database), as properties (fast-check):
 * malformed and poisoned JSON, odd content types, oversized bodies, odd Authorization and
 * Idempotency-Key headers, odd paths, ids, queries and methods, forged and replayed webhooks,
 * and concurrent submissions, cancels and webhooks. After every request: no 5xx the contract
 * does not name; every error is problem+json with a contract code and the request id; nothing
 * carries a provider task id, raw provider text, a stack trace or prompt text past the preview.
 * After every run: the books are exactly what the accepted submissions and their outcomes
 * explain, and rejected requests left nothing behind.
 */
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateGenerationRequest,
  EarlyAccessRequest,
  Generation,
  GenerationList,
  GenerationListQuery,
  Me,
  NoBody,
  Problem,
  ValidateRequest,
  ValidateResponse,
  generationCost,
} from '../../../src/shared/contracts/api';
import { validatePrompt } from '../../../src/shared/quality';
import { auditLedger } from '../../../src/server/ledger/audit';
import { ADMIN_TOKEN, ENGINES, startHarness, type Harness } from './helpers/harness';

const BODY_LIMIT = 64 * 1024;
const MAX_PROMPT = 2000;

/**
 * gated-api.md's error table, plus the two codes docs/server.md adds (unavailable, internal_error).
 * Written out from the contract, not imported from http/problem.ts: the code under test is not its own oracle.
 */
const STATUS_OF_CODE: Record<string, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  insufficient_credits: 402,
  early_access_required: 403,
  not_found: 404,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  prompt_rejected: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  daily_cap_reached: 429,
  generation_disabled: 503,
  budget_exhausted: 503,
  unavailable: 503,
  internal_error: 500,
};
/** invalid_request beyond 400: an unsatisfiable Range (416, docs/server.md), headers over Node's 16 KB (431, app.ts). */
const INVALID_REQUEST_STATUSES = [400, 416, 431];

/** Text no user-visible answer may carry. Prompts put LEAKMARK after 64 non-blank characters, past any preview. */
const LEAKS: Array<[RegExp, string]> = [
  [/prov-\d+-/, 'a provider task id'],
  [/0xDEAD|policy violation|raw 502|ECONNREFUSED|RAW-PROVIDER-ERROR/, "a provider's raw error text"],
  [/\n\s+at |node_modules|\.[jt]s:\d+/, 'a stack trace'],
  [/LEAKMARK/, 'prompt text past the 64-character preview'],
];
const FILLER = 'F'.repeat(64);

interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  chunked?: boolean;
}
interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** Raw HTTP: paths, header bytes and bodies go out exactly as given (fetch would normalise them). */
function send(base: URL, r: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    const headers = { ...r.headers };
    if (r.body && !r.chunked) headers['content-length'] = String(r.body.length);
    if (r.chunked) headers['transfer-encoding'] = 'chunked';
    let answered = false;
    const req = request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers, agent: false, timeout: 15_000 }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within 15 s: ${r.method} ${r.path.slice(0, 100)}`)));
    // The server may answer (413) and close before the whole body is written; that answer counts.
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (r.body && r.chunked) {
      const step = Math.max(1, Math.ceil(r.body.length / 7));
      for (let i = 0; i < r.body.length; i += step) req.write(r.body.subarray(i, i + step));
    } else if (r.body) req.write(r.body);
    req.end();
  });
}

/** Header values carry bytes: a string's UTF-8 bytes, as Node's latin1 header encoding sends them. */
const wire = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const cut = (s: string, n = 300): string => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);
const describeReq = (r: Req): string => `${r.method} ${cut(r.path, 150)} ${JSON.stringify(r.headers ?? {}).slice(0, 300)} body=${r.body ? cut(r.body.toString('latin1'), 200) : '-'}`;

/** The invariants every answer keeps, whatever was sent. */
function checkAnswer(r: Req, res: Res, opts: { providerIdsAllowed?: boolean; unavailableAllowed?: boolean } = {}): void {
  const where = `${describeReq(r)}\n  → ${res.status} ${JSON.stringify(res.headers['content-type'])} ${cut(res.text)}`;
  expect(String(res.headers['x-request-id'] ?? ''), `x-request-id missing: ${where}`).toMatch(/^\S{8,}$/);
  expect(res.status === 500, `5xx: ${where}`).toBe(false);
  if (res.status >= 500) expect(res.status === 503 && (opts.unavailableAllowed || ['generation_disabled', 'budget_exhausted'].includes(res.json?.code)), `5xx: ${where}`).toBe(true);
  if (res.status >= 400) {
    expect(String(res.headers['content-type']), `not problem+json: ${where}`).toMatch(/^application\/problem\+json/);
    if (r.method === 'HEAD') return; // no body to read
    const p = Problem.safeParse(res.json);
    expect(p.success, `not a Problem: ${where}`).toBe(true);
    const problem = p.data!;
    expect(Object.keys(STATUS_OF_CODE), `code outside the contract: ${where}`).toContain(problem.code);
    if (problem.code === 'invalid_request') expect(INVALID_REQUEST_STATUSES, where).toContain(res.status);
    else expect(res.status, `status does not match code: ${where}`).toBe(STATUS_OF_CODE[problem.code]);
    expect(problem.status, where).toBe(res.status);
    expect(problem.requestId, where).toBe(res.headers['x-request-id']);
  }
  for (const [pattern, what] of LEAKS) {
    if (what === 'a provider task id' && opts.providerIdsAllowed) continue;
    expect(pattern.test(res.text), `answer carries ${what}: ${where}`).toBe(false);
  }
}

function expectStatus(r: Req, res: Res, status: number | number[], code?: string): void {
  const where = `${describeReq(r)}\n  → ${res.status} ${cut(res.text)}`;
  expect(Array.isArray(status) ? status : [status], where).toContain(res.status);
  if (code && r.method !== 'HEAD') expect(res.json?.code, where).toBe(code);
}

// ---- what the test expects of bodies (the contract's rules, independently of the server) ----

/** Strings with U+0000 or an unpaired surrogate are not text any field can hold. */
function hasBadText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (/[\0\p{Cs}]/u.test(v)) return true;
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (/[\0\p{Cs}]/u.test(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

/** The JSON value a body carries, or 'invalid': UTF-8 (RFC 8259), parseable, well-formed text. */
function jsonOf(bytes: Buffer | undefined): unknown {
  if (!bytes || bytes.length === 0) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return INVALID;
  }
  try {
    const v: unknown = JSON.parse(text);
    return hasBadText(v) ? INVALID : v;
  } catch {
    return INVALID;
  }
}
const INVALID = Symbol('invalid');

/** What the contract calls "the same body" for Idempotency-Key replays. */
function canonical(b: CreateGenerationRequest): string {
  return JSON.stringify([b.prompt, b.durationSeconds ?? null, b.aspectRatio ?? null, b.negativePrompt ?? null, b.generateAudio ?? null, b.clientRef ?? null]);
}

// ---- generators ----

/** Text a field may hold, however odd: quotes, escapes, markup, SQL, bidi and zero-width marks, emoji, directives. */
const oddPiece = fc.oneof(
  fc.constantFrom('\ufeff', '\u202e', '\u200b', '\u2028', '\n', '\t', '"', '\\', '\\u0000', '<script>', '${x}', "'; DROP TABLE users; --", '%00', '😀', 'é', 'e\u0301', '[sim:reject]', '[sim:fail]', '\u0085', '\r\n', '\u0001'),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
/** Text no field can hold: U+0000 and unpaired surrogates (refused as invalid_request wherever they are). */
const unstorablePiece = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\udbff', '\udc00z');
const hostileText = fc
  .tuple(fc.array(oddPiece, { maxLength: 6 }), fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: unstorablePiece }))
  .map(([pieces, bad]) => pieces.join('') + bad);
/** Prompts: blank, too long, or anything, with LEAKMARK past the preview (64 non-blank characters first). */
const promptArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(hostileText, hostileText).map(([head, tail]) => `A fox at dawn ${head}${FILLER}LEAKMARK${tail}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u0001\u0002', '\u200b\ufeff', '\n\t') },
  { weight: 1, arbitrary: fc.integer({ min: MAX_PROMPT - 80, max: MAX_PROMPT + 200 }).map((n) => `${FILLER}LEAKMARK${'x'.repeat(n)}`.slice(0, n)) },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const anyJson = fc.jsonValue({ maxDepth: 2 });
/** A body the contract accepts (but for its prompt, which may be blank or too long)… */
const goodFields = fc.record(
  {
    prompt: promptArb,
    durationSeconds: maybe(fc.constantFrom(2, 4, 6, 8, 20)),
    aspectRatio: maybe(fc.constantFrom('16:9', '9:16')),
    negativePrompt: maybe(hostileText),
    generateAudio: maybe(fc.boolean()),
    clientRef: maybe(fc.oneof(hostileText.filter((t) => t.length > 0 && t.length <= 128), fc.constant('r'.repeat(128)))),
  },
  { requiredKeys: ['prompt'] },
);
/** …and one field of the wrong type or out of range. */
const wrongField = fc.oneof(
  fc.record({ field: fc.constant('prompt'), value: anyJson.filter((v) => typeof v !== 'string') }),
  fc.record({ field: fc.constant('durationSeconds'), value: fc.oneof(fc.constantFrom(1, 21, 0, -0, 4.5, 1e21, '4', null, true), anyJson) }),
  fc.record({ field: fc.constant('aspectRatio'), value: fc.constantFrom('16:9 ', '', '4:3', 16, null, '16：9') }),
  fc.record({ field: fc.constant('negativePrompt'), value: fc.oneof(fc.constant('n'.repeat(1001)), anyJson.filter((v) => typeof v !== 'string')) }),
  fc.record({ field: fc.constant('generateAudio'), value: fc.constantFrom('true', 0, 1, null, 'false') }),
  fc.record({ field: fc.constant('clientRef'), value: fc.oneof(fc.constantFrom('', 'r'.repeat(129), null), anyJson.filter((v) => typeof v !== 'string')) }),
);
const fieldsArb = fc.oneof(
  { weight: 3, arbitrary: goodFields },
  { weight: 1, arbitrary: fc.tuple(goodFields, wrongField).map(([o, w]) => ({ ...o, [w.field]: w.value })) },
);
const objectText = fieldsArb.map((o) => JSON.stringify(o));
const BAD_UTF8 = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80]];
const NUMBERS = ['1e400', '-1e400', '-0', '0', '4.0', '4.0000000000000001', '4e0', '40e-1', '123456789012345678901234567890', '0x4', '04', 'NaN', 'Infinity', '"4"', '4.5', '2', '20', '21', '5e-324', '-4'];
/** Request bodies, as bytes. */
const bodyArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 20, arbitrary: objectText.map((t) => Buffer.from(t)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(objectText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', 'Prompt', 'prompt '), fc.oneof(anyJson, fc.constant({ prototype: { polluted: true } })))
      .map(([t, k, v]) => Buffer.from(`{${JSON.stringify(k)}:${JSON.stringify(v)},${t.slice(1)}`)),
  },
  // Duplicate keys: JSON.parse keeps the last.
  { weight: 2, arbitrary: fc.tuple(promptArb, objectText).map(([p, t]) => Buffer.from(`{"prompt":${JSON.stringify(p)},${t.slice(1)}`)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30_000 }), fc.boolean()).map(([n, inField]) => Buffer.from(inField ? `{"prompt":"A fox","durationSeconds":${'['.repeat(n)}${']'.repeat(n)}}` : `${'['.repeat(n)}${']'.repeat(n)}`)) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS).map((n) => Buffer.from(`{"prompt":"A fox at dawn","durationSeconds":${n}}`)) },
  {
    weight: 2,
    arbitrary: fc.tuple(objectText, fc.constantFrom(...BAD_UTF8), fc.nat()).map(([t, bad, at]) => {
      const b = Buffer.from(t);
      const i = 11 + (at % Math.max(1, b.length - 13)); // inside or after the prompt string
      return Buffer.concat([b.subarray(0, i), Buffer.from(bad), b.subarray(i)]);
    }),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      objectText.chain((t) => fc.nat({ max: t.length - 1 }).map((n) => Buffer.from(t.slice(0, n)))),
      objectText.map((t) => Buffer.from(`${t} trailing`)),
      objectText.map((t) => Buffer.from(`${t}${t}`)),
      objectText.map((t) => Buffer.from(`\ufeff${t}`)),
      fc.constantFrom('', ' ', 'null', '[]', '""', '0', 'true', '{', '}', '{"prompt":"A fox at dawn"', "{'prompt':'A fox'}", '{"prompt":"A fox\u0001 raw control"}').map((s) => Buffer.from(s)),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s)),
    ),
  },
);

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8', ' application/json', 'application/json; charset="utf-8"', 'application/json ; charset=utf-8'];
const NOT_JSON_TYPES = ['text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/xml', 'text/json', 'application/jsonx', 'application/json-patch+json', '*/*', 'application/json, text/plain', null];
const contentTypeArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...JSON_TYPES) }, { weight: 2, arbitrary: fc.constantFrom(...NOT_JSON_TYPES) });

type Who = 'alice' | 'bob' | 'outsider' | 'revoked';
/** Authorization headers: the scheme in any case after any number of spaces is RFC 6750's `"Bearer" 1*SP token`. */
const authArb = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      who: fc.constantFrom<Who>('alice', 'alice', 'alice', 'bob', 'bob', 'outsider', 'revoked'),
      scheme: fc.constantFrom('Bearer', 'bearer', 'BEARER', 'bEaReR'),
      spaces: fc.integer({ min: 1, max: 4 }),
      pad: fc.constantFrom('', ' ', '  '),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      who: fc.constantFrom<Who>('alice', 'bob'),
      odd: fc.constantFrom('none', 'basic', 'tab', 'noScheme', 'schemeOnly', 'suffix', 'truncated', 'extraWord', 'twice', 'admin', 'garbage', 'colon'),
      garbage: fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    }),
  },
);
type AuthSpec = { who: Who; scheme: string; spaces: number; pad: string } | { who: Who; odd: string; garbage: string };

/** Idempotency-Key headers: ordinary, reused, at and past 255, non-ASCII, padded, blank or missing. */
const keyArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('fresh' as const), junk: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reuse' as const), pick: fc.nat(), sameBody: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('length' as const), n: fc.constantFrom(254, 255, 256, 300) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nonAscii' as const), text: fc.constantFrom('clé', '日本語', '😀', 'é'.repeat(127), 'é'.repeat(128)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('padded' as const), pre: fc.constantFrom('', ' ', '  ', '\t'), post: fc.constantFrom('', ' ', '\t '), inner: fc.constantFrom('', ' ', '  ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), value: fc.constantFrom('', ' ', '   ', '\t', null) }) },
);
type KeySpec = typeof keyArb extends fc.Arbitrary<infer T> ? T : never;

const submitArb = fc.record({ kind: fc.constant('submit' as const), auth: authArb, key: keyArb, contentType: contentTypeArb, body: bodyArb, chunked: fc.boolean() });
const oversizeArb = fc.record({
  kind: fc.constant('oversize' as const),
  route: fc.constantFrom('/v1/generations', '/v1/prompts/validate', '/v1/early-access', '/v1/webhooks/provider'),
  size: fc.oneof(fc.constant(BODY_LIMIT + 1), fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 4 })),
  chunked: fc.boolean(),
});
/** The free prompt check and the public early-access sign-up take the same hostile bodies; neither changes the books. */
const sideRouteArb = fc.record({
  kind: fc.constant('sideRoute' as const),
  route: fc.constantFrom('/v1/prompts/validate', '/v1/early-access'),
  body: fc.oneof(bodyArb, fc.tuple(hostileText, fc.constantFrom('@example.com', '', '@', '@b.co\u0000')).map(([local, domain]) => Buffer.from(JSON.stringify({ email: `${local}${domain}` })))),
  contentType: contentTypeArb,
});
/** A signed video URL, altered or not, with odd Range headers: altered, it never serves. */
const videoArb = fc.record({
  kind: fc.constant('video' as const),
  pick: fc.nat(),
  alter: fc.constantFrom('none', 'none', 'flipSig', 'expPlus', 'expZero', 'otherId', 'dropSig', 'dupSig', 'extraParam', 'sigPadding', 'sigCase', 'idCase'),
  range: fc.constantFrom(null, 'bytes=0-0', 'bytes=-1', 'bytes=abc', 'bytes=5-1', 'bytes=0-0,2-3', 'items=0-1', 'bytes=99999999999999999999-', 'bytes=-0', 'bytes=0-'),
});
const atLimitArb = fc.record({ kind: fc.constant('atLimit' as const), size: fc.integer({ min: BODY_LIMIT - 64, max: BODY_LIMIT }) });
/** Ids that are no generation of the caller's; the malformed ones (bad percent-encoding, raw non-ASCII bytes) are 400, the rest 404. */
const MALFORMED_IDS = ['%', '%zz', '%E0%A4%A', wire('日本')];
const ID_TRICKS = ['..%2F..%2Fv1%2Fme', '..', '.', '%2e%2e', '%00', encodeURIComponent('日本語'), 'g'.repeat(101), 'g'.repeat(129), 'g'.repeat(5000), '%20', 'null', 'undefined', '__proto__', 'constructor', ...MALFORMED_IDS];
const readArb = fc.record({
  kind: fc.constant('read' as const),
  target: fc.oneof(
    fc.record({ own: fc.constant(true), pick: fc.nat(), suffix: fc.constantFrom('', '?x=1', '?__proto__=1&&', '/', '%00', 'X', '/cancel') }),
    fc.record({ own: fc.constant(false), pick: fc.nat(), trick: fc.constantFrom(...ID_TRICKS) }),
  ),
});
const LIMITS = [null, '1', '2', '20', '100', '0', '101', '-1', '1.5', 'abc', '', '1e400', 'NaN', '%00', '99999999999999999999', '0x10', '+5', '1e1', '%205', '5%20', '%E0%A4%A'];
const historyArb = fc.record({
  kind: fc.constant('history' as const),
  limit: fc.constantFrom(...LIMITS),
  cursor: fc.oneof(
    fc.constant({ c: 'none' as const }),
    fc.constant({ c: 'own' as const }),
    fc.constant({ c: 'others' as const }),
    fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => ({ c: 'raw' as const, s })),
    fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 20 })).map(([n, id]) => ({ c: 'forged' as const, s: Buffer.from(`${n}.${id}`).toString('base64url') })),
  ),
  junk: fc.constantFrom('', '&foo=bar', '&limit=2', '&&', '&cursor=', '&__proto__[x]=1'),
});
const cancelArb = fc.record({
  kind: fc.constant('cancel' as const),
  pick: fc.nat(),
  asOther: fc.boolean(),
  body: fc.constantFrom<string | null>(null, '', '{}', 'null', '{"reason":"x"}', '[]', '{', '{"__proto__":{}}'),
});
const USER_ROUTES: Array<[string, string]> = [['GET', '/v1/me'], ['GET', '/v1/gate'], ['GET', '/v1/generations'], ['POST', '/v1/generations'], ['POST', '/v1/prompts/validate']];
const ADMIN_ROUTES: Array<[string, string]> = [['POST', '/v1/admin/users'], ['GET', '/v1/admin/spend'], ['PUT', '/v1/admin/gate'], ['PUT', '/v1/admin/budget'], ['POST', '/v1/admin/users/ID/credits'], ['POST', '/v1/admin/users/ID/tokens/revoke'], ['GET', '/v1/admin/generations/GEN']];
const crossArb = fc.record({
  kind: fc.constant('cross' as const),
  adminOnUser: fc.boolean(),
  route: fc.nat(),
  token: fc.constantFrom('alice', 'revoked', 'adminish', 'none'),
});
const ROUTES: Array<[string, string]> = [...USER_ROUTES, ['GET', '/v1/generations/GEN'], ['POST', '/v1/generations/GEN/cancel'], ['POST', '/v1/early-access'], ['POST', '/v1/webhooks/provider'], ['GET', '/healthz'], ['GET', '/readyz'], ...ADMIN_ROUTES];
const methodArb = fc.record({ kind: fc.constant('method' as const), route: fc.nat(), method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH', 'POST', 'GET', 'FOO', 'HEAD') });
const NOT_HTTP_PATHS = ['v1/me', `/v1/${wire('日本')}`];
const PATHS = ['/v1//me', '/v1/me/', '/V1/ME', '/v1/me;x', '/v1/me%00', '/v1/%2e%2e/v1/me', '/./v1/me', '/v1/me/..', '//v1/me', '/v1/me#frag', '/v1/me?%', '/v1/me?a=%E0%A4%A', '/v1/%6de', '/%', 'v1/me', '*', `/v1/${wire('日本')}`, `/${'a'.repeat(20_000)}`, `/v1/me?${'q'.repeat(20_000)}`, '/v1/generations/%2F', '/v1/admin/../me', '/v1/videos/x?exp=1&sig=' + 'A'.repeat(200)];
const pathArb = fc.record({ kind: fc.constant('path' as const), path: fc.constantFrom(...PATHS), bigHeader: fc.boolean() });
const webhookArb = fc.record({
  kind: fc.constant('webhook' as const),
  target: fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) }),
  type: fc.constantFrom('task.running', 'task.succeeded', 'task.failed'),
  forgery: fc.constantFrom('none', 'none', 'none', 'tamperBody', 'tamperSig', 'wrongSecret', 'noSig', 'noId', 'v2only', 'sigList', 'stale', 'future', 'nearPast', 'nearFuture', 'tsJunk', 'tsFloat', 'tsSpace'),
  payload: fc.constantFrom('event', 'event', 'event', 'wrongTypes', 'notJson', 'nul', 'extra', 'noVideoUrl', 'badVideoUrl', 'badUtf8'),
  replay: fc.boolean(),
});
const commandArb = fc.oneof(
  { weight: 8, arbitrary: submitArb },
  { weight: 1, arbitrary: oversizeArb },
  { weight: 1, arbitrary: atLimitArb },
  { weight: 2, arbitrary: sideRouteArb },
  { weight: 1, arbitrary: videoArb },
  { weight: 2, arbitrary: readArb },
  { weight: 2, arbitrary: historyArb },
  { weight: 2, arbitrary: cancelArb },
  { weight: 1, arbitrary: crossArb },
  { weight: 1, arbitrary: methodArb },
  { weight: 1, arbitrary: pathArb },
  { weight: 3, arbitrary: webhookArb },
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

// ---- the server and what the test knows of it ----

interface Account {
  id: string;
  token: string;
}
interface Known {
  owner: string;
  credits: number;
  status: string;
}

describe.each(ENGINES)('hostile HTTP input on %s', (engine) => {
  let h: Harness;
  let base: URL;
  const accounts = {} as Record<Who, Account>;
  const granted = new Map<string, number>();
  const tokens = new Map<string, string>();
  /** Every generation the test saw accepted (202), by id. */
  const known = new Map<string, Known>();
  /** Idempotency keys as the server sees them (trimmed header bytes), per user: the body's canonical form and the generation. */
  const keys = new Map<string, { canon: string; id: string }>();
  /** Keys an authenticated user sent, for reuse: the wire header, the body and its type. */
  const sentKeys = new Map<string, Array<{ header: string; body: Buffer; contentType: string }>>();
  let seq = 0;

  /** How often each status was answered: the runs must reach every kind of answer, or they tested little. */
  const statuses = new Map<number, number>();
  const call = async (r: Req, opts?: Parameters<typeof checkAnswer>[2]): Promise<Res> => {
    const res = await send(base, r);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    checkAnswer(r, res, opts);
    return res;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const newAccount = async (credits: number, earlyAccess: boolean): Promise<Account> => {
    const u = await h.user({ credits, earlyAccess, name: `hostile-${++seq}` });
    granted.set(u.id, credits);
    tokens.set(u.id, u.token);
    return u;
  };
  const ownGenerations = (userId: string) => [...known.entries()].filter(([, g]) => g.owner === userId).map(([id]) => id);

  beforeAll(async () => {
    h = await startHarness(engine, { env: { SHOTLIST_RATE_LIMIT_PER_MIN: '1000000', SHOTLIST_EARLY_ACCESS_PER_MIN: '10000' } });
    base = new URL(h.server.url);
    await h.openGate();
    accounts.alice = await newAccount(1_000_000, true);
    accounts.bob = await newAccount(1_000_000, true);
    accounts.outsider = await newAccount(1000, false);
    accounts.revoked = await newAccount(1000, true);
    expect((await h.admin('POST', `/v1/admin/users/${accounts.revoked.id}/tokens/revoke`)).status).toBe(204);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The books: every user's balances are what the generations the test saw accepted explain, and nothing else exists. */
  async function checkBooks(): Promise<void> {
    expect(await auditLedger(h.server.context.db)).toEqual([]);
    for (const [userId, grant] of granted) {
      const row = (await h.server.context.db.get<{ granted: number; available: number; reserved: number; charged: number }>('SELECT granted, available, reserved, charged FROM users WHERE id = ?', [userId]))!;
      const gens = await h.server.context.db.all<{ id: string; status: string; credits: number }>('SELECT id, status, credits FROM generations WHERE user_id = ?', [userId]);
      // Rejected requests left nothing: the user's generations are exactly those answered 202.
      expect(gens.map((g) => g.id).sort(), `generations of ${userId}`).toEqual(ownGenerations(userId).sort());
      for (const g of gens) expect(g.status, `status of ${g.id}`).toBe(known.get(g.id)!.status);
      const open = gens.filter((g) => g.status === 'queued' || g.status === 'running').reduce((s, g) => s + g.credits, 0);
      const charged = gens.filter((g) => g.status === 'succeeded').reduce((s, g) => s + g.credits, 0);
      expect({ ...row }, `balances of ${userId}`).toEqual({ granted: grant, available: grant - open - charged, reserved: open, charged });
    }
  }

  function authHeader(a: AuthSpec): { value: string | null; valid: Who | null } {
    const token = accounts[a.who].token;
    const usable = a.who === 'revoked' ? null : a.who;
    if ('scheme' in a) return { value: `${a.pad}${a.scheme}${' '.repeat(a.spaces)}${token}${a.pad}`, valid: usable };
    const odd: Record<string, string | null> = {
      none: null,
      basic: `Basic ${token}`,
      tab: `Bearer\t${token}`,
      noScheme: token,
      schemeOnly: 'Bearer',
      suffix: `Bearer ${token}x`,
      truncated: `Bearer ${token.slice(0, -1)}`,
      extraWord: `Bearer ${token} extra`,
      twice: `Bearer ${token}, Bearer ${token}`,
      admin: `Bearer ${ADMIN_TOKEN}`,
      garbage: `Bearer ${a.garbage.replace(/[^\x21-\x7e]/g, '')}!`,
      colon: `Bearer:${token}`,
    };
    return { value: odd[a.odd]!, valid: null };
  }

  /** The header value to send, and the key as the server sees it (null: missing or not 1–255 characters). */
  function keyHeader(k: KeySpec, userId: string): { header: string | null; key: string | null; reuse?: { body: Buffer; contentType: string } } {
    const n = ++seq;
    const asSeen = (header: string | null) => {
      if (header === null) return null;
      const trimmed = header.replace(/^[ \t]+|[ \t]+$/g, '');
      return trimmed.length >= 1 && trimmed.length <= 255 ? trimmed : null;
    };
    switch (k.kind) {
      case 'fresh': {
        const header = `k${n}-${k.junk}`;
        return { header, key: asSeen(header) };
      }
      case 'reuse': {
        const prior = sentKeys.get(userId) ?? [];
        if (prior.length === 0) return { header: `k${n}`, key: `k${n}` };
        const p = prior[k.pick % prior.length]!;
        return { header: p.header, key: asSeen(p.header), ...(k.sameBody ? { reuse: { body: p.body, contentType: p.contentType } } : {}) };
      }
      case 'length': {
        const header = `k${n}-`.padEnd(k.n, 'k');
        return { header, key: asSeen(header) };
      }
      case 'nonAscii': {
        const header = wire(`${n}${k.text}`);
        return { header, key: asSeen(header) };
      }
      case 'padded': {
        const header = `${k.pre}k${n}${k.inner}x${k.post}`;
        return { header, key: asSeen(header) };
      }
      case 'blank':
        return { header: k.value, key: null };
    }
  }

  async function submit(c: Extract<Command, { kind: 'submit' }>): Promise<void> {
    const auth = authHeader(c.auth);
    const userId = auth.valid ? accounts[auth.valid].id : null;
    const k = keyHeader(c.key, userId ?? 'nobody');
    const body = k.reuse?.body ?? c.body;
    const contentType = k.reuse?.contentType ?? c.contentType;
    const headers: Record<string, string> = {};
    if (auth.value !== null) headers.authorization = auth.value;
    if (k.header !== null) headers['idempotency-key'] = k.header;
    if (contentType !== null) headers['content-type'] = contentType;
    const r: Req = { method: 'POST', path: '/v1/generations', headers, body, chunked: c.chunked };
    const res = await call(r);

    if (!auth.valid) return expectStatus(r, res, 401, 'unauthenticated');
    // Every usable key may come back later, refused ones too: a refusal must not have claimed it.
    if (k.key !== null && contentType !== null) sentKeys.set(userId!, [...(sentKeys.get(userId!) ?? []), { header: k.header!, body, contentType }]);
    const value = jsonOf(body);
    const parsed = value === INVALID ? null : CreateGenerationRequest.safeParse(value);
    if (contentType === null || !JSON_TYPES.includes(contentType) || !parsed?.success || k.key === null) return expectStatus(r, res, 400, 'invalid_request');
    if (validatePrompt(parsed.data.prompt, { maxChars: MAX_PROMPT }).length > 0) return expectStatus(r, res, 422, 'prompt_rejected');
    const slot = `${userId}\n${k.key}`;
    const prior = keys.get(slot);
    const canon = canonical(parsed.data);
    if (prior && prior.canon !== canon) return expectStatus(r, res, 422, 'idempotency_key_reused');
    if (prior) {
      expectStatus(r, res, [200, 202]);
      expect(res.json.id, describeReq(r)).toBe(prior.id);
      return;
    }
    if (auth.valid === 'outsider') return expectStatus(r, res, 403, 'early_access_required');
    expectStatus(r, res, 202);
    const g = Generation.parse(res.json);
    expect(g.credits).toBe(generationCost(parsed.data));
    expect(g.promptPreview.length).toBeLessThanOrEqual(64);
    expect(known.has(g.id)).toBe(false);
    expect(g.status, describeReq(r)).toBe(parsed.data.prompt.includes('[sim:reject]') ? 'failed' : 'queued');
    expect(g.refunded).toBe(g.status === 'failed');
    known.set(g.id, { owner: userId!, credits: g.credits, status: g.status });
    keys.set(slot, { canon, id: g.id });
  }

  async function run(c: Command): Promise<void> {
    const alice = accounts.alice;
    const aliceGens = () => ownGenerations(alice.id);
    const bobGens = () => ownGenerations(accounts.bob.id);
    switch (c.kind) {
      case 'submit':
        return submit(c);
      case 'oversize': {
        const headers: Record<string, string> = { ...bearer(alice.token), 'content-type': 'application/json', 'idempotency-key': `big-${++seq}` };
        const body = Buffer.from(`{"prompt":"${'x'.repeat(c.size - 13)}"}`);
        const r: Req = { method: 'POST', path: c.route, headers, body, chunked: c.chunked };
        return expectStatus(r, await call(r), 413, 'payload_too_large');
      }
      case 'atLimit': {
        // At the limit a body is read: a prompt that long is refused by validation, not by size.
        const body = Buffer.from(`{"prompt":"${'x'.repeat(c.size - 13)}"}`);
        const r: Req = { method: 'POST', path: '/v1/generations', headers: { ...bearer(alice.token), 'content-type': 'application/json', 'idempotency-key': `lim-${++seq}` }, body };
        return expectStatus(r, await call(r), 422, 'prompt_rejected');
      }
      case 'sideRoute': {
        const validate = c.route === '/v1/prompts/validate';
        const headers: Record<string, string> = validate ? bearer(alice.token) : {};
        if (c.contentType !== null) headers['content-type'] = c.contentType;
        const r: Req = { method: 'POST', path: c.route, headers, body: c.body };
        const res = await call(r);
        const value = jsonOf(c.body);
        const schema = validate ? ValidateRequest : EarlyAccessRequest;
        const ok = c.contentType !== null && JSON_TYPES.includes(c.contentType) && value !== INVALID && schema.safeParse(value).success;
        if (!ok) return expectStatus(r, res, 400, 'invalid_request');
        expectStatus(r, res, validate ? 200 : 202);
        if (validate) {
          const v = ValidateResponse.parse(res.json);
          expect(v.ok, describeReq(r)).toBe(validatePrompt((value as { prompt: string }).prompt, { maxChars: MAX_PROMPT }).length === 0);
        } else expect(res.json).toEqual({});
        return;
      }
      case 'video': {
        const done = [...known.entries()].filter(([, g]) => g.status === 'succeeded').map(([id, g]) => ({ id, token: tokens.get(g.owner)! }));
        if (done.length === 0) return;
        const target = done[c.pick % done.length]!;
        const url = new URL(Generation.parse((await call({ method: 'GET', path: `/v1/generations/${target.id}`, headers: bearer(target.token) })).json).videoUrl!);
        const [exp, sig] = [url.searchParams.get('exp')!, url.searchParams.get('sig')!];
        const other = done.find((d) => d.id !== target.id)?.id ?? 'gen_nothing';
        const flip = (t: string) => (t[0] === 'A' ? 'B' : 'A') + t.slice(1);
        const query: Record<string, string> = {
          none: `exp=${exp}&sig=${sig}`,
          flipSig: `exp=${exp}&sig=${flip(sig)}`,
          expPlus: `exp=${Number(exp) + 1}&sig=${sig}`,
          expZero: `exp=0${exp}&sig=${sig}`,
          otherId: `exp=${exp}&sig=${sig}`,
          dropSig: `exp=${exp}`,
          dupSig: `exp=${exp}&sig=${sig}&sig=${sig}`,
          extraParam: `exp=${exp}&sig=${sig}&x=1`,
          sigPadding: `exp=${exp}&sig=${sig}=`,
          sigCase: `exp=${exp}&sig=${sig.toUpperCase() === sig ? sig.toLowerCase() : sig.toUpperCase()}`,
          idCase: `exp=${exp}&sig=${sig}`,
        };
        const id = c.alter === 'otherId' ? other : c.alter === 'idCase' ? target.id.toUpperCase() : target.id;
        const r: Req = { method: 'GET', path: `/v1/videos/${id}?${query[c.alter]}`, headers: c.range ? { range: c.range } : {} };
        const res = await call(r);
        if (c.alter === 'none' || (c.alter === 'idCase' && id === target.id)) return expectStatus(r, res, [200, 206, 416]);
        // Altered: refused (401), or its query refused outright (400); never the clip.
        return expectStatus(r, res, ['dupSig', 'extraParam'].includes(c.alter) ? 400 : 401);
      }
      case 'read': {
        const own = aliceGens();
        if (c.target.own) {
          if (own.length === 0) return;
          const id = own[c.target.pick % own.length]!;
          const r: Req = { method: 'GET', path: `/v1/generations/${id}${c.target.suffix}`, headers: bearer(alice.token) };
          const res = await call(r);
          if (c.target.suffix === '' || c.target.suffix.startsWith('?')) {
            expectStatus(r, res, 200);
            expect(Generation.parse(res.json).id).toBe(id);
          } else expectStatus(r, res, [400, 404]);
          return;
        }
        const others = bobGens();
        const id = others.length && c.target.pick % 2 === 0 ? others[c.target.pick % others.length]! : c.target.trick;
        const r: Req = { method: 'GET', path: `/v1/generations/${id}`, headers: bearer(alice.token) };
        return MALFORMED_IDS.includes(id) ? expectStatus(r, await call(r), 400, 'invalid_request') : expectStatus(r, await call(r), 404, 'not_found');
      }
      case 'history': {
        const cursorOf = async (token: string): Promise<string | null> => GenerationList.parse((await call({ method: 'GET', path: '/v1/generations?limit=1', headers: bearer(token) })).json).nextCursor;
        let cursor: string | null = null;
        if (c.cursor.c === 'own') cursor = await cursorOf(alice.token);
        if (c.cursor.c === 'others') cursor = await cursorOf(accounts.bob.token);
        if (c.cursor.c === 'raw' || c.cursor.c === 'forged') cursor = c.cursor.s;
        const query = [c.limit !== null ? `limit=${c.limit}` : null, cursor !== null ? `cursor=${encodeURIComponent(cursor)}` : null].filter(Boolean).join('&');
        const r: Req = { method: 'GET', path: `/v1/generations?${query}${c.junk}`, headers: bearer(alice.token) };
        const res = await call(r);
        if (res.status !== 200) return expectStatus(r, res, 400, 'invalid_request');
        // Whatever it accepted, it lists only the caller's own, newest first, within the limit.
        const page = GenerationList.parse(res.json);
        const mine = new Set(aliceGens());
        for (const g of page.items) expect(mine.has(g.id), `${describeReq(r)}: someone else's ${g.id}`).toBe(true);
        const times = page.items.map((g) => g.createdAt);
        expect([...times].sort().reverse(), describeReq(r)).toEqual(times);
        if (c.junk === '' && c.limit !== null) {
          const q = GenerationListQuery.safeParse({ limit: decodeURIComponent(c.limit.replace(/\+/g, ' ')) });
          expect(q.success, `${describeReq(r)} accepted limit ${JSON.stringify(c.limit)}`).toBe(true);
          expect(page.items.length).toBeLessThanOrEqual(q.data!.limit);
        }
        return;
      }
      case 'cancel': {
        const pool = c.asOther ? bobGens() : aliceGens();
        if (pool.length === 0) return;
        const id = pool[c.pick % pool.length]!;
        const g = known.get(id)!;
        const headers: Record<string, string> = bearer(alice.token);
        if (c.body !== null) headers['content-type'] = 'application/json';
        const r: Req = { method: 'POST', path: `/v1/generations/${id}/cancel`, headers, ...(c.body !== null ? { body: Buffer.from(c.body) } : {}) };
        const res = await call(r);
        const value = jsonOf(r.body);
        if (value === INVALID || !NoBody.safeParse(value).success) return expectStatus(r, res, 400, 'invalid_request');
        if (c.asOther) return expectStatus(r, res, 404, 'not_found');
        expectStatus(r, res, 200);
        const after = Generation.parse(res.json);
        const wasOpen = g.status === 'queued' || g.status === 'running';
        expect(after.status, describeReq(r)).toBe(wasOpen ? 'canceled' : g.status);
        if (wasOpen) expect(after.refunded).toBe(true);
        g.status = after.status;
        return;
      }
      case 'cross': {
        if (c.adminOnUser) {
          const [method, path] = USER_ROUTES[c.route % USER_ROUTES.length]!;
          const r: Req = { method, path, headers: { ...bearer(ADMIN_TOKEN), 'content-type': 'application/json', 'idempotency-key': `x-${++seq}` }, body: Buffer.from('{"prompt":"A fox at dawn"}') };
          return expectStatus(r, await call(r), 401, 'unauthenticated');
        }
        const [method, template] = ADMIN_ROUTES[c.route % ADMIN_ROUTES.length]!;
        const path = template.replace('ID', alice.id).replace('GEN', aliceGens()[0] ?? 'gen_x');
        const token = { alice: alice.token, revoked: accounts.revoked.token, adminish: `${ADMIN_TOKEN}x`, none: null }[c.token];
        const r: Req = { method, path, headers: { ...(token ? bearer(token) : {}), 'content-type': 'application/json' }, body: Buffer.from('{"amount":1000,"reason":"x","generationEnabled":false,"name":"x"}') };
        return expectStatus(r, await call(r), 401, 'unauthenticated');
      }
      case 'method': {
        const [, template] = ROUTES[c.route % ROUTES.length]!;
        const path = template.replace('ID', alice.id).replace('GEN', aliceGens()[0] ?? 'gen_x');
        const has = new Set(ROUTES.filter(([, t]) => t === template).map(([m]) => m));
        if (has.has(c.method) || (c.method === 'HEAD' && has.has('GET'))) return;
        const r: Req = { method: c.method, path, headers: { ...bearer(alice.token), 'content-type': 'application/json' }, body: Buffer.from('{}') };
        // Not a method llhttp knows: refused before routing. Any other method a route lacks: 404, always.
        return expectStatus(r, await call(r), c.method === 'FOO' ? 400 : 404, c.method === 'FOO' ? 'invalid_request' : 'not_found');
      }
      case 'path': {
        const r: Req = { method: 'GET', path: c.path, headers: { ...bearer(alice.token), ...(c.bigHeader ? { 'x-junk': 'j'.repeat(20_000) } : {}) } };
        const res = await call(r);
        if (res.status === 200) expect(Me.parse(res.json).id, describeReq(r)).toBe(alice.id);
        else expectStatus(r, res, [400, 401, 404, 431]);
        // A request line Node's parser refuses is 400 before it reads on; past that, 16 KB of headers is 431.
        if (NOT_HTTP_PATHS.includes(c.path)) expectStatus(r, res, 400, 'invalid_request');
        else if (c.bigHeader || c.path.length > 16_000) expectStatus(r, res, 431, 'invalid_request');
        return;
      }
      case 'webhook':
        return webhook(c);
    }
  }

  /** A Standard Webhooks signature over the exact bytes sent. */
  function sign(secret: string, id: string, ts: string, body: Buffer): string {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${id}.${ts}.`), body])).digest('base64');
  }

  async function webhook(c: Extract<Command, { kind: 'webhook' }>): Promise<void> {
    const all = [...known.keys()];
    const genId = c.target >= 0 && all.length ? all[c.target % all.length]! : null;
    const g = genId ? known.get(genId)! : null;
    // A generation whose create the provider refused has no provider task: an unknown id, like a made-up one.
    const providerTaskId = (genId && h.provider.created.get(genId)?.providerTaskId) ?? `unknown-${++seq}`;
    const data: Record<string, unknown> = { providerTaskId };
    if (c.type === 'task.succeeded' && c.payload !== 'noVideoUrl') data.videoUrl = c.payload === 'badVideoUrl' ? 'file:///etc/passwd' : 'fake://clip/hostile';
    if (c.type === 'task.failed') data.error = 'RAW-PROVIDER-ERROR: GPU melted at 0xDEAD';
    const payloads: Record<string, Buffer> = {
      event: Buffer.from(JSON.stringify({ type: c.type, data })),
      wrongTypes: Buffer.from(JSON.stringify({ type: c.type, data: { providerTaskId: 42 } })),
      notJson: Buffer.from(`{"type":"${c.type}","data":`),
      nul: Buffer.from(JSON.stringify({ type: c.type, data: { ...data, providerTaskId: `${providerTaskId}\u0000` } })),
      extra: Buffer.from(`{"type":"${c.type}","data":{"__proto__":{"polluted":true},"more":"x",${JSON.stringify(data).slice(1)},"extra":[1,2]}`),
      noVideoUrl: Buffer.from(JSON.stringify({ type: c.type, data })),
      badVideoUrl: Buffer.from(JSON.stringify({ type: c.type, data })),
      badUtf8: Buffer.concat([Buffer.from(`{"type":"${c.type}","data":{"providerTaskId":"${providerTaskId}`), Buffer.from([0xff]), Buffer.from('"}}')]),
    };
    const body = payloads[c.payload]!;
    const secret = h.server.context.secrets.webhookSecret;
    const id = `msg_hostile_${++seq}`;
    const now = Math.floor(Date.now() / 1000);
    const offset = { stale: -310 - (seq % 5000), future: 310 + (seq % 5000), nearPast: -280, nearFuture: 280 }[c.forgery as 'stale'] ?? 0;
    const ts = String(now + offset);
    const good = sign(secret, id, ts, body);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${good}` };
    let sent = body;
    switch (c.forgery) {
      case 'tamperBody':
        sent = Buffer.concat([body, Buffer.from(' ')]);
        break;
      case 'tamperSig':
        headers['webhook-signature'] = `v1,${good.slice(0, -4)}AAA=`;
        break;
      case 'wrongSecret':
        headers['webhook-signature'] = `v1,${sign(`whsec_${Buffer.from('not the secret').toString('base64')}`, id, ts, body)}`;
        break;
      case 'noSig':
        delete headers['webhook-signature'];
        break;
      case 'noId':
        delete headers['webhook-id'];
        break;
      case 'v2only':
        headers['webhook-signature'] = `v2,${good}`;
        break;
      case 'sigList':
        headers['webhook-signature'] = `v1,AAAA v2,${good} v1,${good}`;
        break;
      case 'tsJunk':
        headers['webhook-timestamp'] = `${ts}abc`;
        break;
      case 'tsFloat':
        headers['webhook-timestamp'] = `${ts}.5`;
        break;
      case 'tsSpace':
        headers['webhook-timestamp'] = `${ts} 1`;
        break;
    }
    const r: Req = { method: 'POST', path: '/v1/webhooks/provider', headers, body: sent };
    const res = await call(r, { unavailableAllowed: c.payload === 'badVideoUrl' });
    const authentic = ['none', 'sigList', 'nearPast', 'nearFuture'].includes(c.forgery);
    if (!authentic) return expectStatus(r, res, 401, 'unauthenticated');
    // Bytes that are not UTF-8, signed as they are: Standard Webhooks signs text, and the
    // maintained verifier decodes the body before it computes the signature, so these bytes can
    // never verify. Unverifiable is unauthenticated (docs/server.md).
    if (c.payload === 'badUtf8') return expectStatus(r, res, 401, 'unauthenticated');
    if (['wrongTypes', 'notJson', 'nul'].includes(c.payload) || (c.payload === 'noVideoUrl' && c.type === 'task.succeeded')) return expectStatus(r, res, 400, 'invalid_request');
    if (!g || providerTaskId.startsWith('unknown-')) return expectStatus(r, res, 404, 'not_found');
    const open = g.status === 'queued' || g.status === 'running';
    if (c.payload === 'badVideoUrl' && c.type === 'task.succeeded' && open) return expectStatus(r, res, 503, 'unavailable');
    expectStatus(r, res, 200);
    const next = { 'task.running': 'running', 'task.succeeded': 'succeeded', 'task.failed': 'failed' }[c.type]!;
    // A second task.running on a running task may be applied or ignored; it changes nothing either way.
    const runningAgain = c.type === 'task.running' && g.status === 'running';
    if (!runningAgain) expect(res.json, describeReq(r)).toEqual({ result: open ? 'applied' : 'ignored' });
    if (open) g.status = next;
    const seen = Generation.parse((await call({ method: 'GET', path: `/v1/generations/${genId}`, headers: bearer(tokens.get(g.owner)!) })).json);
    expect(seen.status, describeReq(r)).toBe(g.status);
    if (c.replay) {
      const again = await call(r);
      expectStatus(r, again, 200);
      expect(again.json).toEqual({ result: 'duplicate' });
    }
  }

  it('every answer to hostile requests keeps the contract, and the books balance after each run', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 8 }), async (commands) => {
        for (const c of commands) await run(c);
        await checkBooks();
      }),
      { numRuns: 500 },
    );
    for (const status of [200, 202, 400, 401, 403, 404, 413, 422, 431]) expect(statuses.get(status) ?? 0, `answers with status ${status}`).toBeGreaterThan(0);
    expect([...known.values()].filter((g) => g.status === 'succeeded').length).toBeGreaterThan(0);
    expect([...known.values()].filter((g) => g.status === 'failed').length).toBeGreaterThan(0);
    expect([...known.values()].filter((g) => g.status === 'canceled').length).toBeGreaterThan(0);
  });

  it('concurrent submissions, replays, cancels and webhooks never overspend, double-settle or leak', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 8, max: 40 }),
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), body: fc.constantFrom(0, 1), audio: fc.boolean() }), { minLength: 2, maxLength: 10 }),
        fc.array(fc.constantFrom('cancel', 'task.failed', 'task.succeeded', 'task.running', 'replayFailed'), { minLength: 1, maxLength: 8 }),
        async (credits, submissions, settlers) => {
          const u = await newAccount(credits, true);
          const prompts = [`A fox at dawn ${FILLER}LEAKMARK one`, `A heron at dusk ${FILLER}LEAKMARK two`];
          const reqs = submissions.map((s): Req => ({
            method: 'POST',
            path: '/v1/generations',
            headers: { ...bearer(u.token), 'content-type': 'application/json', 'idempotency-key': s.key },
            body: Buffer.from(JSON.stringify({ prompt: prompts[s.body], durationSeconds: 4, generateAudio: s.audio })),
          }));
          const answers = await Promise.all(reqs.map((r) => call(r)));
          const byKey = new Map<string, Set<string>>();
          for (const [i, res] of answers.entries()) {
            expectStatus(reqs[i]!, res, [200, 202, 402, 409, 422]);
            if (res.status === 422) expect(res.json.code).toBe('idempotency_key_reused');
            if (res.status >= 300) continue;
            const g = Generation.parse(res.json);
            const ids = byKey.get(submissions[i]!.key) ?? new Set();
            ids.add(g.id);
            byKey.set(submissions[i]!.key, ids);
            if (!known.has(g.id)) known.set(g.id, { owner: u.id, credits: g.credits, status: g.status });
          }
          // One generation per key, and never more reserved than granted.
          for (const ids of byKey.values()) expect(ids.size).toBe(1);
          const mine = ownGenerations(u.id);
          expect(mine.reduce((s, id) => s + known.get(id)!.credits, 0)).toBeLessThanOrEqual(credits);

          if (mine.length > 0) {
            const target = mine[0]!;
            const ptid = h.provider.providerTaskIdFor(target);
            const failedId = `msg_race_${++seq}`;
            const racers = settlers.map((s, i): Promise<Res> => {
              if (s === 'cancel') return call({ method: 'POST', path: `/v1/generations/${target}/cancel`, headers: bearer(u.token) });
              const type = s === 'replayFailed' ? 'task.failed' : s;
              const id = s === 'replayFailed' ? failedId : `msg_race_${++seq}_${i}`;
              const body = Buffer.from(JSON.stringify({ type, data: { providerTaskId: ptid, ...(type === 'task.succeeded' ? { videoUrl: 'fake://clip/race' } : {}), ...(type === 'task.failed' ? { error: 'RAW-PROVIDER-ERROR' } : {}) } }));
              const ts = String(Math.floor(Date.now() / 1000));
              return call({ method: 'POST', path: '/v1/webhooks/provider', headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${sign(h.server.context.secrets.webhookSecret, id, ts, body)}` }, body });
            });
            for (const res of await Promise.all(racers)) expect(res.status).toBe(200);
            const final = Generation.parse((await call({ method: 'GET', path: `/v1/generations/${target}`, headers: bearer(u.token) })).json);
            const settled = settlers.some((s) => s !== 'task.running');
            if (settled) expect(['canceled', 'failed', 'succeeded']).toContain(final.status);
            expect(final.refunded).toBe(final.status === 'canceled' || final.status === 'failed');
            known.get(target)!.status = final.status;
          }
          await checkBooks();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('after all of it the server is healthy and ready', async () => {
    const health = await call({ method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    const ready = await call({ method: 'GET', path: '/readyz' });
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ ok: true, database: engine });
    // The admin view of a generation is the one place a provider id may appear.
    const any = [...known.keys()][0];
    if (any) expect((await call({ method: 'GET', path: `/v1/admin/generations/${any}`, headers: bearer(ADMIN_TOKEN) }, { providerIdsAllowed: true })).status).toBe(200);
    await checkBooks();
  });
});
