/**
 * Negations that belong in the negative prompt ("no cars", "without people"): video models tend
 * to draw what a prompt names. Negated sound ("no music") and stillness ("the camera doesn't
 * move") are directions, not this.
 */
import { FUNCTION_WORDS } from '../vocabulary/words';
import { spanOf } from './spans';
import type { Rule } from './types';

const FUNCTION_SET: ReadonlySet<string> = new Set(FUNCTION_WORDS);
/** Negated families that are directions in their own right. */
const DIRECTION_FAMILIES = ['audio', 'camera', 'cut', 'filler', 'speed'];
/** Editing words: "no cuts" asks for one continuous take. */
const EDITING_WORDS: ReadonlySet<string> = new Set(['cut', 'cuts', 'edit', 'edits', 'editing', 'transition', 'transitions', 'break', 'breaks']);
const TARGET_WINDOW = 3;

export const negativePhrasing: Rule = {
  code: 'negative_phrasing',
  penalty: 4,
  maxPenalty: 8,
  check({ doc }) {
    const negators = doc.tagged('negator');
    if (negators.length === 0) return [];
    const { tokens } = doc;
    const direction = new Uint8Array(tokens.length);
    for (const f of DIRECTION_FAMILIES) for (const d of doc.inFamily(f)) direction.fill(1, d.first, d.last + 1);
    const issues = [];
    for (const n of negators) {
      if (direction.subarray(n.first, n.last + 1).includes(1)) continue;
      const clause = tokens[n.first]!.clause;
      let target: number | undefined;
      for (let j = n.last + 1, seen = 0; j < tokens.length && seen < TARGET_WINDOW; j += 1) {
        const t = tokens[j]!;
        if (t.clause !== clause) break;
        if (t.kind === 'punct') continue;
        seen += 1;
        if (EDITING_WORDS.has(t.norm) || direction[j]) { target = undefined; break; }
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
          : `Describe what is there instead, and put “${doc.text.slice(tokens[target]!.start, tokens[target]!.end)}” in the negative prompt.`,
        spans: [span],
      });
    }
    return issues;
  },
};
