/**
 * The Fastify factory: every route of gated-api.md, zod validation (fastify-type-provider-zod),
 * OpenAPI from the same schemas (@fastify/swagger), problem+json for every error, request ids,
 * pino logs that carry neither prompts nor tokens.
 */
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
import { hasUnstorableText } from './util/text';

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

/**
 * Requests Node's HTTP parser refuses (headers too large, not HTTP, a method it does not know)
 * never become Fastify requests: answered here on the socket, in the contract's shape.
 */
function clientErrorProblem(err: Error & { code?: string }): ApiError {
  if (err.code === 'HPE_HEADER_OVERFLOW') return new ApiError('invalid_request', 'The request headers are too large.', { status: 431 });
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ApiError('invalid_request', 'The request did not arrive in time.', { status: 408 });
  return new ApiError('invalid_request', 'The request is not valid HTTP.');
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
    clientErrorHandler: (err: Error & { code?: string }, socket: Socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const requestId = randomUUID();
      const api = clientErrorProblem(err);
      const body = JSON.stringify(problemBody(api.code, api.detail, requestId, api.status));
      ctx.metrics.httpRequests.inc({ method: 'unparsed', route: 'unmatched', status: String(api.status) });
      app.log.info({ status: api.status, err: err.code, id: requestId }, 'request refused or failed');
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${api.status} ${STATUS_CODES[api.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy();
    },
  });
  // A POST with Content-Type: application/json and no bytes has no body (a cancel needs none),
  // where Fastify's own parser refuses it; any other body is parsed as Fastify does, once it is
  // UTF-8 (RFC 8259; decoding with replacement would change the text, and so its hash, silently)
  // and holds no text a field cannot keep (util/text.ts). Both can only come in through a
  // \u escape, so only bodies with one are walked.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      return done(new ApiError('invalid_request', 'The body is not UTF-8.'), undefined);
    }
    if (text === '') return done(null, undefined);
    parseJson(req, text, (err, value) => {
      if (err) return done(err, undefined);
      if (text.includes('\\u') && hasUnstorableText(value)) return done(new ApiError('invalid_request', 'The body holds U+0000 or an unpaired surrogate.'), undefined);
      done(null, value);
    });
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
  // A path parameter holding U+0000 (only %00 in the URL makes one) names nothing, and PostgreSQL
  // cannot even compare it: no such resource. After onRequest, so authentication still comes
  // first; only on routes that take one, so the others (submit among them) pay nothing for it.
  app.addHook('onRoute', (route) => {
    if (!route.url.includes(':')) return;
    const own = route.preValidation;
    const refuseUnstorable = (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      if (req.url.includes('%00') && hasUnstorableText(req.params)) return done(new ApiError('not_found', 'No such resource.'));
      done();
    };
    route.preValidation = own ? [refuseUnstorable, ...(Array.isArray(own) ? own : [own])] : refuseUnstorable;
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
