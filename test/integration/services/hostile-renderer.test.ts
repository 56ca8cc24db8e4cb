/**
 * A compromised renderer against the real main process: random programs of IPC calls (valid,
 * slightly wrong, path-like ids, unknown and prototype method names, arbitrary values) driven
 * through the real dispatch and the real handlers on a temp data dir, with a fake gated server
 * and an in-memory keychain holding a known token. After every call the reply must be a
 * well-formed IpcResult that leaks nothing; after every program nothing acknowledged is lost
 * (read back, and again after reopening), and no file lands outside the data dir.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createMemorySecretStore, type SecretStore } from '../../../src/main/services/secret-store';
import { createJsonFileSettingsStore, DEFAULT_SETTINGS } from '../../../src/main/services/settings-store';
import { createStudio, type Studio } from '../../../src/main/services/studio';
import { ASPECT_RATIOS, CHECKLIST_KEYS, ErrorCode, MAX_DURATION_S, MIN_DURATION_S } from '../../../src/shared/contracts/api';
import { IpcErrorCode, ipcMethods, type IpcMethodName } from '../../../src/shared/ipc/contract';
import { DraftContent, type Campaign, type Draft, type Settings } from '../../../src/shared/studio/models';
import { startFakeGatedServer, type FakeGatedServer } from './fake-gated-server';

const NUM_RUNS = Number(process.env.HOSTILE_RUNS ?? 300);
/** Every hostile file name carries this, so a file that escaped is easy to find. */
const MARK = 'evilmark';
const MAX_MESSAGE_CHARS = 4000;

// ---------- placeholders resolved when the program runs (so counterexamples print small) ----------

type RefKind = 'draft' | 'campaign' | 'concept' | 'generation' | 'export' | 'server';
class Ref {
  constructor(
    readonly kind: RefKind,
    readonly n: number,
  ) {}
  [fc.toStringMethod](): string {
    return `$${this.kind}[${this.n}]`;
  }
}
/** A string of `length` copies of `char`. */
class Big {
  constructor(
    readonly char: string,
    readonly length: number,
  ) {}
  [fc.toStringMethod](): string {
    return `Big(${JSON.stringify(this.char)}×${this.length})`;
  }
}
/** Objects nested `depth` deep. */
class Deep {
  constructor(readonly depth: number) {}
  [fc.toStringMethod](): string {
    return `Deep(${this.depth})`;
  }
}
const HUGE_KEY = '$HUGE_KEY$';

interface Step {
  method: string | Big;
  input: unknown;
  kind: 'valid' | 'wrong' | 'anything' | 'method';
}

// ---------- generators ----------

const ref = (kind: RefKind) => fc.nat(40).map((n) => new Ref(kind, n));

const PATH_IDS = [
  `../${MARK}`,
  `../../${MARK}`,
  `../../../../../../../../tmp/${MARK}`,
  `..\\${MARK}`,
  `..\\..\\${MARK}`,
  '/etc/passwd',
  `/tmp/${MARK}`,
  `%2e%2e/${MARK}`,
  `%2e%2e%2f${MARK}`,
  `..%2f${MARK}`,
  `C:\\Windows\\${MARK}`,
  `\\\\?\\C:\\${MARK}`,
  `\\\\server\\share\\${MARK}`,
  `${MARK}\u0000.json`,
  `${MARK}\u0000`,
  `\u2024\u2024/${MARK}`,
  `\uff0e\uff0e\uff0f${MARK}`,
  `${MARK}\u2215x`,
  '.',
  '..',
  '...',
  `${MARK}.json`,
  `${MARK}/../../${MARK}`,
  `~/${MARK}`,
  `file:///tmp/${MARK}`,
  `CON`,
  ` ${MARK} `,
  `${MARK}\n`,
  '\uD800',
  'h'.repeat(128),
  'h'.repeat(129),
];
const pathId = fc.oneof(fc.constantFrom(...PATH_IDS), fc.constantFrom(127, 128, 129, 255, 4096, 20_000).map((n) => new Big('h', n)));
const idOf = (kind: RefKind) => fc.oneof({ weight: 6, arbitrary: ref(kind) }, { weight: 2, arbitrary: pathId });

const NASTY_STRINGS = ['\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\u202Ertl', '<script>alert(1)</script>', '%s%n', '${x}', '\r\n', '\uFEFF', '[reject] me', '=cmd|x', 'Ωmega ☕ 🎬'];
const text = (max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: Math.min(max, 30) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 30) }) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length <= max)) },
    { weight: 1, arbitrary: fc.constant(new Big('x', max)) },
  );
const nonBlank = (max: number) => fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(max, 30) }), fc.constantFrom('  padded  ', 'a\u0000b', 'x\uD800', 'n'.repeat(max))).filter((s) => s.trim().length > 0);

