/** /healthz (process up), /readyz (database reachable), /metrics (Prometheus), /openapi.json. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { ApiError } from '../http/problem';
import { documentSecurity, PUBLIC } from '../http/openapi';

export function operationsRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', documentSecurity(PUBLIC));
    app.get('/healthz', { schema: { summary: 'The process is up', response: { 200: z.object({ ok: z.literal(true) }) } } }, async () => ({ ok: true as const }));

    app.get('/readyz', { schema: { summary: 'The database answers', response: { 200: z.object({ ok: z.literal(true), database: z.string() }), 503: Problem } } }, async () => {
      try {
        await ctx.db.ping();
      } catch {
        throw new ApiError('unavailable', 'The database is not reachable.');
      }
      return { ok: true as const, database: ctx.db.engine };
    });

    app.get('/metrics', { schema: { summary: 'Prometheus metrics', hide: false } }, async (_req, reply) => {
      reply.header('content-type', ctx.metrics.registry.contentType);
      return ctx.metrics.registry.metrics();
    });

    app.get('/openapi.json', { schema: { summary: 'This API, as OpenAPI 3' } }, async () => app.swagger());
  };
}
