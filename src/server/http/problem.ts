/** Every error leaves the server as application/problem+json carrying one ErrorCode. */
import type { ErrorCode, Problem, ValidationError } from '../../shared/contracts/api';

const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  unauthenticated: 'Unauthenticated',
  insufficient_credits: 'Insufficient credits',
  early_access_required: 'Early access required',
  not_found: 'Not found',
  idempotency_in_progress: 'Request with this idempotency key in progress',
  payload_too_large: 'Payload too large',
  prompt_rejected: 'Prompt rejected',
  idempotency_key_reused: 'Idempotency key reused',
  rate_limited: 'Rate limited',
  daily_cap_reached: 'Daily cap reached',
  generation_disabled: 'Generation disabled',
  budget_exhausted: 'Budget exhausted',
  internal_error: 'Internal error',
  unavailable: 'Unavailable',
};

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  insufficient_credits: 402,
  early_access_required: 403,
  not_found: 404,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  prompt_rejected: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  daily_cap_reached: 429,
  generation_disabled: 503,
  budget_exhausted: 503,
  internal_error: 500,
  unavailable: 503,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: ValidationError[]; retryAfterS?: number; status?: number } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = extra.status ?? STATUS_OF[code];
  }
}

export function problemBody(code: ErrorCode, detail: string, requestId: string, status = STATUS_OF[code], errors?: ValidationError[]): Problem {
  return {
    type: `https://shotlist.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[code],
    status,
    code,
    detail,
    requestId,
    ...(errors ? { errors } : {}),
  };
}
