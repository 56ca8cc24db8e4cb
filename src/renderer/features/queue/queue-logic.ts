/** Concept-queue arithmetic the panel shows: pure, tested without a DOM. */
import { generationCost } from '../../../shared/contracts/api';
import type { ConceptProgress } from '../../../shared/ipc/contract';
import type { ConceptItem, ConceptStatus } from '../../../shared/studio/models';

/** Items a flush will send: everything not sent yet (queued, failed, or left sending by a crash). */
export function unsentItems(items: readonly ConceptItem[]): ConceptItem[] {
  return items.filter((i) => i.status !== 'sent');
}

/** Credits a flush will reserve, counted before the user confirms. */
export function creditsToReserve(items: readonly ConceptItem[]): number {
  return unsentItems(items).reduce((sum, item) => sum + generationCost(item.options), 0);
}

/** Folds one progress event into the list it is about. */
export function applyProgress(items: readonly ConceptItem[], progress: ConceptProgress): ConceptItem[] {
  return items.map((item) =>
    item.id === progress.itemId ? { ...item, status: progress.status, generationId: progress.generationId, error: progress.error } : item,
  );
}

export interface FlushProgress {
  total: number;
  sent: number;
  failed: number;
  /** The title of the item being sent now, if any. */
  current: string | null;
}

/** How far a flush has got, from the latest event per item. */
export function flushProgress(events: readonly ConceptProgress[], items: readonly ConceptItem[]): FlushProgress {
  const latest = new Map<string, ConceptProgress>();
  for (const event of events) latest.set(event.itemId, event);
  const total = events.length > 0 ? events[events.length - 1]!.total : 0;
  let sent = 0;
  let failed = 0;
  let current: string | null = null;
  for (const event of latest.values()) {
    if (event.status === 'sent') sent += 1;
    else if (event.status === 'failed') failed += 1;
    else if (event.status === 'sending') current = items.find((i) => i.id === event.itemId)?.title ?? null;
  }
  return { total, sent, failed, current };
}

/** One sentence on a flush: under way, done, or stopped early (the rest kept for the next send). */
export function flushSummary(progress: FlushProgress, flushing: boolean): string {
  const { total, sent, failed, current } = progress;
  const finished = sent + failed;
  if (flushing) return `Sending ${Math.min(finished + 1, total)} of ${total}${current ? `: ${current}` : ''}`;
  if (sent === total) return `Done: all ${total} sent.`;
  const left = total - finished;
  const parts = [`${sent} sent`, `${failed} failed`, ...(left > 0 ? [`${left} not sent`] : [])];
  return `${left > 0 ? 'Stopped' : 'Done'}: ${parts.join(', ')}. Failed and unsent items stay queued for the next send.`;
}

const STATUS_WORDS: Record<ConceptStatus, string> = {
  queued: 'Waiting',
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Failed',
};

export function conceptStatusLabel(status: ConceptStatus): string {
  return STATUS_WORDS[status];
}

/** Where an item would go when moved one step, or null when it cannot move that way. */
export function neighbourIndex(items: readonly ConceptItem[], id: string, step: -1 | 1): number | null {
  const index = items.findIndex((i) => i.id === id);
  if (index < 0) return null;
  const to = index + step;
  return to < 0 || to >= items.length ? null : to;
}
