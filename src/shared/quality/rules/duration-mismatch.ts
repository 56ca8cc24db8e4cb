/** The prompt states a duration other than the one chosen for the clip. */
import { spanOf } from './spans';
import type { Rule } from './types';

export const durationMismatch: Rule = {
  code: 'duration_mismatch',
  penalty: 5,
  maxPenalty: 5,
  check({ doc, durationSeconds, durationChosen }) {
    if (!durationChosen) return [];
    const stated = doc.formats.filter((f) => f.kind === 'duration');
    if (stated.length === 0 || stated.some((f) => f.seconds === durationSeconds)) return [];
    const first = stated[0]!;
    return [{
      code: 'duration_mismatch',
      severity: 'warning',
      message: `The prompt says “${spanOf(doc, first).text}” but the clip is set to ${durationSeconds} seconds.`,
      suggestion: `Change the duration setting or the prompt so they agree.`,
      spans: stated.map((f) => spanOf(doc, f)),
    }];
  },
};
