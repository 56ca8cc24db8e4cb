/** Reviews the renderer has read: per draft, the reviewer queue, and per-campaign summaries. */
import { create } from 'zustand';
import type { CampaignReviewSummary } from '../../../shared/ipc/contract';
import type { Review, ReviewRequest } from '../../../shared/studio/models';
import { call } from '../../app/ipc';

interface ReviewsState {
  byDraft: Record<string, Review[]>;
  queue: ReviewRequest[];
  queueLoaded: boolean;
  /** Draft titles by id, for naming what the queue holds. */
  titles: Record<string, string>;
  summaries: Record<string, CampaignReviewSummary>;
  error: string | null;
}

export const useReviewsStore = create<ReviewsState>(() => ({ byDraft: {}, queue: [], queueLoaded: false, titles: {}, summaries: {}, error: null }));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

async function attempt(action: () => Promise<void>): Promise<boolean> {
  useReviewsStore.setState({ error: null });
  try {
    await action();
    return true;
  } catch (error) {
    useReviewsStore.setState({ error: messageOf(error) });
    return false;
  }
}

export function loadDraftReviews(draftId: string): Promise<boolean> {
  return attempt(async () => {
    const reviews = await call('reviews.forDraft', { id: draftId });
    useReviewsStore.setState((s) => ({ byDraft: { ...s.byDraft, [draftId]: reviews } }));
  });
}

export function loadReviewQueue(campaignId: string | null): Promise<boolean> {
  return attempt(async () => {
    const [queue, drafts] = await Promise.all([
      call('reviews.queue', campaignId === null ? {} : { campaignId }),
      call('drafts.list', campaignId === null ? {} : { campaignId }),
    ]);
    const titles = Object.fromEntries(drafts.map((d) => [d.id, d.title]));
    useReviewsStore.setState({ queue, queueLoaded: true, titles });
  });
}

export function loadCampaignSummary(campaignId: string): Promise<boolean> {
  return attempt(async () => {
    const summary = await call('reviews.campaignSummary', { id: campaignId });
    useReviewsStore.setState((s) => ({ summaries: { ...s.summaries, [campaignId]: summary } }));
  });
}

export function requestReview(draftId: string, requestedBy: string): Promise<boolean> {
  return attempt(async () => {
    await call('reviews.request', { draftId, requestedBy });
  });
}

export interface ReviewSubmission {
  draftId: string;
  draftVersion: number;
  reviewer: string;
  scores: Review['scores'];
  comment: string;
}

export function submitReview(submission: ReviewSubmission): Promise<boolean> {
  return attempt(async () => {
    const review = await call('reviews.submit', submission);
    useReviewsStore.setState((s) => ({
      byDraft: { ...s.byDraft, [review.draftId]: [...(s.byDraft[review.draftId] ?? []), review] },
      queue: s.queue.filter((r) => r.draftId !== review.draftId),
    }));
  });
}
