/** Silence asked for together with sound ("silent" and "upbeat music"). */
import { quote, spanOf, wordBetween } from './spans';
import type { Rule } from './types';

/** "silent except for the ticking clock", "no sound but the wind" are not contradictions. */
const EXCEPTIONS: ReadonlySet<string> = new Set(['only', 'except', 'but', 'save', 'apart', 'besides', 'just', 'other', 'until', 'then', 'before', 'after']);

/** The first few of each are enough to find a clash, and keep a huge prompt from costing pairs². */
const PAIR_LIMIT = 24;

export const contradictoryAudio: Rule = {
  code: 'contradictory_audio',
  penalty: 10,
  maxPenalty: 10,
  check({ doc }) {
    const silence = doc.tagged('audio:silence').filter((m) => !doc.isNegated(m)).slice(0, PAIR_LIMIT);
    if (silence.length === 0) return [];
    const sounds = doc.inFamily('audio').filter((m) => m.tag !== 'audio:silence' && !doc.isNegated(m)).slice(0, PAIR_LIMIT);
    for (const s of silence) {
      for (const m of sounds) {
        if (wordBetween(doc, s, m, EXCEPTIONS)) continue;
        return [{
          code: 'contradictory_audio',
          severity: 'warning',
          message: `The prompt asks for ${quote(doc, s)} and for ${quote(doc, m)}.`,
          suggestion: 'Say which sounds you want, or "silence except for …".',
          spans: [spanOf(doc, s), spanOf(doc, m)].sort((p, q) => p.start - q.start),
        }];
      }
    }
    return [];
  },
};
