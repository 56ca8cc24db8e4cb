/** The registries stay coherent: one code per rule, every issue from a registered rule, every cue sound. */
import { describe, expect, it } from 'vitest';
import { analyzePrompt } from '../../../src/shared/quality';
import { compile, splitPhrase } from '../../../src/shared/quality/matcher';
import { RULES } from '../../../src/shared/quality/rules';
import { ALL_CUES } from '../../../src/shared/quality/vocabulary';
import { BLIND_SETS, loadLabelled, TUNED_SETS } from './fixtures';

describe('rules', () => {
  it('each has its own code and a sane penalty', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) expect(r.maxPenalty).toBeGreaterThanOrEqual(r.penalty);
  });
  it('every issue comes from a registered rule, in words, with a suggestion', () => {
    const codes = new Set(RULES.map((r) => r.code));
    const extra = ['Make it beautiful, no cars, at night at noon, static camera that pans, silent with music, slow-motion time-lapse, 8 seconds, 6 s, cut to a, cut to b, cut to c.', ''];
    for (const prompt of [...[...TUNED_SETS, ...BLIND_SETS].flatMap((f) => loadLabelled(f).map((r) => r.prompt)), ...extra]) {
      for (const issue of analyzePrompt(prompt, { durationSeconds: 4, generateAudio: false }).issues) {
        expect(codes.has(issue.code), issue.code).toBe(true);
        expect(issue.message.length).toBeGreaterThan(10);
        expect(issue.suggestion?.length ?? 0).toBeGreaterThan(10);
      }
    }
  });
});

describe('vocabulary', () => {
  it('every term has words, and compiles into the index under its first word', () => {
    for (const cue of ALL_CUES) {
      expect(cue.terms.length, cue.tag).toBeGreaterThan(0);
      for (const term of cue.terms) expect(splitPhrase(term).length, term).toBeGreaterThan(0);
    }
    const index = compile([{ tag: 'lighting', terms: ['Golden-Hour', 'neon’s'] }]);
    expect(index.get('golden')?.[0]?.words).toEqual(['golden', 'hour']);
    expect(index.get("neon's")?.[0]?.words).toEqual(["neon's"]);
  });
});
