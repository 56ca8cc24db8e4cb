import { describe, expect, it } from 'vitest';
import { draftTitle } from '../../../src/shared/studio/draft-title';

describe('draftTitle', () => {
  it('is the title as written, or "Untitled draft" when it is empty or blank', () => {
    expect(draftTitle('Rooftop garden')).toBe('Rooftop garden');
    expect(draftTitle('  Rooftop garden ')).toBe('Rooftop garden');
    for (const none of ['', '   ', undefined]) expect(draftTitle(none)).toBe('Untitled draft');
  });
});
