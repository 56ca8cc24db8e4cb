/** Concept queues per campaign, with the progress of the flush under way, fed by concepts.progress. */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ConceptProgress } from '../../../shared/ipc/contract';
import type { ConceptItem } from '../../../shared/studio/models';
import { call, on } from '../../app/ipc';
import { refreshGate } from '../generations/gate-store';
import { sharedSubscription } from '../generations/shared-subscription';
import { applyProgress } from './queue-logic';

export interface CampaignQueue {
  items: ConceptItem[];
  loaded: boolean;
  flushing: boolean;
  /** Progress events of the current (or last) flush, in arrival order. */
  events: ConceptProgress[];
  error: string | null;
}

const EMPTY: CampaignQueue = { items: [], loaded: false, flushing: false, events: [], error: null };

interface QueueState {
  queues: Record<string, CampaignQueue>;
}

export const useQueueStore = create<QueueState>(() => ({ queues: {} }));

function patch(campaignId: string, change: (q: CampaignQueue) => Partial<CampaignQueue>): void {
  useQueueStore.setState((s) => {
    const current = s.queues[campaignId] ?? EMPTY;
    return { queues: { ...s.queues, [campaignId]: { ...current, ...change(current) } } };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

async function attempt(campaignId: string, action: () => Promise<void>): Promise<void> {
  patch(campaignId, () => ({ error: null }));
  try {
    await action();
  } catch (error) {
    patch(campaignId, () => ({ error: messageOf(error) }));
  }
}

export function loadQueue(campaignId: string): Promise<void> {
  return attempt(campaignId, async () => {
    const items = await call('concepts.list', { campaignId });
    patch(campaignId, () => ({ items, loaded: true }));
  });
}

export function enqueueDrafts(campaignId: string, draftIds: readonly string[]): Promise<void> {
  return attempt(campaignId, async () => {
    for (const draftId of draftIds) {
      const item = await call('concepts.enqueue', { campaignId, draftId });
      patch(campaignId, (q) => ({ items: [...q.items, item] }));
    }
  });
}

export function removeItem(campaignId: string, id: string): Promise<void> {
  return attempt(campaignId, async () => {
    await call('concepts.remove', { id });
    patch(campaignId, (q) => ({ items: q.items.filter((i) => i.id !== id) }));
  });
}

export function moveItem(campaignId: string, id: string, toIndex: number): Promise<void> {
  return attempt(campaignId, async () => {
    const items = await call('concepts.move', { id, toIndex });
    patch(campaignId, () => ({ items }));
  });
}

export function flushQueue(campaignId: string): Promise<void> {
  patch(campaignId, () => ({ flushing: true, events: [] }));
  return attempt(campaignId, async () => {
    try {
      const items = await call('concepts.flush', { campaignId });
      patch(campaignId, () => ({ items }));
    } finally {
      patch(campaignId, () => ({ flushing: false }));
      // Credits were reserved (or the gate closed part-way): show the balance as it is now.
      void refreshGate().catch(() => undefined);
    }
  });
}

function onProgress(progress: ConceptProgress): void {
  patch(progress.campaignId, (q) => ({ items: applyProgress(q.items, progress), events: [...q.events, progress] }));
}

const subscribeToProgress = sharedSubscription(() => on('concepts.progress', onProgress));

/** A campaign's queue, loaded on mount and kept live with flush progress. */
export function useCampaignQueue(campaignId: string): CampaignQueue {
  useEffect(subscribeToProgress, []);
  useEffect(() => {
    void loadQueue(campaignId);
  }, [campaignId]);
  return useQueueStore((s) => s.queues[campaignId] ?? EMPTY);
}
