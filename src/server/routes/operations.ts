/** /healthz (process up), /readyz (database reachable), /metrics (Prometheus), /openapi.json. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { ApiError } from '../http/problem';
import { documentSecurity, mediaResponse, PUBLIC } from '../http/openapi';

/** What /openapi.json answers: an OpenAPI 3 document (its own schema is the official one). */
const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

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

    app.get(
      '/metrics',
      { schema: { summary: 'Prometheus metrics', response: { 200: mediaResponse('text/plain; version=0.0.4', z.string(), 'The Prometheus text exposition format') } } },
      async (_req, reply) => {
        reply.header('content-type', ctx.metrics.registry.contentType);
        return ctx.metrics.registry.metrics();
      },
    );

    app.get('/openapi.json', { schema: { summary: 'This API, as OpenAPI 3', response: { 200: OpenApiDocument } } }, async () => app.swagger() as z.infer<typeof OpenApiDocument>);
  };
}
