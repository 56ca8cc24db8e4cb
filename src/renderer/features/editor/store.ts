/**
 * The open draft: its content with undo/redo, autosave, and what the server last confirmed.
 * Components select single fields, so a keystroke in one field re-renders that field and the
 * preview, not the whole editor. Content whose save failed is kept per draft and comes back
 * when the draft is opened again, so nothing typed is ever lost; a reload keeps it too
 * (kept-content.ts), along with whatever the open draft had not saved yet.
 */
import { create } from 'zustand';
import { DraftContent, type Draft, type DraftVersion } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { messageOf } from '../../app/errors';
import { notify, reportFailure } from '../../app/notices';
import { applySavedDraft, connectEditor } from '../drafts/store';
import { Autosaver, type AutosaveStatus } from './autosave';
import { readKeptDrafts, writeKeptDrafts } from './kept-content';
import { canRedo, canUndo, createHistory, record, redo, undo, type UndoHistory } from './undo-history';
import { draftTitle } from '../../../shared/studio/draft-title';

export const AUTOSAVE_DELAY_MS = 600;

export type EditorTab = 'edit' | 'history' | 'reviews';

interface EditorState {
  draftId: string | null;
  /** The draft as the server last returned it (version, dates, author). */
  saved: Draft | null;
  history: UndoHistory<DraftContent>;
  status: AutosaveStatus;
  loading: boolean;
  loadError: string | null;
  /** Content not yet saved, by draft, for drafts left while their save was failing. */
  unsaved: Record<string, DraftContent>;
  tab: EditorTab;
  versions: DraftVersion[] | null;
}

const EMPTY: DraftContent = DraftContent.parse({
  title: '',
  mode: 'guided',
  fields: {},
  freeText: '',
  prompt: '',
  options: {},
  tags: [],
  campaignId: null,
});

export const useEditor = create<EditorState>(() => ({
  draftId: null,
  saved: null,
  history: createHistory(EMPTY),
  status: { state: 'saved' },
  loading: false,
  loadError: null,
  unsaved: readKeptDrafts(sessionStorage),
  tab: 'edit',
  versions: null,
}));

let saver: Autosaver<DraftContent> | null = null;
let openSeq = 0;

useEditor.subscribe((state, before) => {
  if (state.unsaved !== before.unsaved) writeKeptDrafts(sessionStorage, state.unsaved);
});

// A reload must not lose what the open draft has not saved yet (a failing save, or the last
// keystrokes before the autosave delay): it is kept with the rest and saved when reopened.
window.addEventListener('pagehide', () => {
  const { draftId, unsaved } = useEditor.getState();
  const pending = saver?.unsaved;
  if (draftId && pending) writeKeptDrafts(sessionStorage, { ...unsaved, [draftId]: pending });
});

const keptAtStart = Object.values(useEditor.getState().unsaved);
if (keptAtStart.length > 0) {
  const titles = keptAtStart.map((c) => `“${draftTitle(c.title)}”`).join(', ');
  notify(`Changes not saved before the reload are kept for ${titles}: they are saved when you open ${keptAtStart.length === 1 ? 'it' : 'them'}.`);
}

function contentOf(draft: Draft): DraftContent {
  return DraftContent.parse(draft);
}

function saverFor(id: string): Autosaver<DraftContent> {
  return new Autosaver<DraftContent>({
    delayMs: AUTOSAVE_DELAY_MS,
    save: async (content) => {
      const draft = await call('drafts.save', { id, content });
      if (useEditor.getState().draftId === id) useEditor.setState({ saved: draft, versions: null });
      applySavedDraft(draft);
    },
    onStatus: (status) => {
      if (useEditor.getState().draftId === id) useEditor.setState({ status });
    },
  });
}

