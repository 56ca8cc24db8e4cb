/**
 * Negations that belong in the negative prompt ("no cars", "without people"): video models tend
 * to draw what a prompt names. Negated sound ("no music") and stillness ("the camera doesn't
 * move") are directions, not this.
 */
import type { Mention } from '../matcher';
import { FUNCTION_WORDS } from '../vocabulary/words';
import { spanOf } from './spans';
import type { Rule } from './types';

const FUNCTION_SET: ReadonlySet<string> = new Set(FUNCTION_WORDS);
/** Negated families that are directions in their own right. */
const DIRECTION_FAMILIES = ['audio', 'camera', 'cut', 'filler', 'speed'];
const TARGET_WINDOW = 3;

export const negativePhrasing: Rule = {
  code: 'negative_phrasing',
  penalty: 4,
  maxPenalty: 8,
  check({ doc }) {
    const { tokens } = doc;
    const directions: Mention[] = DIRECTION_FAMILIES.flatMap((f) => [...doc.inFamily(f)]);
    const issues = [];
    for (const n of doc.tagged('negator')) {
      if (directions.some((d) => d.first <= n.last && n.first <= d.last)) continue;
      const clause = tokens[n.first]!.clause;
      let target: number | undefined;
      for (let j = n.last + 1, seen = 0; j < tokens.length && seen < TARGET_WINDOW; j += 1) {
        const t = tokens[j]!;
        if (t.clause !== clause) break;
        if (t.kind === 'punct') continue;
        seen += 1;
        if (directions.some((d) => d.first <= j && j <= d.last)) { target = undefined; break; }
        if (t.kind === 'word' && !FUNCTION_SET.has(t.norm)) { target = j; break; }
      }
      const whole = n.last > n.first && (tokens[n.first]!.norm === 'no' && tokens[n.last]!.norm === 'one');
      if (target === undefined && !whole) continue;
      const end = target === undefined ? n.end : tokens[target]!.end;
      const span = spanOf(doc, { start: n.start, end });
      issues.push({
        code: 'negative_phrasing',
        severity: 'warning' as const,
        message: `“${span.text}” names what you do not want; video models often draw it anyway.`,
        suggestion: target === undefined
          ? 'Describe what is there instead (“an empty street”).'
          : `Describe what is there instead, and put “${tokens[target]!.text}” in the negative prompt.`,
        spans: [span],
      });
    }
    return issues;
  },
};
