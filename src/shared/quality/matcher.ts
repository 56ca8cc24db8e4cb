/**
 * Finds every cue of the vocabulary in a token list in one pass: an index from a phrase's first
 * word to its patterns is built once at module load, each token costs one map lookup, and a
 * candidate is kept only if its context conditions hold. Blockers ("golden retriever") then
 * remove the look-alikes they cover.
 */
import type { Condition, Cue, Tag } from './cues';
import type { Token } from './tokenize';
import { ALL_CUES } from './vocabulary';
import { FUNCTION_WORDS } from './vocabulary/words';

export interface Mention {
  readonly tag: Tag;
  /** First and last token (inclusive). */
  readonly first: number;
  readonly last: number;
  /** Character span in the prompt. */
  readonly start: number;
  readonly end: number;
}

interface CompiledCondition {
  readonly before: ReadonlySet<string> | null;
  readonly after: ReadonlySet<string> | null;
  readonly within: number;
  readonly clauseStart: boolean;
  readonly clauseAlone: boolean;
  readonly name: boolean;
  readonly modifies: boolean;
  readonly modified: boolean;
  readonly hyphenated: boolean;
}

interface Pattern {
  readonly words: readonly string[];
  readonly tag: Tag;
  readonly need: readonly CompiledCondition[];
  readonly unless: readonly CompiledCondition[];
}

const FUNCTION_SET: ReadonlySet<string> = new Set(FUNCTION_WORDS);
const setCache = new Map<readonly string[], ReadonlySet<string>>();

function asSet(list: readonly string[] | undefined): ReadonlySet<string> | null {
  if (!list) return null;
  let set = setCache.get(list);
  if (!set) {
    set = new Set(list);
    setCache.set(list, set);
  }
  return set;
}

function compileCondition(c: Condition): CompiledCondition {
  return {
    before: asSet(c.before),
    after: asSet(c.after),
    within: c.within ?? 1,
    clauseStart: c.clauseStart === true,
    clauseAlone: c.clauseAlone === true,
    name: c.name === true,
    modifies: c.modifies === true,
    modified: c.modified === true,
    hyphenated: c.hyphenated === true,
  };
}

export function splitPhrase(phrase: string): string[] {
  return phrase.toLowerCase().replace(/’/g, "'").split(/[\s-]+/).filter((w) => w.length > 0);
}

export function compile(cues: readonly Cue[]): ReadonlyMap<string, readonly Pattern[]> {
  const index = new Map<string, Pattern[]>();
  for (const cue of cues) {
    const need = (cue.need ?? []).map(compileCondition);
    const unless = (cue.unless ?? []).map(compileCondition);
    for (const term of cue.terms) {
      const words = splitPhrase(term);
      const head = words[0];
      if (head === undefined) continue;
      const list = index.get(head) ?? [];
      list.push({ words, tag: cue.tag, need, unless });
      index.set(head, list);
    }
  }
  return index;
}

const INDEX = compile(ALL_CUES);

function isWord(t: Token): boolean {
  return t.kind !== 'punct';
}

/** One of `set` within `within` words before token `from` (exclusive), inside its clause. */
function seenBefore(tokens: readonly Token[], from: number, set: ReadonlySet<string>, within: number): boolean {
  const clause = tokens[from]?.clause;
  let seen = 0;
  for (let j = from - 1; j >= 0 && seen < within; j -= 1) {
    const t = tokens[j]!;
    if (t.clause !== clause) return false;
    if (!isWord(t)) continue;
    if (set.has(t.norm)) return true;
    seen += 1;
  }
  return false;
}

function seenAfter(tokens: readonly Token[], from: number, set: ReadonlySet<string>, within: number): boolean {
  const clause = tokens[from]?.clause;
  let seen = 0;
  for (let j = from + 1; j < tokens.length && seen < within; j += 1) {
    const t = tokens[j]!;
    if (t.clause !== clause) {
      // A quote or colon right after the match still counts for "after" sets listing punctuation.
      return seen === 0 && set.has(t.norm);
    }
    if (set.has(t.norm)) return true;
    if (!isWord(t)) continue;
    seen += 1;
  }
  return false;
}

