/**
 * Subject and setting (LABELS.md): a concrete main subject AND where it is. A landscape is both.
 * A setting is a place word (a prepositional one only after "in", "on", "at"…), a background,
 * or a name after a locative preposition ("in Taipei"). The subject is any remaining content
 * word that is not about the clip itself (camera, light, format, sound, filler, framing).
 */
import type { Doc } from '../doc';
import type { Token } from '../tokenize';
import { FUNCTION_WORDS, LOCATIVE_PREPOSITIONS, NOT_SUBJECT } from '../vocabulary/words';
import type { ChecklistDetector, Evidence } from './types';

const LOCATIVE: ReadonlySet<string> = new Set(LOCATIVE_PREPOSITIONS);
const SKIP_TO_NAME: ReadonlySet<string> = new Set(['the', 'a', 'downtown', 'central', 'old', 'rural', 'coastal', 'northern', 'southern', 'eastern', 'western', 'sunny', 'rainy', 'snowy', 'busy', 'modern', 'historic', 'sunlit']);
const NOT_A_SUBJECT: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...NOT_SUBJECT]);
/** "speaks to the camera", "looks into the lens": the filming camera, not a subject (a "film camera on a shelf" is one). */
const FILMING_CAMERA_BEFORE: ReadonlySet<string> = new Set(['to', 'into', 'at', 'toward', 'towards', 'behind', 'past', 'from', 'off', 'the', 'our']);
const CAMERA_WORDS: ReadonlySet<string> = new Set(['camera', 'cameras', 'lens']);

function isFilmingCamera(tokens: readonly Token[], i: number): boolean {
  if (!CAMERA_WORDS.has(tokens[i]!.norm)) return false;
  const prev = tokens[i - 1];
  return prev === undefined || prev.kind === 'punct' || FILMING_CAMERA_BEFORE.has(prev.norm);
}
const LOCATIVE_WINDOW = 4;
/** "the edge of", "the coast of", "the surface of": "of" after these places what follows. */
const PART_OF: ReadonlySet<string> = new Set(['edge', 'middle', 'heart', 'center', 'centre', 'corner', 'top', 'roof', 'floor', 'side', 'outskirts', 'streets', 'shore', 'shores', 'banks', 'bank', 'surface', 'interior', 'inside', 'entrance', 'window', 'windows', 'coast', 'depths', 'foot', 'base', 'rim', 'steps', 'doorway', 'porch', 'rooftops', 'skyline', 'alleys', 'alleyways', 'bottom', 'end', 'slopes', 'summit', 'peak', 'ruins', 'lobby', 'halls', 'aisles', 'aisle', 'deck']);

/** A locative preposition, or "of" after a part of a place ("the window of a ramen bar"). */
function isLocative(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (LOCATIVE.has(t.norm)) return true;
  const prev = tokens[j - 1];
  return t.norm === 'of' && prev !== undefined && prev.clause === t.clause && PART_OF.has(prev.norm);
}

function locativeBefore(tokens: readonly Token[], first: number): boolean {
  const clause = tokens[first]!.clause;
  let seen = 0;
  for (let j = first - 1; j >= 0 && seen < LOCATIVE_WINDOW; j -= 1) {
    const t = tokens[j]!;
    if (t.clause !== clause) return false;
    if (t.kind === 'punct') continue;
    if (isLocative(tokens, j)) return true;
    seen += 1;
  }
  return false;
}

/** A capitalised word that is not a sentence start, right after a locative ("in Taipei", "in downtown Chicago"). */
function namedPlace(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== 'word' || !t.capitalised || t.sentenceStart || t.joined) return false;
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 2; j -= 1) {
    const p = tokens[j]!;
    if (p.kind === 'punct' || p.clause !== t.clause) return false;
    if (isLocative(tokens, j)) return true;
    if (!SKIP_TO_NAME.has(p.norm) && !p.capitalised) return false;
    skipped += 1;
  }
  return false;
}

export const subjectDetector: ChecklistDetector = {
  key: 'subject',
  detect(doc: Doc) {
    const { tokens } = doc;
    const settings: Evidence[] = [];
    let landscape = false;
    const covered = new Uint8Array(tokens.length);
    for (const m of doc.mentions) {
      if (m.tag === 'negator') continue;
      if (m.tag.startsWith('place')) {
        // A place word that is not a setting here may be the subject ("city traffic", "a car").
        const isSetting = m.tag === 'place:prep' ? locativeBefore(tokens, m.first) : true;
        if (!isSetting || doc.isNegated(m)) continue;
        settings.push(m);
        if (m.tag === 'place:landscape') landscape = true;
      }
      for (let j = m.first; j <= m.last; j += 1) covered[j] = 1;
    }
    let subject: Evidence | undefined;
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i]!;
      if (covered[i] || t.kind !== 'word') continue;
      if (namedPlace(tokens, i)) { settings.push(t); covered[i] = 1; continue; }
      if (subject === undefined && t.norm.length > 1 && !NOT_A_SUBJECT.has(t.norm) && !isFilmingCamera(tokens, i)) subject = t;
    }
    if (settings.length === 0 || (subject === undefined && !landscape)) return [];
    const evidence = subject ? [subject, ...settings] : settings;
    return evidence.sort((a, b) => a.start - b.start);
  },
};
