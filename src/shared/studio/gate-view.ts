/** Turns the server's gate state (or why it could not be read) into plain words for the UI. */
import type { GateReason, GateState } from '../contracts/api';
import type { GateView } from './models';

export const REASON_MESSAGES: Record<GateReason, string> = {
  generation_disabled: 'Generation is turned off by the operator right now.',
  early_access_required: 'Your account needs early access before it can generate.',
  insufficient_credits: 'You are out of credits.',
  daily_cap_reached: "You have used today's credit allowance; it resets tomorrow (UTC).",
  budget_exhausted: "The service has spent today's generation budget; try again tomorrow.",
};

export const OFFLINE_MESSAGE = 'The server cannot be reached, so generation is paused. Drafting, reviewing and queuing still work offline.';
export const SIGNED_OUT_MESSAGE = 'Sign in with an API token to generate.';
export const ALLOWED_MESSAGE = 'Each generation reserves its credits before it starts; one that fails gives them back.';
export const CHECKING_MESSAGE = 'Checking whether generation is available…';

export function viewOfState(state: GateState, checkedAt: Date): GateView {
  const allowed = state.generationEnabled && state.reasons.length === 0;
  return {
    state: allowed ? 'allowed' : 'blocked',
    reasons: [...state.reasons],
    message: allowed ? ALLOWED_MESSAGE : state.reasons.map((r) => REASON_MESSAGES[r]).join(' ') || 'Generation is not available right now.',
    credits: { ...state.credits },
    dailyRemaining: state.dailyRemaining,
    checkedAt: checkedAt.toISOString(),
  };
}

export function viewWithout(state: 'offline' | 'signed_out' | 'checking', checkedAt: Date | null, message?: string): GateView {
  const messages = { offline: OFFLINE_MESSAGE, signed_out: SIGNED_OUT_MESSAGE, checking: CHECKING_MESSAGE };
  return {
    state,
    reasons: state === 'checking' ? [] : [state],
    message: message ?? messages[state],
    credits: null,
    dailyRemaining: null,
    checkedAt: checkedAt ? checkedAt.toISOString() : null,
  };
}
