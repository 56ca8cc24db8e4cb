/**
 * Concept queues: per campaign an ordered list of submissions waiting to go, persisted in
 * <dataDir>/concepts/<campaignId>.json. Each item's idempotency key is fixed when it is
 * queued, so however often a flush is interrupted and resumed, the server charges once.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CreateGenerationRequest, Generation } from '../../shared/contracts/api';
import type { ConceptProgress } from '../../shared/ipc/contract';
import { ConceptItem } from '../../shared/studio/models';
import type { DamagedFiles } from './damaged-files';
import type { DraftStore } from './draft-store';
import { notFound, StudioError } from './errors';
import { JsonDocument } from './json-document';
import { isSafeId } from './safe-id';

const QueueFile = z.object({ items: z.array(ConceptItem) });
type QueueDocument = JsonDocument<typeof QueueFile>;

/** Errors about the whole flush (the server, the account, the gate), not about one item: stop. */
const STOP_CODES = new Set(['offline', 'signed_out']);
const STOP_SERVER_CODES = new Set([
  'generation_disabled',
  'early_access_required',
  'budget_exhausted',
  'daily_cap_reached',
  'insufficient_credits',
  'rate_limited',
  'idempotency_in_progress',
  'unavailable',
  'internal_error',
]);

export type SubmitGeneration = (body: CreateGenerationRequest, idempotencyKey: string) => Promise<Generation>;

function errorOf(error: unknown): { code: string; message: string; stop: boolean } {
  if (error instanceof StudioError) {
    const code = error.serverCode ?? error.code;
    return { code, message: error.message, stop: STOP_CODES.has(error.code) || STOP_SERVER_CODES.has(code) };
  }
  return { code: 'internal', message: 'The studio could not send this concept.', stop: true };
}

