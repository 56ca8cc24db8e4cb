/** What the UI says about the gate: pure, so it is tested without a DOM. */
import type { GateView } from '../../../shared/studio/models';

export const GATE_UNKNOWN_MESSAGE = 'Checking whether generation is available…';

export type GateTone = 'ok' | 'warn' | 'info';

export function gateAllows(view: GateView | null): boolean {
  return view?.state === 'allowed';
}

/** The sentence shown next to a disabled Generate/Flush button; null when generation is allowed. */
export function gateBlockedReason(view: GateView | null, loadError: string | null = null): string | null {
  if (loadError) return `Generation status is unknown: ${loadError}`;
  if (!view) return GATE_UNKNOWN_MESSAGE;
  if (view.state === 'allowed') return null;
  return view.message;
}

export function gateTone(view: GateView | null): GateTone {
  if (!view || view.state === 'checking') return 'info';
  return view.state === 'allowed' ? 'ok' : 'warn';
}

export function gateHeadline(view: GateView | null): string {
  switch (view?.state) {
    case 'allowed':
      return 'Generation available';
    case 'blocked':
      return 'Generation unavailable';
    case 'offline':
      return 'Offline';
    case 'signed_out':
      return 'Signed out';
    default:
      return 'Checking generation';
  }
}

export function creditsLine(view: GateView | null): string | null {
  if (!view?.credits) return null;
  const { available, reserved } = view.credits;
  const daily = view.dailyRemaining === null ? '' : ` · ${view.dailyRemaining} left today`;
  return `${available} credits available${reserved > 0 ? `, ${reserved} reserved` : ''}${daily}`;
}
