/** How a generation is listed and described: pure, tested without a DOM. */
import { TERMINAL_STATUSES, type Generation, type GenerationStatus } from '../../../shared/contracts/api';

const STATUS_LABELS: Record<GenerationStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
};

export function statusLabel(status: GenerationStatus): string {
  return STATUS_LABELS[status];
}

export function isFinished(generation: Generation): boolean {
  return TERMINAL_STATUSES.includes(generation.status);
}

/** What happened to the credits, honestly: reserved while running, spent on success, refunded or not on failure. */
export function creditsNote(generation: Generation): string {
  const n = generation.credits;
  const credits = `${n} ${n === 1 ? 'credit' : 'credits'}`;
  if (generation.refunded) return `${credits} refunded`;
  switch (generation.status) {
    case 'queued':
    case 'running':
      return `${credits} reserved`;
    case 'succeeded':
      return `${credits} spent`;
    default:
      return `${credits} not refunded yet`;
  }
}

/** Puts a generation into a newest-first list, replacing the older copy of it if present. */
export function upsertGeneration(list: readonly Generation[], generation: Generation): Generation[] {
  const index = list.findIndex((g) => g.id === generation.id);
  if (index >= 0) {
    // An event can arrive after a newer copy (a poll reply); never go back in time.
    if (list[index]!.updatedAt > generation.updatedAt) return [...list];
    const next = [...list];
    next[index] = generation;
    return next;
  }
  return [generation, ...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Appends a further page, skipping any generation already listed (a new one can shift pages). */
export function appendPage(list: readonly Generation[], page: readonly Generation[]): Generation[] {
  const seen = new Set(list.map((g) => g.id));
  return [...list, ...page.filter((g) => !seen.has(g.id))];
}
