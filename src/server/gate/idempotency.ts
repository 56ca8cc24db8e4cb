/**
 * Idempotency keys, per user. The key's row is inserted first in the gate's transaction: a
 * concurrent request with the same key waits on it (PostgreSQL) or runs after it (SQLite) and
 * then finds it. A rejected gate rolls the row back, so the key can be used again.
 */
import type { CreateGenerationRequest } from '../../shared/contracts/api';
import type { Queryable } from '../db';
import { getGeneration, type GenerationRow } from '../generations/store';
import { ApiError } from '../http/problem';
import { hmacHex } from '../util/crypto';

/** A keyed hash of the request body: equal bodies give equal hashes, and the prompt cannot be read back. */
export function requestHash(key: Buffer, body: CreateGenerationRequest): string {
  const canonical = JSON.stringify([
    body.prompt,
    body.durationSeconds ?? null,
    body.aspectRatio ?? null,
    body.negativePrompt ?? null,
    body.generateAudio ?? null,
    body.clientRef ?? null,
  ]);
  return hmacHex(key, canonical);
}

/** Claims the key for generationId; returns the existing generation when the key was used before. */
export async function claimKey(
  tx: Queryable,
  claim: { userId: string; key: string; requestHash: string; generationId: string; now: number },
): Promise<GenerationRow | null> {
  const inserted = await tx.run(
    'INSERT INTO idempotency_keys (user_id, key, request_hash, generation_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, key) DO NOTHING',
    [claim.userId, claim.key, claim.requestHash, claim.generationId, claim.now],
  );
  if (inserted === 1) return null;
  const prior = await tx.get<{ request_hash: string; generation_id: string }>(
    'SELECT request_hash, generation_id FROM idempotency_keys WHERE user_id = ? AND key = ?',
    [claim.userId, claim.key],
  );
  if (!prior) throw new Error('idempotency key vanished');
  if (prior.request_hash !== claim.requestHash) {
    throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used with a different request body.');
  }
  const existing = await getGeneration(tx, prior.generation_id);
  if (!existing) throw new Error('idempotency key points at no generation');
  if (existing.submit_state === 'pending' && (existing.status === 'queued' || existing.status === 'running')) {
    throw new ApiError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  }
  return existing;
}
