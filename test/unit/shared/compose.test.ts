import { describe, expect, it } from 'vitest';
import { composePrompt } from '../../../src/shared/prompt/compose';
import { EMPTY_FIELDS } from '../../../src/shared/studio/models';

describe('composePrompt', () => {
  it('joins the filled fields in checklist order as sentences', () => {
    const prompt = composePrompt({ ...EMPTY_FIELDS, camera: 'slow dolly-in ', subject: 'A barista in a café;', audio: 'soft hiss.' });
    expect(prompt).toBe('A barista in a café. slow dolly-in. soft hiss.');
  });
  it('gives an empty prompt for empty fields', () => {
    expect(composePrompt({ ...EMPTY_FIELDS, lighting: '   ' })).toBe('');
  });
});
