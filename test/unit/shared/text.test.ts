import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixWithinUnits } from '../../../src/shared/text';

/** The longest run of whole characters (code points) that fits in max UTF-16 units. */
function byCharacters(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

describe('prefixWithinUnits', () => {
  it('keeps whole characters only, as many as fit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(90), (text, max) => {
        expect(prefixWithinUnits(text, max)).toBe(text.length <= max ? text : byCharacters(text, max));
      }),
    );
  });

  it('never ends a cut on the first half of a surrogate pair', () => {
    expect(prefixWithinUnits('ab🎬cd', 3)).toBe('ab');
    expect(prefixWithinUnits('ab🎬cd', 4)).toBe('ab🎬');
    expect(prefixWithinUnits('🎬', 1)).toBe('');
    expect(prefixWithinUnits('🎬', 2)).toBe('🎬');
    expect(prefixWithinUnits('abc', 0)).toBe('');
  });
});
