/**
 * The gate as the renderer sees it: one store fed by gate.changed, shared by the banner, the
 * Generate button and the concept queue. Subscribed while at least one component needs it.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { GateView } from '../../../shared/studio/models';
import { call, on } from '../../app/ipc';
import { sharedSubscription } from './shared-subscription';

interface GateStore {
  view: GateView | null;
  /** Why the gate could not be read at all (the bridge failed), in plain words. */
  loadError: string | null;
}

export const useGateStore = create<GateStore>(() => ({ view: null, loadError: null }));

function setView(view: GateView): void {
  useGateStore.setState({ view, loadError: null });
}

/** Listens to gate.changed and reads the gate once, while anyone needs it. */
export const subscribeToGate = sharedSubscription(() => {
  const stop = on('gate.changed', setView);
  call('gate.status', {}).then(setView, (error: unknown) =>
    useGateStore.setState({ loadError: error instanceof Error ? error.message : 'The gate could not be read.' }),
  );
  return stop;
});

/** Asks the main process to re-check the server now. */
export async function refreshGate(): Promise<void> {
  setView(await call('gate.refresh', {}));
}

/** The current gate view, kept live while the calling component is mounted. */
export function useGate(): GateStore {
  useEffect(subscribeToGate, []);
  return useGateStore();
}
