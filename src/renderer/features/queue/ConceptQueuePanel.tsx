import { useCallback, useEffect, useId, useState } from 'react';
import { generationCost } from '../../../shared/contracts/api';
import type { DraftSummary } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { ConfirmDialog } from '../generations/ConfirmDialog';
import { gateBlockedReason } from '../generations/gate-words';
import { useGate } from '../generations/gate-store';
import { conceptStatusLabel, creditsToReserve, flushProgress, flushSummary, neighbourIndex, unsentItems } from './queue-logic';
import { enqueueDrafts, flushQueue, moveItem, removeItem, useCampaignQueue } from './store';
import './queue.css';
import { draftTitle } from '../../../shared/studio/draft-title';

function useCampaignDrafts(campaignId: string): { drafts: DraftSummary[]; reload: () => void } {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const reload = useCallback(() => {
    call('drafts.list', { campaignId }).then(setDrafts, () => setDrafts([]));
  }, [campaignId]);
  useEffect(reload, [reload]);
  return { drafts, reload };
}

/** A campaign's concept queue: add drafts, order them, and send them all with progress per item. */
export function ConceptQueuePanel({ campaignId }: { campaignId: string }) {
  const queue = useCampaignQueue(campaignId);
  const { view, loadError } = useGate();
  const { drafts, reload } = useCampaignDrafts(campaignId);
  const [chosenDraft, setChosenDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const reasonId = useId();
  const selectId = useId();

  const unsent = unsentItems(queue.items);
  const credits = creditsToReserve(queue.items);
  const gateReason = gateBlockedReason(view, loadError);
  const flushReason = gateReason ?? (unsent.length === 0 ? 'Nothing in the queue is waiting to be sent.' : null);
  const progress = flushProgress(queue.events, queue.items);
  const draftToAdd = chosenDraft || drafts[0]?.id || '';

  const flush = () => {
    setConfirming(false);
    void flushQueue(campaignId);
  };

  return (
    <section className="concept-queue" aria-labelledby={headingId}>
      <h2 id={headingId}>Concept queue</h2>
      <div className="concept-queue__add">
        <label htmlFor={selectId}>Draft to queue</label>
        <select id={selectId} value={draftToAdd} onFocus={reload} onChange={(e) => setChosenDraft(e.target.value)} disabled={drafts.length === 0}>
          {drafts.length === 0 && <option value="">No drafts in this campaign</option>}
          {drafts.map((d) => (
            <option key={d.id} value={d.id}>
              {draftTitle(d.title)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!draftToAdd || queue.flushing} onClick={() => void enqueueDrafts(campaignId, [draftToAdd])}>
          Add to queue
        </button>
        <button
          type="button"
          disabled={drafts.length === 0 || queue.flushing}
          onClick={() => void enqueueDrafts(campaignId, drafts.map((d) => d.id))}
        >
          Add all drafts
        </button>
      </div>

      {queue.loaded && queue.items.length === 0 && <p className="muted">The queue is empty.</p>}
      {queue.items.length > 0 && (
        <ol className="concept-queue__items" aria-label="Queued concepts">
          {queue.items.map((item, index) => {
            const title = draftTitle(item.title);
            const up = neighbourIndex(queue.items, item.id, -1);
            const down = neighbourIndex(queue.items, item.id, 1);
            return (
              <li key={item.id} className="concept-queue__item" data-status={item.status}>
                <span className="concept-queue__title">
                  {index + 1}. {title}
                </span>
                <span className="concept-queue__cost">{generationCost(item.options)} credits</span>
                <span className={`concept-queue__status concept-status--${item.status}`}>{conceptStatusLabel(item.status)}</span>
                <span className="concept-queue__actions">
                  <button
                    type="button"
                    aria-label={`Move ${title} up`}
                    disabled={up === null || queue.flushing}
                    onClick={() => up !== null && void moveItem(campaignId, item.id, up)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${title} down`}
                    disabled={down === null || queue.flushing}
                    onClick={() => down !== null && void moveItem(campaignId, item.id, down)}
                  >
                    ↓
                  </button>
                  <button type="button" aria-label={`Remove ${title}`} disabled={queue.flushing} onClick={() => void removeItem(campaignId, item.id)}>
                    Remove
                  </button>
                </span>
                {item.error && <span className="concept-queue__why">{item.error.message}</span>}
              </li>
            );
          })}
        </ol>
      )}

      <div className="concept-queue__flush">
        <button
          type="button"
          className="button-primary"
          disabled={flushReason !== null || queue.flushing}
          aria-describedby={flushReason ? reasonId : undefined}
          onClick={() => setConfirming(true)}
        >
          Send queue
        </button>
        {flushReason && (
          <p id={reasonId} className="concept-queue__reason">
            {flushReason}
          </p>
        )}
        {!flushReason && <p className="muted">{unsent.length} to send · {credits} credits will be reserved</p>}
      </div>

      {progress.total > 0 && (
        <div className="concept-queue__progress">
          <progress max={progress.total} value={progress.sent + progress.failed} aria-label="Queue sending progress" />
          <p role="status" aria-live="polite">
            {flushSummary(progress, queue.flushing)}
          </p>
        </div>
      )}
      {queue.error && (
        <p role="alert" className="concept-queue__error">
          {queue.error}
        </p>
      )}

      <ConfirmDialog
        open={confirming}
        title="Send the queue?"
        confirmLabel={`Reserve ${credits} credits and send`}
        onConfirm={flush}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {unsent.length} {unsent.length === 1 ? 'concept' : 'concepts'} will be sent in order. <strong>{credits} credits</strong> will be
          reserved; a failed generation is refunded.
        </p>
        {view?.credits && <p>You have {view.credits.available} credits available.</p>}
        {view?.credits && view.credits.available < credits && (
          <p className="concept-queue__warning">
            That is not enough for all of them: sending stops when the credits run out, and the rest stay queued.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
