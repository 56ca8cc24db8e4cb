/** A draft's list entry: what the main process's index keeps and the renderer's list shows. */
import type { Draft, DraftSummary } from './models';

export const PROMPT_PREVIEW_CHARS = 160;

export function summarizeDraft(draft: Draft): DraftSummary {
  return {
    id: draft.id,
    title: draft.title,
    campaignId: draft.campaignId,
    tags: [...draft.tags],
    promptPreview: draft.prompt.slice(0, PROMPT_PREVIEW_CHARS),
    version: draft.version,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    reviewCount: draft.reviews.length,
  };
}
