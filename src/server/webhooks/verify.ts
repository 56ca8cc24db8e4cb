/**
 * Standard Webhooks verification (the maintained `standardwebhooks` package): signature over
 * "{id}.{timestamp}.{body}" and a timestamp within 5 minutes. Replay protection by webhook-id
 * is in webhooks/handle.ts.
 */
import { Webhook } from 'standardwebhooks';
import { ProviderWebhook } from '../../shared/contracts/api';
import { ApiError } from '../http/problem';
import { hasUnstorableText } from '../util/text';

/** The spec's timestamp is integer seconds; the library reads a prefix (parseInt) and would take `1700000000abc`. */
const TIMESTAMP = /^\d{1,15}$/;

export function createWebhookVerifier(secret: string) {
  const wh = new Webhook(secret);
  return (rawBody: string, headers: Record<string, string | string[] | undefined>): { id: string; event: ProviderWebhook } => {
    const pick = (name: string): string => {
      const v = headers[name];
      return typeof v === 'string' ? v : '';
    };
    const signed = { 'webhook-id': pick('webhook-id'), 'webhook-timestamp': pick('webhook-timestamp'), 'webhook-signature': pick('webhook-signature') };
    if (!signed['webhook-id'] || signed['webhook-id'].length > 256 || !TIMESTAMP.test(signed['webhook-timestamp'])) {
      throw new ApiError('unauthenticated', 'The webhook signature does not verify.');
    }
    let payload: unknown;
    try {
      payload = wh.verify(rawBody, signed);
    } catch (error) {
      // The library parses the body only once the signature and timestamp have verified.
      if (error instanceof SyntaxError) throw new ApiError('invalid_request', 'The webhook body is not valid JSON.');
      throw new ApiError('unauthenticated', 'The webhook signature does not verify.');
    }
    const parsed = ProviderWebhook.safeParse(payload);
    if (!parsed.success || hasUnstorableText(parsed.data)) throw new ApiError('invalid_request', 'The webhook body is not a provider event this server knows.');
    return { id: signed['webhook-id'], event: parsed.data };
  };
}
