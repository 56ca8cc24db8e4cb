/** Reads and writes of generation records. Finishing one (settle) also settles its credits. */
import type { GenerationError, GenerationStatus } from '../../shared/contracts/api';
import type { Queryable } from '../db';
import { charge, refund } from '../ledger/ledger';

export interface GenerationRow {
  id: string;
  user_id: string;
  status: GenerationStatus;
  created_at: number;
  updated_at: number;
  credits: number;
  refunded: number;
  reserved_day: string;
  prompt_hash: string;
  prompt_preview: string;
  duration_seconds: number;
  aspect_ratio: string;
  generate_audio: number;
  client_ref: string | null;
  submit_state: 'pending' | 'submitted' | 'abandoned';
  submit_deadline: number;
  provider: string;
  provider_task_id: string | null;
  provider_video_url: string | null;
  video_path: string | null;
  error_code: GenerationError['code'] | null;
  error_message: string | null;
}

const COLUMNS = `id, user_id, status, created_at, updated_at, credits, refunded, reserved_day, prompt_hash, prompt_preview,
  duration_seconds, aspect_ratio, generate_audio, client_ref, submit_state, submit_deadline, provider, provider_task_id,
  provider_video_url, video_path, error_code, error_message`;

export const OPEN_STATUSES = `('queued', 'running')`;

/** What the gate writes; the other columns start empty. */
export type NewGeneration = Omit<GenerationRow, 'updated_at' | 'refunded' | 'provider_task_id' | 'provider_video_url' | 'video_path' | 'error_code' | 'error_message'>;

/** The row insertGeneration writes, as the database will hold it (no read back needed). */
export function newGenerationRow(g: NewGeneration): GenerationRow {
  return {
    id: g.id,
    user_id: g.user_id,
    status: g.status,
    created_at: g.created_at,
    updated_at: g.created_at,
    credits: g.credits,
    refunded: 0,
    reserved_day: g.reserved_day,
    prompt_hash: g.prompt_hash,
    prompt_preview: g.prompt_preview,
    duration_seconds: g.duration_seconds,
    aspect_ratio: g.aspect_ratio,
    generate_audio: g.generate_audio,
    client_ref: g.client_ref,
    submit_state: g.submit_state,
    submit_deadline: g.submit_deadline,
    provider: g.provider,
    provider_task_id: null,
    provider_video_url: null,
    video_path: null,
    error_code: null,
    error_message: null,
  };
}

