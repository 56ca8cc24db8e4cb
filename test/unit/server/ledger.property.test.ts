/**
 * Property: over random interleavings of submissions, provider webhooks (any order, repeated),
 * cancels and timeouts, for every user granted = available + reserved + charged, every balance
 * equals its ledger entries, and no generation is settled (charged or refunded) twice.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { issueToken, type UserRow } from '../../../src/server/gate/authenticate';
import { passGate } from '../../../src/server/gate/submit';
import { TaskRunner } from '../../../src/server/generations/tasks';
import { auditLedger } from '../../../src/server/ledger/audit';
import { grant } from '../../../src/server/ledger/ledger';
import { ServerMetrics } from '../../../src/server/metrics';
import { FileVideoStore } from '../../../src/server/video/file-store';
import { FakeProvider } from '../../integration/server/helpers/fake-provider';

type Cmd =
  | { t: 'submit'; user: number; seconds: number; reject: boolean }
  | { t: 'event'; gen: number; kind: 'running' | 'succeeded' | 'failed' }
  | { t: 'cancel'; gen: number }
  | { t: 'timeout' };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant('submit' as const), user: fc.nat(2), seconds: fc.integer({ min: 2, max: 12 }), reject: fc.boolean() }),
  fc.record({ t: fc.constant('event' as const), gen: fc.nat(30), kind: fc.constantFrom('running' as const, 'succeeded' as const, 'failed' as const) }),
  fc.record({ t: fc.constant('cancel' as const), gen: fc.nat(30) }),
  fc.constant({ t: 'timeout' as const }),
);

describe('ledger invariant under random interleavings', () => {
  it('holds for every user after any sequence of concurrent batches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cmd, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 60 }), async (batches, cap) => {
        const dir = mkdtempSync(join(tmpdir(), 'shotlist-prop-'));
        const db = new SqliteDatabase(dir);
        try {
          let now = Date.parse('2030-01-01T10:00:00Z');
          const provider = new FakeProvider();
          const tasks = new TaskRunner(
            { db, providerName: 'fake', videos: new FileVideoStore(dir), metrics: new ServerMetrics(), log: { info() {}, warn() {}, error() {} }, clock: () => now, taskTimeoutMs: 60_000, providerTimeoutMs: 1000, providerRetries: 0, retryBaseMs: 1 },
            provider,
          );
          await db.run('UPDATE settings SET generation_enabled = 1, daily_credit_cap = ?, user_daily_credit_cap = NULL', [cap]);
          const users: UserRow[] = [];
          for (let i = 0; i < 3; i++) {
            await db.transaction(async (tx) => {
              await tx.run('INSERT INTO users (id, name, early_access, created_at) VALUES (?, ?, 1, 0)', [`u${i}`, `u${i}`]);
              await issueToken(tx, `u${i}`, 0);
              await grant(tx, `u${i}`, 20 + i * 10, 'prop', now);
            });
            users.push((await db.get<UserRow>('SELECT * FROM users WHERE id = ?', [`u${i}`]))!);
          }
          const gens: string[] = [];
          let key = 0;
          const run = async (c: Cmd): Promise<void> => {
            if (c.t === 'submit') {
              const prompt = c.reject ? 'p [sim:reject]' : 'p';
              try {
                const out = await passGate(db, { user: users[c.user]!, idempotencyKey: `k${key++}`, body: { prompt, durationSeconds: c.seconds }, providerName: 'fake', submitWindowMs: 10_000, keys: { promptHashKey: Buffer.alloc(32), requestHashKey: Buffer.alloc(32) }, now });
                gens.push(out.row.id);
                await tasks.submit(out.row, { taskId: out.row.id, prompt, durationSeconds: c.seconds, aspectRatio: '16:9', generateAudio: false });
              } catch (err) {
                expect((err as { code?: string }).code).toMatch(/insufficient_credits|budget_exhausted/);
              }
            } else if (c.t === 'event') {
              const id = gens[c.gen % Math.max(1, gens.length)];
              const t = id ? provider.created.get(id) : undefined;
              if (!t) return;
              const o = c.kind === 'succeeded' ? { state: 'succeeded' as const, videoUrl: 'fake://v' } : { state: c.kind };
              await tasks.applyOutcome(t.providerTaskId, o);
            } else if (c.t === 'cancel') {
              const id = gens[c.gen % Math.max(1, gens.length)];
              const owner = id ? await db.get<{ user_id: string }>('SELECT user_id FROM generations WHERE id = ?', [id]) : undefined;
              if (id && owner) await tasks.cancel(owner.user_id, id);
            } else {
              now += 61_000;
              await tasks.sweep();
            }
          };
          for (const batch of batches) await Promise.all(batch.map(run));
          expect(await auditLedger(db)).toEqual([]);
          const settled = await db.all<{ status: string; refunded: number; kinds: string | null }>(
            `SELECT g.status, g.refunded, (SELECT GROUP_CONCAT(kind) FROM ledger_entries e WHERE e.generation_id = g.id AND kind <> 'reserve') AS kinds FROM generations g`,
          );
          for (const s of settled) {
            if (s.status === 'succeeded') expect(s.kinds).toBe('charge');
            else if (s.status === 'failed' || s.status === 'canceled') expect([s.kinds, s.refunded]).toEqual(['refund', 1]);
            else expect(s.kinds).toBeNull();
          }
          const day = await db.get<{ used: number }>('SELECT reserved - refunded AS used FROM budget_days');
          expect(Number(day?.used ?? 0)).toBeLessThanOrEqual(cap);
        } finally {
          await db.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
