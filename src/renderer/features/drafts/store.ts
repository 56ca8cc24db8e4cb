/**
 * The draft list: summaries for the chosen campaign, search, tag and sort, and which draft is
 * open. Filtering is the main process's (its index answers 10,000 drafts in milliseconds); a
 * save patches its one summary here instead of fetching the list again.
 */
import { create } from 'zustand';
import type { Draft, DraftContent, DraftSummary } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { reportFailure } from '../../app/notices';
import { summarizeDraft } from '../../../shared/studio/draft-summary';

export type DraftSort = 'updated' | 'created' | 'title';

interface DraftsState {
  items: DraftSummary[];
  campaignId: string | null;
  query: string;
  tag: string | null;
  sort: DraftSort;
  /** Every tag seen in this campaign's lists, for the tag filter. */
  knownTags: string[];
  selectedId: string | null;
  loading: boolean;
  loaded: boolean;
  error: string | null;
}

export const useDrafts = create<DraftsState>(() => ({
  items: [],
  campaignId: null,
  query: '',
  tag: null,
  sort: 'updated',
  knownTags: [],
  selectedId: null,
  loading: false,
  loaded: false,
  error: null,
}));

/** What the list needs from the editor; the editor store connects itself (it imports this store). */
export interface EditorLink {
  /** Opens a draft, saving the one open before. */
  open(id: string | null): Promise<void>;
  /** Drops a deleted draft from the editor without saving it. */
  forget(id: string): void;
}
let editor: EditorLink = { open: async () => {}, forget: () => {} };
export function connectEditor(link: EditorLink): void {
  editor = link;
}

let requestSeq = 0;

export async function refreshDrafts(): Promise<void> {
  const { campaignId, query, tag, sort } = useDrafts.getState();
  const seq = ++requestSeq;
  useDrafts.setState({ loading: true });
  try {
    const items = await call('drafts.list', {
      ...(campaignId !== null ? { campaignId } : {}),
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(tag ? { tag } : {}),
      sort,
    });
    if (seq !== requestSeq) return;
    useDrafts.setState((s) => ({ items, loading: false, loaded: true, error: null, knownTags: mergeTags(s.knownTags, items) }));
  } catch (error) {
    if (seq !== requestSeq) return;
    useDrafts.setState({ loading: false, loaded: true, error: error instanceof Error ? error.message : 'The drafts could not be listed.' });
  }
}

function mergeTags(known: readonly string[], items: readonly DraftSummary[]): string[] {
  const seen = new Map(known.map((t) => [t.toLowerCase(), t]));
  for (const item of items) for (const tag of item.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

const SEARCH_DELAY_MS = 150;
let searchTimer: ReturnType<typeof setTimeout> | null = null;

export function setQuery(query: string): void {
  useDrafts.setState({ query });
  if (searchTimer) clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void refreshDrafts(), SEARCH_DELAY_MS);
}

export function setTag(tag: string | null): void {
  useDrafts.setState({ tag });
  void refreshDrafts();
}

export function setSort(sort: DraftSort): void {
  useDrafts.setState({ sort });
  void refreshDrafts();
}

export function setDraftCampaign(campaignId: string | null): void {
  useDrafts.setState({ campaignId, tag: null, knownTags: [] });
  void refreshDrafts();
}

export async function selectDraft(id: string | null): Promise<void> {
  if (useDrafts.getState().selectedId === id) return;
  useDrafts.setState({ selectedId: id });
  await editor.open(id);
}

/** Alt+Up / Alt+Down: the draft above or below the open one. */
export function selectNeighbour(step: 1 | -1): void {
  const { items, selectedId } = useDrafts.getState();
  if (items.length === 0) return;
  const at = items.findIndex((d) => d.id === selectedId);
  const next = at === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  const target = items[next];
  if (target) void selectDraft(target.id);
}

/** Creates a draft in the chosen campaign, lists it first and opens it. */
export async function createDraft(content: Partial<DraftContent> = {}): Promise<Draft | null> {
  const { campaignId } = useDrafts.getState();
  try {
    const draft = await call('drafts.create', { campaignId, ...content });
    showNewDrafts([draft]);
    await selectDraft(draft.id);
    return draft;
  } catch (error) {
    reportFailure('Creating a draft', error);
    return null;
  }
}

/** Puts new drafts at the top of the list (where "newest first" would put them). */
export function showNewDrafts(drafts: readonly Draft[]): void {
  const summaries = drafts.map(summarizeDraft);
  useDrafts.setState((s) => ({
    items: [...summaries, ...s.items.filter((d) => !summaries.some((n) => n.id === d.id))],
    knownTags: mergeTags(s.knownTags, summaries),
  }));
}

/** A saved draft's new summary; with "last updated" sorting it moves to the top. */
export function applySavedDraft(draft: Draft): void {
  const summary = summarizeDraft(draft);
  useDrafts.setState((s) => {
    const at = s.items.findIndex((d) => d.id === draft.id);
    if (at === -1) return {};
    if (s.campaignId !== null && draft.campaignId !== s.campaignId) return { items: s.items.filter((d) => d.id !== draft.id) };
    const items = s.sort === 'updated' ? [summary, ...s.items.slice(0, at), ...s.items.slice(at + 1)] : s.items.with(at, summary);
    return { items, knownTags: mergeTags(s.knownTags, [summary]) };
  });
}

export async function deleteDraft(id: string): Promise<boolean> {
  try {
    const { items } = useDrafts.getState();
    const at = items.findIndex((d) => d.id === id);
    await call('drafts.delete', { id });
    editor.forget(id);
    const rest = items.filter((d) => d.id !== id);
    useDrafts.setState({ items: rest });
    const neighbour = rest[Math.min(at, rest.length - 1)];
    useDrafts.setState({ selectedId: null });
    await selectDraft(neighbour?.id ?? null);
    return true;
  } catch (error) {
    reportFailure('Deleting the draft', error);
    return false;
  }
}
