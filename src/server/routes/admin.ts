/** /v1/admin/*: behind SHOTLIST_ADMIN_TOKEN (absent → the whole admin API is 404). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminCreateUserRequest,
  AdminCreatedUser,
  AdminCreditsRequest,
  AdminEarlyAccessRequest,
  AdminGate,
  AdminGeneration,
  Budget,
  CreditBalance,
  IdParams,
  NoBody,
  Problem,
  Spend,
} from '../../shared/contracts/api';
import type { ServerContext } from '../context';
import { issueToken } from '../gate/authenticate';
import { readSettings } from '../gate/settings';
import { getGeneration } from '../generations/store';
import { toAdminGeneration } from '../generations/view';
import { adminAuth } from '../http/auth-hooks';
import { ApiError } from '../http/problem';
import { balance, grant } from '../ledger/ledger';
import { newId } from '../util/crypto';
import { dayOf } from '../util/time';
import { documentSecurity, ADMIN } from '../http/openapi';

const SPEND_DAYS = 14;

export function adminRoutes(ctx: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRoute', documentSecurity(ADMIN));
    app.addHook('onRequest', adminAuth(ctx));
    const problems = { 400: Problem, 401: Problem, 404: Problem };
    const userExists = async (id: string): Promise<void> => {
      if (!(await ctx.db.get('SELECT id FROM users WHERE id = ?', [id]))) throw new ApiError('not_found', 'No such user.');
    };

    app.post('/v1/admin/users', { schema: { summary: 'Create a user and its first token (shown once)', body: AdminCreateUserRequest, response: { 201: AdminCreatedUser, ...problems } } }, async (req, reply) => {
      const now = ctx.clock();
      const id = newId('usr');
      const token = await ctx.db.transaction(async (tx) => {
        await tx.run('INSERT INTO users (id, name, early_access, granted, available, reserved, charged, created_at) VALUES (?, ?, 0, 0, 0, 0, 0, ?)', [id, req.body.name, now]);
        return issueToken(tx, id, now);
      });
      return reply.code(201).send({ id, name: req.body.name, token });
    });

    app.post(
      '/v1/admin/users/:id/tokens',
      { schema: { summary: 'Issue another token for a user (extension)', params: IdParams, body: NoBody, response: { 201: AdminCreatedUser, ...problems } } },
      async (req, reply) => {
        const user = await ctx.db.get<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ?', [req.params.id]);
        if (!user) throw new ApiError('not_found', 'No such user.');
        const token = await ctx.db.transaction((tx) => issueToken(tx, user.id, ctx.clock()));
        return reply.code(201).send({ id: user.id, name: user.name, token });
      },
    );

    app.post(
      '/v1/admin/users/:id/tokens/revoke',
      { schema: { summary: "Revoke all of a user's tokens", params: IdParams, body: NoBody, response: { 204: z.null(), ...problems } } },
      async (req, reply) => {
        await userExists(req.params.id);
        // Forgotten before (so no lookup overlapping the update is kept) and after (what was kept meanwhile).
        ctx.tokens.forgetUser(req.params.id);
        await ctx.db.run('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [ctx.clock(), req.params.id]);
        ctx.tokens.forgetUser(req.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/v1/admin/users/:id/credits',
      { schema: { summary: 'Grant (or, negative, remove) credits', params: IdParams, body: AdminCreditsRequest, response: { 200: CreditBalance, 402: Problem, ...problems } } },
      async (req) => {
        await userExists(req.params.id);
        const ok = await ctx.db.transaction((tx) => grant(tx, req.params.id, req.body.amount, req.body.reason, ctx.clock()));
        if (!ok) throw new ApiError('insufficient_credits', 'Removing that many credits would take the available balance below zero.');
        const b = await balance(ctx.db, req.params.id);
        if (!b) throw new ApiError('not_found', 'No such user.');
        return b;
      },
    );

    app.put(
      '/v1/admin/users/:id/early-access',
      { schema: { summary: 'Let a user into early access, or out', params: IdParams, body: AdminEarlyAccessRequest, response: { 204: z.null(), ...problems } } },
      async (req, reply) => {
        const changed = await ctx.db.run('UPDATE users SET early_access = ? WHERE id = ?', [req.body.enabled ? 1 : 0, req.params.id]);
        if (changed !== 1) throw new ApiError('not_found', 'No such user.');
        return reply.code(204).send(null);
      },
    );

    app.put('/v1/admin/gate', { schema: { summary: 'The kill switch', body: AdminGate, response: { 200: AdminGate, ...problems } } }, async (req) => {
      await ctx.db.run('UPDATE settings SET generation_enabled = ?, updated_at = ? WHERE id = 1', [req.body.generationEnabled ? 1 : 0, ctx.clock()]);
      return { generationEnabled: (await readSettings(ctx.db)).generationEnabled };
    });

    app.put('/v1/admin/budget', { schema: { summary: 'Daily caps (null = no cap)', body: Budget, response: { 200: Budget, ...problems } } }, async (req) => {
      await ctx.db.run('UPDATE settings SET daily_credit_cap = ?, user_daily_credit_cap = ?, updated_at = ? WHERE id = 1', [
        req.body.dailyCreditCap,
        req.body.userDailyCreditCap,
        ctx.clock(),
      ]);
      const s = await readSettings(ctx.db);
      return { dailyCreditCap: s.dailyCreditCap, userDailyCreditCap: s.userDailyCreditCap };
    });

    app.get('/v1/admin/generations/:id', { schema: { summary: 'Any generation, with owner and provider task id', params: IdParams, response: { 200: AdminGeneration, ...problems } } }, async (req) => {
      const row = await getGeneration(ctx.db, req.params.id);
      if (!row) throw new ApiError('not_found', 'No such generation.');
      return toAdminGeneration(row, ctx.signer, ctx.clock());
    });

    app.get('/v1/admin/spend', { schema: { summary: 'Reserved, charged and refunded credits per day', response: { 200: Spend, 401: Problem, 404: Problem } } }, async () => {
      const now = ctx.clock();
      const days = Array.from({ length: SPEND_DAYS }, (_, i) => dayOf(now - i * 86_400_000));
      const rows = await ctx.db.all<{ day: string; kind: string; total: number }>(
        `SELECT day, kind, SUM(amount) AS total FROM ledger_entries WHERE day >= ? AND kind IN ('reserve', 'charge', 'refund') GROUP BY day, kind`,
        [days[days.length - 1]!],
      );
      const of = (day: string, kind: string): number => Number(rows.find((r) => r.day === day && r.kind === kind)?.total ?? 0);
      const out = days.map((date) => ({ date, reserved: of(date, 'reserve'), charged: of(date, 'charge'), refunded: of(date, 'refund') }));
      return { today: out[0]!, days: out };
    });
  };
}
