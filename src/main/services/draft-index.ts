/**
 * The in-memory index of draft summaries, built once at start-up and updated on every save,
 * so listing, filtering and searching 10,000 drafts never touches the disk.
 */
import { summarizeDraft } from '../../shared/studio/draft-summary';
import type { Draft, DraftSummary } from '../../shared/studio/models';

export interface DraftQuery {
  campaignId?: string | null | undefined;
  query?: string | undefined;
  tag?: string | undefined;
  sort?: 'updated' | 'created' | 'title' | undefined;
}

interface Entry {
  summary: DraftSummary;
  /** Lower-cased title, prompt and tags: what a search looks in. */
  haystack: string;
}

const COMPARATORS: Record<NonNullable<DraftQuery['sort']>, (a: DraftSummary, b: DraftSummary) => number> = {
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  created: (a, b) => b.createdAt.localeCompare(a.createdAt),
  title: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
};

export class DraftIndex {
  private readonly entries = new Map<string, Entry>();
  /** How many ids each lower-cased id stands for: on macOS and Windows `Ab` and `ab` are one file. */
  private readonly folded = new Map<string, number>();

  put(draft: Draft): DraftSummary {
    const summary = summarizeDraft(draft);
    const haystack = [draft.title, draft.prompt, draft.freeText, ...draft.tags].join('\n').toLowerCase();
    if (!this.entries.has(draft.id)) {
      const key = draft.id.toLowerCase();
      this.folded.set(key, (this.folded.get(key) ?? 0) + 1);
    }
    this.entries.set(draft.id, { summary, haystack });
    return summary;
  }

  remove(id: string): void {
    if (!this.entries.delete(id)) return;
    const key = id.toLowerCase();
    const n = (this.folded.get(key) ?? 1) - 1;
    if (n > 0) this.folded.set(key, n);
    else this.folded.delete(key);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Whether a draft's file would take this id's name on a file system that ignores case. */
  hasIgnoringCase(id: string): boolean {
    return this.folded.has(id.toLowerCase());
  }

  get(id: string): DraftSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  get size(): number {
    return this.entries.size;
  }

  list(query: DraftQuery = {}): DraftSummary[] {
    const words = (query.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const tag = query.tag?.toLowerCase();
    const result: DraftSummary[] = [];
    for (const { summary, haystack } of this.entries.values()) {
      if (query.campaignId !== undefined && summary.campaignId !== query.campaignId) continue;
      if (tag && !summary.tags.some((t) => t.toLowerCase() === tag)) continue;
      if (!words.every((w) => haystack.includes(w))) continue;
      result.push(summary);
    }
    return result.sort(COMPARATORS[query.sort ?? 'updated']);
  }
}
