/**
 * POST /v1/generations, in the contract's order: authenticate → rate limit → validate body and
 * prompt (done by the route before this) → kill switch → early access → budget (global, then
 * user) → reserve credits. Idempotency is looked up first inside the transaction, so a replay
 * returns its generation whatever the gate says now. The key, the budget counters, the
 * reservation and the task record commit together or not at all; the provider is called only
 * after the commit (TaskRunner.submit). The user row is read again inside the transaction, so
 * early access is judged on the committed state, not on what authentication saw.
 */
import {
  DEFAULT_ASPECT_RATIO,
  DEFAULT_DURATION_S,
  generationCost,
  type CreateGenerationRequest,
} from '../../shared/contracts/api';
import type { Database } from '../db';
import { promptHash, promptPreview } from '../generations/prompt';
import { newGenerationRow, type GenerationRow, type NewGeneration } from '../generations/store';
import { ApiError } from '../http/problem';
import { newId } from '../util/crypto';
import { dayOf } from '../util/time';
import { takeGlobalBudget, takeUserBudget } from './budget';
import { checkEarlyAccess } from './early-access';
import { claimKey, requestHash } from './idempotency';
import { checkKillSwitch } from './kill-switch';
import { reserveAndRecord } from './reserve';
import { readGateState } from './settings';

export interface GateInput {
  user: { id: string };
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
  // Pure work stays outside the transaction: on SQLite every statement in it holds up the writer.
  const prompt = { hash: promptHash(input.keys.promptHashKey, body.prompt), preview: promptPreview(body.prompt) };
  return db.transaction(async (tx): Promise<GateOutcome> => {
    const id = newId('gen', now);
    const prior = await claimKey(tx, { userId: user.id, key: input.idempotencyKey, requestHash: hash, generationId: id, now });
    if (prior) return { kind: 'replayed', row: prior };

    const state = await readGateState(tx, user.id);
    if (!state) throw new ApiError('unauthenticated', 'The account no longer exists.');
    const { settings } = state;
    const record: NewGeneration = {
      id,
      user_id: user.id,
      status: 'queued',
      created_at: now,
      credits,
      reserved_day: day,
      prompt_hash: prompt.hash,
      prompt_preview: prompt.preview,
      duration_seconds: body.durationSeconds ?? DEFAULT_DURATION_S,
      aspect_ratio: body.aspectRatio ?? DEFAULT_ASPECT_RATIO,
      generate_audio: body.generateAudio ? 1 : 0,
      client_ref: body.clientRef ?? null,
      submit_state: 'pending',
      submit_deadline: now + input.submitWindowMs,
      provider: input.providerName,
    };
    const rejection =
      checkKillSwitch(settings) ??
      checkEarlyAccess({ early_access: state.earlyAccess }) ??
      (await takeGlobalBudget(tx, day, credits, settings.dailyCreditCap)) ??
      (await takeUserBudget(tx, user.id, day, credits, settings.userDailyCreditCap)) ??
      (await reserveAndRecord(tx, record));
    // Throwing rolls back everything this transaction wrote, the idempotency key included.
    if (rejection) throw rejection;
    return { kind: 'created', row: newGenerationRow(record) };
  });
}
