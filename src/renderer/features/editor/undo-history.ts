/**
 * Undo/redo over whole editor states. Typing in one field is coalesced into a single step while
 * the keystrokes come close together, so one Ctrl+Z undoes a burst of typing, not one letter.
 */

export interface UndoHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The group and time of the last recorded change, for coalescing. */
  readonly lastGroup: string | null;
  readonly lastAt: number;
}

export const UNDO_LIMIT = 200;
export const COALESCE_MS = 1000;

export function createHistory<T>(present: T): UndoHistory<T> {
  return { past: [], present, future: [], lastGroup: null, lastAt: -Infinity };
}

/**
 * Records `next` as the present. Changes with the same non-null `group` within COALESCE_MS of the
 * previous one replace the present instead of adding a step.
 */
export function record<T>(history: UndoHistory<T>, next: T, group: string | null, at: number): UndoHistory<T> {
  if (Object.is(next, history.present)) return history;
  const coalesce = group !== null && group === history.lastGroup && at - history.lastAt <= COALESCE_MS && history.past.length > 0;
  if (coalesce) return { ...history, present: next, future: [], lastAt: at };
  const past = [...history.past, history.present];
  if (past.length > UNDO_LIMIT) past.splice(0, past.length - UNDO_LIMIT);
  return { past, present: next, future: [], lastGroup: group, lastAt: at };
}

export function undo<T>(history: UndoHistory<T>): UndoHistory<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous as T,
    future: [history.present, ...history.future],
    lastGroup: null,
    lastAt: -Infinity,
  };
}

export function redo<T>(history: UndoHistory<T>): UndoHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest, lastGroup: null, lastAt: -Infinity };
}

export const canUndo = (h: UndoHistory<unknown>): boolean => h.past.length > 0;
export const canRedo = (h: UndoHistory<unknown>): boolean => h.future.length > 0;
