/** The gate and the caller's own generations. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateGenerationRequest,
  IdempotencyKey,
  Generation,
  GenerationList,
  GenerationListQuery,
  IdParams,
  NoBody,
  Problem,
} from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { passGate } from '../gate/submit';
import { requireIdempotencyKey, validateSubmission } from '../gate/validate';
import { decodeCursor } from '../generations/cursor';
import { GenerationHistory } from '../generations/history';
import { HistoryPages } from '../generations/history-pages';
import { getOwnGeneration } from '../generations/store';
import { toGeneration } from '../generations/view';
import { currentUser, submissionRateLimit, userAuth } from '../http/auth-hooks';
import { ApiError } from '../http/problem';
import { responseSerializer } from '../http/serialize';

export function generationRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const auth = userAuth(ctx);
    const history = new HistoryPages(ctx.db, new GenerationHistory(ctx.db), ctx.signer, responseSerializer(GenerationList));
    const problems = { 400: Problem, 401: Problem };

    app.post(
      '/v1/generations',
      {
        onRequest: [auth, submissionRateLimit(ctx)],
        schema: {
          summary: 'Submit a generation through the gate',
          headers: z.looseObject({ 'idempotency-key': IdempotencyKey }),
          body: CreateGenerationRequest,
          response: {
            200: Generation,
            202: Generation,
            402: Problem,
            403: Problem,
            409: Problem,
            413: Problem,
            422: Problem,
            429: Problem,
            503: Problem,
            ...problems,
          },
        },
      },
      async (req, reply) => {
        const user = currentUser(req);
        const key = requireIdempotencyKey(req.headers['idempotency-key']);
        validateSubmission(req.body, ctx.config.maxPromptChars);
        const outcome = await passGate(ctx.db, {
          user,
          idempotencyKey: key,
          body: req.body,
          providerName: ctx.config.provider,
          submitWindowMs: ctx.tasks.submitWindowMs,
          keys: ctx.secrets,
          now: ctx.clock(),
        });
        if (outcome.kind === 'replayed') return reply.code(200).send(toGeneration(outcome.row, ctx.signer, ctx.clock()));
        ctx.metrics.credits.inc({ kind: 'reserved' }, outcome.row.credits);
        const after = await ctx.tasks.submit(outcome.row, {
          taskId: outcome.row.id,
          prompt: req.body.prompt,
          durationSeconds: outcome.row.duration_seconds,
          aspectRatio: req.body.aspectRatio ?? (outcome.row.aspect_ratio as Generation['aspectRatio']),
          ...(req.body.negativePrompt !== undefined ? { negativePrompt: req.body.negativePrompt } : {}),
          generateAudio: outcome.row.generate_audio === 1,
        });
        return reply.code(202).send(toGeneration(after, ctx.signer, ctx.clock()));
      },
    );

    app.get(
      '/v1/generations',
      {
        onRequest: auth,
        schema: { summary: "The caller's generations, newest first", querystring: GenerationListQuery, response: { 200: GenerationList, ...problems } },
      },
      async (req, reply) => {
        const after = req.query.cursor ? decodeCursor(req.query.cursor) : null;
        const body = await history.page(currentUser(req).id, req.query.limit, after, ctx.clock());
        // Already a GenerationList's JSON, written by the same schema's serialiser, as UTF-8:
        // Fastify sends bytes as they are; the type provider only knows the object form.
        return reply.type('application/json; charset=utf-8').send(body as unknown as GenerationList);
      },
    );

    app.get(
      '/v1/generations/:id',
      { onRequest: auth, schema: { summary: 'One generation (owner only)', params: IdParams, response: { 200: Generation, 404: Problem, ...problems } } },
      async (req) => {
        const row = await getOwnGeneration(ctx.db, currentUser(req).id, req.params.id);
        if (!row) throw new ApiError('not_found', 'No such generation.');
        return toGeneration(row, ctx.signer, ctx.clock());
      },
    );

    app.post(
      '/v1/generations/:id/cancel',
      {
        onRequest: auth,
        schema: { summary: 'Cancel a queued or running generation', params: IdParams, body: NoBody, response: { 200: Generation, 404: Problem, ...problems } },
      },
      async (req) => {
        const row = await ctx.tasks.cancel(currentUser(req).id, req.params.id);
        if (!row) throw new ApiError('not_found', 'No such generation.');
        return toGeneration(row, ctx.signer, ctx.clock());
      },
    );
  };
}
