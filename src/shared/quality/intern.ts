/**
 * Lower-cased words without a new string per keystroke: a word is looked up by the characters
 * of the lower-cased prompt, and a string is made only the first time a word is seen. Analysing
 * the same prompt again (the editor does, on every keystroke) then allocates almost no strings,
 * which keeps garbage collection out of the keystroke path. Bounded, so it cannot grow forever.
 */

const MAX_ENTRIES = 20_000;
const CURLY_APOSTROPHE = 0x2019;
const APOSTROPHE = 39;

const table = new Map<number, string[]>();
let entries = 0;

function code(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === CURLY_APOSTROPHE ? APOSTROPHE : c;
}

function same(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k += 1) if (word.charCodeAt(k) !== code(text, start + k)) return false;
  return true;
}

/** `lowered.slice(start, end)` with "’" read as "'", as a shared string. */
export function internSlice(lowered: string, start: number, end: number): string {
  let h = 2166136261;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ code(lowered, i), 16777619);
  const bucket = table.get(h);
  if (bucket) for (const word of bucket) if (same(word, lowered, start, end)) return word;
  let word = lowered.slice(start, end);
  if (word.includes('’')) word = word.replace(/’/g, "'");
  if (entries < MAX_ENTRIES) {
    if (bucket) bucket.push(word);
    else table.set(h, [word]);
    entries += 1;
  }
  return word;
}
