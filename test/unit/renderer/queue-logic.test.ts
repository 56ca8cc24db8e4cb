import { describe, expect, it } from 'vitest';
import type { ConceptProgress } from '../../../src/shared/ipc/contract';
import type { ConceptItem } from '../../../src/shared/studio/models';
import { applyProgress, creditsToReserve, flushProgress, flushSummary, neighbourIndex, unsentItems } from '../../../src/renderer/features/queue/queue-logic';

function item(id: string, change: Partial<ConceptItem> = {}): ConceptItem {
  return {
    id,
    campaignId: 'c1',
    draftId: `d-${id}`,
    draftVersion: 1,
    title: `Title ${id}`,
    prompt: 'p',
    options: { durationSeconds: 8, aspectRatio: '16:9', negativePrompt: '', generateAudio: false },
    idempotencyKey: `k-${id}`,
    status: 'queued',
    generationId: null,
    error: null,
    queuedAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...change,
  };
}

function progress(itemId: string, index: number, total: number, status: ConceptProgress['status']): ConceptProgress {
  return { campaignId: 'c1', itemId, index, total, status, generationId: status === 'sent' ? `g-${itemId}` : null, error: null };
}

describe('concept queue arithmetic', () => {
  it('counts credits only for what a flush will send, audio included', () => {
    const items = [
      item('a'),
      item('b', { status: 'sent' }),
      item('c', { status: 'failed', options: { durationSeconds: 4, aspectRatio: '1:1', negativePrompt: '', generateAudio: true } }),
    ];
    expect(unsentItems(items).map((i) => i.id)).toEqual(['a', 'c']);
    expect(creditsToReserve(items)).toBe(8 + 4 + 2);
    expect(creditsToReserve([])).toBe(0);
  });

  it('folds progress events into the items they are about', () => {
    const items = applyProgress([item('a'), item('b')], progress('b', 0, 2, 'sent'));
    expect(items.map((i) => i.status)).toEqual(['queued', 'sent']);
    expect(items[1]!.generationId).toBe('g-b');
  });

  it('follows a flush item by item', () => {
    const items = [item('a'), item('b'), item('c')];
    expect(flushProgress([], items)).toEqual({ total: 0, sent: 0, failed: 0, current: null });
    const events = [progress('a', 0, 3, 'sending'), progress('a', 0, 3, 'sent'), progress('b', 1, 3, 'sending')];
    const midway = flushProgress(events, items);
    expect(midway).toEqual({ total: 3, sent: 1, failed: 0, current: 'Title b' });
    expect(flushSummary(midway, true)).toBe('Sending 2 of 3: Title b');
    events.push({ ...progress('b', 1, 3, 'failed'), error: { code: 'prompt_rejected', message: 'no' } }, progress('c', 2, 3, 'sending'), progress('c', 2, 3, 'sent'));
    const done = flushProgress(events, items);
    expect(done).toEqual({ total: 3, sent: 2, failed: 1, current: null });
    expect(flushSummary(done, false)).toBe('Done: 2 sent, 1 failed. Failed and unsent items stay queued for the next send.');
  });

  it('says when every item went, and when a flush stopped early with items left', () => {
    expect(flushSummary({ total: 3, sent: 3, failed: 0, current: null }, false)).toBe('Done: all 3 sent.');
    expect(flushSummary({ total: 3, sent: 1, failed: 1, current: null }, false)).toBe(
      'Stopped: 1 sent, 1 failed, 1 not sent. Failed and unsent items stay queued for the next send.',
    );
  });

  it('moves an item one step only within the list', () => {
    const items = [item('a'), item('b'), item('c')];
    expect(neighbourIndex(items, 'a', -1)).toBeNull();
    expect(neighbourIndex(items, 'a', 1)).toBe(1);
    expect(neighbourIndex(items, 'c', 1)).toBeNull();
    expect(neighbourIndex(items, 'zz', 1)).toBeNull();
  });
});
