/** Two durations, or two shapes of frame, in one prompt ("vertical" and "16:9"). */
import type { EvidenceSpan } from '../../contracts/api';
import type { Doc } from '../doc';
import { spanOf } from './spans';
import type { Rule } from './types';

type Shape = 'tall' | 'wide' | 'square';

const SHAPE_WORDS: Readonly<Record<string, Shape>> = { vertical: 'tall', portrait: 'tall', horizontal: 'wide', landscape: 'wide', widescreen: 'wide', square: 'square' };

function ratioShape(ratio: string): Shape {
  const [w, h] = ratio.split(':').map(Number);
  if (w === undefined || h === undefined || w === h) return 'square';
  return w > h ? 'wide' : 'tall';
}

function shapes(doc: Doc): Array<{ shape: Shape; span: EvidenceSpan }> {
  const out: Array<{ shape: Shape; span: EvidenceSpan }> = [];
  for (const f of doc.formats) if (f.kind === 'ratio' && f.ratio) out.push({ shape: ratioShape(f.ratio), span: spanOf(doc, f) });
  for (const m of doc.tagged('format')) {
    const shape = SHAPE_WORDS[doc.tokens[m.first]!.norm];
    if (shape) out.push({ shape, span: spanOf(doc, m) });
  }
  return out;
}

export const contradictoryFormat: Rule = {
  code: 'contradictory_format',
  penalty: 8,
  maxPenalty: 8,
  check({ doc }) {
    const durations = doc.formats.filter((f) => f.kind === 'duration');
    const first = durations[0];
    const other = durations.find((d) => d.seconds !== first?.seconds);
    if (first && other) {
      return [{
        code: 'contradictory_format',
        severity: 'warning',
        message: `The prompt states two durations: “${spanOf(doc, first).text}” and “${spanOf(doc, other).text}”.`,
        suggestion: 'State the duration once.',
        spans: [spanOf(doc, first), spanOf(doc, other)],
      }];
    }
    const all = shapes(doc);
    const a = all[0];
    const b = all.find((s) => s.shape !== a?.shape);
    if (a && b) {
      return [{
        code: 'contradictory_format',
        severity: 'warning',
        message: `“${a.span.text}” and “${b.span.text}” are different frame shapes.`,
        suggestion: 'Keep one aspect ratio.',
        spans: [a.span, b.span].sort((p, q) => p.start - q.start),
      }];
    }
    return [];
  },
};
