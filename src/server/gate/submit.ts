/**
 * POST /v1/generations, in the contract's order: authenticate → rate limit → validate body and
 * prompt (done by the route before this) → kill switch → early access → budget (global, then
 * user) → reserve credits. Idempotency is looked up first inside the transaction, so a replay
 * returns its generation whatever the gate says now. The key, the budget counters, the
 * reservation and the task record commit together or not at all; the provider is called only
 * after the commit (generations/submit-task.ts).
 */
import {
  DEFAULT_ASPECT_RATIO,
  DEFAULT_DURATION_S,
  generationCost,
  type CreateGenerationRequest,
} from '../../shared/contracts/api';
import type { Database } from '../db';
import { promptHash, promptPreview } from '../generations/prompt';
import type { GenerationRow } from '../generations/store';
import { getGeneration } from '../generations/store';
import { ApiError } from '../http/problem';
import { newId } from '../util/crypto';
import { dayOf } from '../util/time';
import type { UserRow } from './authenticate';
import { takeGlobalBudget, takeUserBudget } from './budget';
import { checkEarlyAccess } from './early-access';
import { claimKey, requestHash } from './idempotency';
import { checkKillSwitch } from './kill-switch';
import { reserveAndRecord } from './reserve';
import { readSettings } from './settings';

export interface GateInput {
  user: UserRow;
  idempotencyKey: string;
  body: CreateGenerationRequest;
  providerName: string;
  /** How long the provider call may take before the sweeper reconciles it. */
  submitWindowMs: number;
  keys: { promptHashKey: Buffer; requestHashKey: Buffer };
  now: number;
}

export type GateOutcome = { kind: 'created'; row: GenerationRow } | { kind: 'replayed'; row: GenerationRow };

export async function passGate(db: Database, input: GateInput): Promise<GateOutcome> {
  const { user, body, now } = input;
  const day = dayOf(now);
  const credits = generationCost(body);
  const hash = requestHash(input.keys.requestHashKey, body);
  return db.transaction(async (tx): Promise<GateOutcome> => {
    const id = newId('gen');
    const prior = await claimKey(tx, { userId: user.id, key: input.idempotencyKey, requestHash: hash, generationId: id, now });
    if (prior) return { kind: 'replayed', row: prior };

    const settings = await readSettings(tx);
    const fresh = await tx.get<UserRow>('SELECT id, name, early_access, granted, available, reserved, charged FROM users WHERE id = ?', [user.id]);
    if (!fresh) throw new ApiError('unauthenticated', 'The account no longer exists.');
    const rejection =
      checkKillSwitch(settings) ??
      checkEarlyAccess(fresh) ??
      (await takeGlobalBudget(tx, day, credits, settings.dailyCreditCap)) ??
      (await takeUserBudget(tx, user.id, day, credits, settings.userDailyCreditCap)) ??
      (await reserveAndRecord(tx, {
        id,
        user_id: user.id,
        status: 'queued',
        created_at: now,
        credits,
        reserved_day: day,
        prompt_hash: promptHash(input.keys.promptHashKey, body.prompt),
        prompt_preview: promptPreview(body.prompt),
        duration_seconds: body.durationSeconds ?? DEFAULT_DURATION_S,
        aspect_ratio: body.aspectRatio ?? DEFAULT_ASPECT_RATIO,
        generate_audio: body.generateAudio ? 1 : 0,
        client_ref: body.clientRef ?? null,
        submit_state: 'pending',
        submit_deadline: now + input.submitWindowMs,
        provider: input.providerName,
      }));
    // Throwing rolls back everything this transaction wrote, the idempotency key included.
    if (rejection) throw rejection;
    const row = await getGeneration(tx, id);
    if (!row) throw new Error('generation not written');
    return { kind: 'created', row };
  });
}
