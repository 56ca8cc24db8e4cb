import { CHECKLIST_KEYS } from '../../../shared/contracts/api';
import type { Review } from '../../../shared/studio/models';
import { CHECKLIST_SHORT_LABELS } from '../../../shared/studio/checklist-labels';

/** One review as its author and the campaign see it: who, which version, the scores, the comment. */
export function ReviewCard({ review, currentVersion }: { review: Review; currentVersion?: number }) {
  const when = new Date(review.createdAt).toLocaleString();
  const stale = currentVersion !== undefined && review.draftVersion < currentVersion;
  return (
    <article className="review-card" aria-label={`Review by ${review.reviewer}`}>
      <header>
        <strong>{review.reviewer}</strong> <span className="muted">reviewed version {review.draftVersion} · {when}</span>
        {stale && <span className="review-card__stale"> (an earlier version)</span>}
      </header>
      <dl className="review-card__scores">
        {CHECKLIST_KEYS.map((k) => (
          <div key={k}>
            <dt>{CHECKLIST_SHORT_LABELS[k]}</dt>
            <dd>{review.scores[k]} / 5</dd>
          </div>
        ))}
      </dl>
      {review.comment && <p className="review-card__comment">{review.comment}</p>}
    </article>
  );
}
