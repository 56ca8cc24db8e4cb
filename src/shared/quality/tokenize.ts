import { internSlice } from './intern';

/**
 * One pass over the prompt that keeps every token's character offsets, so evidence can be
 * highlighted in the editor. Hyphens inside words are dropped and remembered (`joined`), so
 * "dolly-in", "time-lapse" and "8-second" match the same phrases as their spaced spellings.
 */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Lower case, curly apostrophes straightened, a trailing possessive "'s" removed. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Joined to the previous token by a hyphen ("push-in": "in" is joined). */
  readonly joined: boolean;
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

const HYPHENS = new Set(['-', '‐', '‑']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '"', '“', '”', '–', '—', '/', '…', '|', "'", '’']);
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', ':', '…']);
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  return LETTER.test(text[i]!);
}
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c <= 32;
  return SPACE.test(text[i]!);
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** End of a number: digits, separated groups ("2.39:1", "1,000") and glued letters ("8s", "1080p"). */
function numberEnd(text: string, i: number): { digitsEnd: number; end: number } {
  let j = i;
  while (isDigit(text.charCodeAt(j))) j += 1;
  for (;;) {
    const sep = text.charCodeAt(j);
    if ((sep === 46 || sep === 44 || sep === 58) && isDigit(text.charCodeAt(j + 1))) {
      j += 1;
      while (isDigit(text.charCodeAt(j))) j += 1;
    } else break;
  }
  const digitsEnd = j;
  while (isAsciiLetter(text.charCodeAt(j))) j += 1;
  return { digitsEnd, end: j };
}

/** End of a word: letters, with inner apostrophes ("chef's", "doesn't"). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < text.length && isLetterAt(text, j)) j += 1;
    if (isApostrophe(text.charCodeAt(j)) && j + 1 < text.length && isLetterAt(text, j + 1)) j += 1;
    else return j;
  }
}

type MutableToken = { -readonly [K in keyof Token]: Token[K] };

/**
 * Token objects kept for the next analysis: the keystroke path re-tokenises the prompt every
 * time, and reusing the objects keeps that from feeding the garbage collector. A pooled result
 * is valid only until the pool's next use.
 */
export class TokenPool {
  readonly list: Token[] = [];
  readonly spare: MutableToken[] = [];
}

export function tokenize(text: string, pool?: TokenPool): Token[] {
  const tokens: Token[] = pool ? pool.list : [];
  let count = 0;
  const emit = (kind: TokenKind, norm: string, start: number, end: number, joined: boolean, clause: number, sentenceStart: boolean, capitalised: boolean, value: number | undefined, suffix: string): void => {
    let t = pool?.spare[count];
    if (t) {
      t.kind = kind; t.norm = norm; t.start = start; t.end = end; t.joined = joined; t.clause = clause;
      t.sentenceStart = sentenceStart; t.capitalised = capitalised; t.value = value; t.suffix = suffix;
    } else {
      t = { kind, norm, start, end, joined, clause, sentenceStart, capitalised, value, suffix };
      pool?.spare.push(t);
    }
    tokens[count] = t;
    count += 1;
  };
  // Lower-case once; per token only when case mapping changes the length (a rare "İ").
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  let clause = 0;
  let sentenceStart = true;
  let pendingJoin = false;
  let lastEnd = -1;
  let i = 0;
  while (i < text.length) {
    if (isSpaceAt(text, i)) { i += 1; continue; }
    const start = i;
    const tight = start === lastEnd;
    const code = text.charCodeAt(i);
    const isNumber = isDigit(code);
    let end: number;
    let digitsEnd = 0;
    if (isNumber) ({ digitsEnd, end } = numberEnd(text, i));
    else if (isLetterAt(text, i)) end = wordEnd(text, i);
    else {
      // One punctuation character (a whole code point, so an emoji stays in one piece).
      end = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1);
      const raw = internSlice(text, start, end);
      const prev = count > 0 ? tokens[count - 1] : undefined;
      // A hyphen between two words with no spaces joins them; any other character is punctuation.
      if (HYPHENS.has(raw) && tight && prev !== undefined && prev.kind !== 'punct' && WORD_CHAR.test(text[end] ?? '')) {
        pendingJoin = true;
        lastEnd = end;
        i = end;
        continue;
      }
      if (CLAUSE_BREAKS.has(raw)) clause += 1;
      if (SENTENCE_BREAKS.has(raw)) sentenceStart = true;
      emit('punct', raw, start, end, false, clause, false, false, undefined, '');
      pendingJoin = false;
      lastEnd = end;
      i = end;
      continue;
    }
    const source = sameLength ? lowered : text.slice(start, end).toLowerCase();
    const from = sameLength ? start : 0;
    const to = sameLength ? end : source.length;
    // A possessive "'s" is dropped: "chef's" reads as "chef".
    const possessive = !isNumber && to - from > 2 && source.charCodeAt(to - 1) === 115 && (source.charCodeAt(to - 2) === 39 || source.charCodeAt(to - 2) === 0x2019);
    const norm = internSlice(source, from, possessive ? to - 2 : to);
    emit(
      isNumber ? 'number' : 'word',
      norm,
      start,
      end,
      pendingJoin,
      clause,
      sentenceStart && !pendingJoin,
      !isNumber && source.charCodeAt(from) !== text.charCodeAt(start),
      isNumber ? Number.parseFloat(text.slice(start, digitsEnd).replace(',', '.')) : undefined,
      isNumber && digitsEnd < end ? internSlice(source, from + digitsEnd - start, to) : '',
    );
    sentenceStart = false;
    pendingJoin = false;
    lastEnd = end;
    i = end;
  }
  tokens.length = count;
  return tokens;
}
