/**
 * One pass over the prompt that keeps every token's character offsets, so evidence can be
 * highlighted in the editor. Hyphens inside words are dropped and remembered (`joined`), so
 * "dolly-in", "time-lapse" and "8-second" match the same phrases as their spaced spellings.
 */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly index: number;
  readonly kind: TokenKind;
  readonly text: string;
  /** Lower case, curly apostrophes straightened, a trailing possessive "'s" removed. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Joined to the previous token by a hyphen ("push-in": "in" is joined). */
  readonly joined: boolean;
  /** Written with no space after the previous token ("8s" is one token; "16:9" too). */
  readonly tight: boolean;
  /** Clauses are split by punctuation; context rules look only inside one clause. */
  readonly clause: number;
  /** First word of a sentence (its capital letter says nothing about it being a name). */
  readonly sentenceStart: boolean;
  readonly capitalised: boolean;
  /** For numbers: the leading numeric value ("8s" → 8, "16:9" → 16). */
  readonly value: number | undefined;
  /** For numbers: letters glued after the digits ("8s" → "s", "4k" → "k", "24fps" → "fps"). */
  readonly suffix: string;
}

// Numbers may carry separators and a unit suffix ("2.39:1", "1080p", "24fps"); words may carry
// an inner apostrophe ("chef's", "doesn't"); anything else is one punctuation character.
const TOKEN = /(\d+(?:[.,:]\d+)*)([a-z]*)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\S)/giu;
const HYPHENS = new Set(['-', '‐', '‑']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '"', '“', '”', '–', '—', '/', '…', '|']);
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', '…']);
const UPPER = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let sentenceStart = true;
  let pendingJoin = false;
  let lastEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const tight = start === lastEnd;
    if (m[4] !== undefined) {
      const prev = tokens[tokens.length - 1];
      // A hyphen between two words with no spaces joins them; any other character is punctuation.
      if (HYPHENS.has(raw) && tight && prev !== undefined && prev.kind !== 'punct' && /[\p{L}\p{N}]/u.test(text[end] ?? '')) {
        pendingJoin = true;
        lastEnd = end;
        continue;
      }
      const isQuote = raw === "'" || raw === '’';
      if (CLAUSE_BREAKS.has(raw) || isQuote) clause += 1;
      if (SENTENCE_BREAKS.has(raw)) sentenceStart = true;
      tokens.push({ index: tokens.length, kind: 'punct', text: raw, norm: raw, start, end, joined: false, tight, clause, sentenceStart: false, capitalised: false, value: undefined, suffix: '' });
      pendingJoin = false;
      lastEnd = end;
      continue;
    }
    const isNumber = m[1] !== undefined;
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const norm = isNumber ? lower : lower.endsWith("'s") ? lower.slice(0, -2) : lower;
    tokens.push({
      index: tokens.length,
      kind: isNumber ? 'number' : 'word',
      text: raw,
      norm,
      start,
      end,
      joined: pendingJoin,
      tight,
      clause,
      sentenceStart: sentenceStart && !pendingJoin,
      capitalised: UPPER.test(raw),
      value: isNumber ? Number.parseFloat((m[1] ?? '').replace(',', '.')) : undefined,
      suffix: isNumber ? (m[2] ?? '').toLowerCase() : '',
    });
    sentenceStart = false;
    pendingJoin = false;
    lastEnd = end;
  }
  return tokens;
}
