/**
 * The OpenAPI document says what the code does. @fastify/swagger writes it from the routes' zod
 * schemas; this adds what those schemas cannot carry: which credential each route takes, that
 * every error is problem+json, the answers the server gives on any route (malformed or oversized
 * bodies, malformed URLs, its own failures and draining), that a 204 has no body, the HEAD that
 * answers every GET, that a body which may be null may be left out, and the webhook's body and
 * signature headers (that route reads raw bytes, so it declares neither).
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { onRouteHookHandler } from 'fastify';
import { z } from 'zod';
import { Problem, ProviderWebhook } from '../../shared/contracts/api';

export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', description: "A user's token, from POST /v1/admin/users" },
  admin: { type: 'http', scheme: 'bearer', description: 'SHOTLIST_ADMIN_TOKEN' },
} as const;

type Security = Array<Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>>;
/** The routes that take no credential. */
export const PUBLIC: Security = [];
export const ADMIN: Security = [{ admin: [] }];

/** For a plugin whose routes all take the same credential (the document's default is a user's token). */
export function documentSecurity(security: Security): onRouteHookHandler {
  return (route) => {
    route.schema = { ...route.schema, security };
  };
}

/** A response whose body is not JSON, as the route schema's media type and what its body holds. */
export function mediaResponse<S extends z.ZodType>(mediaType: string, schema: S, description: string) {
  return { description, content: { [mediaType]: { schema } } };
}

interface JsonSchema {
  type?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
}
interface Media {
  schema?: JsonSchema | undefined;
}
interface Response {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, Media>;
}
interface Operation {
  summary?: string;
  requestBody?: { required?: boolean; content?: Record<string, Media> };
  responses?: Record<string, Response>;
  parameters?: Array<{ in?: string }>;
}

const WEBHOOK_HEADERS = [
  ['webhook-id', 'Unique per message; a repeated id is answered 200 with no further effect.'],
  ['webhook-timestamp', 'Unix seconds; more than 5 minutes off is refused.'],
  ['webhook-signature', 'v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">, key = the secret after whsec_, base64-decoded.'],
] as const;

const PROBLEM = 'application/problem+json';

interface Header {
  description: string;
  required?: boolean;
  schema: { type: string };
}
/** Headers that come with a status wherever it is answered (the range ones only on the video route). */
const HEADERS_OF_STATUS: Record<string, Record<string, Header>> = {
  '206': { 'Content-Range': { required: true, description: 'bytes START-END/SIZE: the range sent.', schema: { type: 'string' } } },
  '416': { 'Content-Range': { required: true, description: 'bytes */SIZE: the size of the whole clip.', schema: { type: 'string' } } },
  '429': { 'Retry-After': { description: 'Seconds until a retry can pass (rate_limited only).', schema: { type: 'integer' } } },
  '503': { 'Retry-After': { description: 'Seconds to wait before retrying: while the server drains, or a webhook to deliver again.', schema: { type: 'integer' } } },
};

/** Answers the framework gives whatever the route (app.ts): documented on every operation they can reach. */
function serverWideProblems(op: Operation): Array<[status: string, description: string]> {
  const answers: Array<[string, string]> = [
    ['500', 'internal_error: a failure on the server side.'],
    ['503', 'unavailable: the server is shutting down (Retry-After set), or a dependency is not reachable.'],
  ];
  if (op.requestBody) {
    answers.push(['400', 'invalid_request: the body is malformed, of another media type, or not as described.']);
    answers.push(['413', 'payload_too_large: the body is over the limit.']);
  }
  if (op.parameters?.some((p) => p.in === 'path')) {
    answers.push(['400', 'invalid_request: the URL is malformed.']);
    answers.push(['404', 'not_found: no such resource (an over-long path parameter included).']);
  }
  return answers;
}

function finishOperation(path: string, method: string, op: Operation, problem: JsonSchema): void {
  if (path === '/v1/webhooks/provider' && method === 'post') {
    op.requestBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(ProviderWebhook, { target: 'openapi-3.0' }) as JsonSchema } } };
    op.parameters = WEBHOOK_HEADERS.map(([name, description]) => ({ in: 'header', name, required: true, description, schema: { type: 'string' } }));
  }
  const responses = (op.responses ??= {});
  for (const [status, response] of Object.entries(responses)) {
    const json = response.content?.['application/json'];
    if (Number(status) >= 400 && json) response.content = { [PROBLEM]: json };
    // A 204 has no body (RFC 9110); the route's schema only says the handler sends nothing.
    if (status === '204') delete response.content;
  }
  for (const [status, description] of serverWideProblems(op)) {
    responses[status] ??= { description, content: { [PROBLEM]: { schema: problem } } };
  }
  for (const [status, response] of Object.entries(responses)) {
    const headers = HEADERS_OF_STATUS[status];
    if (headers) response.headers = { ...response.headers, ...headers };
  }
  const body = op.requestBody?.content?.['application/json'];
  if (op.requestBody && body?.schema?.nullable) {
    op.requestBody.required = false;
    delete body.schema.nullable;
  }
}

/** Fastify answers HEAD on every GET route: the same statuses and headers, no body. */
function headOf(get: Operation): Operation {
  const responses = Object.fromEntries(
    Object.entries(get.responses ?? {}).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.content ? { content: Object.fromEntries(Object.keys(r.content).map((type) => [type, {}])) } : {}),
      },
    ]),
  );
  return { ...structuredClone(get), summary: `${get.summary ?? 'GET'} (headers only)`, responses };
}

export const finishDocument: SwaggerTransformObject = (document) => {
  if (!('openapiObject' in document)) return document.swaggerObject;
  const problem = z.toJSONSchema(Problem, { target: 'openapi-3.0', io: 'output' }) as JsonSchema;
  const paths = (document.openapiObject.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) finishOperation(path, method, op, problem);
    if (methods.get && !methods.head) methods.head = headOf(methods.get);
  }
  return document.openapiObject;
};
