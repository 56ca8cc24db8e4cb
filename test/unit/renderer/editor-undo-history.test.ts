import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canRedo, canUndo, COALESCE_MS, createHistory, record, redo, undo, UNDO_LIMIT } from '../../../src/renderer/features/editor/undo-history';

describe('undo history', () => {
  it('undoes and redoes whole steps in order', () => {
    let h = createHistory('a');
    h = record(h, 'ab', null, 0);
    h = record(h, 'abc', null, 10);
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('ab');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('abc');
    expect(canRedo(h)).toBe(false);
  });

  it('coalesces a burst of typing in one field, but not across fields or pauses', () => {
    let h = createHistory('');
    h = record(h, 'h', 'subject', 0);
    h = record(h, 'he', 'subject', 100);
    h = record(h, 'hey', 'subject', 200);
    expect(h.past).toEqual(['']);
    h = record(h, 'hey!', 'camera', 300);
    expect(h.past).toEqual(['', 'hey']);
    h = record(h, 'hey!!', 'camera', 300 + COALESCE_MS + 1);
    expect(h.past).toEqual(['', 'hey', 'hey!']);
    expect(undo(h).present).toBe('hey!');
  });

  it('drops the redo branch on a new change and never coalesces into an undone step', () => {
    let h = createHistory(1);
    h = record(h, 2, 'g', 0);
    h = record(h, 3, 'g', 5000);
    h = undo(h);
    h = record(h, 4, 'g', 5001);
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual([1, 2]);
  });

  it(`keeps at most ${UNDO_LIMIT} steps`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= UNDO_LIMIT + 50; i += 1) h = record(h, i, null, i);
    expect(h.past.length).toBe(UNDO_LIMIT);
    expect(h.past[0]).toBe(50);
  });

  it('undo then redo returns to the same state, for any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(40), (values, undos) => {
        let h = createHistory<number | null>(null);
        values.forEach((v, i) => {
          h = record(h, v, null, i);
        });
        const before = h.present;
        let undone = h;
        for (let i = 0; i < undos; i += 1) undone = undo(undone);
        let back = undone;
        for (let i = 0; i < undos; i += 1) back = redo(back);
        expect(back.present).toBe(before);
      }),
    );
  });
});