const formatArb = fc.constantFrom('json', 'markdown', 'csv');
const fieldsArb = fc.record(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, text(2000)])), { requiredKeys: [] });
const optionsArb = fc.record(
  {
    durationSeconds: fc.integer({ min: MIN_DURATION_S, max: MAX_DURATION_S }),
    aspectRatio: fc.constantFrom(...ASPECT_RATIOS),
    negativePrompt: text(1000),
    generateAudio: fc.boolean(),
  },
  { requiredKeys: [] },
);
const contentShape = (campaignId: fc.Arbitrary<unknown>) => ({
  title: fc.oneof(text(300), fc.constantFrom('T'.repeat(300), 'T'.repeat(290), 'T'.repeat(288))),
  mode: fc.constantFrom('guided', 'freeText'),
  fields: fieldsArb,
  freeText: text(20_000),
  prompt: text(20_000),
  options: optionsArb,
  tags: fc.array(nonBlank(50), { maxLength: 4 }),
  campaignId,
});
const campaignIdArb = fc.oneof(fc.constant(null), ref('campaign'), pathId);
const contentArb = fc.record(contentShape(campaignIdArb));

const AT = '2026-01-01T00:00:00.000Z';
/** A Shotlist export made up by the attacker: ids that are paths, collisions, unknown campaigns. */
const bundleArb = fc
  .record({
    campaigns: fc.array(fc.record({ id: fc.oneof(pathId.filter((p) => typeof p === 'string'), fc.uuid()), name: nonBlank(200) }), { maxLength: 2 }),
    drafts: fc.array(
      fc.record({
        id: fc.oneof(pathId.filter((p) => typeof p === 'string'), fc.uuid(), fc.constant('same-id')),
        content: fc.record(contentShape(fc.oneof(fc.constant(null), pathId.filter((p) => typeof p === 'string')))),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ campaigns, drafts }) =>
    JSON.stringify({
      format: 'shotlist-export',
      version: 1,
      exportedAt: AT,
      campaigns: campaigns.map((c) => ({ ...c, archived: false, createdAt: AT, updatedAt: AT })),
      drafts: drafts.map((d) => ({
        ...(expandBig(d.content) as object),
        fields: { ...Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, ''])), ...(expandBig(d.content.fields) as object) },
        options: { durationSeconds: 8, aspectRatio: '16:9', negativePrompt: '', generateAudio: false, ...(expandBig(d.content.options) as object) },
        campaignId: d.content.campaignId ?? campaigns[0]?.id ?? null,
        id: d.id,
        author: 'mallory',
        version: 1,
        createdAt: AT,
        updatedAt: AT,
        history: [],
        reviews: [],
      })),
    }),
  );
const importText = fc.oneof(
  ref('export'),
  bundleArb,
  fc.string({ maxLength: 50 }),
  fc.constant('{"__proto__":{"polluted":true},"format":"shotlist-export","version":1,"exportedAt":"x","campaigns":[],"drafts":[]}'),
  fc.constant(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
);
const serverUrlArb = fc.oneof(ref('server'), fc.constantFrom('http://127.0.0.1:9', `http://${MARK}.invalid`, 'file:///etc/passwd', 'javascript:alert(1)', 'http://localhost:1/'));
const scoresArb = fc.record(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, fc.integer({ min: 1, max: 5 })])));
const generationId = fc.oneof(ref('generation'), pathId, fc.constantFrom('.', '..', '%2e%2e', 'gen-1/cancel'));
const none = fc.constant({});

