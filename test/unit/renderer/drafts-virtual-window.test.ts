import { describe, expect, it } from 'vitest';
import { scrollTopToReveal, visibleRange } from '../../../src/renderer/features/drafts/virtual-window';

describe('list windowing', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 600, rowHeight: 60, count: 10_000, overscan: 3 })).toEqual({ start: 0, end: 14 });
    expect(visibleRange({ scrollTop: 6000, viewportHeight: 600, rowHeight: 60, count: 10_000, overscan: 3 })).toEqual({ start: 97, end: 114 });
  });

  it('stops at the ends of the list', () => {
    expect(visibleRange({ scrollTop: 599_400, viewportHeight: 600, rowHeight: 60, count: 10_000, overscan: 3 })).toEqual({ start: 9987, end: 10_000 });
    expect(visibleRange({ scrollTop: 0, viewportHeight: 600, rowHeight: 60, count: 4, overscan: 3 })).toEqual({ start: 0, end: 4 });
    expect(visibleRange({ scrollTop: 500, viewportHeight: 600, rowHeight: 60, count: 0, overscan: 3 })).toEqual({ start: 0, end: 0 });
  });

  it('scrolls just enough to reveal a row above or below the view', () => {
    expect(scrollTopToReveal(5, 0, 600, 60)).toBeNull();
    expect(scrollTopToReveal(10, 0, 600, 60)).toBe(60);
    expect(scrollTopToReveal(2, 300, 600, 60)).toBe(120);
  });
});
