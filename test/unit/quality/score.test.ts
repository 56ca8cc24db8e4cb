/**
 * The score ranks complete, specific prompts far above vague ones, and keeps two invariants that
 * hold by construction: adding a clause that supplies a missing checklist item raises the score,
 * and removing vague filler never lowers it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS, QualityReport, type ChecklistKey } from '../../../src/shared/contracts/api';
import { analyzePrompt } from '../../../src/shared/quality';
import { BLIND_SETS, loadLabelled, TUNED_SETS } from './fixtures';

const OPTIONS = { durationSeconds: 8, generateAudio: true };

const CLAUSES: Record<ChecklistKey, readonly string[]> = {
  subject: [
    'a barista pours latte art in a small Brooklyn café', 'a retriever runs along a windswept beach', 'a lighthouse stands on a cliff above the sea',
    'two climbers rest on a snowy ridge', 'a chef plates dessert in a busy restaurant kitchen', 'an old fisherman mends nets in a quiet harbor',
  ],
  camera: ['slow dolly-in', 'handheld tracking shot', 'the camera slowly pans left', 'static locked-off wide shot', 'drone flyover', 'whip pan to the door'],
  lighting: ['warm golden hour backlight', 'soft window light', 'harsh overhead fluorescent light', 'moody neon glow', 'overcast morning light', 'candlelit'],
  format: ['8 seconds, 16:9', 'vertical 9:16', '8s', '4K, 24 fps', 'square 1:1 format', '8-second loop'],
  detail: ['a matte black ceramic mug', 'red paper lanterns', 'a cobalt-blue glazed vase', 'worn leather boots', 'a striped linen tablecloth', 'brushed steel handles'],
  audio: ['soft piano music', 'quiet chatter and clinking cups', 'no music, only the wind', 'ambient city noise', 'a gentle voice-over', 'complete silence'],
};
const FILLER = ['beautiful', 'amazing', 'stunning', 'high quality', 'best quality', 'masterpiece', 'breathtaking', 'gorgeous'];

const join = (clauses: string[]) => `${clauses.join(', ')}.`;
const score = (prompt: string) => analyzePrompt(prompt, OPTIONS).score;

describe('each pool clause supplies its item', () => {
  it.each(CHECKLIST_KEYS.flatMap((k) => CLAUSES[k].map((c) => [k, c] as const)))('%s: %s', (key, clause) => {
    const context = key === 'subject' ? clause : `${CLAUSES.subject[0]}, ${clause}`;
    expect(analyzePrompt(context).checklist[key].present).toBe(true);
  });
});

describe('ranking', () => {
  const complete = [...TUNED_SETS, ...BLIND_SETS].flatMap((f) => loadLabelled(f))
    .filter((r) => CHECKLIST_KEYS.every((k) => r.labels[k]));
  const vague = [
    'A cool video of a car.', 'Make it beautiful and amazing, very cinematic, the best quality possible.', 'Product video for our new running shoe.',
    'Show the product.', 'Cinematic shot of a city.', 'An ad for a sparkling water brand.', 'Cinematic, stunning, high quality shot of a beautiful woman.',
    'Make a cool ad for our shoes.', 'Show me something amazing.', 'Commercial for a protein bar.', 'Unboxing video of a new phone.',
    'An epic, amazing video of mountains.', 'A golden retriever naps on a porch.', 'Something nice for Instagram, make it pop.',
  ];
  it('scores every complete labelled prompt ≥ 80 and every vague one ≤ 25', () => {
    expect(complete.length).toBeGreaterThanOrEqual(8);
    for (const r of complete) expect(analyzePrompt(r.prompt).score, r.prompt).toBeGreaterThanOrEqual(80);
    for (const p of vague) expect(analyzePrompt(p).score, p).toBeLessThanOrEqual(25);
  });
  it('ranks a generated complete prompt above any vague one', () => {
    fc.assert(fc.property(
      fc.record(Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, fc.constantFrom(...CLAUSES[k])])) as Record<ChecklistKey, fc.Arbitrary<string>>),
      fc.constantFrom(...vague),
      (clauses, vagueOne) => {
        const s = score(join(CHECKLIST_KEYS.map((k) => clauses[k])));
        expect(s).toBeGreaterThanOrEqual(80);
        expect(s).toBeGreaterThan(analyzePrompt(vagueOne, OPTIONS).score + 50);
      },
    ));
  });
});

describe('invariants', () => {
  const promptParts = fc.record({
    present: fc.subarray([...CHECKLIST_KEYS]),
    picks: fc.array(fc.nat(5), { minLength: 6, maxLength: 6 }),
    order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  });
  const build = (keys: readonly ChecklistKey[], picks: number[], order: number[]) => {
    const ranked = [...keys].sort((a, b) => (order[CHECKLIST_KEYS.indexOf(a)] ?? 0) - (order[CHECKLIST_KEYS.indexOf(b)] ?? 0));
    return ranked.map((k) => CLAUSES[k][(picks[CHECKLIST_KEYS.indexOf(k)] ?? 0) % CLAUSES[k].length]!);
  };

  it('adding a clause for a missing item raises the score', () => {
    fc.assert(fc.property(promptParts, fc.constantFrom(...CHECKLIST_KEYS), ({ present, picks, order }, extra) => {
      const before = build(present, picks, order);
      const report = analyzePrompt(join(before.length ? before : ['']), OPTIONS);
      fc.pre(before.length > 0 && !report.checklist[extra].present);
      const after = build([...present, extra], picks, order);
      expect(score(join(after))).toBeGreaterThan(report.score);
    }), { numRuns: 300 });
  });

  it('removing vague filler never lowers the score', () => {
    fc.assert(fc.property(
      promptParts,
      fc.array(fc.record({ at: fc.nat(), words: fc.constantFrom(...FILLER), asClause: fc.boolean() }), { minLength: 1, maxLength: 4 }),
      ({ present, picks, order }, fillers) => {
        const clauses = build(present.length ? present : ['subject'], picks, order);
        const withFiller = [...clauses];
        for (const f of fillers) {
          const i = f.at % (withFiller.length + 1);
          // Filler either stands as its own clause or opens one ("stunning slow dolly-in").
          if (f.asClause || i === withFiller.length) withFiller.splice(i, 0, f.words);
          else withFiller[i] = `${f.words} ${withFiller[i]}`;
        }
        expect(score(join(clauses))).toBeGreaterThanOrEqual(score(join(withFiller)));
      },
    ), { numRuns: 300 });
  });

  it('any text gives a valid report: integer score in 0–100, spans on their text, same result twice', () => {
    const vocabularyish = fc.array(fc.constantFrom('pan', 'shot', 'track', 'drone', 'light', 'second', '8s', '16:9', 'no', 'the', 'camera', 'golden', 'retriever', 'sound', 'safe', 'and', ',', '.', '-', ' ', 'beautiful', 'in', 'a', 'kitchen', 'Taipei', "'", '"', '\n', 'é', '😀'), { maxLength: 60 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), vocabularyish), (text) => {
      const report = analyzePrompt(text);
      expect(() => QualityReport.parse(report)).not.toThrow();
      expect(Number.isInteger(report.score)).toBe(true);
      for (const k of CHECKLIST_KEYS) for (const s of report.checklist[k].spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(analyzePrompt(text)).toEqual(report);
    }), { numRuns: 400 });
  });
});