const validInput: Record<IpcMethodName, fc.Arbitrary<unknown>> = {
  'drafts.list': fc.record(
    { campaignId: campaignIdArb, query: text(500), tag: text(50), sort: fc.constantFrom('updated', 'created', 'title') },
    { requiredKeys: [] },
  ),
  'drafts.get': fc.record({ id: idOf('draft') }),
  'drafts.create': fc.record(contentShape(campaignIdArb), { requiredKeys: [] }),
  'drafts.save': fc.record({ id: idOf('draft'), content: contentArb }),
  'drafts.delete': fc.record({ id: idOf('draft') }),
  'drafts.history': fc.record({ id: idOf('draft') }),
  'drafts.restore': fc.record({ id: idOf('draft'), version: fc.integer({ min: 1, max: 6 }) }),
  'drafts.duplicate': fc.record({ id: idOf('draft'), count: fc.integer({ min: 1, max: 12 }) }, { requiredKeys: ['id'] }),
  'drafts.export': fc.record({ ids: fc.array(idOf('draft'), { maxLength: 3 }), campaignId: idOf('campaign'), format: formatArb }, { requiredKeys: ['format'] }),
  'drafts.import': fc.record({ content: importText }),
  'drafts.damaged': none,
  'campaigns.list': fc.record({ includeArchived: fc.boolean() }, { requiredKeys: [] }),
  'campaigns.create': fc.record({ name: nonBlank(200) }),
  'campaigns.rename': fc.record({ id: idOf('campaign'), name: nonBlank(200) }),
  'campaigns.archive': fc.record({ id: idOf('campaign'), archived: fc.boolean() }),
  'campaigns.export': fc.record({ id: idOf('campaign'), format: formatArb }),
  'reviews.request': fc.record({ draftId: idOf('draft'), requestedBy: text(200) }),
  'reviews.queue': fc.record({ campaignId: fc.oneof(fc.constant(null), idOf('campaign')) }, { requiredKeys: [] }),
  'reviews.submit': fc.record({
    draftId: idOf('draft'),
    draftVersion: fc.integer({ min: 1, max: 4 }),
    reviewer: nonBlank(200),
    scores: scoresArb,
    comment: text(5000),
  }),
  'reviews.forDraft': fc.record({ id: idOf('draft') }),
  'reviews.campaignSummary': fc.record({ id: idOf('campaign') }),
  'concepts.list': fc.record({ campaignId: idOf('campaign') }),
  'concepts.enqueue': fc.record({ campaignId: idOf('campaign'), draftId: idOf('draft') }),
  'concepts.remove': fc.record({ id: idOf('concept') }),
  'concepts.move': fc.record({ id: idOf('concept'), toIndex: fc.nat(10) }),
  'concepts.flush': fc.record({ campaignId: idOf('campaign') }),
  'account.status': none,
  'account.signIn': fc.record({ serverUrl: serverUrlArb, token: fc.oneof(nonBlank(1000), fc.constant(`${MARK}-token`)) }, { requiredKeys: ['token'] }),
  'account.signOut': none,
  'gate.status': none,
  'gate.refresh': none,
  'generations.submit': fc.record({ draftId: idOf('draft'), options: optionsArb }, { requiredKeys: ['draftId'] }),
  'generations.list': fc.record({ cursor: text(50), limit: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
  'generations.get': fc.record({ id: generationId }),
  'generations.cancel': fc.record({ id: generationId }),
  'settings.get': none,
  'settings.update': fc.record(
    {
      serverUrl: serverUrlArb,
      theme: fc.constantFrom('system', 'light', 'dark'),
      reviewerName: text(200),
      authorName: text(200),
      draftSort: fc.constantFrom('updated', 'created', 'title'),
    },
    { requiredKeys: [] },
  ),
};
const METHODS = Object.keys(ipcMethods) as IpcMethodName[];
/** Calls that make real data exist, so the hostile ones have something to aim at. */
const SAVING: IpcMethodName[] = ['drafts.create', 'drafts.save', 'campaigns.create', 'reviews.submit', 'concepts.enqueue', 'reviews.request'];

const protoObject = () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, Number.NaN, Infinity, -Infinity, -0, 1e308, -1, 0, 1.5, 2 ** 53 + 1, true, false, '', [], {}, 10n),
  fc.constantFrom(...NASTY_STRINGS, ...PATH_IDS),
  fc.constantFrom(new Big('a', 1_000_000), new Big('\u0000', 10_000), new Big('\uD800', 10_000), new Deep(2_000), new Deep(50)),
  fc.constant(null).map(protoObject),
  fc.constant(null).map(() => new Date(0)),
  fc.constant(null).map(() => new Map([['id', 'x']])),
  fc.constant(null).map(() => new Uint8Array(4)),
  fc.string(),
  fc.integer(),
  fc.array(fc.string(), { maxLength: 3 }),
);
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'id ', 'ID', 'Id', HUGE_KEY];

type Mutation = { kind: 'drop' | 'replace'; at: number; value: unknown } | { kind: 'extra'; key: string; value: unknown } | { kind: 'whole'; value: unknown };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('extra' as const), key: fc.constantFrom(...EXTRA_KEYS), value: hostileValue }),
  fc.record({ kind: fc.constant('whole' as const), value: hostileValue }),
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every (object, key) slot of a plain input, nested ones included, in a fixed order. */
function slotsOf(value: unknown, out: Array<[Record<string, unknown>, string]> = []): Array<[Record<string, unknown>, string]> {
  if (!isPlainObject(value)) return out;
  for (const key of Object.keys(value)) {
    out.push([value, key]);
    slotsOf(value[key], out);
  }
  return out;
}

function mutate(input: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'whole' || !isPlainObject(input)) return mutation.kind === 'whole' ? mutation.value : input;
  const copy = structuredCloneWithRefs(input) as Record<string, unknown>;
  if (mutation.kind === 'extra') {
    setOwn(copy, mutation.key, mutation.value);
    return copy;
  }
  const slots = slotsOf(copy);
  if (slots.length === 0) {
    setOwn(copy, 'extra', mutation.value);
    return copy;
  }
  const [owner, key] = slots[mutation.at % slots.length]!;
  if (mutation.kind === 'drop') delete owner[key];
  else setOwn(owner, key, mutation.value);
  return copy;
}

function structuredCloneWithRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCloneWithRefs);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) setOwn(out, key, structuredCloneWithRefs(value[key]));
  return out;
}

function expandBig(value: unknown): unknown {
  if (value instanceof Big) return value.char.repeat(value.length);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandBig(v)]));
}

const METHOD_LOOKALIKES: Array<string | Big> = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'prototype',
  '',
  'fs.readFile',
  'require',
  'process.exit',
  'renderer-to-main:drafts.save',
  'drafts',
  'drafts.',
  'drafts.save\u0000',
  'drafts\uff0esave',
  'drafts.sav\u0435',
  'drafts.save\u200b',
  new Big('h', 100_000),
];
const methodNameArb = fc.oneof(
  fc.constantFrom(...METHOD_LOOKALIKES),
  fc.string(),
  fc.tuple(fc.constantFrom(...METHODS), fc.constantFrom<(m: string) => string>(
    (m) => m.toUpperCase(),
    (m) => ` ${m}`,
    (m) => `${m} `,
    (m) => `${m}\n`,
    (m) => m.replace('.', '/'),
    (m) => m.replace('.', ':'),
    (m) => m[0]!.toUpperCase() + m.slice(1),
  )).map(([m, f]) => f(m)),
);

const anyValue = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'id', 'content', 'constructor')),
  maxDepth: 3,
});

const methodArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SAVING) }, { weight: 4, arbitrary: fc.constantFrom(...METHODS) });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: methodArb.chain((method) => validInput[method].map((input): Step => ({ method, input, kind: 'valid' }))) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...METHODS)
      .chain((method) => fc.tuple(validInput[method], mutationArb).map(([input, m]): Step => ({ method, input: mutate(input, m), kind: 'wrong' }))),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHODS), anyValue).map(([method, input]): Step => ({ method, input, kind: 'anything' })) },
  { weight: 1, arbitrary: fc.tuple(methodNameArb, fc.oneof(anyValue, fc.constant({}))).map(([method, input]): Step => ({ method, input, kind: 'method' })) },
);

/** Calls the renderer fires without waiting for each other. */
interface Batch {
  together: Step[];
}
const batchArb: fc.Arbitrary<Batch> = fc.array(stepArb, { minLength: 2, maxLength: 4 }).map((together) => ({ together }));
/** Two files dropped at once, often holding the same draft ids. */
const twoImportsArb: fc.Arbitrary<Batch> = fc
  .tuple(bundleArb, bundleArb)
  .map(([a, b]) => ({ together: [a, b].map((content): Step => ({ method: 'drafts.import', input: { content }, kind: 'valid' })) }));
const programArb = fc.array(
  fc.oneof({ weight: 10, arbitrary: stepArb }, { weight: 2, arbitrary: batchArb }, { weight: 1, arbitrary: twoImportsArb }),
  { minLength: 5, maxLength: 40, size: 'max' },
);

// ---------- the model of what was acknowledged ----------

interface World {
  serverUrl: string;
  drafts: Map<string, Draft>;
  deleted: string[];
  campaigns: Map<string, Campaign>;
  /** concept item id → campaign id */
  concepts: Map<string, string>;
  /** pending review request id → draft id */
  requests: Map<string, string>;
  generations: string[];
  lastExport: string | null;
  settings: Settings;
}

function pick(pool: string[], n: number, fallback: string): string {
  return pool.length === 0 ? fallback : pool[n % pool.length]!;
}

function resolve(value: unknown, world: World): unknown {
  if (value instanceof Ref) {
    switch (value.kind) {
      case 'draft':
        return pick([...world.drafts.keys(), ...world.deleted], value.n, 'no-such-draft');
      case 'campaign':
        return pick([...world.campaigns.keys()], value.n, 'no-such-campaign');
      case 'concept':
        return pick([...world.concepts.keys()], value.n, 'no-such-concept');
      case 'generation':
        return pick(world.generations, value.n, 'gen-999');
      case 'export':
        return world.lastExport ?? '{}';
      case 'server':
        return world.serverUrl;
    }
  }
  if (value instanceof Big) return value.char.repeat(value.length);
  if (value instanceof Deep) {
    let nested: unknown = 'bottom';
    for (let i = 0; i < value.depth; i += 1) nested = { a: nested };
    return nested;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, world));
  if (!isPlainObject(value)) return value;
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) setOwn(out, key === HUGE_KEY ? 'k'.repeat(100_000) : key, resolve(value[key], world));
  return out;
}

// ---------- invariants ----------

const SERVER_CODES = new Set<string>(ErrorCode.options);
const IPC_CODES = new Set<string>(IpcErrorCode.options);
const WellFormed = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string().min(1), serverCode: z.string().optional() }).strict() }).strict(),
]);
const STACK_TRACE = [/\n\s+at\s/, /\bat .+:\d+:\d+/, /node:internal/, /\.[cm]?[tj]sx?:\d+/, /\b(TypeError|RangeError|SyntaxError|ReferenceError):/];

