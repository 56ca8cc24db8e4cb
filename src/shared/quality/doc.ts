/**
 * The analysed prompt every detector and rule reads: tokens, the cues found in them, and the
 * format facts — computed once per analysis, so each rule is a cheap look-up.
 */
import type { Tag } from './cues';
import { readFormats, type FormatFact } from './formats';
import { family, findMentions, type Mention } from './matcher';
import { tokenize, type Token, type TokenPool } from './tokenize';

export interface Doc {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly formats: readonly FormatFact[];
  /** Words and numbers, punctuation left out. */
  readonly wordCount: number;
  /** Words that carry something: filler ("beautiful", "high quality") left out. */
  readonly informativeWords: number;
  tagged(tag: Tag): readonly Mention[];
  /** Mentions whose tag is in a family: "camera" → camera:move and camera:still. */
  inFamily(name: string): readonly Mention[];
  /** Said after "no", "without", "not"… ("no music", "without cars"). */
  isNegated(m: { first: number }): boolean;
}

const NONE: readonly Mention[] = [];
const NEGATION_WINDOW = 2;

/** With a pool, the Doc is valid only until the pool's next use (see TokenPool). */
export function analyse(text: string, pool?: TokenPool): Doc {
  const tokens = tokenize(text, pool);
  const mentions = findMentions(tokens);
  const byTag = new Map<string, Mention[]>();
  const byFamily = new Map<string, Mention[]>();
  for (const m of mentions) {
    (byTag.get(m.tag) ?? byTag.set(m.tag, []).get(m.tag)!).push(m);
    const fam = family(m.tag);
    (byFamily.get(fam) ?? byFamily.set(fam, []).get(fam)!).push(m);
  }
  let wordCount = 0;
  for (const t of tokens) if (t.kind !== 'punct') wordCount += 1;
  let fillerWords = 0;
  for (const m of byFamily.get('filler') ?? NONE) fillerWords += m.last - m.first + 1;
  const negatorEnds = new Uint8Array(tokens.length);
  for (const n of byTag.get('negator') ?? NONE) negatorEnds[n.last] = 1;

  return {
    text,
    tokens,
    mentions,
    formats: readFormats(tokens),
    wordCount,
    informativeWords: wordCount - fillerWords,
    tagged: (tag) => byTag.get(tag) ?? NONE,
    inFamily: (name) => byFamily.get(name) ?? NONE,
    isNegated: (m) => {
      // Look back a few words inside the clause for "no", "without", "not"…
      const clause = tokens[m.first]!.clause;
      let words = 0;
      for (let j = m.first - 1; j >= 0 && words <= NEGATION_WINDOW; j -= 1) {
        const t = tokens[j]!;
        if (t.clause !== clause) return false;
        if (negatorEnds[j]) return true;
        if (t.kind !== 'punct') words += 1;
      }
      return false;
    },
  };
}
