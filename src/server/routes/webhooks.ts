/** POST /v1/webhooks/provider: the raw body is kept (signatures cover the exact bytes). */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { handleProviderEvent } from '../webhooks/handle';
import { createWebhookVerifier } from '../webhooks/verify';
import { documentSecurity, PUBLIC } from '../http/openapi';

export function webhookRoutes(ctx: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRoute', documentSecurity(PUBLIC));
    const verify = createWebhookVerifier(ctx.secrets.webhookSecret);
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    app.post(
      '/v1/webhooks/provider',
      {
        schema: {
          summary: 'Provider events, signed per Standard Webhooks',
          description: 'Body as ProviderWebhook; headers webhook-id, webhook-timestamp, webhook-signature.',
          response: { 200: z.object({ result: z.enum(['applied', 'ignored', 'duplicate']) }), 400: Problem, 401: Problem, 404: Problem, 503: Problem },
        },
      },
      async (req) => {
        const raw = typeof req.body === 'string' ? req.body : '';
        const webhook = verify(raw, req.headers);
        return { result: await handleProviderEvent(ctx.db, ctx.tasks, webhook, ctx.clock()) };
      },
    );
  };
}
