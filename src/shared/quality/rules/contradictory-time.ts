/** Two times of day that cannot both hold in one shot ("at night" and "at noon"). */
import type { Tag } from '../cues';
import type { Mention } from '../matcher';
import { quote, SEQUENCE_WORDS, spanOf, wordBetween } from './spans';
import type { Rule } from './types';

const CLASHES: ReadonlyArray<readonly [Tag, Tag]> = [
  ['tod:night', 'tod:midday'],
  ['tod:night', 'tod:golden'],
  ['tod:midday', 'tod:dawn'],
  ['tod:midday', 'tod:dusk'],
  ['tod:midday', 'tod:golden'],
  ['tod:dawn', 'tod:dusk'],
];

const PAIR_LIMIT = 24;

export const contradictoryTime: Rule = {
  code: 'contradictory_time_of_day',
  penalty: 10,
  maxPenalty: 10,
  check({ doc }) {
    // A time-lapse or an explicit passage of time ("from dawn to dusk") may cross times of day.
    if (doc.tagged('speed:fast').length > 0) return [];
    // The first few of each are enough to find a clash, and keep a huge prompt from costing pairs².
    const live = (tag: Tag): readonly Mention[] => doc.tagged(tag).filter((m) => !doc.isNegated(m)).slice(0, PAIR_LIMIT);
    for (const [x, y] of CLASHES) {
      for (const a of live(x)) {
        for (const b of live(y)) {
          if (wordBetween(doc, a, b, SEQUENCE_WORDS)) continue;
          return [{
            code: 'contradictory_time_of_day',
            severity: 'warning',
            message: `${quote(doc, a)} and ${quote(doc, b)} are different times of day; one shot can only show one.`,
            suggestion: 'Keep one time of day, or say the light changes over the clip (a time-lapse "from dawn to dusk").',
            spans: [spanOf(doc, a), spanOf(doc, b)].sort((p, q) => p.start - q.start),
          }];
        }
      }
    }
    return [];
  },
};
