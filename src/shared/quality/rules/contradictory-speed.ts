/** Slow motion and time-lapse asked of the same shot. */
import { quote, SEQUENCE_WORDS, spanOf, wordBetween } from './spans';
import type { Rule } from './types';

export const contradictorySpeed: Rule = {
  code: 'contradictory_speed',
  penalty: 6,
  maxPenalty: 6,
  check({ doc }) {
    for (const slow of doc.tagged('speed:slow')) {
      for (const fast of doc.tagged('speed:fast')) {
        if (wordBetween(doc, slow, fast, SEQUENCE_WORDS)) continue;
        return [{
          code: 'contradictory_speed',
          severity: 'warning',
          message: `${quote(doc, slow)} slows time down and ${quote(doc, fast)} speeds it up.`,
          suggestion: 'Pick one playback speed, or say when it changes ("time-lapse, then slow motion").',
          spans: [spanOf(doc, slow), spanOf(doc, fast)].sort((p, q) => p.start - q.start),
        }];
      }
    }
    return [];
  },
};
