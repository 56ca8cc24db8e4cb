/**
 * What the gate needs of a video provider. The gate calls `createTask` only after the
 * reservation has committed; outcomes arrive by webhook (simulated provider) or by the
 * server polling `getTask` (providers with long-running operations, like Gemini's Veo).
 */
import type { AspectRatio } from '../../shared/contracts/api';

export interface ProviderTaskInput {
  /** Our task id: lets a provider dedupe a retried create (never shown to the provider's users). */
  taskId: string;
  prompt: string;
  durationSeconds: number;
  aspectRatio: AspectRatio;
  negativePrompt?: string;
  generateAudio: boolean;
}

export type ProviderTaskState =
  | { state: 'pending' }
  | { state: 'running' }
  | { state: 'succeeded'; videoUrl: string }
  | { state: 'failed'; error: string }
  | { state: 'unknown' };

export type ProviderErrorKind = 'rejected' | 'unavailable' | 'timeout';

/**
 * Codes a provider error carries. The `provider_*` ones follow the kind; the `unsupported_*`
 * ones say which of our options a provider cannot honour (always kind `rejected`).
 */
export type ProviderErrorCode =
  | 'provider_rejected'
  | 'provider_unavailable'
  | 'provider_timeout'
  | 'unsupported_aspect_ratio'
  | 'unsupported_duration'
  | 'unsupported_audio'
  | 'video_too_large'
  | 'untrusted_video_url';

const DEFAULT_CODE: Record<ProviderErrorKind, ProviderErrorCode> = {
  rejected: 'provider_rejected',
  unavailable: 'provider_unavailable',
  timeout: 'provider_timeout',
};

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;

  constructor(
    /** rejected: the provider refused the task (do not retry); unavailable: transport or 5xx. */
    readonly kind: ProviderErrorKind,
    message: string,
    code?: ProviderErrorCode,
  ) {
    super(message);
    this.name = 'ProviderError';
    this.code = code ?? DEFAULT_CODE[kind];
  }
}

/** A provider could not be set up from the configuration it was given. */
export type ProviderConfigErrorCode = 'provider_unknown' | 'provider_config_invalid' | 'gemini_api_key_missing';

export class ProviderConfigError extends Error {
  constructor(
    readonly code: ProviderConfigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderConfigError';
  }
}

export interface VideoProvider {
  readonly name: string;
  /** true when outcomes come only by polling getTask, never by webhook. */
  readonly polled: boolean;
  /**
   * true when a create repeated with the same taskId can only return the same task (the
   * provider dedupes by our id). Only then does the server retry a create that may have reached
   * the provider; otherwise such a create is left to reconciliation. Absent means false.
   */
  readonly dedupesCreates?: boolean;
  createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }>;
  /** Where the provider can tell: used by polling and by crash reconciliation. */
  getTask(providerTaskId: string, signal: AbortSignal): Promise<ProviderTaskState>;
  /** Looks a task up by our own task id, to learn whether a create happened before a crash. */
  findTaskByOurId?(taskId: string, signal: AbortSignal): Promise<{ providerTaskId: string } | null>;
  cancelTask?(providerTaskId: string, signal: AbortSignal): Promise<void>;
  /**
   * Fetches a finished clip (a `videoUrl` this provider reported) with the provider's own
   * credentials, so the server can serve it under its own signed URL. Refuses URLs that do
   * not belong to the provider, so its credentials never go anywhere else.
   */
  downloadVideo(videoUrl: string, signal: AbortSignal): Promise<Uint8Array>;
  close?(): Promise<void>;
}
