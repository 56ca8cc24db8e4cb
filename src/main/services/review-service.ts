/**
 * The preview (review) queue: requests to score a draft version, kept in
 * <dataDir>/review-requests.json; the reviews themselves live in the draft file, with the
 * version they judged.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { CHECKLIST_KEYS } from '../../shared/contracts/api';
import type { CampaignReviewSummary } from '../../shared/ipc/contract';
import { ReviewRequest, type Review, type ReviewScores } from '../../shared/studio/models';
import type { DamagedFiles } from './damaged-files';
import type { DraftStore } from './draft-store';
import { StudioError } from './errors';
import { JsonDocument } from './json-document';

const RequestFile = z.object({ requests: z.array(ReviewRequest) });

export interface ReviewSubmission {
  draftId: string;
  draftVersion: number;
  reviewer: string;
  scores: ReviewScores;
  comment: string;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

export class ReviewService {
  private constructor(
    private readonly doc: JsonDocument<typeof RequestFile>,
    private readonly drafts: DraftStore,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, drafts: DraftStore, damaged: DamagedFiles, now: () => Date): Promise<ReviewService> {
    const doc = await JsonDocument.open(join(dataDir, 'review-requests.json'), RequestFile, { requests: [] }, damaged);
    return new ReviewService(doc, drafts, now);
  }

  async request(draftId: string, requestedBy: string): Promise<ReviewRequest> {
    const draft = await this.drafts.get(draftId);
    const request: ReviewRequest = {
      id: randomUUID(),
      campaignId: draft.campaignId,
      draftId,
      draftVersion: draft.version,
      requestedBy,
      requestedAt: this.now().toISOString(),
      status: 'pending',
      reviewId: null,
    };
    return this.doc.update(({ requests }) => ({ value: { requests: [...requests, request] }, result: request }));
  }

  /** Pending requests, oldest first; `campaignId` undefined means every campaign. */
  queue(campaignId?: string | null): ReviewRequest[] {
    // A request outlives a deleted draft on disk, but there is nothing left to review.
    return this.doc.value.requests.filter(
      (r) => r.status === 'pending' && this.drafts.has(r.draftId) && (campaignId === undefined || r.campaignId === campaignId),
    );
  }

  async submit(input: ReviewSubmission): Promise<Review> {
    const review: Review = { id: randomUUID(), ...input, createdAt: this.now().toISOString() };
    await this.drafts.update(input.draftId, (draft) => {
      if (input.draftVersion > draft.version) {
        throw new StudioError('invalid_input', `Draft ${draft.id} has no version ${input.draftVersion} yet.`);
      }
      return { ...draft, reviews: [...draft.reviews, review] };
    });
    await this.doc.update(({ requests }) => ({
      value: {
        requests: requests.map((r) =>
          r.draftId === input.draftId && r.status === 'pending' ? { ...r, status: 'done' as const, reviewId: review.id } : r,
        ),
      },
      result: undefined,
    }));
    return review;
  }

  async forDraft(draftId: string): Promise<Review[]> {
    return (await this.drafts.get(draftId)).reviews;
  }

  async campaignSummary(campaignId: string): Promise<CampaignReviewSummary> {
    const summaries = this.drafts.list({ campaignId });
    const reviews = (await Promise.all(summaries.filter((s) => s.reviewCount > 0).map((s) => this.forDraft(s.id)))).flat();
    const perItem = Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, mean(reviews.map((r) => r.scores[k]))])) as Record<
      (typeof CHECKLIST_KEYS)[number],
      number | null
    >;
    return {
      campaignId,
      draftCount: summaries.length,
      reviewedCount: summaries.filter((s) => s.reviewCount > 0).length,
      unreviewed: summaries.filter((s) => s.reviewCount === 0),
      averages: { ...perItem, overall: mean(reviews.flatMap((r) => CHECKLIST_KEYS.map((k) => r.scores[k]))) },
    };
  }

  drain(): Promise<void> {
    return this.doc.drain();
  }
}