export class ConceptQueues {
  private readonly queues = new Map<string, QueueDocument>();
  private readonly opening = new Map<string, Promise<QueueDocument>>();
  private readonly flushing = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly drafts: DraftStore,
    private readonly damaged: DamagedFiles,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, drafts: DraftStore, damaged: DamagedFiles, now: () => Date): Promise<ConceptQueues> {
    const dir = join(dataDir, 'concepts');
    await mkdir(dir, { recursive: true });
    const queues = new ConceptQueues(dir, drafts, damaged, now);
    for (const name of await readdir(dir)) {
      const campaignId = name.replace(/\.json$/, '');
      if (name.endsWith('.json') && isSafeId(campaignId)) await queues.queue(campaignId);
    }
    return queues;
  }

  private async queue(campaignId: string): Promise<QueueDocument> {
    if (!isSafeId(campaignId)) throw notFound('Campaign', campaignId);
    const open = this.queues.get(campaignId);
    if (open) return open;
    // Two calls arriving while the file is being read must share one document: each holding
    // its own would let the later write drop the other's items.
    let opening = this.opening.get(campaignId);
    if (!opening) {
      opening = JsonDocument.open(join(this.dir, `${campaignId}.json`), QueueFile, { items: [] }, this.damaged)
        .then((doc) => {
          this.queues.set(campaignId, doc);
          return doc;
        })
        .finally(() => this.opening.delete(campaignId));
      this.opening.set(campaignId, opening);
    }
    return opening;
  }

  private campaignOfItem(itemId: string): string {
    for (const [campaignId, doc] of this.queues) if (doc.value.items.some((i) => i.id === itemId)) return campaignId;
    throw notFound('Queued concept', itemId);
  }

  async list(campaignId: string): Promise<ConceptItem[]> {
    return (await this.queue(campaignId)).value.items;
  }

  /** Snapshots the draft's current prompt and options, and fixes the idempotency key now. */
  async enqueue(campaignId: string, draftId: string): Promise<ConceptItem> {
    const draft = await this.drafts.get(draftId);
    const at = this.now().toISOString();
    const item: ConceptItem = {
      id: randomUUID(),
      campaignId,
      draftId,
      draftVersion: draft.version,
      title: draft.title,
      prompt: draft.prompt,
      options: draft.options,
      idempotencyKey: randomUUID(),
      status: 'queued',
      generationId: null,
      error: null,
      queuedAt: at,
      updatedAt: at,
    };
    const doc = await this.queue(campaignId);
    return doc.update(({ items }) => ({ value: { items: [...items, item] }, result: item }));
  }

  async remove(itemId: string): Promise<void> {
    const campaignId = this.campaignOfItem(itemId);
    if (this.flushing.has(campaignId)) throw new StudioError('conflict', 'This queue is being sent; wait for it to finish.');
    await this.queues.get(campaignId)?.update(({ items }) => ({ value: { items: items.filter((i) => i.id !== itemId) }, result: undefined }));
  }

  async move(itemId: string, toIndex: number): Promise<ConceptItem[]> {
    const campaignId = this.campaignOfItem(itemId);
    const doc = await this.queue(campaignId);
    return doc.update(({ items }) => {
      const item = items.find((i) => i.id === itemId);
      if (!item) throw notFound('Queued concept', itemId);
      const rest = items.filter((i) => i.id !== itemId);
      rest.splice(Math.min(toIndex, rest.length), 0, item);
      return { value: { items: rest }, result: rest };
    });
  }

  /**
   * Sends the campaign's unsent items in order (queued, failed, and any left 'sending' by a
   * crash), each with its stored key, persisting every step. Stops at the first error that
   * would stop the rest too (offline, gate closed); per-item rejections are recorded and skipped.
   */
  async flush(
    campaignId: string,
    submit: SubmitGeneration,
    onProgress: (progress: ConceptProgress) => void,
  ): Promise<ConceptItem[]> {
    if (this.flushing.has(campaignId)) throw new StudioError('conflict', 'This queue is already being sent.');
    this.flushing.add(campaignId);
    try {
      const doc = await this.queue(campaignId);
      const pending = doc.value.items.filter((i) => i.status !== 'sent').map((i) => i.id);
      for (const [index, itemId] of pending.entries()) {
        const report = (item: ConceptItem) =>
          onProgress({ campaignId, itemId, index, total: pending.length, status: item.status, generationId: item.generationId, error: item.error });
        const item = await this.setItem(doc, itemId, { status: 'sending', error: null });
        report(item);
        const outcome = await submit(requestFor(item), item.idempotencyKey).then(
          (generation) => ({ ok: true as const, generation }),
          (error: unknown) => ({ ok: false as const, error: errorOf(error) }),
        );
        const done = outcome.ok
          ? await this.setItem(doc, itemId, { status: 'sent', generationId: outcome.generation.id, error: null })
          : await this.setItem(doc, itemId, { status: 'failed', error: { code: outcome.error.code, message: outcome.error.message } });
        report(done);
        if (!outcome.ok && outcome.error.stop) break;
      }
      return doc.value.items;
    } finally {
      this.flushing.delete(campaignId);
    }
  }

  private setItem(doc: QueueDocument, itemId: string, change: Partial<ConceptItem>): Promise<ConceptItem> {
    return doc.update(({ items }) => {
      const current = items.find((i) => i.id === itemId);
      if (!current) throw notFound('Queued concept', itemId);
      const updated = { ...current, ...change, updatedAt: this.now().toISOString() };
      return { value: { items: items.map((i) => (i.id === itemId ? updated : i)) }, result: updated };
    });
  }

  async drain(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.drain()));
  }
}

export function requestFor(item: Pick<ConceptItem, 'prompt' | 'options' | 'draftId'>): CreateGenerationRequest {
  const { durationSeconds, aspectRatio, negativePrompt, generateAudio } = item.options;
  return {
    prompt: item.prompt,
    durationSeconds,
    aspectRatio,
    ...(negativePrompt ? { negativePrompt } : {}),
    generateAudio,
    clientRef: item.draftId,
  };
}
