/**
 * Generations the renderer knows: the paginated history plus live updates from
 * generations.updated and from the Generate button's submissions.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Generation } from '../../../shared/contracts/api';
import { call, on } from '../../app/ipc';
import { refreshGate } from './gate-store';
import { appendPage, isFinished, upsertGeneration } from './generation-words';
import { sharedSubscription } from './shared-subscription';

export const HISTORY_PAGE_SIZE = 10;

interface GenerationsState {
  items: Generation[];
  nextCursor: string | null;
  /** True once the first page came back (or failed). */
  loaded: boolean;
  loading: boolean;
  error: string | null;
}

export const useGenerationsStore = create<GenerationsState>(() => ({
  items: [],
  nextCursor: null,
  loaded: false,
  loading: false,
  error: null,
}));

export function rememberGeneration(generation: Generation): void {
  useGenerationsStore.setState((s) => ({ items: upsertGeneration(s.items, generation) }));
}

/** An update pushed by the main process; a generation that just ended spent or refunded credits. */
function onGenerationUpdated(generation: Generation): void {
  const before = useGenerationsStore.getState().items.find((g) => g.id === generation.id);
  rememberGeneration(generation);
  if (isFinished(generation) && (!before || !isFinished(before))) void refreshGate().catch(() => undefined);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export async function loadFirstPage(): Promise<void> {
  useGenerationsStore.setState({ loading: true, error: null });
  try {
    const page = await call('generations.list', { limit: HISTORY_PAGE_SIZE });
    // Keep what events told us meanwhile; the page is the server's truth for what it holds.
    useGenerationsStore.setState((s) => ({
      items: page.items.reduce(upsertGeneration, s.items.filter((g) => !page.items.some((p) => p.id === g.id))),
      nextCursor: page.nextCursor,
      loaded: true,
      loading: false,
    }));
  } catch (error) {
    useGenerationsStore.setState({ loading: false, loaded: true, error: messageOf(error) });
  }
}

export async function loadNextPage(): Promise<void> {
  const { nextCursor, loading } = useGenerationsStore.getState();
  if (!nextCursor || loading) return;
  useGenerationsStore.setState({ loading: true, error: null });
  try {
    const page = await call('generations.list', { limit: HISTORY_PAGE_SIZE, cursor: nextCursor });
    useGenerationsStore.setState((s) => ({ items: appendPage(s.items, page.items), nextCursor: page.nextCursor, loading: false }));
  } catch (error) {
    useGenerationsStore.setState({ loading: false, error: messageOf(error) });
  }
}

const subscribeToGenerations = sharedSubscription(() => on('generations.updated', onGenerationUpdated));

/** Keeps generations live while the calling component is mounted. */
export function useLiveGenerations(): GenerationsState {
  useEffect(subscribeToGenerations, []);
  return useGenerationsStore();
}

export function useGeneration(id: string | null): Generation | null {
  useEffect(subscribeToGenerations, []);
  return useGenerationsStore((s) => (id ? (s.items.find((g) => g.id === id) ?? null) : null));
}