interface Secrets {
  token: string;
  paths: string[];
}

function describeCall(step: Step, result: unknown): string {
  const shown = fc.stringify(result);
  const clip = (text: string) => (text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
  return `${clip(fc.stringify(step))}\n  → ${clip(shown)}`;
}

function checkReply(step: Step, method: string, result: unknown, secrets: Secrets): asserts result is z.infer<typeof WellFormed> {
  const fail = (why: string) => {
    throw new Error(`${why}\n  call: ${describeCall(step, result)}`);
  };
  if (!WellFormed.safeParse(result).success) fail('the reply is not a well-formed IpcResult');
  const reply = result as z.infer<typeof WellFormed>;
  const everything = JSON.stringify(reply) ?? '';
  if (everything.includes(secrets.token)) fail('the reply contains the API token');
  if (reply.ok) {
    if (Object.hasOwn(ipcMethods, method) && !ipcMethods[method as IpcMethodName].output.safeParse(reply.value).success) {
      fail('an ok value does not match the contract');
    }
    return;
  }
  const { code, message, serverCode } = reply.error;
  if (!IPC_CODES.has(code)) fail(`error code ${code} is not one the contract defines`);
  // Input is validated first, so 'internal' can only mean a handler broke on something it accepted.
  if (code === 'internal') fail('a handler failed with internal');
  if (serverCode !== undefined && !SERVER_CODES.has(serverCode)) fail(`server code ${serverCode} is not one the API contract defines`);
  if (message.length > MAX_MESSAGE_CHARS) fail(`the error message is ${message.length} characters long`);
  for (const pattern of STACK_TRACE) if (pattern.test(message)) fail(`the error message looks like a stack trace (${pattern})`);
  for (const path of secrets.paths) if (message.includes(path)) fail(`the error message names a path on disk (${path})`);
  if (!Object.hasOwn(ipcMethods, method) && code !== 'invalid_input') fail('an unknown method did not get invalid_input');
}

async function call(studio: Studio, method: IpcMethodName, input: unknown): Promise<unknown> {
  const result = await dispatch(studio.handlers, method, input);
  if (!result.ok) throw new Error(`${method} ${JSON.stringify(input)} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function draftIds(studio: Studio): Promise<string[]> {
  return ((await call(studio, 'drafts.list', {})) as Array<{ id: string }>).map((d) => d.id);
}

async function campaignList(studio: Studio): Promise<Campaign[]> {
  return (await call(studio, 'campaigns.list', { includeArchived: true })) as Campaign[];
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

type ImportCount = { imported: number; campaigns: number };

/**
 * Imports say how many drafts and campaigns they added, not which: the new ones are those the
 * studio holds now that were neither there before nor acknowledged by another call.
 */
async function acknowledgeImports(studio: Studio, world: World, before: { drafts: string[]; campaigns: Campaign[] }, counts: ImportCount[]) {
  const fresh = (await draftIds(studio)).filter((id) => !before.drafts.includes(id) && !world.drafts.has(id));
  expect(fresh.length, 'drafts.import: new drafts vs the counts reported').toBe(counts.reduce((n, c) => n + c.imported, 0));
  for (const id of fresh) world.drafts.set(id, (await call(studio, 'drafts.get', { id })) as Draft);
  const known = new Set(before.campaigns.map((c) => c.id));
  const added = (await campaignList(studio)).filter((c) => !known.has(c.id) && !world.campaigns.has(c.id));
  expect(added.length, 'drafts.import: new campaigns vs the counts reported').toBe(counts.reduce((n, c) => n + c.campaigns, 0));
  for (const c of added) world.campaigns.set(c.id, c);
}

/** Updates the model with what an ok reply acknowledged (imports: see acknowledgeImports). */
function acknowledge(world: World, method: string, input: unknown, value: unknown): void {
  const arg = input as Record<string, unknown>;
  switch (method) {
    case 'drafts.create':
    case 'drafts.save':
    case 'drafts.restore': {
      const draft = value as Draft;
      world.drafts.set(draft.id, draft);
      break;
    }
    case 'drafts.duplicate':
      for (const draft of value as Draft[]) world.drafts.set(draft.id, draft);
      break;
    case 'drafts.delete':
      world.drafts.delete(arg.id as string);
      world.deleted.push(arg.id as string);
      break;
    case 'drafts.export':
      if (arg.format === 'json') world.lastExport = (value as { content: string }).content;
      break;
    case 'campaigns.create':
    case 'campaigns.rename':
    case 'campaigns.archive': {
      const campaign = value as Campaign;
      world.campaigns.set(campaign.id, campaign);
      break;
    }
    case 'reviews.request': {
      const request = value as { id: string; draftId: string };
      world.requests.set(request.id, request.draftId);
      break;
    }
    case 'reviews.submit': {
      const draftId = arg.draftId as string;
      const draft = world.drafts.get(draftId);
      expect(draft, `reviews.submit acknowledged a review of unknown draft ${draftId}`).toBeDefined();
      world.drafts.set(draftId, { ...draft!, reviews: [...draft!.reviews, value as Draft['reviews'][number]] });
      for (const [id, target] of world.requests) if (target === draftId) world.requests.delete(id);
      break;
    }
    case 'concepts.enqueue': {
      const item = value as { id: string; campaignId: string };
      world.concepts.set(item.id, item.campaignId);
      break;
    }
    case 'concepts.remove':
      world.concepts.delete(arg.id as string);
      break;
    case 'generations.submit':
    case 'generations.get':
    case 'generations.cancel':
      world.generations.push((value as { id: string }).id);
      break;
    case 'settings.update':
      world.settings = value as Settings;
      break;
    case 'account.signIn':
      // Signing in to another server makes it the studio's server.
      world.settings = { ...world.settings, serverUrl: (value as { serverUrl: string }).serverUrl };
      break;
  }
}

const OPTION_KEYS = ['durationSeconds', 'aspectRatio', 'negativePrompt', 'generateAudio'];

/** What reached the server is the draft's prompt and options, with only the options the call gave changed. */
function checkSubmission(world: World, input: Record<string, unknown>, step: Step, result: unknown): void {
  const draft = world.drafts.get(input.draftId as string);
  const sent = fake.submissions.at(-1)?.body;
  // Worked out here, not with the studio's own schema: the four option keys the call gave a value.
  const given = Object.entries((input.options ?? {}) as Record<string, unknown>).filter(([key, value]) => OPTION_KEYS.includes(key) && value !== undefined);
  const expected = { ...draft?.options, ...Object.fromEntries(given) };
  const received = sent && { durationSeconds: sent.durationSeconds, aspectRatio: sent.aspectRatio, negativePrompt: sent.negativePrompt ?? '', generateAudio: sent.generateAudio };
  if (!draft || sent?.prompt !== draft.prompt || JSON.stringify(received) !== JSON.stringify(expected)) {
    throw new Error(`the server received ${fc.stringify(received)}, not the draft's options with the override, ${fc.stringify(expected)}\n  call: ${describeCall(step, result)}`);
  }
}

interface Acknowledged {
  method: string;
  input: Record<string, unknown>;
  value: unknown;
}

/**
 * Calls that ran concurrently may take effect in any order, so after a batch the model takes
 * what the studio holds, once it has checked that this is some order of the acknowledged calls:
 * each touched draft holds the content of one acknowledged write (or what it held before) and
 * every acknowledged review; each request made is pending or answered by a review in the batch;
 * the server address is one that was set.
 */
async function reconcile(studio: Studio, world: World, pre: Pick<World, 'drafts' | 'settings'>, acked: Acknowledged[]): Promise<void> {
  const written = new Map<string, DraftContent[]>();
  const touched = new Set<string>();
  const reviewed = new Set<string>();
  for (const { method, input, value } of acked) {
    const drafts = method === 'drafts.duplicate' ? (value as Draft[]) : ['drafts.create', 'drafts.save', 'drafts.restore'].includes(method) ? [value as Draft] : [];
    for (const draft of drafts) written.set(draft.id, [...(written.get(draft.id) ?? []), DraftContent.parse(draft)]);
    for (const draft of drafts) touched.add(draft.id);
    if (method === 'reviews.submit') reviewed.add(input.draftId as string);
    if (method === 'reviews.submit' || method === 'reviews.request') touched.add(input.draftId as string);
  }
  const queue = (await call(studio, 'reviews.queue', {})) as Array<{ id: string; draftId: string }>;
  for (const id of touched) {
    if (!world.drafts.has(id)) continue;
    const held = (await call(studio, 'drafts.get', { id })) as Draft;
    const allowed = [...(pre.drafts.has(id) ? [DraftContent.parse(pre.drafts.get(id))] : []), ...(written.get(id) ?? [])];
    expect(allowed, `after a batch: draft ${id} holds one of the contents acknowledged for it`).toContainEqual(DraftContent.parse(held));
    const heldReviews = new Set(held.reviews.map((r) => r.id));
    for (const review of world.drafts.get(id)!.reviews) expect(heldReviews.has(review.id), `after a batch: review ${review.id} of draft ${id} is kept`).toBe(true);
    world.drafts.set(id, held);
    for (const [requestId, draftId] of world.requests) {
      if (draftId !== id) continue;
      const pending = queue.some((r) => r.id === requestId);
      expect(pending || reviewed.has(id), `after a batch: request ${requestId} is pending or was answered by a review`).toBe(true);
      if (!pending) world.requests.delete(requestId);
    }
    for (const r of queue) if (r.draftId === id) world.requests.set(r.id, id);
  }
  const setUrls = acked.filter((a) => a.method === 'settings.update' || a.method === 'account.signIn').map((a) => (a.method === 'settings.update' ? (a.value as Settings).serverUrl : (a.value as { serverUrl: string }).serverUrl));
  if (setUrls.length > 0) {
    const held = (await call(studio, 'settings.get', {})) as Settings;
    expect([pre.settings.serverUrl, ...setUrls], 'after a batch: the server address is one that was set').toContain(held.serverUrl);
    world.settings = held;
  }
}

/** Everything the model says was acknowledged is there, exactly, and nothing else was added. */
async function checkNothingLost(studio: Studio, world: World, when: string): Promise<void> {
  const ids = await draftIds(studio);
  expect([...ids].sort(), `${when}: the drafts are exactly the acknowledged ones`).toEqual([...world.drafts.keys()].sort());
  for (const [id, expected] of world.drafts) {
    expect(await call(studio, 'drafts.get', { id }), `${when}: draft ${id} as last acknowledged`).toEqual(expected);
  }
  const campaigns = await campaignList(studio);
  expect(byId(campaigns), `${when}: the campaigns are exactly the acknowledged ones`).toEqual(byId([...world.campaigns.values()]));
  const campaignIds = new Set(campaigns.map((c) => c.id));
  for (const draft of world.drafts.values()) {
    if (draft.campaignId !== null) expect(campaignIds.has(draft.campaignId), `${when}: draft ${draft.id} is in campaign ${draft.campaignId}, which exists`).toBe(true);
  }
  for (const campaignId of new Set(world.concepts.values())) {
    const items = (await call(studio, 'concepts.list', { campaignId })) as Array<{ id: string }>;
    const expected = [...world.concepts].filter(([, c]) => c === campaignId).map(([id]) => id);
    expect(items.map((i) => i.id).sort(), `${when}: the concept queue of ${campaignId}`).toEqual(expected.sort());
  }
  const queue = (await call(studio, 'reviews.queue', {})) as Array<{ id: string }>;
  const pending = [...world.requests].filter(([, draftId]) => world.drafts.has(draftId)).map(([id]) => id);
  expect(queue.map((r) => r.id).sort(), `${when}: the pending review requests`).toEqual(pending.sort());
  expect(await call(studio, 'settings.get', {}), `${when}: the settings as last acknowledged`).toEqual(world.settings);
  expect(await call(studio, 'drafts.damaged', {}), `${when}: no file the studio wrote is unreadable`).toEqual([]);
}

/** The gated API routes the studio means to call (a generation id is one whole path segment). */
const USER_ROUTES = /^\/v1\/(me|gate|prompts\/validate|generations(\/(?!\.{1,2}(\/|$))[^/]+(\/cancel)?)?)$/;

const SAFE_NAME = '[A-Za-z0-9_-]{1,128}\\.json';
const LAYOUT = new RegExp(`^(settings\\.json|campaigns\\.json|review-requests\\.json|drafts|concepts|drafts/${SAFE_NAME}|concepts/${SAFE_NAME})$`);

async function walk(dir: string, root = dir, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    out.push(relative(root, full).split('\\').join('/'));
    if (entry.isDirectory()) await walk(full, root, out);
  }
  return out;
}

