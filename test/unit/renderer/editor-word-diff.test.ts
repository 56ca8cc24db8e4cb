import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffStats, diffSummary, diffWords, tokenize } from '../../../src/renderer/features/editor/word-diff';

const rebuild = (parts: ReturnType<typeof diffWords>, side: 'before' | 'after') =>
  parts.filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added')).map((p) => p.text).join('');

describe('word diff', () => {
  it('marks a replaced word as removed then added, keeping the rest the same', () => {
    expect(diffWords('a slow dolly shot', 'a fast dolly shot')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'slow' },
      { kind: 'added', text: 'fast' },
      { kind: 'same', text: ' dolly shot' },
    ]);
  });

  it('finds words inserted in the middle and counts them', () => {
    const parts = diffWords('warm light, calm mood', 'warm golden-hour light, calm hopeful mood');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['golden-hour', 'hopeful']);
    expect(diffStats(parts)).toEqual({ added: 2, removed: 0 });
  });

  it('handles empty texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
  });

  it('keeps whitespace as it is', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
  });

  it('rebuilds both texts exactly from the parts, for any texts', () => {
    const text = fc.array(fc.constantFrom('cat', 'dog', 'slow', 'pan', ' ', '  ', '\n', 'light,'), { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a, b);
        expect(rebuild(parts, 'before')).toBe(a);
        expect(rebuild(parts, 'after')).toBe(b);
        if (a === b) expect(parts.every((p) => p.kind === 'same')).toBe(true);
      }),
    );
  });

  it('summarises the counts in words, singular for one', () => {
    expect(diffSummary({ added: 1, removed: 0 })).toBe('1 word added, 0 words removed');
    expect(diffSummary({ added: 3, removed: 1 })).toBe('3 words added, 1 word removed');
  });
});
