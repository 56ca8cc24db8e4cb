import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLIST_KEYS, type ChecklistKey } from '../../../src/shared/contracts/api';

/** Written and labelled by LABELS.md before they were ever scored: they measure generalisation. */
export const BLIND_SETS = ['blind.jsonl', 'blind-2.jsonl', 'blind-3.jsonl', 'blind-4.jsonl', 'blind-5.jsonl'] as const;
export const TUNED_SETS = ['labelled-prompts.jsonl', 'adversarial.jsonl'] as const;

export interface LabelledPrompt {
  id: string;
  prompt: string;
  labels: Record<ChecklistKey, boolean>;
}

export function loadLabelled(file: string): LabelledPrompt[] {
  return readFileSync(join(process.cwd(), 'test', 'fixtures', 'quality', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledPrompt);
}

export interface ItemScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

/** Per-item precision/recall/F1 and their macro average, for predictions against labels. */
export function f1Scores(rows: LabelledPrompt[], predict: (prompt: string) => Record<ChecklistKey, boolean>): { items: Record<ChecklistKey, ItemScore>; macroF1: number } {
  const counts = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<ChecklistKey, { tp: number; fp: number; fn: number }>;
  for (const row of rows) {
    const got = predict(row.prompt);
    for (const k of CHECKLIST_KEYS) {
      if (got[k] && row.labels[k]) counts[k].tp += 1;
      else if (got[k]) counts[k].fp += 1;
      else if (row.labels[k]) counts[k].fn += 1;
    }
  }
  const items = {} as Record<ChecklistKey, ItemScore>;
  for (const k of CHECKLIST_KEYS) {
    const { tp, fp, fn } = counts[k];
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
    items[k] = { tp, fp, fn, precision, recall, f1 };
  }
  const macroF1 = CHECKLIST_KEYS.reduce((s, k) => s + items[k].f1, 0) / CHECKLIST_KEYS.length;
  return { items, macroF1 };
}
