/**
 * The Fastify factory: every route of gated-api.md, zod validation (fastify-type-provider-zod),
 * OpenAPI from the same schemas (@fastify/swagger), problem+json for every error, request ids,
 * pino logs that carry neither prompts nor tokens.
 */
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { ServerContext } from './context';
import { finishDocument, SECURITY_SCHEMES } from './http/openapi';
import { ApiError, problemBody } from './http/problem';
import { responseSerializer } from './http/serialize';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { generationRoutes } from './routes/generations';
import { operationsRoutes } from './routes/operations';
import { videoRoutes } from './routes/videos';
import { webhookRoutes } from './routes/webhooks';

export interface AppOptions {
  /** false: no logs (tests, bench). true: pino at config.logLevel. */
  logger?: boolean;
}

const REDACT = ['req.headers.authorization', 'req.headers["idempotency-key"]', 'req.headers["webhook-signature"]'];

function mapError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validation.map((v) => `${v.instancePath || (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || 'body'}: ${v.message}`);
    return new ApiError('invalid_request', `The request is not valid: ${where.slice(0, 5).join('; ')}`);
  }
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new ApiError('payload_too_large', 'The request body is too large.');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('invalid_request', 'Send the body as application/json.');
  if (status && status >= 400 && status < 500) return new ApiError('invalid_request', 'The request is not valid: malformed JSON or body.');
  return new ApiError('internal_error', 'Something went wrong on our side.');
}

/** Answers with api as problem+json, with Retry-After when it carries one. */
function sendProblem(reply: FastifyReply, requestId: string, api: ApiError): FastifyReply {
  if (api.extra.retryAfterS !== undefined) reply.header('retry-after', String(api.extra.retryAfterS));
  return reply.code(api.status).type('application/problem+json').send(problemBody(api.code, api.detail, requestId, api.status, api.extra.errors));
}

export async function buildApp(ctx: ServerContext, options: AppOptions = {}): Promise<FastifyInstance> {
  /** Every answer counted in the metrics and logged: refusals and errors at info, the rest at debug. */
  const recordAnswer = (req: FastifyRequest, reply: FastifyReply): void => {
    const status = reply.statusCode;
    ctx.metrics.httpRequests.inc({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(status) });
    if (status >= 400) req.log.info({ req, status, ms: reply.elapsedTime }, 'request refused or failed');
    else req.log.debug({ req, status, ms: reply.elapsedTime }, 'request answered');
  };
  const app = Fastify({
    logger: options.logger
      ? {
          level: ctx.config.logLevel,
          redact: REDACT,
          serializers: {
            // Never the query string: signed video URLs and cursors stay out of the logs.
            req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
          },
        }
      : false,
    bodyLimit: ctx.config.bodyLimitBytes,
    // Fastify's two lines per request at info cost more than some routes: responses are logged
    // below instead, refusals and errors at info and every response only at debug.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: false,
    // Requests that arrive while the server drains are answered below, as problem+json.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // Malformed URLs and over-long path parameters never reach a route: answered here, in the contract's shape.
    frameworkErrors: (err, req, reply: FastifyReply) => {
      const api = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new ApiError('not_found', 'No such resource.') : new ApiError('invalid_request', 'The URL is not valid.');
      void sendProblem(reply.header('x-request-id', req.id), req.id, api);
      // No route, so no onResponse hook below: counted and logged here.
      recordAnswer(req, reply);
    },
  });
  // A POST with Content-Type: application/json and no bytes has no body (a cancel needs none),
  // where Fastify's own parser refuses it; any other body is parsed exactly as Fastify does.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else parseJson(req, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(({ schema }) => responseSerializer(schema));
  app.decorateRequest('user', null);

  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  // Callback-style hooks: on every request, so no promise per hook.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    if (!draining) return done();
    reply.header('connection', 'close');
    done(new ApiError('unavailable', 'The server is shutting down; retry in a moment.', { retryAfterS: 1 }));
  });
  app.addHook('onResponse', (req, reply, done) => {
    recordAnswer(req, reply);
    done();
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const api = mapError(err);
    if (api.code === 'internal_error') req.log.error({ err }, 'unhandled error');
    if (req.method === 'POST' && req.routeOptions.url === '/v1/generations') ctx.metrics.gateRejections.inc({ code: api.code });
    return sendProblem(reply, req.id, api);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, req.id, new ApiError('not_found', 'No such resource.')));

  await app.register(swagger, {
    openapi: {
      info: { title: 'Shotlist gated generation server', version: '1.0.0', description: 'HTTP contract v1 (gated-api.md).' },
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: finishDocument,
  });

  await app.register(operationsRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(generationRoutes(ctx));
  await app.register(videoRoutes(ctx));
  await app.register(webhookRoutes(ctx));
  await app.register(adminRoutes(ctx));
  return app;
}
