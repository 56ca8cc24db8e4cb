/**
 * An in-process VideoProvider for the server's tests. Prompts steer it like the simulated
 * provider's directives: [sim:reject] fails the create, [sim:flaky] fails the first create
 * as unavailable, [sim:slow] holds the create until release(). Outcomes are pushed by the
 * test (webhooks over HTTP, or the runner directly).
 */
import { ProviderError, type ProviderTaskInput, type ProviderTaskState, type VideoProvider } from '../../../../src/server/providers/provider';

export const CLIP = new Uint8Array(Buffer.from('\x00\x00\x00\x18ftypmp42' + 'fake clip bytes '.repeat(64), 'binary'));

export class FakeProvider implements VideoProvider {
  readonly name = 'fake';
  polled = false;
  /** Like the simulated provider: a repeated create with our task id returns the same task. */
  dedupesCreates = true;
  readonly created = new Map<string, { providerTaskId: string; input: ProviderTaskInput }>();
  readonly canceled: string[] = [];
  createCalls = 0;
  downloadFails = false;
  states = new Map<string, ProviderTaskState>();
  private slow: Array<() => void> = [];
  private flakyDone = new Set<string>();

  async createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }> {
    this.createCalls++;
    if (input.prompt.includes('[sim:reject]')) throw new ProviderError('rejected', 'raw provider says: policy violation 0xDEAD');
    if (input.prompt.includes('[sim:flaky]') && !this.flakyDone.has(input.taskId)) {
      this.flakyDone.add(input.taskId);
      throw new ProviderError('unavailable', 'raw 502 from upstream');
    }
    if (input.prompt.includes('[sim:down]')) throw new ProviderError('unavailable', 'raw connect ECONNREFUSED');
    if (input.prompt.includes('[sim:slow]')) {
      await new Promise<void>((resolve, reject) => {
        this.slow.push(resolve);
        signal.addEventListener('abort', () => reject(new ProviderError('timeout', 'aborted')));
      });
    }
    const existing = this.created.get(input.taskId);
    if (existing) return { providerTaskId: existing.providerTaskId };
    const providerTaskId = `prov-${this.created.size + 1}-${input.taskId.slice(-6)}`;
    this.created.set(input.taskId, { providerTaskId, input });
    return { providerTaskId };
  }

  releaseSlow(): void {
    for (const r of this.slow.splice(0)) r();
  }

  async getTask(providerTaskId: string): Promise<ProviderTaskState> {
    return this.states.get(providerTaskId) ?? { state: 'running' };
  }

  async findTaskByOurId(taskId: string): Promise<{ providerTaskId: string } | null> {
    const t = this.created.get(taskId);
    return t ? { providerTaskId: t.providerTaskId } : null;
  }

  async cancelTask(providerTaskId: string): Promise<void> {
    this.canceled.push(providerTaskId);
  }

  async downloadVideo(videoUrl: string): Promise<Uint8Array> {
    if (this.downloadFails || !videoUrl.startsWith('fake://')) throw new ProviderError('unavailable', 'download failed');
    return CLIP;
  }

  providerTaskIdFor(generationId: string): string {
    const t = this.created.get(generationId);
    if (!t) throw new Error(`no provider task for ${generationId}`);
    return t.providerTaskId;
  }
}
