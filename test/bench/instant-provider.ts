/**
 * The bench's provider: answers every create at once and keeps nothing, as a remote provider
 * costs this process nothing beyond the call. Its task ids are random, like the simulated
 * provider's (a real provider's ids are not ours to order), so the index that maps them to
 * tasks is written at random places, as it would be in use. randomUUID draws from a pooled
 * buffer: the fake's own cost stays out of the figures.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderTaskState, VideoProvider } from '../../src/server/providers/provider';

export class InstantProvider implements VideoProvider {
  readonly name = 'instant';
  readonly polled = false;
  readonly dedupesCreates = true;

  async createTask(): Promise<{ providerTaskId: string }> {
    return { providerTaskId: `sim_${randomUUID()}` };
  }

  async getTask(): Promise<ProviderTaskState> {
    return { state: 'running' };
  }

  async downloadVideo(): Promise<Uint8Array> {
    throw new Error('the bench never finishes a task');
  }
}
