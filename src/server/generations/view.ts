/** What a user (or an admin) sees of a generation: never provider ids, raw provider errors or the prompt. */
import type { AdminGeneration, AspectRatio, Generation } from '../../shared/contracts/api';
import { iso } from '../util/time';
import type { VideoUrlSigner } from '../video/signing';
import type { GenerationRow, GenerationView } from './store';

export function toGeneration(row: GenerationView, signer: VideoUrlSigner, now: number): Generation {
  return {
    id: row.id,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    credits: row.credits,
    refunded: row.refunded === 1,
    promptHash: row.prompt_hash,
    promptPreview: row.prompt_preview,
    durationSeconds: row.duration_seconds,
    aspectRatio: row.aspect_ratio as AspectRatio,
    clientRef: row.client_ref,
    videoUrl: row.status === 'succeeded' && row.video_path ? signer.sign(row.id, now) : null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

export function toAdminGeneration(row: GenerationRow, signer: VideoUrlSigner, now: number): AdminGeneration {
  return { ...toGeneration(row, signer, now), ownerId: row.user_id, providerTaskId: row.provider_task_id };
}
