import type { EvidenceSpan } from '../../contracts/api';
import type { Doc } from '../doc';

export function spanOf(doc: Doc, r: { start: number; end: number }): EvidenceSpan {
  return { start: r.start, end: r.end, text: doc.text.slice(r.start, r.end) };
}

/** Quoted for a message: “beautiful”. */
export function quote(doc: Doc, r: { start: number; end: number }): string {
  return `“${doc.text.slice(r.start, r.end)}”`;
}

/** True when one of `words` stands between the two ranges (a sequence: "from dawn to dusk"). */
export function wordBetween(doc: Doc, a: { last: number }, b: { first: number }, words: ReadonlySet<string>): boolean {
  const [from, to] = a.last < b.first ? [a.last, b.first] : [b.first, a.last];
  for (let j = from + 1; j < to; j += 1) if (words.has(doc.tokens[j]!.norm)) return true;
  return false;
}

/** Words that make two states a sequence rather than a contradiction. */
export const SEQUENCE_WORDS: ReadonlySet<string> = new Set(['from', 'to', 'until', 'till', 'into', 'becomes', 'become', 'turns', 'turning', 'fades', 'fading', 'transitions', 'transition', 'then', 'before', 'after', 'later', 'changes', 'shifts', 'cut', 'cuts', 'dissolves', 'finally', 'ends', 'starts', 'begins', 'while']);
