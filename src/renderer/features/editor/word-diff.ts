/**
 * A word-level diff of two texts (longest common subsequence over words and the spaces between
 * them), for version history and variant comparison. Prompts are a few hundred words, so the
 * quadratic table is small; beyond MAX_CELLS the changed middle is shown as one replacement.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

function lcsDiff(a: string[], b: string[], parts: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    push(parts, 'removed', a.join(''));
    push(parts, 'added', b.join(''));
    return;
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i += 1;
    } else {
      push(parts, 'added', b[j]!);
      j += 1;
    }
  }
  for (; i < n; i += 1) push(parts, 'removed', a[i]!);
  for (; j < m; j += 1) push(parts, 'added', b[j]!);
}

/** The parts that turn `before` into `after`: same text, removed text and added text, in order. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  lcsDiff(a.slice(start, endA), b.slice(start, endB), parts);
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/** Counts of added and removed words, for a one-line summary. */
export function diffStats(parts: readonly DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += words(p.text);
    if (p.kind === 'removed') removed += words(p.text);
  }
  return { added, removed };
}

/** "3 words added, 1 word removed": the counts of diffStats in words. */
export function diffSummary(stats: { added: number; removed: number }): string {
  const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`;
  return `${words(stats.added)} added, ${words(stats.removed)} removed`;
}
