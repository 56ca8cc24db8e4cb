/** Each gate step on its own, the ledger's refusals, and the small pure pieces (signing, ranges, previews, config). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { authenticate, bearerToken, issueToken, type UserRow } from '../../../src/server/gate/authenticate';
import { takeGlobalBudget, takeUserBudget, dailyRemaining } from '../../../src/server/gate/budget';
import { checkEarlyAccess } from '../../../src/server/gate/early-access';
import { claimKey, requestHash } from '../../../src/server/gate/idempotency';
import { checkKillSwitch } from '../../../src/server/gate/kill-switch';
import { MemoryRateLimiter } from '../../../src/server/gate/rate-limit';
import { passGate } from '../../../src/server/gate/submit';
import { requireIdempotencyKey, validateSubmission } from '../../../src/server/gate/validate';
import { promptHash, promptPreview } from '../../../src/server/generations/prompt';
import { settle } from '../../../src/server/generations/store';
import { auditLedger } from '../../../src/server/ledger/audit';
import { charge, grant, refund, reserve } from '../../../src/server/ledger/ledger';
import { parseRange } from '../../../src/server/routes/videos';
import { createVideoUrlSigner } from '../../../src/server/video/signing';
import { testTempDir } from '../../helpers/temp-dir';

let db: SqliteDatabase;
const NOW = Date.parse('2030-05-01T12:00:00Z');
const keys = { promptHashKey: Buffer.alloc(32, 1), requestHashKey: Buffer.alloc(32, 2) };

async function makeUser(id: string, credits: number, early = 1): Promise<UserRow> {
  await db.transaction(async (tx) => {
    await tx.run('INSERT INTO users (id, name, early_access, created_at) VALUES (?, ?, ?, 0)', [id, id, early]);
    if (credits) await grant(tx, id, credits, 'test', NOW);
  });
  return (await db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]))!;
}

const gate = (user: UserRow, key: string, body: { prompt: string; durationSeconds?: number }) =>
  passGate(db, { user, idempotencyKey: key, body, providerName: 'fake', submitWindowMs: 1000, keys, now: NOW });

beforeEach(() => {
  db = new SqliteDatabase(testTempDir('shotlist-unit-'));
});
afterEach(async () => {
  await db.close();
});

describe('gate steps', () => {
  it('1 authenticate: bearer syntax, known token, revoked token', async () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('BEARER aBc')).toBe('aBc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    await makeUser('u1', 0);
    const token = await db.transaction((tx) => issueToken(tx, 'u1', NOW));
    expect((await authenticate(db, `Bearer ${token}`)).id).toBe('u1');
    const stored = await db.all<{ hash: string }>('SELECT hash FROM tokens');
    expect(stored[0]!.hash).not.toContain(token);
    await db.run('UPDATE tokens SET revoked_at = 1');
    await expect(authenticate(db, `Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('2 rate limit: per bucket per minute, with Retry-After', async () => {
    const rl = new MemoryRateLimiter();
    const t0 = Date.parse('2030-05-01T12:00:10Z');
    for (let i = 0; i < 3; i++) await rl.hit('a', 3, t0);
    await expect(rl.hit('a', 3, t0)).rejects.toMatchObject({ code: 'rate_limited', extra: { retryAfterS: 50 } });
    await rl.hit('b', 3, t0);
    await rl.hit('a', 3, t0 + 60_000);
  });

  it('3 validate: key required, prompt rules from the shared validator', () => {
    expect(() => requireIdempotencyKey(undefined)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => requireIdempotencyKey('x'.repeat(256))).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(requireIdempotencyKey('k')).toBe('k');
    expect(() => validateSubmission({ prompt: '' }, 10)).toThrow(expect.objectContaining({ code: 'prompt_rejected' }));
    expect(() => validateSubmission({ prompt: 'x'.repeat(11) }, 10)).toThrow(expect.objectContaining({ code: 'prompt_rejected' }));
  });

  it('4 kill switch and 5 early access', () => {
    expect(checkKillSwitch({ generationEnabled: false, dailyCreditCap: null, userDailyCreditCap: null })?.code).toBe('generation_disabled');
    expect(checkKillSwitch({ generationEnabled: true, dailyCreditCap: null, userDailyCreditCap: null })).toBeNull();
    expect(checkEarlyAccess({ early_access: 0 })?.code).toBe('early_access_required');
    expect(checkEarlyAccess({ early_access: 1 })).toBeNull();
  });

  it('6 budgets: a take either fits under the cap or changes nothing; refunds give it back', async () => {
    await makeUser('u1', 100);
    expect(await db.transaction((tx) => takeGlobalBudget(tx, '2030-05-01', 8, 10))).toBeNull();
    expect((await db.transaction((tx) => takeGlobalBudget(tx, '2030-05-01', 3, 10)))?.code).toBe('budget_exhausted');
    expect(await db.transaction((tx) => takeGlobalBudget(tx, '2030-05-01', 2, 10))).toBeNull();
    expect(await db.transaction((tx) => takeUserBudget(tx, 'u1', '2030-05-01', 5, 5))).toBeNull();
    expect((await db.transaction((tx) => takeUserBudget(tx, 'u1', '2030-05-01', 1, 5)))?.code).toBe('daily_cap_reached');
    expect(await dailyRemaining(db, 'u1', '2030-05-01', { dailyCreditCap: 10, userDailyCreditCap: 5 })).toEqual({ global: 0, user: 0, both: 0 });
    await db.run("UPDATE budget_days SET refunded = 4 WHERE day = '2030-05-01'");
    expect((await dailyRemaining(db, 'u1', '2030-05-01', { dailyCreditCap: 10, userDailyCreditCap: null })).both).toBe(4);
  });

  it('7 reserve and the full gate: codes come in the contract order and nothing is written on refusal', async () => {
    const u = await makeUser('u1', 10);
    await expect(gate(u, 'k1', { prompt: 'p' })).rejects.toMatchObject({ code: 'generation_disabled' });
    await db.run('UPDATE settings SET generation_enabled = 1');
    await expect(gate(u, 'k1', { prompt: 'p' })).rejects.toMatchObject({ code: 'budget_exhausted' });
    const outsider = await makeUser('u2', 10, 0);
    await expect(gate(outsider, 'k1', { prompt: 'p' })).rejects.toMatchObject({ code: 'early_access_required' });
    await db.run('UPDATE settings SET daily_credit_cap = NULL, user_daily_credit_cap = 20');
    await expect(gate(u, 'k1', { prompt: 'p', durationSeconds: 12 })).rejects.toMatchObject({ code: 'insufficient_credits' });
    expect(await db.all('SELECT * FROM idempotency_keys')).toEqual([]);
    expect(await db.all('SELECT * FROM generations')).toEqual([]);
    const ok = await gate(u, 'k1', { prompt: 'p', durationSeconds: 8 });
    expect(ok.kind).toBe('created');
    expect(await db.get('SELECT available, reserved FROM users WHERE id = ?', ['u1'])).toEqual({ available: 2, reserved: 8 });
    expect(await auditLedger(db)).toEqual([]);
  });

  it('idempotency: same body replays, another body is refused', async () => {
    const u = await makeUser('u1', 100);
    await db.run('UPDATE settings SET generation_enabled = 1, daily_credit_cap = NULL');
    const first = await gate(u, 'k', { prompt: 'p' });
    await db.run("UPDATE generations SET submit_state = 'submitted'");
    const again = await gate(u, 'k', { prompt: 'p' });
    expect(again).toMatchObject({ kind: 'replayed', row: { id: first.row.id } });
    await expect(gate(u, 'k', { prompt: 'q' })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    expect(requestHash(keys.requestHashKey, { prompt: 'p' })).not.toBe(requestHash(keys.requestHashKey, { prompt: 'p', durationSeconds: 8 }));
    await db.run("UPDATE generations SET submit_state = 'pending'");
    await expect(db.transaction((tx) => claimKey(tx, { userId: 'u1', key: 'k', requestHash: requestHash(keys.requestHashKey, { prompt: 'p' }), generationId: 'x', now: NOW }))).rejects.toMatchObject({ code: 'idempotency_in_progress' });
  });
});

describe('ledger', () => {
  it('refuses to overdraw, and refuses a second settlement of one generation', async () => {
    await makeUser('u1', 10);
    expect(await db.transaction((tx) => grant(tx, 'u1', -11, 'too much', NOW))).toBe(false);
    expect(await db.transaction((tx) => reserve(tx, 'u1', 'g1', 11, NOW))).toBe(false);
    expect(await db.transaction((tx) => reserve(tx, 'u1', 'g1', 6, NOW))).toBe(true);
    await expect(db.transaction((tx) => reserve(tx, 'u1', 'g1', 1, NOW))).rejects.toThrow(/UNIQUE/);
    await db.transaction((tx) => charge(tx, 'u1', 'g1', 6, NOW));
    await expect(db.transaction((tx) => refund(tx, { userId: 'u1', generationId: 'g1', amount: 6, reservedDay: '2030-05-01' }, NOW))).rejects.toThrow(/UNIQUE|CHECK/);
    expect(await db.get('SELECT granted, available, reserved, charged FROM users')).toEqual({ granted: 10, available: 4, reserved: 0, charged: 6 });
    expect(await auditLedger(db)).toEqual([]);
  });

  it('settles a generation once: the second settle of any kind is a no-op', async () => {
    const u = await makeUser('u1', 10);
    await db.run('UPDATE settings SET generation_enabled = 1, daily_credit_cap = NULL');
    const { row } = await gate(u, 'k', { prompt: 'p', durationSeconds: 4 });
    expect(await db.transaction((tx) => settle(tx, row.id, { status: 'failed', error: { code: 'provider_failed', message: 'm' } }, NOW))).not.toBeNull();
    expect(await db.transaction((tx) => settle(tx, row.id, { status: 'canceled', error: { code: 'canceled', message: 'm' } }, NOW))).toBeNull();
    expect(await db.transaction((tx) => settle(tx, row.id, { status: 'succeeded', videoPath: 'x.mp4' }, NOW))).toBeNull();
    expect(await db.get('SELECT available, reserved, charged FROM users')).toEqual({ available: 10, reserved: 0, charged: 0 });
    expect(await auditLedger(db)).toEqual([]);
  });

  it('the audit notices balances that disagree with the entries', async () => {
    await makeUser('u1', 10);
    await db.run('UPDATE users SET available = 11');
    expect((await auditLedger(db)).length).toBeGreaterThan(0);
  });
});

describe('pure pieces', () => {
  it('signs video URLs that expire and break when altered', () => {
    const s = createVideoUrlSigner(Buffer.alloc(32, 3), 60, () => 'http://h');
    const url = new URL(s.sign('gen_a', NOW));
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    expect(s.verify('gen_a', exp, sig, NOW)).toBe('ok');
    expect(s.verify('gen_b', exp, sig, NOW)).toBe('invalid');
    expect(s.verify('gen_a', String(Number(exp) + 1), sig, NOW)).toBe('invalid');
    expect(s.verify('gen_a', exp, `${sig.slice(0, -1)}A`, NOW)).not.toBe('ok');
    expect(s.verify('gen_a', exp, sig, NOW + 2 * 3600_000)).toBe('expired');
    expect(s.verify('gen_a', undefined, sig, NOW)).toBe('invalid');
  });

  it('parses byte ranges', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 100)).toBe('unsatisfiable');
    expect(parseRange('items=1-2', 100)).toBeNull();
  });

  it('keeps a keyed hash and at most 64 characters of a prompt', () => {
    const long = `🎬 ${'word '.repeat(40)}`;
    const p = promptPreview(long);
    expect(p.length).toBeLessThanOrEqual(64);
    expect(p.endsWith('…')).toBe(true);
    expect(promptPreview('  a\n\tb  ')).toBe('a b');
    expect(promptHash(Buffer.alloc(32, 1), 'x')).not.toBe(promptHash(Buffer.alloc(32, 2), 'x'));
  });

  it('parses the environment with the contract defaults and names a bad setting', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, provider: 'simulated', taskTimeoutMs: 900_000, maxPromptChars: 2000, rateLimitPerMin: 30, adminToken: undefined, databaseUrl: undefined });
    expect(() => loadConfig({ SHOTLIST_PORT: 'eighty' })).toThrow(/SHOTLIST_PORT/);
    expect(() => loadConfig({ SHOTLIST_DATABASE_URL: 'mysql://x' })).toThrow(/SHOTLIST_DATABASE_URL/);
  });
});
