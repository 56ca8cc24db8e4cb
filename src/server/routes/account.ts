/** The caller's account, the gate as it stands for them, free prompt validation, and early-access sign-up. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readUser, type UserRow } from '../gate/authenticate';
import { ApiError } from '../http/problem';
import { z } from 'zod';
import {
  EarlyAccessRequest,
  GateState,
  Me,
  MIN_DURATION_S,
  Problem,
  ValidateRequest,
  ValidateResponse,
  generationCost,
  type GateReason,
} from '../../shared/contracts/api';
import { analyzePrompt, validatePrompt } from '../../shared/quality';
import type { ServerContext } from '../context';
import { dailyRemaining } from '../gate/budget';
import { checkEarlyAccess } from '../gate/early-access';
import { checkKillSwitch } from '../gate/kill-switch';
import { readSettings } from '../gate/settings';
import { currentUser, userAuth } from '../http/auth-hooks';
import { dayOf } from '../util/time';
import { PUBLIC } from '../http/openapi';

export function accountRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const auth = userAuth(ctx);
    // GET bodies are never read and these routes take no query: only the credential can be refused.
    const refused = { 401: Problem };
    // The token names the user; the account itself is read as committed now.
    const accountOf = async (req: FastifyRequest): Promise<UserRow> => {
      const u = await readUser(ctx.db, currentUser(req).id);
      if (!u) throw new ApiError('unauthenticated', 'The token is unknown or revoked.');
      return u;
    };

    app.get('/v1/me', { onRequest: auth, schema: { summary: 'The caller', response: { 200: Me, ...refused } } }, async (req) => {
      const u = await accountOf(req);
      return { id: u.id, name: u.name, earlyAccess: u.early_access === 1, credits: { available: u.available, reserved: u.reserved } };
    });

    app.get('/v1/gate', { onRequest: auth, schema: { summary: 'Whether the caller could generate now, and why not', response: { 200: GateState, ...refused } } }, async (req) => {
      const u = await accountOf(req);
      const settings = await readSettings(ctx.db);
      const remaining = await dailyRemaining(ctx.db, u.id, dayOf(ctx.clock()), settings);
      // The cheapest possible generation: if even that cannot pass, generation is not possible.
      const cheapest = generationCost({ durationSeconds: MIN_DURATION_S });
      const reasons: GateReason[] = [];
      if (checkKillSwitch(settings)) reasons.push('generation_disabled');
      if (checkEarlyAccess(u)) reasons.push('early_access_required');
      if (remaining.global !== null && remaining.global < cheapest) reasons.push('budget_exhausted');
      if (remaining.user !== null && remaining.user < cheapest) reasons.push('daily_cap_reached');
      if (u.available < cheapest) reasons.push('insufficient_credits');
      return {
        generationEnabled: reasons.length === 0,
        reasons,
        credits: { available: u.available, reserved: u.reserved },
        dailyRemaining: remaining.both,
      };
    });

    app.post(
      '/v1/prompts/validate',
      { onRequest: auth, schema: { summary: 'Validate and score a prompt (free, no provider call)', body: ValidateRequest, response: { 200: ValidateResponse, 400: Problem, ...refused } } },
      async (req) => {
        const options = {
          ...(req.body.durationSeconds !== undefined ? { durationSeconds: req.body.durationSeconds } : {}),
          ...(req.body.generateAudio !== undefined ? { generateAudio: req.body.generateAudio } : {}),
        };
        const errors = validatePrompt(req.body.prompt, { maxChars: ctx.config.maxPromptChars });
        return { ok: errors.length === 0, errors, quality: analyzePrompt(req.body.prompt, options) };
      },
    );

    app.post(
      '/v1/early-access',
      {
        onRequest: async (req) => ctx.rateLimiter.hit(`ea:${req.ip}`, ctx.config.earlyAccessPerMin, ctx.clock()),
        schema: { summary: 'Ask for early access (always 202: no enumeration)', security: PUBLIC, body: EarlyAccessRequest, response: { 202: z.object({}), 400: Problem, 429: Problem } },
      },
      async (req, reply) => {
        await ctx.db.run('INSERT INTO early_access_requests (email, created_at) VALUES (?, ?) ON CONFLICT (email) DO NOTHING', [
          req.body.email.trim().toLowerCase(),
          ctx.clock(),
        ]);
        return reply.code(202).send({});
      },
    );
  };
}