export async function insertGeneration(tx: Queryable, g: NewGeneration): Promise<void> {
  await tx.run(
    `INSERT INTO generations (id, user_id, status, created_at, updated_at, credits, refunded, reserved_day, prompt_hash, prompt_preview,
       duration_seconds, aspect_ratio, generate_audio, client_ref, submit_state, submit_deadline, provider)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      g.id,
      g.user_id,
      g.status,
      g.created_at,
      g.created_at,
      g.credits,
      g.reserved_day,
      g.prompt_hash,
      g.prompt_preview,
      g.duration_seconds,
      g.aspect_ratio,
      g.generate_audio,
      g.client_ref,
      g.submit_state,
      g.submit_deadline,
      g.provider,
    ],
  );
}

export function getGeneration(db: Queryable, id: string): Promise<GenerationRow | undefined> {
  return db.get<GenerationRow>(`SELECT ${COLUMNS} FROM generations WHERE id = ?`, [id]);
}

export function getOwnGeneration(db: Queryable, userId: string, id: string): Promise<GenerationRow | undefined> {
  return db.get<GenerationRow>(`SELECT ${COLUMNS} FROM generations WHERE id = ? AND user_id = ?`, [id, userId]);
}

export function findByProviderTask(db: Queryable, provider: string, providerTaskId: string): Promise<GenerationRow | undefined> {
  return db.get<GenerationRow>(`SELECT ${COLUMNS} FROM generations WHERE provider = ? AND provider_task_id = ?`, [provider, providerTaskId]);
}

/** What a user's view of a generation is made from (generations/view.ts). */
export type GenerationView = Pick<
  GenerationRow,
  | 'id'
  | 'status'
  | 'created_at'
  | 'updated_at'
  | 'credits'
  | 'refunded'
  | 'prompt_hash'
  | 'prompt_preview'
  | 'duration_seconds'
  | 'aspect_ratio'
  | 'client_ref'
  | 'video_path'
  | 'error_code'
  | 'error_message'
>;

export function listOpen(db: Queryable, where: string, params: (string | number)[], limit: number): Promise<GenerationRow[]> {
  return db.all<GenerationRow>(`SELECT ${COLUMNS} FROM generations WHERE status IN ${OPEN_STATUSES} AND ${where} ORDER BY created_at LIMIT ?`, [
    ...params,
    limit,
  ]);
}

export type Settlement =
  | { status: 'succeeded'; videoPath: string }
  | { status: 'failed' | 'canceled'; error: GenerationError };

/**
 * Finishes an open generation and settles its credits in the caller's transaction: charged
 * when it succeeded, refunded otherwise. Only the one transaction whose conditional UPDATE
 * moves it out of queued/running settles; every later attempt returns null and writes nothing.
 */
export async function settle(tx: Queryable, id: string, outcome: Settlement, now: number): Promise<GenerationRow | null> {
  const refunded = outcome.status === 'succeeded' ? 0 : 1;
  const errorCode = outcome.status === 'succeeded' ? null : outcome.error.code;
  const errorMessage = outcome.status === 'succeeded' ? null : outcome.error.message;
  const videoPath = outcome.status === 'succeeded' ? outcome.videoPath : null;
  const row = await tx.get<GenerationRow>(
    `UPDATE generations SET status = ?, refunded = ?, error_code = ?, error_message = ?, video_path = ?, updated_at = ?
      WHERE id = ? AND status IN ${OPEN_STATUSES}
      RETURNING ${COLUMNS}`,
    [outcome.status, refunded, errorCode, errorMessage, videoPath, now, id],
  );
  if (!row) return null;
  if (outcome.status === 'succeeded') await charge(tx, row.user_id, row.id, row.credits, now);
  else await refund(tx, { userId: row.user_id, generationId: row.id, amount: row.credits, reservedDay: row.reserved_day }, now);
  return row;
}

export async function markRunning(tx: Queryable, id: string, now: number): Promise<boolean> {
  return (await tx.run(`UPDATE generations SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'`, [now, id])) === 1;
}

/**
 * Records the provider's task id once the create call answered. Returns the task as it now
 * stands (only its status is read back), or null if it was finished meanwhile.
 */
export async function markSubmitted(tx: Queryable, row: GenerationRow, providerTaskId: string, now: number): Promise<GenerationRow | null> {
  const [changed] = await tx.tuples<[GenerationRow['status']]>(
    `UPDATE generations SET submit_state = 'submitted', provider_task_id = ?, updated_at = ?
      WHERE id = ? AND submit_state = 'pending' AND status IN ${OPEN_STATUSES}
      RETURNING status`,
    [providerTaskId, now, row.id],
  );
  return changed ? { ...row, status: changed[0], submit_state: 'submitted', provider_task_id: providerTaskId, updated_at: now } : null;
}

/** Whether some open task of this provider has a create still within its submit window. */
export async function hasCreatesInFlight(db: Queryable, provider: string, now: number): Promise<boolean> {
  const row = await db.get<{ id: string }>(
    `SELECT id FROM generations WHERE status IN ${OPEN_STATUSES} AND submit_state = 'pending' AND provider = ? AND submit_deadline >= ? LIMIT 1`,
    [provider, now],
  );
  return row !== undefined;
}

export async function markAbandoned(tx: Queryable, id: string): Promise<void> {
  await tx.run(`UPDATE generations SET submit_state = 'abandoned' WHERE id = ? AND submit_state = 'pending'`, [id]);
}
