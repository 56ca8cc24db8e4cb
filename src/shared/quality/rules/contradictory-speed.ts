/** Slow motion and time-lapse asked of the same shot. */
import { quote, SEQUENCE_WORDS, spanOf, wordBetween } from './spans';
import type { Rule } from './types';

/** The first few of each are enough to find a clash, and keep a huge prompt from costing pairs². */
const PAIR_LIMIT = 24;

export const contradictorySpeed: Rule = {
  code: 'contradictory_speed',
  penalty: 6,
  maxPenalty: 6,
  check({ doc }) {
    for (const slow of doc.tagged('speed:slow').slice(0, PAIR_LIMIT)) {
      for (const fast of doc.tagged('speed:fast').slice(0, PAIR_LIMIT)) {
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
