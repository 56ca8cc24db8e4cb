import { describe, expect, it } from 'vitest';
import type { GateView } from '../../../src/shared/studio/models';
import { creditsLine, gateAllows, gateBlockedReason, gateHeadline, GATE_UNKNOWN_MESSAGE } from '../../../src/renderer/features/generations/gate-words';
import { viewOfState, viewWithout } from '../../../src/shared/studio/gate-view';

const at = new Date('2025-01-01T00:00:00Z');

describe('what the UI says about the gate', () => {
  it('gives no reason when generation is allowed', () => {
    const view = viewOfState({ generationEnabled: true, reasons: [], credits: { available: 10, reserved: 0 }, dailyRemaining: null }, at);
    expect(gateAllows(view)).toBe(true);
    expect(gateBlockedReason(view)).toBeNull();
    expect(gateHeadline(view)).toBe('Generation available');
    // The banner's sentence adds to its headline instead of repeating it.
    expect(view.message).not.toMatch(/available/i);
    expect(view.message).toMatch(/credits/);
  });

  it('uses the gate view plain words for each way it is closed', () => {
    const cases: Array<[GateView, RegExp]> = [
      [viewWithout('signed_out', at), /sign in/i],
      [viewWithout('offline', at), /cannot be reached/i],
      [viewOfState({ generationEnabled: false, reasons: ['generation_disabled'], credits: { available: 5, reserved: 0 }, dailyRemaining: null }, at), /turned off by the operator/i],
      [viewOfState({ generationEnabled: true, reasons: ['early_access_required'], credits: { available: 5, reserved: 0 }, dailyRemaining: null }, at), /early access/i],
      [viewOfState({ generationEnabled: true, reasons: ['insufficient_credits'], credits: { available: 0, reserved: 0 }, dailyRemaining: null }, at), /out of credits/i],
      [viewOfState({ generationEnabled: true, reasons: ['daily_cap_reached'], credits: { available: 5, reserved: 0 }, dailyRemaining: 0 }, at), /today's credit allowance/i],
      [viewOfState({ generationEnabled: true, reasons: ['budget_exhausted'], credits: { available: 5, reserved: 0 }, dailyRemaining: null }, at), /budget/i],
    ];
    for (const [view, words] of cases) {
      expect(gateAllows(view)).toBe(false);
      expect(gateBlockedReason(view)).toMatch(words);
    }
  });

  it('is not allowed before the gate is known, and says why when it cannot be read', () => {
    expect(gateBlockedReason(null)).toBe(GATE_UNKNOWN_MESSAGE);
    expect(gateBlockedReason(null, 'bridge down')).toMatch(/unknown: bridge down/);
    expect(gateBlockedReason(viewWithout('checking', null))).toMatch(/checking/i);
  });

  it('shows credits with what is reserved and what is left today', () => {
    const view = viewOfState({ generationEnabled: true, reasons: [], credits: { available: 12, reserved: 8 }, dailyRemaining: 30 }, at);
    expect(creditsLine(view)).toBe('12 credits available, 8 reserved · 30 left today');
    expect(creditsLine(viewWithout('signed_out', at))).toBeNull();
  });
});
