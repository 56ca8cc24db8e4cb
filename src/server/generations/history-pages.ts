/**
 * GET /v1/generations as the JSON text sent. The first page of a user's history is what the
 * studio asks for again and again (it polls while generations run), so each user's first page is
 * kept, serialised, together with the user's history_version it was read at. Every change to one
 * of the user's generations bumps that version in the same transaction (database triggers, see
 * migration 2), so a kept page is served only while it is exactly what a fresh read would give,
 * whichever process wrote: one indexed read of the version instead of a page of rows and their
 * serialisation. Signed video URLs in a kept page are the ones sign() would write now: a page is
 * kept only while the signer's expiry step is the same.
 */
import type { Generation, GenerationList } from '../../shared/contracts/api';
import type { Queryable } from '../db';
import type { VideoUrlSigner } from '../video/signing';
import { encodeCursor, type Cursor } from './cursor';
import type { GenerationHistory } from './history';
import { toGeneration } from './view';

interface KeptPage {
  version: number;
  limit: number;
  expiry: number;
  body: Buffer;
}

/** Bytes of kept pages at most: a first page of 20 is ≈ 8 KB, of 100 (the most) ≈ 40 KB. */
const DEFAULT_BUDGET_BYTES = 16 * 1024 * 1024;

export class HistoryPages {
  private readonly firstPages = new Map<string, KeptPage>();
  private keptBytes = 0;

  constructor(
    private readonly db: Queryable,
    private readonly history: GenerationHistory,
    private readonly signer: VideoUrlSigner,
    private readonly serialize: (list: GenerationList) => string,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  /** The page's JSON as UTF-8 bytes: a kept page is encoded once, not on every send. */
  async page(userId: string, limit: number, after: Cursor | null, now: number): Promise<Buffer> {
    if (after) return this.build(userId, limit, after, now);
    // Read before the page: the page is then at least as new as the version it is kept under.
    const [row] = await this.db.tuples<[number]>('SELECT history_version FROM users WHERE id = ?', [userId]);
    const expiry = this.signer.expiry(now);
    const kept = this.firstPages.get(userId);
    if (row && kept && kept.version === Number(row[0]) && kept.limit === limit && kept.expiry === expiry) return kept.body;
    const body = await this.build(userId, limit, null, now);
    if (row) this.keep(userId, { version: Number(row[0]), limit, expiry, body });
    return body;
  }

  private async build(userId: string, limit: number, after: Cursor | null, now: number): Promise<Buffer> {
    const rows = await this.history.list(userId, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items: Generation[] = page.map((r) => toGeneration(r, this.signer, now));
    const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
    return Buffer.from(this.serialize({ items, nextCursor }));
  }

  private keep(userId: string, page: KeptPage): void {
    this.forget(userId);
    // Least recently refreshed first out: a page dropped early only costs one fresh read.
    for (const oldest of this.firstPages.keys()) {
      if (this.keptBytes + page.body.length <= this.budgetBytes) break;
      this.forget(oldest);
    }
    if (this.keptBytes + page.body.length > this.budgetBytes) return;
    this.firstPages.set(userId, page);
    this.keptBytes += page.body.length;
  }

  private forget(userId: string): void {
    const page = this.firstPages.get(userId);
    if (!page) return;
    this.firstPages.delete(userId);
    this.keptBytes -= page.body.length;
  }
}
