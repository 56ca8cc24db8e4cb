/**
 * A user's generations, newest first, by keyset: the cursor is the (created_at, id) of the last
 * item of the previous page, and generations_by_owner (user_id, created_at, id) is walked
 * backwards from it, so a page costs the same however deep it is.
 *
 * Most of a page's cost on SQLite is the binding handing over values (≈ 160 ns each), and most
 * of a generation's columns never change once the gate has written it. So the unchanging part
 * of each view is kept here, by id, and a page reads only the id and the columns that do change
 * (status, refunded, video, error, updated_at). Being unchanging, a kept part is right in every
 * process whatever other processes write; a page with any id not kept is read whole, once.
 */
import type { Queryable } from '../db';
import type { Cursor } from './cursor';
import type { GenerationView } from './store';

type Fixed = Pick<GenerationView, 'id' | 'created_at' | 'credits' | 'prompt_hash' | 'prompt_preview' | 'duration_seconds' | 'aspect_ratio' | 'client_ref'>;
type Changing = Pick<GenerationView, 'status' | 'updated_at' | 'refunded' | 'video_path' | 'error_code' | 'error_message'>;

type ChangingTuple = [string, Changing['status'], number, number, string | null, Changing['error_code'], string | null];
type WholeTuple = [...ChangingTuple, number, number, string, string, number, string, string | null];

const CHANGING_COLUMNS = 'id, status, updated_at, refunded, video_path, error_code, error_message';
const WHOLE_COLUMNS = `${CHANGING_COLUMNS}, created_at, credits, prompt_hash, prompt_preview, duration_seconds, aspect_ratio, client_ref`;

const FROM_START = 'FROM generations WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?';
const AFTER = 'FROM generations WHERE user_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?';
/** Built once: the statement cache is keyed by the SQL text. */
const PAGE = {
  fromStart: { changing: `SELECT ${CHANGING_COLUMNS} ${FROM_START}`, whole: `SELECT ${WHOLE_COLUMNS} ${FROM_START}` },
  after: { changing: `SELECT ${CHANGING_COLUMNS} ${AFTER}`, whole: `SELECT ${WHOLE_COLUMNS} ${AFTER}` },
};

/** About 300 bytes each: a few MB at most. */
const DEFAULT_CAPACITY = 10_000;

export class GenerationHistory {
  private readonly fixed = new Map<string, Fixed>();

  constructor(
    private readonly db: Queryable,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  async list(userId: string, limit: number, after: Cursor | null): Promise<GenerationView[]> {
    const [sql, params] = after ? [PAGE.after, [userId, after.createdAt, after.createdAt, after.id, limit]] : [PAGE.fromStart, [userId, limit]];
    const changing = await this.db.tuples<ChangingTuple>(sql.changing, params);
    const views: GenerationView[] = [];
    for (const c of changing) {
      const f = this.fixed.get(c[0]);
      if (!f) return this.listWhole(sql.whole, params);
      views.push(view(f, c));
    }
    return views;
  }

  private async listWhole(sql: string, params: (string | number)[]): Promise<GenerationView[]> {
    const rows = await this.db.tuples<WholeTuple>(sql, params);
    return rows.map((r) => {
      let f = this.fixed.get(r[0]);
      if (!f) {
        f = { id: r[0], created_at: r[7], credits: r[8], prompt_hash: r[9], prompt_preview: r[10], duration_seconds: r[11], aspect_ratio: r[12], client_ref: r[13] };
        this.keep(f);
      }
      return view(f, r);
    });
  }

  private keep(f: Fixed): void {
    // Oldest kept first out: a part dropped too early only costs one whole read of its page.
    if (this.fixed.size >= this.capacity) this.fixed.delete(this.fixed.keys().next().value!);
    this.fixed.set(f.id, f);
  }
}

function view(f: Fixed, c: ChangingTuple | WholeTuple): GenerationView {
  return {
    id: f.id,
    status: c[1],
    created_at: f.created_at,
    updated_at: c[2],
    credits: f.credits,
    refunded: c[3],
    prompt_hash: f.prompt_hash,
    prompt_preview: f.prompt_preview,
    duration_seconds: f.duration_seconds,
    aspect_ratio: f.aspect_ratio,
    client_ref: f.client_ref,
    video_path: c[4],
    error_code: c[5],
    error_message: c[6],
  };
}
