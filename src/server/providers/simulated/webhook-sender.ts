/**
 * Delivers the simulated provider's webhooks the way a real provider does: signed per
 * Standard Webhooks, retried with exponential backoff on any non-2xx answer or network
 * failure, up to a bounded number of attempts. Every attempt of one message keeps its
 * `webhook-id` (the receiver's dedupe key) and is signed afresh with the current time, so a
 * late retry still falls inside the receiver's timestamp window.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { backoffMs, sleep } from '../http';

export type WebhookEventType = 'task.running' | 'task.succeeded' | 'task.failed';

export interface WebhookEvent {
  type: WebhookEventType;
  data: { providerTaskId: string; videoUrl?: string; error?: string };
}

export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Each attempt's own deadline. */
  attemptTimeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  attempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  attemptTimeoutMs: 10_000,
};

export interface DeliveryResult {
  webhookId: string;
  delivered: boolean;
  attempts: number;
}

export class WebhookSender {
  private readonly signer: Webhook;

  constructor(
    private readonly url: string,
    secret: string,
    private readonly retry: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY,
  ) {
    this.signer = new Webhook(secret);
  }

  /** Delivers one event; resolves once it is accepted, retries run out, or `signal` aborts. */
  async deliver(event: WebhookEvent, signal: AbortSignal, webhookId = `msg_${randomUUID()}`): Promise<DeliveryResult> {
    const body = JSON.stringify(event);
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      if (signal.aborted) return { webhookId, delivered: false, attempts: attempt };
      if (await this.attempt(webhookId, body, signal)) return { webhookId, delivered: true, attempts: attempt + 1 };
      if (attempt + 1 < this.retry.attempts) {
        try {
          await sleep(backoffMs(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs), signal);
        } catch {
          return { webhookId, delivered: false, attempts: attempt + 1 };
        }
      }
    }
    return { webhookId, delivered: false, attempts: this.retry.attempts };
  }

  private async attempt(webhookId: string, body: string, signal: AbortSignal): Promise<boolean> {
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': this.signer.sign(webhookId, now, body),
    };
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.retry.attemptTimeoutMs)]),
      });
      await res.body?.cancel();
      return res.ok;
    } catch {
      return false;
    }
  }
}
