import { describe, expect, it } from 'vitest';
import { validatePrompt } from '../../../src/shared/quality';
import { tokenize } from '../../../src/shared/quality/tokenize';

describe('tokenize', () => {
  it('keeps offsets, joins hyphenated words and reads numbers with their units', () => {
    const text = "A chef's slow dolly-in, 8s at 16:9 — 4K.";
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase().replace("'s", '')).toBe(t.norm);
    expect(tokens.map((t) => t.norm)).toEqual(['a', 'chef', 'slow', 'dolly', 'in', ',', '8s', 'at', '16:9', '—', '4k', '.']);
    expect(tokens.find((t) => t.norm === 'in')?.joined).toBe(true);
    expect(tokens.find((t) => t.norm === '8s')).toMatchObject({ kind: 'number', value: 8, suffix: 's' });
    expect(tokens.find((t) => t.norm === '16:9')).toMatchObject({ kind: 'number', value: 16, suffix: '' });
  });
  it('splits clauses at punctuation and knows sentence starts from names', () => {
    const tokens = tokenize('Red Bull in Paris. Red car');
    expect(tokens.filter((t) => t.kind === 'word').map((t) => [t.norm, t.sentenceStart, t.capitalised])).toEqual([
      ['red', true, true], ['bull', false, true], ['in', false, false], ['paris', false, true], ['red', true, true], ['car', false, false],
    ]);
    const clauses = tokenize('a, b; c').filter((t) => t.kind === 'word').map((t) => t.clause);
    expect(new Set(clauses).size).toBe(3);
  });
  it('a lone hyphen or a dash between spaces is punctuation, not a join', () => {
    const tokens = tokenize('pan - left');
    expect(tokens.map((t) => t.norm)).toEqual(['pan', '-', 'left']);
    expect(tokens[2]!.joined).toBe(false);
  });
});

describe('validatePrompt: hard errors only', () => {
  it('rejects empty, blank and control-only prompts', () => {
    for (const p of ['', '   ', '\n\t', '\u0000\u200b\ufeff']) expect(validatePrompt(p, { maxChars: 2000 }).map((e) => e.code)).toEqual(['prompt_empty']);
  });
  it('rejects a prompt over the limit, accepts one at it', () => {
    expect(validatePrompt('a'.repeat(2001), { maxChars: 2000 }).map((e) => e.code)).toEqual(['prompt_too_long']);
    expect(validatePrompt('a'.repeat(2000), { maxChars: 2000 })).toEqual([]);
  });
  it('never rejects a prompt for its quality', () => {
    expect(validatePrompt('Make it beautiful and amazing, no cars, at night at noon.', { maxChars: 2000 })).toEqual([]);
  });
});
