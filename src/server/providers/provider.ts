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

export class ProviderError extends Error {
  constructor(
    /** rejected: the provider refused the task (do not retry); unavailable: transport or 5xx. */
    readonly kind: 'rejected' | 'unavailable' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface VideoProvider {
  readonly name: string;
  /** true when outcomes come only by polling getTask, never by webhook. */
  readonly polled: boolean;
  createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }>;
  /** Where the provider can tell: used by polling and by crash reconciliation. */
  getTask(providerTaskId: string, signal: AbortSignal): Promise<ProviderTaskState>;
  /** Looks a task up by our own task id, to learn whether a create happened before a crash. */
  findTaskByOurId?(taskId: string, signal: AbortSignal): Promise<{ providerTaskId: string } | null>;
  cancelTask?(providerTaskId: string, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}
