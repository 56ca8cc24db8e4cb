/**
 * Response serialisation from the routes' own zod response schemas: each is turned into JSON
 * Schema once, when the route is registered, and compiled by fast-json-stringify (what Fastify
 * uses for JSON Schema routes). Per request there is no zod work at all, and the output carries
 * only the fields the contract declares. Schemas JSON Schema cannot express fall back to JSON.stringify.
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';

const plain = (data: unknown): string => JSON.stringify(data);

export function responseSerializer(schema: unknown): (data: unknown) => string {
  if (!(schema instanceof z.ZodType)) return plain;
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  } catch {
    return plain;
  }
  // Nothing to gain for "anything" (a stream, a null body): keep the plain path.
  if (Object.keys(json).every((k) => k === '$schema')) return plain;
  return fastJson(json as unknown as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}
