/**
 * Splits a prompt into runs for highlighting: each run is a stretch of text covered by the same
 * set of checklist items (possibly none). Spans may overlap, repeat or reach past the text; the
 * runs always tile the text exactly.
 */

export interface KeyedSpan<K extends string> {
  start: number;
  end: number;
  key: K;
}

export interface Run<K extends string> {
  start: number;
  end: number;
  text: string;
  /** The items covering this run, in the order given by `order`. */
  keys: K[];
}

export function segmentHighlights<K extends string>(text: string, spans: readonly KeyedSpan<K>[], order: readonly K[]): Run<K>[] {
  const length = text.length;
  const clean = spans
    .map((s) => ({ key: s.key, start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run<K>[] = [];
  for (let p = 0; p + 1 < points.length; p += 1) {
    const start = points[p]!;
    const end = points[p + 1]!;
    const covering = new Set(clean.filter((s) => s.start <= start && s.end >= end).map((s) => s.key));
    const keys = order.filter((k) => covering.has(k));
    const previous = runs[runs.length - 1];
    if (previous && sameKeys(previous.keys, keys)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      runs.push({ start, end, text: text.slice(start, end), keys });
    }
  }
  return runs;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
