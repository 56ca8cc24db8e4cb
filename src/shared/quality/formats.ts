/**
 * Reads the numbers that state a format: durations ("8 seconds", "6 s", "8s", "10-second"),
 * aspect ratios ("16:9"), resolutions ("4K", "1080p") and frame rates ("24 fps"). Ordinals
 * ("the second time"), decades ("the 80s") and action timing ("two seconds later") are not formats.
 */
import type { Token } from './tokenize';
import {
  DECADE_BEFORE, DURATION_UNITS, KNOWN_RATIOS, NUMBER_WORDS, RESOLUTION_LINES, TIMING_AFTER, VIDEO_NOUNS,
} from './vocabulary/words';

export type FormatKind = 'duration' | 'ratio' | 'resolution' | 'fps';

export interface FormatFact {
  readonly kind: FormatKind;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** Seconds for a duration; the ratio text ("16:9") for a ratio. */
  readonly seconds?: number;
  readonly ratio?: string;
}

const RATIOS: ReadonlySet<string> = new Set(KNOWN_RATIOS);
const LINES: ReadonlySet<number> = new Set(RESOLUTION_LINES);
const DECADE_PREV: ReadonlySet<string> = new Set(DECADE_BEFORE);
const VIDEO: ReadonlySet<string> = new Set(VIDEO_NOUNS);
const TIMING: ReadonlySet<string> = new Set(TIMING_AFTER);
const RATIO_WORDS: ReadonlySet<string> = new Set(['aspect', 'ratio', 'format', 'frame', 'crop']);
const RATIO_SHAPE = /^\d+(?:\.\d+)?:\d+(?:\.\d+)?$/;
// Maps, not object look-ups: a prompt word like "constructor" must not find Object.prototype.
const NUMBERS: ReadonlyMap<string, number> = new Map(Object.entries(NUMBER_WORDS));
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries(DURATION_UNITS));

function numberValue(t: Token | undefined): number | undefined {
  if (t === undefined) return undefined;
  if (t.kind === 'number') return t.suffix === '' && !t.norm.includes(':') ? t.value : undefined;
  return t.kind === 'word' ? NUMBERS.get(t.norm) : undefined;
}

function sameClauseWord(tokens: readonly Token[], i: number, clause: number): Token | undefined {
  const t = tokens[i];
  return t !== undefined && t.clause === clause && t.kind !== 'punct' ? t : undefined;
}

/** "80s" is a decade after "the", before a non-video noun, or when it has four digits. */
function isDecade(tokens: readonly Token[], i: number, value: number): boolean {
  if (value >= 1000) return true;
  if (value % 10 !== 0 || value < 20) return false;
  const prev = tokens[i - 1];
  if (prev !== undefined && DECADE_PREV.has(prev.norm)) return true;
  const next = sameClauseWord(tokens, i + 1, tokens[i]!.clause);
  return next !== undefined && !VIDEO.has(next.norm);
}

function timingFollows(tokens: readonly Token[], i: number): boolean {
  const next = sameClauseWord(tokens, i + 1, tokens[i]!.clause);
  return next !== undefined && TIMING.has(next.norm);
}

function fact(kind: FormatKind, tokens: readonly Token[], first: number, last: number, extra: Partial<FormatFact> = {}): FormatFact {
  return { kind, first, last, start: tokens[first]!.start, end: tokens[last]!.end, ...extra };
}

export function readFormats(tokens: readonly Token[]): FormatFact[] {
  const facts: FormatFact[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'number') {
      const value = t.value ?? 0;
      const unit = UNITS.get(t.suffix);
      if (unit !== undefined) {
        if (!(t.suffix === 's' && isDecade(tokens, i, value)) && !timingFollows(tokens, i)) facts.push(fact('duration', tokens, i, i, { seconds: value * unit }));
        continue;
      }
      if (t.suffix === 'fps') { facts.push(fact('fps', tokens, i, i)); continue; }
      // "1920x1080": a width, an "x", and a height written tight against it.
      const height = tokens[i + 1];
      if (t.suffix === 'x' && height?.kind === 'number' && height.start === t.end && value >= 240 && (height.value ?? 0) >= 240) {
        facts.push(fact('resolution', tokens, i, i + 1));
        i += 1;
        continue;
      }
      if ((t.suffix === 'k' && value > 0 && value <= 16) || (t.suffix === 'p' && LINES.has(value))) { facts.push(fact('resolution', tokens, i, i)); continue; }
      if (t.suffix === '' && RATIO_SHAPE.test(t.norm)) {
        const next = sameClauseWord(tokens, i + 1, t.clause);
        if (RATIOS.has(t.norm) || (next !== undefined && RATIO_WORDS.has(next.norm))) facts.push(fact('ratio', tokens, i, i, { ratio: t.norm }));
        continue;
      }
    }
    const value = numberValue(t);
    if (value === undefined) continue;
    const next = tokens[i + 1];
    if (next === undefined || next.kind !== 'word') continue;
    const unit = UNITS.get(next.norm);
    // A spaced "s" is a unit only when nothing word-like follows it ("6 s." but not "6 s-curves").
    if (unit !== undefined && !(next.norm === 's' && tokens[i + 2]?.kind === 'word' && tokens[i + 2]!.joined)) {
      if (!timingFollows(tokens, i + 1)) facts.push(fact('duration', tokens, i, i + 1, { seconds: value * unit }));
      i += 1;
      continue;
    }
    if (next.norm === 'fps' || (next.norm === 'frames' && tokens[i + 2]?.norm === 'per')) {
      facts.push(fact('fps', tokens, i, next.norm === 'fps' ? i + 1 : Math.min(i + 3, tokens.length - 1)));
      i += 1;
      continue;
    }
    if (t.kind === 'number' && next.norm === 'k' && value <= 16) facts.push(fact('resolution', tokens, i, i + 1));
  }
  return facts;
}
