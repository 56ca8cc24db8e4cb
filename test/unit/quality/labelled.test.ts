/**
 * Every labelled example: the team's sample (LABELS.md) and our own adversarial set, item by
 * item. The blind set — written and labelled before it was ever scored — is held to F1
 * thresholds instead, so it keeps measuring generalisation rather than being tuned to.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS, QualityReport } from '../../../src/shared/contracts/api';
import { analyzePrompt } from '../../../src/shared/quality';
import { BLIND_SETS, f1Scores, loadLabelled, TUNED_SETS } from './fixtures';

const present = (prompt: string) => {
  const { checklist } = analyzePrompt(prompt);
  return Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, checklist[k].present])) as Record<(typeof CHECKLIST_KEYS)[number], boolean>;
};

for (const file of TUNED_SETS) {
  describe(`labelled examples: ${file}`, () => {
    const rows = loadLabelled(file);
    it('has examples, each with all six labels', () => {
      expect(rows.length).toBeGreaterThanOrEqual(30);
      for (const r of rows) expect(Object.keys(r.labels).sort()).toEqual([...CHECKLIST_KEYS].sort());
    });
    it.each(rows.map((r) => [r.id, r] as const))('%s', (_id, row) => {
      expect(present(row.prompt)).toEqual(row.labels);
    });
  });
}

describe.each(BLIND_SETS)('blind held-out set %s', (file) => {
  const rows = loadLabelled(file);
  it('keeps macro-F1 ≥ 0.95 and every item ≥ 0.9', () => {
    const { items, macroF1 } = f1Scores(rows, present);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(macroF1).toBeGreaterThanOrEqual(0.95);
    for (const k of CHECKLIST_KEYS) expect(items[k].f1, k).toBeGreaterThanOrEqual(0.9);
  });
});

describe('report shape', () => {
  it('matches the contract and every span points at its text', () => {
    for (const file of [...TUNED_SETS, ...BLIND_SETS]) {
      for (const { prompt } of loadLabelled(file)) {
        const report = analyzePrompt(prompt);
        expect(() => QualityReport.parse(report)).not.toThrow();
        for (const k of CHECKLIST_KEYS) {
          const item = report.checklist[k];
          expect(item.present).toBe(item.spans.length > 0);
          for (const s of item.spans) expect(prompt.slice(s.start, s.end)).toBe(s.text);
          expect(item.evidence).toEqual([...new Set(item.spans.map((s) => s.text))]);
        }
        for (const issue of report.issues) for (const s of issue.spans ?? []) expect(prompt.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});
