/**
 * The studio's IPC contract: every method the renderer may call on the main process, with
 * zod input and output, and every event the main process pushes. The main process
 * registers a handler per method and validates every input; the preload exposes exactly
 * these on `window.shotlist`; the browser host serves the same over loopback.
 */
import { z } from 'zod';
import { Generation, GenerationList, Me, AspectRatio } from '../contracts/api';
import {
  Campaign,
  ConceptItem,
  DamagedFile,
  Draft,
  DraftContent,
  DraftSummary,
  DraftVersion,
  GateView,
  Id,
  Review,
  ReviewRequest,
  ReviewScores,
  Settings,
  GenerationOptionsOverride,
} from '../studio/models';

const Void = z.object({}).strict();
const ById = z.object({ id: Id }).strict();
const ExportFormat = z.enum(['json', 'markdown', 'csv']);
const ExportedFile = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });

export const AccountStatus = z.object({
  serverUrl: z.string(),
  signedIn: z.boolean(),
  me: Me.nullable(),
  /** Why sign-in cannot work here (no keychain), in plain words; null when it can. */
  keychainProblem: z.string().nullable(),
});
export type AccountStatus = z.infer<typeof AccountStatus>;

export const ConceptProgress = z.object({
  campaignId: Id,
  itemId: Id,
  index: z.number().int(),
  total: z.number().int(),
  status: ConceptItem.shape.status,
  generationId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ConceptProgress = z.infer<typeof ConceptProgress>;

export const CampaignReviewSummary = z.object({
  campaignId: Id,
  draftCount: z.number().int(),
  reviewedCount: z.number().int(),
  unreviewed: z.array(DraftSummary),
  averages: z.object({
    subject: z.number().nullable(),
    camera: z.number().nullable(),
    lighting: z.number().nullable(),
    format: z.number().nullable(),
    detail: z.number().nullable(),
    audio: z.number().nullable(),
    overall: z.number().nullable(),
  }),
});
export type CampaignReviewSummary = z.infer<typeof CampaignReviewSummary>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const ipcMethods = {
  // drafts
  'drafts.list': method(
    z
      .object({
        campaignId: Id.nullable().optional(),
        query: z.string().max(500).optional(),
        tag: z.string().max(50).optional(),
        sort: z.enum(['updated', 'created', 'title']).optional(),
      })
      .strict(),
    z.array(DraftSummary),
  ),
  'drafts.get': method(ById, Draft),
  'drafts.create': method(DraftContent.partial().strict(), Draft),
  /** Saves new content; the previous version goes into the history. */
  'drafts.save': method(z.object({ id: Id, content: DraftContent }).strict(), Draft),
  'drafts.delete': method(ById, Void),
  'drafts.history': method(ById, z.array(DraftVersion)),
  'drafts.restore': method(z.object({ id: Id, version: z.number().int().positive() }).strict(), Draft),
  /** Copies a draft into `count` variants in the same campaign. */
  'drafts.duplicate': method(z.object({ id: Id, count: z.number().int().min(1).max(20).default(1) }).strict(), z.array(Draft)),
  'drafts.export': method(
    z.object({ ids: z.array(Id).optional(), campaignId: Id.optional(), format: ExportFormat }).strict(),
    ExportedFile,
  ),
  'drafts.import': method(z.object({ content: z.string().max(50_000_000) }).strict(), z.object({ imported: z.number().int(), campaigns: z.number().int() })),
  /** Files that could not be read at start-up, set aside. */
  'drafts.damaged': method(Void, z.array(DamagedFile)),

  // campaigns
  'campaigns.list': method(z.object({ includeArchived: z.boolean().optional() }).strict(), z.array(Campaign)),
  'campaigns.create': method(z.object({ name: Campaign.shape.name }).strict(), Campaign),
  'campaigns.rename': method(z.object({ id: Id, name: Campaign.shape.name }).strict(), Campaign),
  'campaigns.archive': method(z.object({ id: Id, archived: z.boolean() }).strict(), Campaign),
  /** A campaign's drafts with their review scores. */
  'campaigns.export': method(z.object({ id: Id, format: ExportFormat }).strict(), ExportedFile),

  // reviews (the preview queue)
  'reviews.request': method(z.object({ draftId: Id, requestedBy: z.string().max(200) }).strict(), ReviewRequest),
  'reviews.queue': method(z.object({ campaignId: Id.nullable().optional() }).strict(), z.array(ReviewRequest)),
  'reviews.submit': method(
    z
      .object({
        draftId: Id,
        draftVersion: z.number().int().positive(),
        reviewer: z.string().trim().min(1).max(200),
        scores: ReviewScores,
        comment: z.string().max(5000),
      })
      .strict(),
    Review,
  ),
  'reviews.forDraft': method(ById, z.array(Review)),
  'reviews.campaignSummary': method(ById, CampaignReviewSummary),

  // concept queues
  'concepts.list': method(z.object({ campaignId: Id }).strict(), z.array(ConceptItem)),
  'concepts.enqueue': method(z.object({ campaignId: Id, draftId: Id }).strict(), ConceptItem),
  'concepts.remove': method(ById, Void),
  'concepts.move': method(z.object({ id: Id, toIndex: z.number().int().nonnegative() }).strict(), z.array(ConceptItem)),
  /** Submits the campaign's queued (and retryable) items in order; progress comes as events. */
  'concepts.flush': method(z.object({ campaignId: Id }).strict(), z.array(ConceptItem)),

  // account and gate
  'account.status': method(Void, AccountStatus),
  /** Hands the token to the main process, which keeps it in the OS keychain only. */
  'account.signIn': method(z.object({ serverUrl: z.string().url().optional(), token: z.string().min(1).max(1000) }).strict(), AccountStatus),
  'account.signOut': method(Void, AccountStatus),
  'gate.status': method(Void, GateView),
  'gate.refresh': method(Void, GateView),

  // generations
  'generations.submit': method(
    z.object({ draftId: Id, options: GenerationOptionsOverride.optional() }).strict(),
    Generation,
  ),
  'generations.list': method(z.object({ cursor: z.string().optional(), limit: z.number().int().min(1).max(100).optional() }).strict(), GenerationList),
  'generations.get': method(ById, Generation),
  'generations.cancel': method(ById, Generation),

  // settings
  'settings.get': method(Void, Settings),
  'settings.update': method(Settings.omit({ schemaVersion: true }).partial().strict(), Settings),
} as const;

export type IpcMethods = typeof ipcMethods;
export type IpcMethodName = keyof IpcMethods;
export type IpcInput<M extends IpcMethodName> = z.input<IpcMethods[M]['input']>;
export type IpcOutput<M extends IpcMethodName> = z.output<IpcMethods[M]['output']>;

export const ipcEvents = {
  'gate.changed': GateView,
  'concepts.progress': ConceptProgress,
  'generations.updated': Generation,
  'account.changed': AccountStatus,
} as const;
export type IpcEvents = typeof ipcEvents;
export type IpcEventName = keyof IpcEvents;
export type IpcEventPayload<E extends IpcEventName> = z.output<IpcEvents[E]>;

export const IpcErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden_sender',
  'keychain_unavailable',
  'signed_out',
  'offline',
  'server_error',
  'internal',
  /** The studio is quitting: the call was not run. */
  'shutting_down',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export const IpcError = z.object({
  code: z.union([IpcErrorCode, z.string()]),
  message: z.string(),
  /** For errors from the gated server: its problem code (e.g. insufficient_credits). */
  serverCode: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcError>;

/** Every IPC reply: a value, or an error with a code. Never a thrown exception across the bridge. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Channel names, by direction. */
export const invokeChannel = (m: IpcMethodName) => `renderer-to-main:${m}` as const;
export const eventChannel = (e: IpcEventName) => `main-to-renderer:${e}` as const;

/** The API the preload puts on window.shotlist. */
export type ShotlistApi = {
  invoke<M extends IpcMethodName>(method: M, input: IpcInput<M>): Promise<IpcResult<IpcOutput<M>>>;
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
};

export { AspectRatio };