function opensClause(tokens: readonly Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return prev === undefined || prev.clause !== tokens[first]!.clause || !isWord(prev);
}

function closesClause(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return next === undefined || next.clause !== tokens[last]!.clause || !isWord(next);
}

function holds(c: CompiledCondition, tokens: readonly Token[], first: number, last: number): boolean {
  if (c.before && !seenBefore(tokens, first, c.before, c.within)) return false;
  if (c.after && !seenAfter(tokens, last, c.after, c.within)) return false;
  if (c.clauseStart && !opensClause(tokens, first)) return false;
  if (c.clauseAlone && !(opensClause(tokens, first) && closesClause(tokens, last))) return false;
  if (c.name) {
    const t = tokens[first]!;
    if (!t.capitalised || t.sentenceStart) return false;
  }
  if (c.modifies) {
    const next = tokens[last + 1];
    if (next === undefined || next.kind !== 'word' || next.clause !== tokens[last]!.clause || FUNCTION_SET.has(next.norm)) return false;
  }
  if (c.modified) {
    const prev = tokens[first - 1];
    if (prev === undefined || prev.kind !== 'word' || prev.clause !== tokens[first]!.clause || FUNCTION_SET.has(prev.norm)) return false;
  }
  if (c.hyphenated) {
    if (first === last) return false;
    for (let j = first + 1; j <= last; j += 1) if (!tokens[j]!.joined) return false;
  }
  return true;
}

function anyHolds(conditions: readonly CompiledCondition[], tokens: readonly Token[], first: number, last: number): boolean {
  for (const c of conditions) if (holds(c, tokens, first, last)) return true;
  return false;
}

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 1; k < words.length; k += 1) {
    const t = tokens[i + k];
    if (t === undefined || !isWord(t) || t.norm !== words[k]) return false;
  }
  return true;
}

/** The family a tag belongs to: "camera:move" → "camera", "place:prep" → "place". */
export function family(tag: Tag): string {
  const colon = tag.indexOf(':');
  return colon < 0 ? tag : tag.slice(0, colon);
}

export function findMentions(tokens: readonly Token[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (!isWord(t)) continue;
    const patterns = INDEX.get(t.norm);
    if (!patterns) continue;
    for (const p of patterns) {
      if (!matchesAt(tokens, i, p.words)) continue;
      const last = i + p.words.length - 1;
      if (p.need.length > 0 && !anyHolds(p.need, tokens, i, last)) continue;
      if (anyHolds(p.unless, tokens, i, last)) continue;
      found.push({ tag: p.tag, first: i, last, start: t.start, end: tokens[last]!.end });
    }
  }
  return resolve(found, tokens.length);
}

/**
 * Drops what a blocker covers, and a mention overlapping an earlier or longer one of the same
 * tag. Mentions arrive in token order, so one pass with a "covered up to" mark per tag suffices.
 */
function resolve(found: Mention[], tokenCount: number): Mention[] {
  const blocked = new Map<string, Uint8Array>();
  for (const m of found) {
    if (!m.tag.startsWith('not:')) continue;
    const fam = m.tag.slice(4);
    let mask = blocked.get(fam);
    if (!mask) blocked.set(fam, (mask = new Uint8Array(tokenCount)));
    mask.fill(1, m.first, m.last + 1);
  }
  const candidates = found.filter((m) => {
    if (m.tag.startsWith('not:')) return false;
    const mask = blocked.get(family(m.tag));
    if (!mask) return true;
    for (let j = m.first; j <= m.last; j += 1) if (mask[j]) return false;
    return true;
  });
  // Candidates come in token order; of two overlapping ones of a tag, the earlier is kept, or
  // the longer when both start on the same token.
  const kept = new Map<Tag, number>();
  const out: Mention[] = [];
  for (const m of candidates) {
    const at = kept.get(m.tag);
    const prev = at === undefined ? undefined : out[at];
    if (prev && prev.last >= m.first) {
      if (prev.first === m.first && m.last > prev.last) out[at!] = m;
      continue;
    }
    kept.set(m.tag, out.length);
    out.push(m);
  }
  return out;
}
