import { useEffect, useId, useState } from 'react';
import { call } from '../../app/ipc';
import { ReviewCard } from './ReviewCard';
import { averageScores, formatAverage } from './score-logic';
import { loadDraftReviews, requestReview, useReviewsStore } from './store';
import './reviews.css';

const NO_REVIEWS: never[] = [];

/** The author's view of a draft's reviews, with a way to ask for one. */
export function DraftReviews({ draftId }: { draftId: string }) {
  const reviews = useReviewsStore((s) => s.byDraft[draftId] ?? NO_REVIEWS);
  const error = useReviewsStore((s) => s.error);
  const [requested, setRequested] = useState(false);
  const headingId = useId();

  useEffect(() => {
    setRequested(false);
    void loadDraftReviews(draftId);
  }, [draftId]);

  const ask = async () => {
    const settings = await call('settings.get', {}).catch(() => null);
    if (await requestReview(draftId, settings?.authorName ?? '')) setRequested(true);
  };

  const overall = averageScores(reviews).overall;
  return (
    <section className="draft-reviews" aria-labelledby={headingId}>
      <h2 id={headingId}>Reviews</h2>
      {reviews.length === 0 ? (
        <p className="muted">No reviews yet.</p>
      ) : (
        <p>
          {reviews.length} {reviews.length === 1 ? 'review' : 'reviews'} · average {formatAverage(overall)} / 5
        </p>
      )}
      {reviews.map((r) => (
        <ReviewCard key={r.id} review={r} />
      ))}
      <button type="button" onClick={() => void ask()} disabled={requested}>
        {requested ? 'Review requested' : 'Request a review'}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
