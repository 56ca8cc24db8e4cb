/**
 * The gated server's HTTP contract v1 as zod schemas: the single source of every API type.
 * The server validates with these, the studio's client parses responses with them, and
 * /openapi.json is generated from them. See shared/contracts/gated-api.md.
 */
import { z } from 'zod';

export const CHECKLIST_KEYS = ['subject', 'camera', 'lighting', 'format', 'detail', 'audio'] as const;
export const ChecklistKey = z.enum(CHECKLIST_KEYS);
export type ChecklistKey = z.infer<typeof ChecklistKey>;

export const ErrorCode = z.enum([
  'invalid_request',
  'unauthenticated',
  'insufficient_credits',
  'early_access_required',
  'not_found',
  'idempotency_in_progress',
  'payload_too_large',
  'prompt_rejected',
  'idempotency_key_reused',
  'rate_limited',
  'daily_cap_reached',
  'generation_disabled',
  'budget_exhausted',
  // Extensions (the contract allows new codes): failures that are the server's, not the caller's.
  'internal_error',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ErrorCode,
  detail: z.string(),
  requestId: z.string(),
  /** For prompt_rejected: the validation errors. */
  errors: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const GateReason = z.enum([
  'generation_disabled',
  'early_access_required',
  'budget_exhausted',
  'daily_cap_reached',
  'insufficient_credits',
]);
export type GateReason = z.infer<typeof GateReason>;

export const CreditBalance = z.object({
  available: z.number().int(),
  reserved: z.number().int(),
});
export type CreditBalance = z.infer<typeof CreditBalance>;

export const Me = z.object({
  id: z.string(),
  name: z.string(),
  earlyAccess: z.boolean(),
  credits: CreditBalance,
});
export type Me = z.infer<typeof Me>;

export const GateState = z.object({
  generationEnabled: z.boolean(),
  reasons: z.array(GateReason),
  credits: CreditBalance,
  /** Credits the user may still spend today under the daily caps; null when uncapped. */
  dailyRemaining: z.number().int().nullable(),
});
export type GateState = z.infer<typeof GateState>;

// ---- quality analysis (shared with the studio, which runs it offline) ----

export const EvidenceSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;

export const ChecklistItemResult = z.object({
  present: z.boolean(),
  evidence: z.array(z.string()),
  /** Extension: where each piece of evidence stands in the prompt, for highlighting. */
  spans: z.array(EvidenceSpan),
});
export type ChecklistItemResult = z.infer<typeof ChecklistItemResult>;

export const IssueSeverity = z.enum(['error', 'warning', 'info']);
export type IssueSeverity = z.infer<typeof IssueSeverity>;

export const QualityIssue = z.object({
  code: z.string(),
  severity: IssueSeverity,
  message: z.string(),
  /** Extension: what to do about it, in plain words. */
  suggestion: z.string().optional(),
  /** Extension: the words the issue is about, when it is about some. */
  spans: z.array(EvidenceSpan).optional(),
});
export type QualityIssue = z.infer<typeof QualityIssue>;

export const QualityReport = z.object({
  score: z.number().int().min(0).max(100),
  checklist: z.object({
    subject: ChecklistItemResult,
    camera: ChecklistItemResult,
    lighting: ChecklistItemResult,
    format: ChecklistItemResult,
    detail: ChecklistItemResult,
    audio: ChecklistItemResult,
  }),
  issues: z.array(QualityIssue),
});
export type QualityReport = z.infer<typeof QualityReport>;

// ---- generation options ----

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export const AspectRatio = z.enum(ASPECT_RATIOS);
export type AspectRatio = z.infer<typeof AspectRatio>;

export const MIN_DURATION_S = 2;
export const MAX_DURATION_S = 20;
export const DEFAULT_DURATION_S = 8;
export const DEFAULT_ASPECT_RATIO: AspectRatio = '16:9';
export const DurationSeconds = z.number().int().min(MIN_DURATION_S).max(MAX_DURATION_S);

/** Credits a generation reserves: one per second of video, half as much again for audio. */
export function generationCost(options: { durationSeconds?: number; generateAudio?: boolean }): number {
  const seconds = options.durationSeconds ?? DEFAULT_DURATION_S;
  return seconds + (options.generateAudio ? Math.ceil(seconds / 2) : 0);
}

/** The longest prompt a server accepts unless SHOTLIST_MAX_PROMPT_CHARS says otherwise. */
export const DEFAULT_MAX_PROMPT_CHARS = 2000;

export const ValidateRequest = z
  .object({
    prompt: z.string(),
    // Extensions: the options a prompt is judged against (length for the duration, audio off).
    durationSeconds: DurationSeconds.optional(),
    generateAudio: z.boolean().optional(),
  })
  .strict();
export type ValidateRequest = z.infer<typeof ValidateRequest>;

export const ValidationError = z.object({ code: z.string(), message: z.string() });
export type ValidationError = z.infer<typeof ValidationError>;

export const ValidateResponse = z.object({
  ok: z.boolean(),
  errors: z.array(ValidationError),
  quality: QualityReport,
});
export type ValidateResponse = z.infer<typeof ValidateResponse>;

export const CreateGenerationRequest = z
  .object({
    prompt: z.string(),
    durationSeconds: DurationSeconds.optional(),
    aspectRatio: AspectRatio.optional(),
    negativePrompt: z.string().max(1000).optional(),
    generateAudio: z.boolean().optional(),
    clientRef: z.string().min(1).max(128).optional(),
  })
  .strict();
export type CreateGenerationRequest = z.infer<typeof CreateGenerationRequest>;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IdempotencyKey = z.string().min(1).max(255);

export const GenerationStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export type GenerationStatus = z.infer<typeof GenerationStatus>;
export const TERMINAL_STATUSES: readonly GenerationStatus[] = ['succeeded', 'failed', 'canceled'];

export const GenerationErrorCode = z.enum([
  'provider_failed',
  'provider_rejected',
  'provider_unavailable',
  'timed_out',
  'canceled',
]);
export const GenerationError = z.object({ code: GenerationErrorCode, message: z.string() });
export type GenerationError = z.infer<typeof GenerationError>;

export const PROMPT_PREVIEW_MAX = 64;

export const Generation = z.object({
  id: z.string(),
  status: GenerationStatus,
  /** ISO 8601 in UTC with milliseconds, e.g. 2026-11-25T09:30:00.000Z. */
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  credits: z.number().int(),
  refunded: z.boolean(),
  promptHash: z.string(),
  promptPreview: z.string().max(PROMPT_PREVIEW_MAX),
  durationSeconds: z.number().int(),
  aspectRatio: AspectRatio,
  clientRef: z.string().nullable(),
  videoUrl: z.string().nullable(),
  error: GenerationError.nullable(),
});
export type Generation = z.infer<typeof Generation>;

export const GenerationListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).optional(),
  })
  .strict();