/** Leaves the open draft: saves it, or keeps its content aside when the save fails. */
async function leaveCurrent(): Promise<void> {
  const { draftId } = useEditor.getState();
  const leaving = saver;
  saver = null;
  if (!draftId || !leaving) return;
  const ok = await leaving.flush();
  leaving.dispose();
  const unsaved = leaving.unsaved;
  if (!ok && unsaved) {
    useEditor.setState((s) => ({ unsaved: { ...s.unsaved, [draftId]: unsaved } }));
    reportFailure('Saving the draft you left', new Error(`${draftTitle(unsaved.title)} is kept here and will be saved when you open it again`));
  }
}

export async function openDraft(id: string | null): Promise<void> {
  const seq = ++openSeq;
  await leaveCurrent();
  if (seq !== openSeq) return;
  if (id === null) {
    useEditor.setState({ draftId: null, saved: null, history: createHistory(EMPTY), status: { state: 'saved' }, loading: false, loadError: null, versions: null });
    return;
  }
  useEditor.setState({ draftId: id, loading: true, loadError: null, versions: null });
  try {
    const draft = await call('drafts.get', { id });
    if (seq !== openSeq) return;
    const kept = useEditor.getState().unsaved[id];
    saver = saverFor(id);
    useEditor.setState((s) => {
      const { [id]: _taken, ...rest } = s.unsaved;
      return { saved: draft, history: createHistory(kept ?? contentOf(draft)), status: { state: 'saved' }, loading: false, unsaved: rest };
    });
    if (kept) saver.change(kept);
  } catch (error) {
    if (seq !== openSeq) return;
    useEditor.setState({ loading: false, loadError: messageOf(error), saved: null });
  }
}

/** A deleted draft: nothing of it is saved any more. */
export function forgetDraft(id: string): void {
  if (useEditor.getState().draftId === id) {
    saver?.dispose();
    saver = null;
  }
  useEditor.setState((s) => {
    const { [id]: _dropped, ...rest } = s.unsaved;
    return { unsaved: rest };
  });
}

connectEditor({ open: openDraft, forget: forgetDraft });

/**
 * Applies an edit to the open draft. `group` names what is being typed into (a field), so a
 * burst of typing there is one undo step.
 */
export function edit(change: (content: DraftContent) => DraftContent, group: string | null = null): void {
  const state = useEditor.getState();
  if (!state.draftId || !saver) return;
  const next = change(state.history.present);
  if (next === state.history.present) return;
  useEditor.setState({ history: record(state.history, next, group, Date.now()) });
  saver.change(next);
}

function travel(step: typeof undo): void {
  const state = useEditor.getState();
  if (!saver) return;
  const history = step(state.history);
  if (history === state.history) return;
  useEditor.setState({ history });
  saver.change(history.present);
}

export const undoEdit = () => travel(undo);
export const redoEdit = () => travel(redo);
export const selectCanUndo = (s: EditorState) => canUndo(s.history);
export const selectCanRedo = (s: EditorState) => canRedo(s.history);

/** Ctrl+S, window blur, switching drafts: save whatever is pending now. */
export async function saveNow(): Promise<boolean> {
  return saver ? saver.flush() : true;
}

export function setTab(tab: EditorTab): void {
  useEditor.setState({ tab });
  if (tab === 'history') void loadVersions();
}

export async function loadVersions(): Promise<void> {
  const { draftId } = useEditor.getState();
  if (!draftId) return;
  try {
    const versions = await call('drafts.history', { id: draftId });
    if (useEditor.getState().draftId === draftId) useEditor.setState({ versions });
  } catch (error) {
    reportFailure('Loading the version history', error);
  }
}

/** Makes an earlier version current again (as a new version, so nothing is lost); one undo step. */
export async function restoreVersion(version: number): Promise<void> {
  const { draftId } = useEditor.getState();
  if (!draftId || !(await saveNow())) return;
  try {
    const draft = await call('drafts.restore', { id: draftId, version });
    if (useEditor.getState().draftId !== draftId) return;
    useEditor.setState((s) => ({ saved: draft, history: record(s.history, contentOf(draft), null, Date.now()), versions: null }));
    applySavedDraft(draft);
    await loadVersions();
  } catch (error) {
    reportFailure(`Restoring version ${version}`, error);
  }
}
