import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GateState } from '../../../src/shared/contracts/api';
import type { GateView } from '../../../src/shared/studio/models';
import { StudioError } from '../../../src/main/services/errors';
import { GateMonitor } from '../../../src/main/services/gate-monitor';
import { REASON_MESSAGES } from '../../../src/shared/studio/gate-view';

const open: GateState = { generationEnabled: true, reasons: [], credits: { available: 10, reserved: 2 }, dailyRemaining: null };
const offline = () => Promise.reject(new StudioError('offline', 'The server cannot be reached.'));

afterEach(() => {
  vi.useRealTimers();
});

describe('GateMonitor', () => {
  it('has a plain-words message for every reason the server can give', async () => {
    for (const [reason, message] of Object.entries(REASON_MESSAGES)) {
      const monitor = new GateMonitor({
        check: async () => ({ ...open, generationEnabled: false, reasons: [reason as keyof typeof REASON_MESSAGES] }),
        onChange: () => undefined,
        now: () => new Date(0),
      });
      expect(await monitor.refresh()).toMatchObject({ state: 'blocked', reasons: [reason], message });
    }
  });

  it('backs off exponentially while offline, up to a ceiling, and resets once back', async () => {
    let check: () => Promise<GateState> = offline;
    const monitor = new GateMonitor({ check: () => check(), onChange: () => undefined, now: () => new Date(0), pollMs: 1000, maxBackoffMs: 8000 });
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      expect((await monitor.refresh()).state).toBe('offline');
      delays.push(monitor.nextDelayMs);
    }
    expect(delays).toEqual([2000, 4000, 8000, 8000, 8000]);
    check = async () => open;
    expect((await monitor.refresh()).state).toBe('allowed');
    expect(monitor.nextDelayMs).toBe(1000);
    monitor.stop();
  });

  it('polls on its own at the chosen interval and reports only changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const views: GateView[] = [];
    let calls = 0;
    let state: GateState = open;
    const monitor = new GateMonitor({
      check: async () => {
        calls += 1;
        return state;
      },
      onChange: (v) => views.push(v),
      now: () => new Date(0),
      pollMs: 5000,
    });
    monitor.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(2);
    state = { ...open, generationEnabled: false, reasons: ['daily_cap_reached'] };
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(3);
    expect(views.map((v) => v.state)).toEqual(['allowed', 'blocked']);
    monitor.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toBe(3);
  });

  it('reports signed out when there is no token or the server refuses it', async () => {
    const noToken = new GateMonitor({ check: () => Promise.reject(new StudioError('signed_out', 'x')), onChange: () => undefined, now: () => new Date(0) });
    expect(await noToken.refresh()).toMatchObject({ state: 'signed_out', message: 'Sign in with an API token to generate.' });
    const refused = new GateMonitor({
      check: () => Promise.reject(new StudioError('signed_out', 'x', 'unauthenticated')),
      onChange: () => undefined,
      now: () => new Date(0),
    });
    expect((await refused.refresh()).message).toMatch(/did not accept your token/);
  });
});