async function marked(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes(MARK) && !name.startsWith('shotlist-hostile-'));
}

// ---------- the property ----------

let fake: FakeGatedServer;
const okCounts = new Map<string, number>();

beforeAll(async () => {
  fake = await startFakeGatedServer();
});
afterAll(async () => {
  await fake?.close();
});

/** The studio may only reach the fake server; an attacker's server address is refused here. */
const loopbackOnly: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new TypeError('this test allows loopback only');
  return fetch(input, init);
};

async function openStudio(dataDir: string, secrets: SecretStore): Promise<Studio> {
  return createStudio({
    dataDir,
    secretStore: secrets,
    settingsStore: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    fetch: loopbackOnly,
    gatePollMs: 60_000,
  });
}

/** Every program starts with data to aim at: a campaign with a draft, and a draft outside it. */
const SEED: Array<Step | Batch> = [
  { method: 'campaigns.create', input: { name: 'Seed campaign' }, kind: 'valid' },
  { method: 'drafts.create', input: { title: 'Seed draft', prompt: 'A seed prompt', campaignId: new Ref('campaign', 0) }, kind: 'valid' },
  { method: 'drafts.create', input: { title: 'Loose draft' }, kind: 'valid' },
];

async function runProgram(program: Array<Step | Batch>): Promise<void> {
  const parent = await mkdtemp(join(tmpdir(), 'shotlist-hostile-'));
  const dataDir = join(parent, 'data');
  const markedInTmpBefore = new Set(await marked(tmpdir()));
  const requestsBefore = fake.requests.length;
  const secrets = createMemorySecretStore();
  await secrets.set(fake.url, fake.userToken);
  createJsonFileSettingsStore(join(dataDir, 'settings.json')).write({ ...DEFAULT_SETTINGS, serverUrl: fake.url });
  const secretsToHide: Secrets = { token: fake.userToken, paths: [parent, dataDir, process.cwd()] };
  let studio: Studio | null = await openStudio(dataDir, secrets);
  try {
    const world: World = {
      serverUrl: fake.url,
      drafts: new Map(),
      deleted: [],
      campaigns: new Map(),
      concepts: new Map(),
      requests: new Map(),
      generations: [],
      lastExport: null,
      settings: (await call(studio, 'settings.get', {})) as Settings,
    };
    const open = studio;
    for (const entry of [...SEED, ...program]) {
      const batch = 'together' in entry ? entry.together : [entry];
      // Calls in a batch start together (in order) and run concurrently; replies are checked and
      // acknowledged in the order the calls were made, which is the order each store applies them.
      const calls = batch.map((step) => ({ step, method: resolve(step.method, world) as string, input: resolve(step.input, world) }));
      const before = calls.some((c) => c.method === 'drafts.import') ? { drafts: await draftIds(open), campaigns: await campaignList(open) } : null;
      const results = await Promise.all(
        calls.map(({ step, method, input }) =>
          dispatch(open.handlers, method, input).catch((error: unknown) => {
            throw new Error(`dispatch threw (${String(error)})\n  call: ${describeCall(step, null)}`);
          }),
        ),
      );
      const preBatch = { drafts: new Map(world.drafts), settings: world.settings };
      const acknowledged: Acknowledged[] = [];
      const imports: ImportCount[] = [];
      for (const [i, { step, method, input }] of calls.entries()) {
        const result: unknown = results[i];
        checkReply(step, method, result, secretsToHide);
        if (step.kind === 'valid' && result.ok) okCounts.set(method, (okCounts.get(method) ?? 0) + 1);
        if (!result.ok) continue;
        if (method === 'generations.submit' && calls.length === 1) checkSubmission(world, input as Record<string, unknown>, step, result);
        if (method === 'drafts.import') imports.push(result.value as ImportCount);
        else acknowledge(world, method, input, result.value);
        acknowledged.push({ method, input: input as Record<string, unknown>, value: result.value });
      }
      if (imports.length > 0) await acknowledgeImports(open, world, before!, imports);
      if (calls.length > 1) await reconcile(open, world, preBatch, acknowledged);
      for (const request of fake.requests.splice(requestsBefore)) {
        if (!USER_ROUTES.test(request.path)) throw new Error(`the studio called ${request.method} ${request.path} on the gated server\n  calls: ${fc.stringify(entry)}`);
      }
    }
    await checkNothingLost(studio, world, 'after the program');
    await studio.close();
    studio = null;
    const reopened = await openStudio(dataDir, secrets);
    try {
      await checkNothingLost(reopened, world, 'after reopening');
    } finally {
      await reopened.close();
    }

    expect(await readdir(parent), 'nothing was written beside the data dir').toEqual(['data']);
    const files = await walk(dataDir);
    for (const file of files) expect(file, 'every file in the data dir is one the studio lays out').toMatch(LAYOUT);
    const draftFiles = files.filter((f) => f.startsWith('drafts/')).map((f) => f.slice('drafts/'.length, -'.json'.length));
    expect(draftFiles.sort(), 'one draft file per acknowledged draft').toEqual([...world.drafts.keys()].sort());
    for (const file of files) {
      if ((await stat(join(dataDir, file))).isFile()) expect(await readFile(join(dataDir, file), 'utf8'), `${file} holds no token`).not.toContain(fake.userToken);
    }
    const escaped = (await marked(tmpdir())).filter((name) => !markedInTmpBefore.has(name));
    expect(escaped, 'no hostile name appeared in the temp folder').toEqual([]);
  } finally {
    await studio?.close();
    await rm(parent, { recursive: true, force: true });
  }
}

describe('a hostile renderer against the real main process', () => {
  it('gets a well-formed, leak-free reply to every call, and loses or misplaces nothing', async () => {
    await fc.assert(
      fc.asyncProperty(programArb, (program) => runProgram(program)),
      { numRuns: NUM_RUNS },
    );
    // The programs really saved and sent things, so "nothing lost" was tested on real data.
    for (const method of ['drafts.create', 'drafts.save', 'campaigns.create', 'reviews.submit', 'concepts.enqueue', 'drafts.import', 'generations.submit']) {
      expect(okCounts.get(method) ?? 0, `valid ${method} calls that succeeded`).toBeGreaterThan(0);
    }
  }, 120_000);
});
