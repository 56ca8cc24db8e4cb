/** onRequest hooks: authentication runs before the body is even parsed (gate step 1), then the rate limit (step 2). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { authenticate, bearerToken } from '../gate/authenticate';
import type { AuthUser } from '../gate/token-cache';
import { sha256Hex, safeEqual } from '../util/crypto';
import { ApiError } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export function userAuth(ctx: ServerContext) {
  return async (req: FastifyRequest): Promise<void> => {
    req.user = await authenticate(ctx.db, req.headers.authorization, ctx.tokens);
  };
}

export function currentUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw new ApiError('unauthenticated', 'A bearer token is required.');
  return req.user;
}

export function submissionRateLimit(ctx: ServerContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    void reply;
    await ctx.rateLimiter.hit(`gen:${currentUser(req).id}`, ctx.config.rateLimitPerMin, ctx.clock());
  };
}

/** The admin API exists only when SHOTLIST_ADMIN_TOKEN is set; otherwise its routes are 404. */
export function adminAuth(ctx: ServerContext) {
  const expected = ctx.config.adminToken ? sha256Hex(ctx.config.adminToken) : null;
  return async (req: FastifyRequest): Promise<void> => {
    if (!expected) throw new ApiError('not_found', 'No such resource.');
    const token = bearerToken(req.headers.authorization);
    if (!token || !safeEqual(sha256Hex(token), expected)) throw new ApiError('unauthenticated', 'The admin token is missing or wrong.');
  };
}
