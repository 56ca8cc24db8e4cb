import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentHighlights } from '../../../src/renderer/features/quality/highlight';

const ORDER = ['subject', 'camera', 'lighting'] as const;

describe('highlight segmentation', () => {
  it('cuts the text into plain and covered runs', () => {
    const text = 'A fox in snow, slow pan, soft light';
    const runs = segmentHighlights(
      text,
      [
        { start: 2, end: 13, key: 'subject' },
        { start: 15, end: 23, key: 'camera' },
      ],
      ORDER,
    );
    expect(runs.map((r) => [r.text, r.keys])).toEqual([
      ['A ', []],
      ['fox in snow', ['subject']],
      [', ', []],
      ['slow pan', ['camera']],
      [', soft light', []],
    ]);
  });

  it('gives overlapping runs every item that covers them, in checklist order', () => {
    const runs = segmentHighlights(
      'golden pan',
      [
        { start: 0, end: 10, key: 'lighting' },
        { start: 7, end: 10, key: 'camera' },
      ],
      ORDER,
    );
    expect(runs.map((r) => [r.text, r.keys])).toEqual([
      ['golden ', ['lighting']],
      ['pan', ['camera', 'lighting']],
    ]);
  });

  it('ignores empty spans, clamps spans that run past the text, and merges repeats', () => {
    const runs = segmentHighlights(
      'abc',
      [
        { start: 1, end: 1, key: 'subject' },
        { start: 1, end: 99, key: 'camera' },
        { start: 2, end: 3, key: 'camera' },
      ],
      ORDER,
    );
    expect(runs.map((r) => [r.text, r.keys])).toEqual([
      ['a', []],
      ['bc', ['camera']],
    ]);
  });

  it('always tiles the text exactly', () => {
    const span = fc.record({ start: fc.integer({ min: -5, max: 60 }), end: fc.integer({ min: -5, max: 60 }), key: fc.constantFrom(...ORDER) });
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(span, { maxLength: 8 }), (text, spans) => {
        const runs = segmentHighlights(text, spans, ORDER);
        expect(runs.map((r) => r.text).join('')).toBe(text);
        runs.forEach((r, i) => {
          if (i > 0) expect(r.start).toBe(runs[i - 1]!.end);
          expect(r.text).toBe(text.slice(r.start, r.end));
        });
      }),
    );
  });
});
