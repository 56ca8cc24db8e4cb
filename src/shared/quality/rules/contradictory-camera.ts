/** A camera said to be still that also moves ("static camera … slowly pans left"). */
import { quote, SEQUENCE_WORDS, spanOf, wordBetween } from './spans';
import type { Rule } from './types';

/** The first few of each are enough to find a clash, and keep a huge prompt from costing pairs². */
const PAIR_LIMIT = 24;

export const contradictoryCamera: Rule = {
  code: 'contradictory_camera',
  penalty: 10,
  maxPenalty: 10,
  check({ doc }) {
    const still = doc.tagged('camera:still').filter((m) => !doc.isNegated(m)).slice(0, PAIR_LIMIT);
    const moves = doc.tagged('camera:move').filter((m) => !doc.isNegated(m)).slice(0, PAIR_LIMIT);
    for (const s of still) {
      for (const m of moves) {
        if (wordBetween(doc, s, m, SEQUENCE_WORDS)) continue;
        return [{
          code: 'contradictory_camera',
          severity: 'warning',
          message: `The camera is ${quote(doc, s)} but also ${quote(doc, m)}.`,
          suggestion: 'Choose a still camera or a move; if it does both, say in what order ("holds, then pans left").',
          spans: [spanOf(doc, s), spanOf(doc, m)].sort((p, q) => p.start - q.start),
        }];
      }
    }
    return [];
  },
};
