/**
 * Text no field may hold: U+0000 (PostgreSQL's text cannot store it) and unpaired surrogates
 * (not Unicode text: UTF-8 cannot carry them, and hashing replaces them with U+FFFD, so two
 * different bodies would hash alike).
 */

/** Whether any string in value, keys included, holds U+0000 or an unpaired surrogate. Iterative: any depth. */
export function hasUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (!isStorable(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (!isStorable(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** U+0000, or a surrogate code unit standing alone (in `u` mode a pair is one code point, not \p{Cs}). */
const UNSTORABLE = /[\0\p{Cs}]/u;

function isStorable(s: string): boolean {
  return !UNSTORABLE.test(s);
}
