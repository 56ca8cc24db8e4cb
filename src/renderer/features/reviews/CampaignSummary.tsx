import { useEffect, useId, useState } from 'react';
import { CHECKLIST_KEYS } from '../../../shared/contracts/api';
import { call } from '../../app/ipc';
import { downloadFile } from './download';
import { formatAverage } from './score-logic';
import { CHECKLIST_SHORT_LABELS } from '../../../shared/studio/checklist-labels';
import { loadCampaignSummary, useReviewsStore } from './store';
import { draftTitle } from '../../../shared/studio/draft-title';

interface CampaignSummaryProps {
  campaignId: string;
  campaignName: string;
  onReview: (draftId: string) => void;
}

/** A campaign's average scores, what is still unreviewed, and its export. */
export function CampaignSummary({ campaignId, campaignName, onReview }: CampaignSummaryProps) {
  const summary = useReviewsStore((s) => s.summaries[campaignId]);
  const [exportError, setExportError] = useState<string | null>(null);
  const headingId = useId();
  useEffect(() => {
    void loadCampaignSummary(campaignId);
  }, [campaignId]);

  const exportAs = async (format: 'json' | 'csv') => {
    setExportError(null);
    try {
      downloadFile(await call('campaigns.export', { id: campaignId, format }));
    } catch (error) {
      setExportError(error instanceof Error ? error.message : 'The export failed.');
    }
  };

  return (
    <section className="campaign-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>Campaign: {campaignName}</h2>
      {!summary && <p className="muted">Reading the campaign’s reviews…</p>}
      {summary && (
        <>
          <p data-testid="review-coverage">
            {summary.reviewedCount} of {summary.draftCount} drafts reviewed
          </p>
          <table className="campaign-summary__averages">
            <caption>Average scores (1–5)</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Average</th>
              </tr>
            </thead>
            <tbody>
              {CHECKLIST_KEYS.map((k) => (
                <tr key={k}>
                  <th scope="row">{CHECKLIST_SHORT_LABELS[k]}</th>
                  <td>{formatAverage(summary.averages[k])}</td>
                </tr>
              ))}
              <tr className="campaign-summary__overall">
                <th scope="row">Overall</th>
                <td>{formatAverage(summary.averages.overall)}</td>
              </tr>
            </tbody>
          </table>
          <h3>Still unreviewed</h3>
          {summary.unreviewed.length === 0 ? (
            <p className="muted">Every draft has a review.</p>
          ) : (
            <ul className="campaign-summary__unreviewed" aria-label="Unreviewed drafts">
              {summary.unreviewed.map((d) => (
                <li key={d.id}>
                  <span>{draftTitle(d.title)}</span>{' '}
                  <button type="button" onClick={() => onReview(d.id)} aria-label={`Review ${draftTitle(d.title)}`}>
                    Review
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="campaign-summary__export">
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
      </div>
      {exportError && (
        <p role="alert" className="error-text">
          {exportError}
        </p>
      )}
    </section>
  );
}
