/**
 * The 0–100 score: how much of the checklist the prompt covers (80), how specific it is — the
 * number of distinct pieces of evidence (20) — minus what its issues cost. A complete, specific
 * prompt lands near 100; a vague one near 0.
 */
import type { ChecklistItemResult, ChecklistKey } from '../contracts/api';

export const ITEM_WEIGHTS: Readonly<Record<ChecklistKey, number>> = {
  subject: 22,
  camera: 14,
  lighting: 14,
  detail: 14,
  format: 8,
  audio: 8,
};
const SPECIFICITY_MAX = 20;
const POINTS_PER_EVIDENCE = 2.5;

export function scorePrompt(checklist: Readonly<Record<ChecklistKey, ChecklistItemResult>>, penalty: number): number {
  let coverage = 0;
  let evidence = 0;
  for (const key of Object.keys(ITEM_WEIGHTS) as ChecklistKey[]) {
    const item = checklist[key];
    if (!item.present) continue;
    coverage += ITEM_WEIGHTS[key];
    evidence += item.spans.length;
  }
  const specificity = Math.min(SPECIFICITY_MAX, evidence * POINTS_PER_EVIDENCE);
  return Math.max(0, Math.min(100, Math.round(coverage + specificity - penalty)));
}
