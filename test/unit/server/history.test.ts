/** History pages: the unchanging part of each view is kept, the changing part is always read fresh. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { passGate } from '../../../src/server/gate/submit';
import { decodeCursor } from '../../../src/server/generations/cursor';
import { GenerationHistory } from '../../../src/server/generations/history';
import { HistoryPages } from '../../../src/server/generations/history-pages';
import { createVideoUrlSigner } from '../../../src/server/video/signing';
import { markRunning, settle } from '../../../src/server/generations/store';
import { grant } from '../../../src/server/ledger/ledger';
import { testTempDir } from '../../helpers/temp-dir';

let db: SqliteDatabase;
const NOW = Date.parse('2030-05-01T12:00:00Z');
const keys = { promptHashKey: Buffer.alloc(32, 1), requestHashKey: Buffer.alloc(32, 2) };

async function submit(userId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const out = await passGate(db, {
      user: { id: userId },
      idempotencyKey: `k${i}`,
      body: { prompt: `shot number ${i}`, durationSeconds: 4 },
      providerName: 'fake',
      submitWindowMs: 1000,
      keys,
      now: NOW + i,
    });
    ids.push(out.row.id);
  }
  return ids;
}

beforeEach(async () => {
  db = new SqliteDatabase(testTempDir('shotlist-history-'));
  await db.transaction(async (tx) => {
    await tx.run('UPDATE settings SET generation_enabled = 1, daily_credit_cap = NULL');
    for (const id of ['u1', 'u2']) {
      await tx.run('INSERT INTO users (id, name, early_access, created_at) VALUES (?, ?, 1, 0)', [id, id]);
      await grant(tx, id, 1000, 'test', NOW);
    }
  });
});
afterEach(async () => {
  await db.close();
});

describe('GenerationHistory', () => {
  it('a kept page still shows every later change of status, refund, video and error', async () => {
    const ids = await submit('u1', 3);
    const history = new GenerationHistory(db);
    const first = await history.list('u1', 10, null);
    expect(first.map((v) => v.id)).toEqual([...ids].reverse());
    expect(first.every((v) => v.status === 'queued')).toBe(true);

    await db.transaction((tx) => settle(tx, ids[0]!, { status: 'failed', error: { code: 'provider_failed', message: 'boom' } }, NOW + 100));
    await db.transaction((tx) => settle(tx, ids[1]!, { status: 'succeeded', videoPath: 'videos/x.mp4' }, NOW + 200));

    const warm = await history.list('u1', 10, null);
    const cold = await new GenerationHistory(db).list('u1', 10, null);
    expect(warm).toEqual(cold);
    expect(warm[2]).toMatchObject({ id: ids[0], status: 'failed', refunded: 1, error_code: 'provider_failed', error_message: 'boom', updated_at: NOW + 100 });
    expect(warm[1]).toMatchObject({ id: ids[1], status: 'succeeded', refunded: 0, video_path: 'videos/x.mp4', updated_at: NOW + 200 });
  });

  it('pages by cursor, shows only the owner’s generations, and reads new ones whole', async () => {
    const mine = await submit('u1', 5);
    await submit('u2', 2);
    const history = new GenerationHistory(db, 2);
    const page1 = await history.list('u1', 3, null);
    const last = page1[2]!;
    const page2 = await history.list('u1', 3, { createdAt: last.created_at, id: last.id });
    expect([...page1, ...page2].map((v) => v.id)).toEqual([...mine].reverse());
    await db.transaction((tx) => settle(tx, mine[4]!, { status: 'canceled', error: { code: 'canceled', message: 'by user' } }, NOW + 50));
    const again = await history.list('u1', 10, null);
    expect(again).toEqual(await new GenerationHistory(db).list('u1', 10, null));
    expect(again.map((v) => v.id)).not.toContain((await history.list('u2', 10, null))[0]!.id);
  });
});

describe('HistoryPages', () => {
  const TTL_S = 600;
  function pages(budgetBytes?: number) {
    const history = new GenerationHistory(db);
    const reads = vi.spyOn(history, 'list');
    const signer = createVideoUrlSigner(Buffer.alloc(32, 3), TTL_S, () => 'http://127.0.0.1:1');
    return { pages: new HistoryPages(db, history, signer, (list) => JSON.stringify(list), budgetBytes), reads };
  }

  it('serves a kept first page until one of the user’s generations changes, and only then reads again', async () => {
    const ids = await submit('u1', 3);
    const { pages: p, reads } = pages();
    const first = await p.page('u1', 10, null, NOW);
    expect(JSON.parse(String(first)).items.map((g: { id: string }) => g.id)).toEqual([...ids].reverse());
    expect(await p.page('u1', 10, null, NOW + 1)).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);

    await submit('u2', 1);
    expect(await p.page('u1', 10, null, NOW + 2)).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);

    await db.transaction((tx) => markRunning(tx, ids[0]!, NOW + 3));
    const running = JSON.parse(String(await p.page('u1', 10, null, NOW + 3)));
    expect(reads).toHaveBeenCalledTimes(2);
    expect(running.items.find((g: { id: string }) => g.id === ids[0]).status).toBe('running');
  });

  it('reads again for another limit, for a new signing step, and never keeps a page after a cursor', async () => {
    await submit('u1', 3);
    const { pages: p, reads } = pages();
    await p.page('u1', 10, null, NOW);
    await p.page('u1', 2, null, NOW);
    expect(reads).toHaveBeenCalledTimes(2);
    const nextStep = NOW + (TTL_S / 10) * 1000;
    await p.page('u1', 2, null, nextStep);
    expect(reads).toHaveBeenCalledTimes(3);
    const { nextCursor } = JSON.parse(String(await p.page('u1', 2, null, nextStep)));
    expect(reads).toHaveBeenCalledTimes(3);
    const second = await p.page('u1', 2, decodeCursor(nextCursor), nextStep);
    expect(await p.page('u1', 2, decodeCursor(nextCursor), nextStep)).toEqual(second);
    expect(JSON.parse(String(second)).items).toHaveLength(1);
    expect(reads).toHaveBeenCalledTimes(5);
  });

  it('keeps pages within its byte budget, dropping the least recently refreshed first', async () => {
    await submit('u1', 2);
    await submit('u2', 2);
    const size = (await pages().pages.page('u1', 10, null, NOW)).length;
    const { pages: p, reads } = pages(Math.floor(size * 1.5));
    await p.page('u1', 10, null, NOW);
    await p.page('u1', 10, null, NOW);
    expect(reads).toHaveBeenCalledTimes(1);
    await p.page('u2', 10, null, NOW);
    await p.page('u2', 10, null, NOW);
    expect(reads).toHaveBeenCalledTimes(2);
    // u1's page made room for u2's.
    await p.page('u1', 10, null, NOW);
    expect(reads).toHaveBeenCalledTimes(3);

    const { pages: tiny, reads: tinyReads } = pages(10);
    await tiny.page('u1', 10, null, NOW);
    await tiny.page('u1', 10, null, NOW);
    expect(tinyReads).toHaveBeenCalledTimes(2);
  });
});
