/**
 * The OpenAPI document says what the code does. @fastify/swagger writes it from the routes' zod
 * schemas; this adds what those schemas cannot carry: which credential each route takes, that
 * every error is problem+json, that a body which may be null may be left out, and the
 * webhook's body and signature headers (that route reads raw bytes, so it declares neither).
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import type { onRouteHookHandler } from 'fastify';
import { z } from 'zod';
import { ProviderWebhook } from '../../shared/contracts/api';

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

interface JsonSchema {
  type?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
}
interface Media {
  schema?: JsonSchema | undefined;
}
interface Operation {
  requestBody?: { required?: boolean; content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
  parameters?: unknown[];
}

const WEBHOOK_HEADERS = [
  ['webhook-id', 'Unique per message; a repeated id is answered 200 with no further effect.'],
  ['webhook-timestamp', 'Unix seconds; more than 5 minutes off is refused.'],
  ['webhook-signature', 'v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">, key = the secret after whsec_, base64-decoded.'],
] as const;

function finishOperation(path: string, method: string, op: Operation): void {
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const json = response.content?.['application/json'];
    if (Number(status) >= 400 && json) response.content = { 'application/problem+json': json };
  }
  const body = op.requestBody?.content?.['application/json'];
  if (op.requestBody && body?.schema?.nullable) {
    op.requestBody.required = false;
    delete body.schema.nullable;
  }
  if (path === '/v1/webhooks/provider' && method === 'post') {
    op.requestBody = { required: true, content: { 'application/json': { schema: z.toJSONSchema(ProviderWebhook, { target: 'openapi-3.0' }) as JsonSchema } } };
    op.parameters = WEBHOOK_HEADERS.map(([name, description]) => ({ in: 'header', name, required: true, description, schema: { type: 'string' } }));
  }
}

export const finishDocument: SwaggerTransformObject = (document) => {
  if (!('openapiObject' in document)) return document.swaggerObject;
  const paths = (document.openapiObject.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) finishOperation(path, method, op);
  }
  return document.openapiObject;
};
