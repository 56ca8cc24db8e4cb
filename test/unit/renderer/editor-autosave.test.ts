import { describe, expect, it } from 'vitest';
import { Autosaver, type AutosaveStatus, type Timers } from '../../../src/renderer/features/editor/autosave';

/** Timers driven by hand: `advance` fires whatever is due. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    set: (callback, ms) => {
      const id = nextId++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due]) {
      if (t.at <= now) {
        due.delete(id);
        t.callback();
      }
    }
  };
  return { timers, advance, pendingTimers: () => due.size };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(save: (v: string) => Promise<void>) {
  const clock = manualTimers();
  const statuses: AutosaveStatus['state'][] = [];
  const saver = new Autosaver<string>({ delayMs: 600, save, timers: clock.timers, onStatus: (s) => statuses.push(s.state) });
  return { saver, statuses, ...clock };
}

describe('autosave', () => {
  it('saves once, the latest value, after a quiet period', async () => {
    const saved: string[] = [];
    const { saver, advance, statuses } = setup(async (v) => {
      saved.push(v);
    });
    saver.change('a');
    advance(300);
    saver.change('ab');
    advance(300);
    saver.change('abc');
    advance(599);
    await settle();
    expect(saved).toEqual([]);
    advance(1);
    await settle();
    expect(saved).toEqual(['abc']);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('flush saves at once and cancels the timer', async () => {
    const saved: string[] = [];
    const { saver, pendingTimers } = setup(async (v) => {
      saved.push(v);
    });
    saver.change('x');
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['x']);
    expect(pendingTimers()).toBe(0);
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['x']);
  });

  it('runs one save at a time and saves a change made during a save right after it', async () => {
    const saved: string[] = [];
    let release!: () => void;
    let inFlight = 0;
    let maxInFlight = 0;
    const { saver } = setup(async (v) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (v === 'first') await new Promise<void>((r) => (release = r));
      saved.push(v);
      inFlight -= 1;
    });
    saver.change('first');
    const first = saver.flush();
    await settle();
    saver.change('second');
    const second = saver.flush();
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(saved).toEqual(['first', 'second']);
    expect(maxInFlight).toBe(1);
  });

  it('keeps a value whose save failed, reports why, and saves it on the next flush', async () => {
    let fail = true;
    const saved: string[] = [];
    const statuses: AutosaveStatus[] = [];
    const saver = new Autosaver<string>({
      delayMs: 600,
      save: async (v) => {
        if (fail) throw Object.assign(new Error('disk full'), { code: 'internal' });
        saved.push(v);
      },
      onStatus: (s) => statuses.push(s),
      timers: manualTimers().timers,
    });
    saver.change('precious');
    expect(await saver.flush()).toBe(false);
    expect(statuses.at(-1)).toEqual({ state: 'failed', message: 'disk full', code: 'internal' });
    expect(saver.unsaved).toBe('precious');
    expect(saver.dirty).toBe(true);
    fail = false;
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['precious']);
    expect(saver.unsaved).toBeNull();
  });

  it('a newer change made while a save fails wins over the failed value', async () => {
    let release!: (ok: boolean) => void;
    const saved: string[] = [];
    const saver = new Autosaver<string>({
      delayMs: 600,
      save: async (v) => {
        if (v === 'old') {
          const ok = await new Promise<boolean>((r) => (release = r));
          if (!ok) throw new Error('offline');
        }
        saved.push(v);
      },
      onStatus: () => {},
      timers: manualTimers().timers,
    });
    saver.change('old');
    const flushing = saver.flush();
    await settle();
    saver.change('new');
    release(false);
    expect(await flushing).toBe(false);
    expect(saver.unsaved).toBe('new');
    expect(await saver.flush()).toBe(true);
    expect(saved).toEqual(['new']);
  });
});
