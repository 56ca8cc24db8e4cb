/**
 * Drafts on disk: one human-readable JSON file per draft (<dir>/<id>.json) holding its content,
 * version history and reviews, written durably under a per-draft lock. Summaries live in the
 * in-memory index, so a save rewrites one small file and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Draft, DraftContent, type DraftSummary, type DraftVersion } from '../../shared/studio/models';
import { removeLeftoverTempFiles, toJsonText, writeFileDurably } from './atomic-file';
import type { DamagedFiles } from './damaged-files';
import { DraftIndex, type DraftQuery } from './draft-index';
import { notFound, StudioError } from './errors';
import { readJsonFileOrSetAside } from './json-file';
import { KeyedLock } from './keyed-lock';
import { isSafeId } from './safe-id';

const START_UP_READ_CONCURRENCY = 64;

export function contentOf(draft: Draft): DraftContent {
  return DraftContent.parse(draft);
}

function sameContent(a: DraftContent, b: DraftContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class DraftStore {
  private readonly index = new DraftIndex();
  private readonly lock = new KeyedLock();

  private constructor(
    private readonly dir: string,
    private readonly damaged: DamagedFiles,
    private readonly now: () => Date,
  ) {}

  /** Reads every draft file once to build the index; damaged files are set aside, not fatal. */
  static async open(dir: string, damaged: DamagedFiles, now: () => Date): Promise<DraftStore> {
    await mkdir(dir, { recursive: true });
    await removeLeftoverTempFiles(dir);
    const store = new DraftStore(dir, damaged, now);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    for (let i = 0; i < names.length; i += START_UP_READ_CONCURRENCY) {
      const batch = names.slice(i, i + START_UP_READ_CONCURRENCY);
      await Promise.all(batch.map((name) => store.loadIntoIndex(name)));
    }
    return store;
  }

  private async loadIntoIndex(name: string): Promise<void> {
    const path = join(this.dir, name);
    const draft = await readJsonFileOrSetAside(path, Draft, this.damaged);
    if (!draft) return;
    if (`${draft.id}.json` !== name) {
      await this.damaged.setAside(path, `its id "${draft.id}" does not match its file name`);
      return;
    }
    this.index.put(draft);
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  list(query?: DraftQuery): DraftSummary[] {
    return this.index.list(query);
  }

  summary(id: string): DraftSummary | undefined {
    return this.index.get(id);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  get count(): number {
    return this.index.size;
  }

  async get(id: string): Promise<Draft> {
    if (!isSafeId(id) || !this.index.has(id)) throw notFound('Draft', id);
    const draft = await readJsonFileOrSetAside(this.pathOf(id), Draft, this.damaged);
    if (!draft) {
      this.index.remove(id);
      throw new StudioError('not_found', `Draft ${id} could not be read: its file is missing or was set aside as damaged.`);
    }
    return draft;
  }

  async create(content: DraftContent, author: string): Promise<Draft> {
    const at = this.now().toISOString();
    const draft: Draft = { ...content, id: randomUUID(), author, version: 1, createdAt: at, updatedAt: at, history: [], reviews: [] };
    return this.lock.run(draft.id, () => this.write(draft));
  }

  /**
   * Writes a whole draft as given (import), keeping its id in lower case unless that is unsafe
   * or taken, even in another case (one file on macOS and Windows), then under a new one (its
   * reviews follow). Whether the id is free is decided under the draft's lock, so two imports
   * at once can never both take it and overwrite each other.
   */
  async insert(draft: Draft): Promise<Draft> {
    const wanted = isSafeId(draft.id) ? draft.id.toLowerCase() : randomUUID();
    return this.lock.run(wanted, () => {
      const id = this.index.hasIgnoringCase(wanted) ? randomUUID() : wanted;
      return this.write({ ...draft, id, reviews: draft.reviews.map((r) => ({ ...r, draftId: id })) });
    });
  }

  /** Locked read-modify-write of one draft. */
  update(id: string, change: (draft: Draft) => Draft): Promise<Draft> {
    return this.lock.run(id, async () => {
      const current = await this.get(id);
      const next = change(current);
      return next === current ? current : this.write(next);
    });
  }

  /**
   * New content becomes the current version; the previous one moves into the history. `allow`
   * may refuse the change (by throwing), seeing the draft as it stands under the lock.
   */
  save(id: string, content: DraftContent, allow?: (current: Draft, next: DraftContent) => void): Promise<Draft> {
    const next = DraftContent.parse(content);
    return this.update(id, (current) => {
      allow?.(current, next);
      const previous = contentOf(current);
      if (sameContent(previous, next)) return current;
      const kept: DraftVersion = { version: current.version, savedAt: current.updatedAt, content: previous };
      return {
        ...current,
        ...next,
        version: current.version + 1,
        updatedAt: this.now().toISOString(),
        history: [...current.history, kept],
      };
    });
  }

  /** Every version, oldest first, the current one last. */
  async versions(id: string): Promise<DraftVersion[]> {
    const draft = await this.get(id);
    return [...draft.history, { version: draft.version, savedAt: draft.updatedAt, content: contentOf(draft) }];
  }

  async restore(id: string, version: number): Promise<Draft> {
    const match = (await this.versions(id)).find((v) => v.version === version);
    if (!match) throw new StudioError('not_found', `Draft ${id} has no version ${version}.`);
    return this.save(id, match.content);
  }

  delete(id: string): Promise<void> {
    if (!isSafeId(id) || !this.index.has(id)) return Promise.reject(notFound('Draft', id));
    return this.lock.run(id, async () => {
      await rm(this.pathOf(id), { force: true });
      this.index.remove(id);
    });
  }

  private async write(draft: Draft): Promise<Draft> {
    const valid = Draft.parse(draft);
    await writeFileDurably(this.pathOf(valid.id), toJsonText(valid));
    this.index.put(valid);
    return valid;
  }

  drain(): Promise<void> {
    return this.lock.drain();
  }
}
