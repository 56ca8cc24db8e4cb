/** Vague filler ("beautiful", "amazing", "high quality") and vague style words ("cinematic"). */
import type { QualityIssue } from '../../contracts/api';
import type { Tag } from '../cues';
import type { Doc } from '../doc';
import { quote, spanOf } from './spans';
import type { Rule } from './types';

function perWord(doc: Doc, tag: Tag, make: (word: string) => Omit<QualityIssue, 'spans'>): QualityIssue[] {
  const byWord = new Map<string, QualityIssue>();
  for (const m of doc.tagged(tag)) {
    const word = doc.text.slice(m.start, m.end).toLowerCase();
    const existing = byWord.get(word);
    if (existing) existing.spans!.push(spanOf(doc, m));
    else byWord.set(word, { ...make(quote(doc, m)), spans: [spanOf(doc, m)] });
  }
  return [...byWord.values()];
}

export const vagueFiller: Rule = {
  code: 'vague_filler',
  penalty: 4,
  maxPenalty: 12,
  check: ({ doc }) => perWord(doc, 'filler', (word) => ({
    code: 'vague_filler',
    severity: 'warning',
    message: `${word} says nothing a video model can draw.`,
    suggestion: `Replace ${word} with what makes it so: the light, the colours, the materials, the movement.`,
  })),
};

export const vagueStyle: Rule = {
  code: 'vague_style',
  penalty: 2,
  maxPenalty: 4,
  check: ({ doc }) => perWord(doc, 'filler:soft', (word) => ({
    code: 'vague_style',
    severity: 'info',
    message: `${word} is a style label, not a direction.`,
    suggestion: `Name what should make it ${word.slice(1, -1)}: a lens, a camera move, the lighting, the grade.`,
  })),
};
