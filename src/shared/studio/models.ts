/**
 * The studio's own data: drafts, campaigns, reviews, concept queues, settings. Stored by the
 * main process, carried over IPC, shown by the renderer: one schema each, here.
 */
import { z } from 'zod';
import {
  AspectRatio,
  CHECKLIST_KEYS,
  DEFAULT_ASPECT_RATIO,
  DEFAULT_DURATION_S,
  DurationSeconds,
  GenerationError,
} from '../contracts/api';

export const Id = z.string().min(1).max(128);
export const IsoTime = z.string();

export const ChecklistFields = z.object({
  subject: z.string().max(2000).default(''),
  camera: z.string().max(2000).default(''),
  lighting: z.string().max(2000).default(''),
  format: z.string().max(2000).default(''),
  detail: z.string().max(2000).default(''),
  audio: z.string().max(2000).default(''),
});
export type ChecklistFields = z.infer<typeof ChecklistFields>;
export const EMPTY_FIELDS: ChecklistFields = { subject: '', camera: '', lighting: '', format: '', detail: '', audio: '' };

export const GenerationOptions = z.object({
  durationSeconds: DurationSeconds.default(DEFAULT_DURATION_S),
  aspectRatio: AspectRatio.default(DEFAULT_ASPECT_RATIO),
  negativePrompt: z.string().max(1000).default(''),
  generateAudio: z.boolean().default(false),
});
export type GenerationOptions = z.infer<typeof GenerationOptions>;
/**
 * Options given for one submission, over the draft's own: only the fields sent. (Not
 * GenerationOptions.partial(), which fills every missing field with its default.)
 */
export const GenerationOptionsOverride = z.object({
  durationSeconds: DurationSeconds.optional(),
  aspectRatio: AspectRatio.optional(),
  negativePrompt: GenerationOptions.shape.negativePrompt.unwrap().optional(),
  generateAudio: z.boolean().optional(),
});
export type GenerationOptionsOverride = z.infer<typeof GenerationOptionsOverride>;
export const DEFAULT_OPTIONS: GenerationOptions = {
  durationSeconds: DEFAULT_DURATION_S,
  aspectRatio: DEFAULT_ASPECT_RATIO,
  negativePrompt: '',
  generateAudio: false,
};

export const DraftMode = z.enum(['guided', 'freeText']);
export type DraftMode = z.infer<typeof DraftMode>;

export const ReviewScores = z.object(
  Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, z.number().int().min(1).max(5)])) as Record<
    (typeof CHECKLIST_KEYS)[number],
    z.ZodNumber
  >,
);
export type ReviewScores = z.infer<typeof ReviewScores>;

/** A reviewer's judgement of one version of a draft. */
export const Review = z.object({
  id: Id,
  draftId: Id,
  draftVersion: z.number().int().positive(),
  reviewer: z.string().trim().min(1).max(200),
  scores: ReviewScores,
  comment: z.string().max(5000),
  createdAt: IsoTime,
});
export type Review = z.infer<typeof Review>;

/** The editable content of a draft: what a save carries and what a version keeps. */
export const DraftContent = z.object({
  title: z.string().max(300),
  mode: DraftMode,
  fields: ChecklistFields,
  freeText: z.string().max(20_000),
  /** The prompt a provider receives: composed from the fields, or the free text. */
  prompt: z.string().max(20_000),
  options: GenerationOptions,
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  campaignId: Id.nullable(),
});
export type DraftContent = z.infer<typeof DraftContent>;

export const DraftVersion = z.object({
  version: z.number().int().positive(),
  savedAt: IsoTime,
  content: DraftContent,
});
export type DraftVersion = z.infer<typeof DraftVersion>;

export const Draft = DraftContent.extend({
  id: Id,
  author: z.string().max(200),
  version: z.number().int().positive(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Earlier versions, oldest first; the current content is not repeated here. */
  history: z.array(DraftVersion),
  reviews: z.array(Review),
});
export type Draft = z.infer<typeof Draft>;

/** What the draft list shows: no history, no reviews, no full text. */
export const DraftSummary = z.object({
  id: Id,
  title: z.string(),
  campaignId: Id.nullable(),
  tags: z.array(z.string()),
  promptPreview: z.string(),
  version: z.number().int(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  reviewCount: z.number().int(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const Campaign = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  archived: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Campaign = z.infer<typeof Campaign>;

/** A draft version waiting for a reviewer's score (the preview queue). */
export const ReviewRequest = z.object({
  id: Id,
  campaignId: Id.nullable(),
  draftId: Id,
  draftVersion: z.number().int().positive(),
  requestedBy: z.string().max(200),
  requestedAt: IsoTime,
  status: z.enum(['pending', 'done']),
  reviewId: Id.nullable(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ConceptStatus = z.enum(['queued', 'sending', 'sent', 'failed']);
export type ConceptStatus = z.infer<typeof ConceptStatus>;

/**
 * A concept waiting to be submitted. Its idempotency key is fixed when it is queued, so a
 * resend after a crash, a timeout or a lost network can never charge twice.
 */
export const ConceptItem = z.object({
  id: Id,
  campaignId: Id,
  draftId: Id,
  draftVersion: z.number().int().positive(),
  title: z.string(),
  prompt: z.string(),
  options: GenerationOptions,
  idempotencyKey: z.string().min(1).max(255),
  status: ConceptStatus,
  generationId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  queuedAt: IsoTime,
  updatedAt: IsoTime,
});
export type ConceptItem = z.infer<typeof ConceptItem>;

export const Theme = z.enum(['system', 'light', 'dark']);
export const Settings = z.object({
  schemaVersion: z.number().int(),
  serverUrl: z.string().url(),
  theme: Theme,
  reviewerName: z.string().max(200),
  authorName: z.string().max(200),
  draftSort: z.enum(['updated', 'created', 'title']),
});
export type Settings = z.infer<typeof Settings>;

/** Why generation is or is not allowed now, as the gate monitor sees it. */
export const GateView = z.object({
  state: z.enum(['allowed', 'blocked', 'offline', 'signed_out', 'checking']),
  reasons: z.array(z.string()),
  /** Plain words for the UI. */
  message: z.string(),
  credits: z.object({ available: z.number().int(), reserved: z.number().int() }).nullable(),
  dailyRemaining: z.number().int().nullable(),
  checkedAt: IsoTime.nullable(),
});
export type GateView = z.infer<typeof GateView>;

export const DamagedFile = z.object({ path: z.string(), reason: z.string(), movedTo: z.string() });
export type DamagedFile = z.infer<typeof DamagedFile>;

export { GenerationError };
