/**
 * User-timing marks for the latency the studio promises: keystroke → quality preview updated, and
 * start → draft list shown. Read by test/bench/ui.bench.ts through the performance timeline.
 */
export const KEYSTROKE_TO_PREVIEW = 'shotlist:keystroke-to-preview';
export const DRAFT_LIST_SHOWN = 'shotlist:draft-list-shown';

const KEEP_MEASURES = 2000;
let inputAt: number | null = null;
let measured = 0;

/** Called from an input handler with the event's own timestamp (when the key was pressed). */
export function noteInput(eventTimeStamp: number): void {
  inputAt = eventTimeStamp;
}

/** Called once the preview that reflects the last input has been committed to the page. */
export function notePreviewCommitted(): void {
  if (inputAt === null) return;
  performance.measure(KEYSTROKE_TO_PREVIEW, { start: inputAt, end: performance.now() });
  inputAt = null;
  measured += 1;
  // Keep the timeline bounded over a long session.
  if (measured % KEEP_MEASURES === 0) performance.clearMeasures(KEYSTROKE_TO_PREVIEW);
}

let listShown = false;
/** The first time the draft list shows rows: from page start to now. */
export function noteDraftListShown(rows: number): void {
  if (listShown || rows === 0) return;
  listShown = true;
  performance.measure(DRAFT_LIST_SHOWN, { start: 0, end: performance.now(), detail: { rows } });
}
