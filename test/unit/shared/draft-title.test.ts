import { describe, expect, it } from 'vitest';
import { draftTitle, variantTitle } from '../../../src/shared/studio/draft-title';

describe('draftTitle', () => {
  it('is the title as written, or "Untitled draft" when it is empty or blank', () => {
    expect(draftTitle('Rooftop garden')).toBe('Rooftop garden');
    expect(draftTitle('  Rooftop garden ')).toBe('Rooftop garden');
    for (const none of ['', '   ', undefined]) expect(draftTitle(none)).toBe('Untitled draft');
  });
});

describe('variantTitle', () => {
  it('adds " (variant n)", shortening the title so the whole fits, never splitting a character', () => {
    expect(variantTitle('Hero', 2, 200)).toBe('Hero (variant 2)');
    expect(variantTitle('', 1, 200)).toBe('Untitled (variant 1)');
    const long = 'x'.repeat(300);
    expect(variantTitle(long, 12, 200)).toBe(`${'x'.repeat(200 - ' (variant 12)'.length)} (variant 12)`);
    // The cut would fall inside the clapper board: it goes before it instead.
    const cutAt = 20 - ' (variant 1)'.length;
    const emoji = `${'y'.repeat(cutAt - 1)}🎬tail`;
    expect(variantTitle(emoji, 1, 20)).toBe(`${'y'.repeat(cutAt - 1)} (variant 1)`);
  });
});
