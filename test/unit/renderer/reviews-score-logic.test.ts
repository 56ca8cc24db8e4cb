import { describe, expect, it } from 'vitest';
import type { Review } from '../../../src/shared/studio/models';
import { averageScores, completeScores, formatAverage, missingScores, reviewFormProblem } from '../../../src/renderer/features/reviews/score-logic';

function review(scores: Review['scores']): Review {
  return { id: 'r', draftId: 'd', draftVersion: 1, reviewer: 'Rae', scores, comment: '', createdAt: '2025-01-01T00:00:00Z' };
}

describe('review scores', () => {
  it('averages per item and overall, rounded to two places', () => {
    const a = review({ subject: 5, camera: 4, lighting: 3, format: 2, detail: 1, audio: 1 });
    const b = review({ subject: 4, camera: 4, lighting: 4, format: 4, detail: 4, audio: 2 });
    const avg = averageScores([a, b]);
    expect(avg.subject).toBe(4.5);
    expect(avg.audio).toBe(1.5);
    expect(avg.overall).toBe(Math.round((16 / 6 + 22 / 6) / 2 * 100) / 100);
    expect(averageScores([]).overall).toBeNull();
  });

  it('formats missing averages as a dash', () => {
    expect(formatAverage(null)).toBe('—');
    expect(formatAverage(3.456)).toBe('3.5');
  });

  it('will not send a review until every item has a score from 1 to 5 and a reviewer is named', () => {
    const partial = { subject: 3, camera: 4 };
    expect(missingScores(partial)).toEqual(['lighting', 'format', 'detail', 'audio']);
    expect(completeScores(partial)).toBeNull();
    expect(reviewFormProblem(partial, 'Rae')).toBe('Score every item: Lighting, Format, Detail, Audio still unscored.');
    const full = { subject: 3, camera: 4, lighting: 5, format: 1, detail: 2, audio: 3 };
    expect(reviewFormProblem(full, '  ')).toBe('Enter your name as the reviewer.');
    expect(reviewFormProblem(full, 'Rae')).toBeNull();
    expect(completeScores(full)).toEqual(full);
    expect(missingScores({ ...full, audio: 6 })).toEqual(['audio']);
  });
});
