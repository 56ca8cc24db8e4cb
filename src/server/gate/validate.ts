/** Gate step 3: the body (already shape-checked by its zod schema) and the prompt itself. */
import type { CreateGenerationRequest } from '../../shared/contracts/api';
import { IdempotencyKey } from '../../shared/contracts/api';
import { validatePrompt } from '../../shared/quality';
import { ApiError } from '../http/problem';

export function requireIdempotencyKey(header: string | string[] | undefined): string {
  const parsed = IdempotencyKey.safeParse(Array.isArray(header) ? undefined : header);
  if (!parsed.success) throw new ApiError('invalid_request', 'The Idempotency-Key header (1–255 characters) is required.');
  return parsed.data;
}

export function validateSubmission(body: CreateGenerationRequest, maxPromptChars: number): void {
  const errors = validatePrompt(body.prompt, { maxChars: maxPromptChars });
  if (errors.length > 0) {
    throw new ApiError('prompt_rejected', errors.map((e) => e.message).join(' '), { errors });
  }
}