export type GenerationListQuery = z.infer<typeof GenerationListQuery>;

export const GenerationList = z.object({
  items: z.array(Generation),
  nextCursor: z.string().nullable(),
});
export type GenerationList = z.infer<typeof GenerationList>;

export const IdParams = z.object({ id: z.string().min(1).max(128) }).strict();

export const EarlyAccessRequest = z.object({ email: z.string().email().max(320) }).strict();
export const EmptyObject = z.object({}).strict();
/** The body of a POST that takes none: left out, empty, or `{}`. */
export const NoBody = EmptyObject.nullish();

// ---- provider webhooks ----

export const WebhookEventType = z.enum(['task.running', 'task.succeeded', 'task.failed']);
export const ProviderWebhook = z.object({
  type: WebhookEventType,
  data: z.object({
    providerTaskId: z.string().min(1),
    videoUrl: z.string().optional(),
    error: z.union([z.string(), z.object({ code: z.string().optional(), message: z.string().optional() })]).optional(),
  }),
});
export type ProviderWebhook = z.infer<typeof ProviderWebhook>;

// ---- admin ----

export const AdminCreateUserRequest = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export const AdminCreatedUser = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type AdminCreatedUser = z.infer<typeof AdminCreatedUser>;

/** The most credits one admin call may grant or take back. */
export const MAX_CREDIT_GRANT = 1_000_000_000;

export const AdminCreditsRequest = z
  .object({
    // Bounded so balances, sums of many grants, stay exact integers in JavaScript and in BIGINT.
    amount: z
      .number()
      .int()
      .min(-MAX_CREDIT_GRANT)
      .max(MAX_CREDIT_GRANT)
      .refine((n) => n !== 0, 'amount must not be 0'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export const AdminEarlyAccessRequest = z.object({ enabled: z.boolean() }).strict();
export const AdminGate = z.object({ generationEnabled: z.boolean() }).strict();
export type AdminGate = z.infer<typeof AdminGate>;
export const Budget = z
  .object({
    dailyCreditCap: z.number().int().nonnegative().nullable(),
    userDailyCreditCap: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type Budget = z.infer<typeof Budget>;

export const AdminGeneration = Generation.extend({
  ownerId: z.string(),
  providerTaskId: z.string().nullable(),
});
export type AdminGeneration = z.infer<typeof AdminGeneration>;

export const SpendDay = z.object({
  date: z.string(),
  reserved: z.number().int(),
  charged: z.number().int(),
  refunded: z.number().int(),
});
export const Spend = z.object({ today: SpendDay, days: z.array(SpendDay) });
export type Spend = z.infer<typeof Spend>;
