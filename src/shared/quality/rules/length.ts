/** Too short or too long for the clip's duration (filler words do not count). */
import type { Rule } from './types';

/** Fewer informative words than this cannot direct a clip of `seconds`. */
export function minWords(seconds: number): number {
  return 2 + seconds;
}

/** More than this describes more than `seconds` of video can show. */
export function maxWords(seconds: number): number {
  return 40 + 20 * seconds;
}

export const tooShort: Rule = {
  code: 'too_short',
  penalty: 10,
  maxPenalty: 10,
  check({ doc, durationSeconds }) {
    const words = doc.informativeWords;
    if (words === 0 || words >= minWords(durationSeconds)) return [];
    return [{
      code: 'too_short',
      severity: 'warning',
      message: `The prompt has ${words} descriptive word${words === 1 ? '' : 's'}; ${durationSeconds} seconds of video needs about ${minWords(durationSeconds)} or more.`,
      suggestion: 'Say who or what is in the shot, where, how the camera moves and what the light is like.',
    }];
  },
};

export const tooLong: Rule = {
  code: 'too_long',
  penalty: 8,
  maxPenalty: 8,
  check({ doc, durationSeconds }) {
    const words = doc.informativeWords;
    if (words <= maxWords(durationSeconds)) return [];
    return [{
      code: 'too_long',
      severity: 'warning',
      message: `The prompt has ${words} descriptive words, more than ${durationSeconds} seconds of video can show (about ${maxWords(durationSeconds)}).`,
      suggestion: 'Keep one subject, one action and one camera move; cut the rest or choose a longer duration.',
    }];
  },
};
