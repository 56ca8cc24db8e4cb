import { describe, expect, it } from 'vitest';
import type { Generation } from '../../../src/shared/contracts/api';
import { appendPage, creditsNote, isFinished, statusLabel, upsertGeneration } from '../../../src/renderer/features/generations/generation-words';

function generation(id: string, change: Partial<Generation> = {}): Generation {
  return {
    id,
    status: 'queued',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    credits: 8,
    refunded: false,
    promptHash: 'h',
    promptPreview: 'a prompt',
    durationSeconds: 8,
    aspectRatio: '16:9',
    clientRef: null,
    videoUrl: null,
    error: null,
    ...change,
  };
}

describe('generation wording', () => {
  it('labels every status and knows which are final', () => {
    expect(statusLabel('running')).toBe('Running');
    expect(isFinished(generation('a', { status: 'running' }))).toBe(false);
    expect(isFinished(generation('a', { status: 'failed' }))).toBe(true);
    expect(isFinished(generation('a', { status: 'succeeded' }))).toBe(true);
  });

  it('says honestly what happened to the credits', () => {
    expect(creditsNote(generation('a'))).toBe('8 credits reserved');
    expect(creditsNote(generation('a', { status: 'succeeded' }))).toBe('8 credits spent');
    expect(creditsNote(generation('a', { status: 'failed', refunded: true }))).toBe('8 credits refunded');
    expect(creditsNote(generation('a', { status: 'failed' }))).toBe('8 credits not refunded yet');
    expect(creditsNote(generation('a', { credits: 1, status: 'canceled', refunded: true }))).toBe('1 credit refunded');
  });
});

describe('generation lists', () => {
  it('puts a new generation first and replaces a known one in place', () => {
    const old = generation('old', { createdAt: '2025-01-01T00:00:00.000Z' });
    const mid = generation('mid', { createdAt: '2025-01-02T00:00:00.000Z' });
    const list = upsertGeneration([mid, old], generation('new', { createdAt: '2025-01-03T00:00:00.000Z' }));
    expect(list.map((g) => g.id)).toEqual(['new', 'mid', 'old']);
    const updated = upsertGeneration(list, { ...mid, status: 'running', updatedAt: '2025-01-02T00:00:05.000Z' });
    expect(updated.map((g) => g.id)).toEqual(['new', 'mid', 'old']);
    expect(updated[1]!.status).toBe('running');
  });

  it('never lets an older copy overwrite a newer one', () => {
    const newer = generation('a', { status: 'succeeded', updatedAt: '2025-01-01T00:00:10.000Z' });
    const list = upsertGeneration([newer], generation('a', { status: 'running', updatedAt: '2025-01-01T00:00:05.000Z' }));
    expect(list[0]!.status).toBe('succeeded');
  });

  it('appends a further page without repeating what is listed', () => {
    const list = appendPage([generation('a'), generation('b')], [generation('b'), generation('c')]);
    expect(list.map((g) => g.id)).toEqual(['a', 'b', 'c']);
  });
});
