/** Review arithmetic and wording: pure, tested without a DOM. */
import { CHECKLIST_KEYS, type ChecklistKey } from '../../../shared/contracts/api';
import type { Review, ReviewScores } from '../../../shared/studio/models';
import { CHECKLIST_SHORT_LABELS } from '../../../shared/studio/checklist-labels';

export type ScoreAverages = Record<ChecklistKey | 'overall', number | null>;

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Mean score per checklist item and over every score, rounded to two places; null with no reviews. */
export function averageScores(reviews: readonly Review[]): ScoreAverages {
  const perItem = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, mean(reviews.map((r) => r.scores[k]))])) as Record<ChecklistKey, number | null>;
  return { ...perItem, overall: mean(reviews.flatMap((r) => CHECKLIST_KEYS.map((k) => r.scores[k]))) };
}

export function formatAverage(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** A score form in progress: each item 1–5 once chosen. */
export type DraftScores = Partial<Record<ChecklistKey, number>>;

export function missingScores(scores: DraftScores): ChecklistKey[] {
  return CHECKLIST_KEYS.filter((k) => {
    const v = scores[k];
    return v === undefined || !Number.isInteger(v) || v < 1 || v > 5;
  });
}

/** The complete scores, or null while any item is still unscored. */
export function completeScores(scores: DraftScores): ReviewScores | null {
  if (missingScores(scores).length > 0) return null;
  return Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, scores[k]])) as ReviewScores;
}

/** Why the form cannot be sent yet, in plain words; null when it can. */
export function reviewFormProblem(scores: DraftScores, reviewer: string): string | null {
  if (reviewer.trim().length === 0) return 'Enter your name as the reviewer.';
  const missing = missingScores(scores);
  if (missing.length > 0) return `Score every item: ${missing.map((k) => CHECKLIST_SHORT_LABELS[k]).join(', ')} still unscored.`;
  return null;
}
