import { useCallback, useEffect, useId, useState } from 'react';
import type { Campaign, Draft } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { CampaignSummary } from './CampaignSummary';
import { ReviewCard } from './ReviewCard';
import { ScoreForm } from './ScoreForm';
import { loadCampaignSummary, loadReviewQueue, useReviewsStore } from './store';
import '../generations/generations.css';
import './reviews.css';
import { draftTitle } from '../../../shared/studio/draft-title';

const ALL = '';

/** Review mode: the queue of drafts waiting for a score, the scoring form, and the campaign summary. */
export function ReviewsScreen() {
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [campaignId, setCampaignId] = useState<string>(ALL);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useReviewsStore((s) => s.queue);
  const queueLoaded = useReviewsStore((s) => s.queueLoaded);
  const titles = useReviewsStore((s) => s.titles);
  const error = useReviewsStore((s) => s.error);
  const campaignSelectId = useId();
  const queueHeadingId = useId();

  useEffect(() => {
    call('campaigns.list', {}).then(setCampaigns, (e: unknown) => setLoadError(e instanceof Error ? e.message : 'Campaigns could not be read.'));
  }, []);
  useEffect(() => {
    void loadReviewQueue(campaignId === ALL ? null : campaignId);
  }, [campaignId]);

  const open = useCallback(async (draftId: string) => {
    setNotice(null);
    setLoadError(null);
    try {
      setDraft(await call('drafts.get', { id: draftId }));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : 'The draft could not be read.');
    }
  }, []);

  const submitted = () => {
    setNotice(`Review of “${draftTitle(draft?.title)}” saved.`);
    setDraft(null);
    void loadReviewQueue(campaignId === ALL ? null : campaignId);
    if (campaignId !== ALL) void loadCampaignSummary(campaignId);
  };

  const campaign = campaigns.find((c) => c.id === campaignId);
  return (
    <div className="reviews-screen">
      <h1>Reviews</h1>
      <div className="reviews__campaign">
        <label htmlFor={campaignSelectId}>Campaign</label>
        <select id={campaignSelectId} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
          <option value={ALL}>All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="reviews__notice">
        {notice}
      </p>
      {(error || loadError) && (
        <p role="alert" className="error-text">
          {loadError ?? error}
        </p>
      )}
      <div className="reviews__layout">
        <section className="reviews__queue" aria-labelledby={queueHeadingId}>
          <h2 id={queueHeadingId}>Waiting for review</h2>
          {queueLoaded && queue.length === 0 && <p className="muted">Nothing is waiting for review.</p>}
          <ul aria-label="Review queue">
            {queue.map((request) => (
              <li key={request.id}>
                <button type="button" aria-current={draft?.id === request.draftId ? 'true' : undefined} onClick={() => void open(request.draftId)}>
                  {draftTitle(titles[request.draftId])}
                  <span className="reviews__request-meta">
                    {' '}
                    · version {request.draftVersion}
                    {request.requestedBy ? ` · asked by ${request.requestedBy}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="reviews__work">
          {draft ? (
            <>
              <ScoreForm draft={draft} onSubmitted={submitted} />
              {draft.reviews.length > 0 && (
                <section aria-label="Earlier reviews of this draft">
                  <h3>Earlier reviews</h3>
                  {draft.reviews.map((r) => (
                    <ReviewCard key={r.id} review={r} currentVersion={draft.version} />
                  ))}
                </section>
              )}
            </>
          ) : (
            <p className="muted">Choose a draft from the queue, or an unreviewed draft of a campaign, to score it.</p>
          )}
        </div>
        {campaign ? (
          <CampaignSummary campaignId={campaign.id} campaignName={campaign.name} onReview={(id) => void open(id)} />
        ) : (
          <p className="muted reviews__hint">Choose a campaign to see its average scores, what is unreviewed, and to export it.</p>
        )}
      </div>
    </div>
  );
}
