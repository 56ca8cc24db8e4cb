/**
 * Applies a verified provider event once per webhook-id. Every effect is itself idempotent
 * (state moves are conditional; settlement happens once), so the id is recorded after the
 * effect: a crash in between lets the redelivery do the same thing again, harmlessly.
 */
import type { ProviderWebhook } from '../../shared/contracts/api';
import type { Database } from '../db';
import { DownloadFailed, type TaskRunner } from '../generations/tasks';
import { ApiError } from '../http/problem';

export async function handleProviderEvent(
  db: Database,
  tasks: TaskRunner,
  webhook: { id: string; event: ProviderWebhook },
  now: number,
): Promise<'applied' | 'ignored' | 'duplicate'> {
  const seen = await db.get<{ id: string }>('SELECT id FROM webhook_events WHERE id = ?', [webhook.id]);
  if (seen) return 'duplicate';
  const { type, data } = webhook.event;
  let result: 'applied' | 'ignored' | 'unknown' | 'pending';
  try {
    if (type === 'task.running') result = await tasks.applyOutcome(data.providerTaskId, { state: 'running' });
    else if (type === 'task.failed') result = await tasks.applyOutcome(data.providerTaskId, { state: 'failed' });
    else if (data.videoUrl) result = await tasks.applyOutcome(data.providerTaskId, { state: 'succeeded', videoUrl: data.videoUrl });
    else throw new ApiError('invalid_request', 'A task.succeeded event needs data.videoUrl.');
  } catch (err) {
    if (err instanceof DownloadFailed) throw new ApiError('unavailable', 'The video could not be fetched yet; deliver again later.');
    throw err;
  }
  // Neither is recorded as processed, so a redelivery is applied. 'pending': a create is still
  // unrecorded (in another process, or slower than the wait), so the task may be it; answer with
  // a retryable status rather than 404, which some providers take as final.
  if (result === 'pending') throw new ApiError('unavailable', 'That task is not recorded yet; deliver again shortly.', { retryAfterS: 1 });
  if (result === 'unknown') throw new ApiError('not_found', 'No task with that id.');
  await db.run('INSERT INTO webhook_events (id, received_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING', [webhook.id, now]);
  return result;
}
