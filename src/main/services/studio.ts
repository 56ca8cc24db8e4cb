/**
 * The studio's main-process services wired together behind the IPC contract. Plain Node: the
 * Electron shell and the browser host both call createStudio() and route IPC to `handlers`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Generation } from '../../shared/contracts/api';
import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/contract';
import { composePrompt } from '../../shared/prompt/compose';
import { definedFields } from '../../shared/studio/defined-fields';
import { variantTitle } from '../../shared/studio/draft-title';
import { DEFAULT_OPTIONS, DraftContent, EMPTY_FIELDS, type Draft } from '../../shared/studio/models';
import type { IpcHandlers } from '../ipc/dispatch';
import { AccountService, tokenFor } from './account-service';
import { CampaignStore } from './campaign-store';
import { ConceptQueues, requestFor } from './concept-queue';
import { DamagedFiles } from './damaged-files';
import { contentOf, DraftStore } from './draft-store';
import { exportFile, parseBundle } from './exchange';
import { DEFAULT_GATE_POLL_MS, GateMonitor } from './gate-monitor';
import { GenerationWatcher } from './generation-watcher';
import { ReviewService } from './review-service';
import type { SecretStore } from './secret-store';
import { ApiClient } from './server-client';
import { SettingsService, type SettingsStore } from './settings-store';

export type { IpcHandlers } from '../ipc/dispatch';

const TITLE_MAX_LENGTH = DraftContent.shape.title.maxLength ?? Number.POSITIVE_INFINITY;

export interface StudioOptions {
  dataDir: string;
  secretStore: SecretStore;
  settingsStore: SettingsStore;
  fetch?: typeof fetch;
  now?: () => Date;
  gatePollMs?: number;
}

export type StudioListener = (event: IpcEventName, payload: unknown) => void;

export interface Studio {
  handlers: IpcHandlers;
  subscribe(listener: StudioListener): () => void;
  close(): Promise<void>;
}

function newDraftContent(partial: Partial<DraftContent>): DraftContent {
  const mode = partial.mode ?? 'guided';
  const fields = partial.fields ?? EMPTY_FIELDS;
  const freeText = partial.freeText ?? '';
  return DraftContent.parse({
    title: partial.title ?? '',
    mode,
    fields,
    freeText,
    prompt: partial.prompt ?? (mode === 'guided' ? composePrompt(fields) : freeText),
    options: partial.options ?? DEFAULT_OPTIONS,
    tags: partial.tags ?? [],
    campaignId: partial.campaignId ?? null,
  });
}

export async function createStudio(options: StudioOptions): Promise<Studio> {
  const now = options.now ?? (() => new Date());
  const pollMs = options.gatePollMs ?? DEFAULT_GATE_POLL_MS;
  await mkdir(options.dataDir, { recursive: true });

  const listeners = new Set<StudioListener>();
  const emit = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => {
    for (const listener of listeners) listener(event, payload);
  };

  const damaged = new DamagedFiles(join(options.dataDir, 'damaged'), now);
  const settings = new SettingsService(options.settingsStore);
  const drafts = await DraftStore.open(join(options.dataDir, 'drafts'), damaged, now);
  const campaigns = await CampaignStore.open(options.dataDir, damaged, now);
  const reviews = await ReviewService.open(options.dataDir, drafts, damaged, now);
  const concepts = await ConceptQueues.open(options.dataDir, drafts, damaged, now);

  const serverUrl = () => settings.get().serverUrl;
  const client = new ApiClient({
    baseUrl: serverUrl,
    token: () => tokenFor(options.secretStore, serverUrl()),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const accounts = new AccountService({
    secrets: options.secretStore,
    serverUrl,
    setServerUrl: (url) => settings.update({ serverUrl: url }),
    client,
    fetch: options.fetch,
  });

  const gate = new GateMonitor({ check: () => client.gate(), onChange: (view) => emit('gate.changed', view), now, pollMs });
  const watcher = new GenerationWatcher({
    fetchOne: (id) => client.getGeneration(id),
    onUpdate: (generation) => emit('generations.updated', generation),
    pollMs,
  });
  const observed = (generation: Generation) => {
    watcher.observe(generation);
    return generation;
  };

  const accountChanged = async () => {
    const status = await accounts.status();
    emit('account.changed', status);
    await gate.refresh();
    return status;
  };

  /** A draft may only be put in a campaign that exists. */
  const assertCampaignExists = (campaignId: string | null | undefined) => {
    if (campaignId) campaigns.get(campaignId);
  };

  const draftsFor = async (ids: string[]): Promise<Draft[]> => Promise.all(ids.map((id) => drafts.get(id)));

  const handlers: IpcHandlers = {
    'drafts.list': async (q) => drafts.list(q),
    'drafts.get': ({ id }) => drafts.get(id),
    'drafts.create': async (partial) => {
      assertCampaignExists(partial.campaignId);
      return drafts.create(newDraftContent(partial), settings.get().authorName);
    },
    // Only a move into another campaign is checked: a draft whose campaign was lost (a damaged
    // campaigns file set aside) must still save its edits.
    'drafts.save': async ({ id, content }) =>
      drafts.save(id, content, (current, next) => {
        if (next.campaignId !== current.campaignId) assertCampaignExists(next.campaignId);
      }),
    'drafts.delete': async ({ id }) => {
      await drafts.delete(id);
      return {};
    },
    'drafts.history': ({ id }) => drafts.versions(id),
    'drafts.restore': ({ id, version }) => drafts.restore(id, version),
    'drafts.duplicate': async ({ id, count }) => {
      const source = await drafts.get(id);
      const content = contentOf(source);
      const copies: Draft[] = [];
      for (let n = 1; n <= count; n += 1) {
        copies.push(await drafts.create({ ...content, title: variantTitle(content.title, n, TITLE_MAX_LENGTH) }, source.author));
      }
      return copies;
    },
    'drafts.export': async ({ ids, campaignId, format }) => {
      const chosen = ids ?? drafts.list(campaignId === undefined ? {} : { campaignId }).map((s) => s.id);
      const list = await draftsFor(chosen);
      const used = new Set(list.map((d) => d.campaignId));
      const name = campaignId ? campaigns.get(campaignId).name : 'shotlist-drafts';
      return exportFile(format, name, list, campaigns.list(true).filter((c) => used.has(c.id)), now());
    },
    'drafts.import': async ({ content }) => {
      const bundle = parseBundle(content);
      // Campaigns may come under new ids (CampaignStore.merge); their drafts follow.
      const { added, ids } = await campaigns.merge(bundle.campaigns);
      const campaignOf = (id: string | null) => {
        const mapped = id === null ? null : (ids.get(id) ?? id);
        return mapped !== null && campaigns.find(mapped) ? mapped : null;
      };
      let imported = 0;
      for (const draft of bundle.drafts) {
        await drafts.insert({
          ...draft,
          campaignId: campaignOf(draft.campaignId),
          history: draft.history.map((v) => ({ ...v, content: { ...v.content, campaignId: campaignOf(v.content.campaignId) } })),
        });
        imported += 1;
      }
      return { imported, campaigns: added };
    },
    'drafts.damaged': async () => damaged.list(),

    'campaigns.list': async ({ includeArchived }) => campaigns.list(includeArchived ?? false),
    'campaigns.create': ({ name }) => campaigns.create(name),
    'campaigns.rename': ({ id, name }) => campaigns.rename(id, name),
    'campaigns.archive': ({ id, archived }) => campaigns.archive(id, archived),
    'campaigns.export': async ({ id, format }) => {
      const campaign = campaigns.get(id);
      const list = await draftsFor(drafts.list({ campaignId: id }).map((s) => s.id));
      return exportFile(format, campaign.name, list, [campaign], now());
    },

    'reviews.request': ({ draftId, requestedBy }) => reviews.request(draftId, requestedBy),
    'reviews.queue': async ({ campaignId }) => reviews.queue(campaignId),
    'reviews.submit': (input) => reviews.submit(input),
    'reviews.forDraft': ({ id }) => reviews.forDraft(id),
    'reviews.campaignSummary': async ({ id }) => {
      campaigns.get(id);
      return reviews.campaignSummary(id);
    },

    'concepts.list': async ({ campaignId }) => {
      campaigns.get(campaignId);
      return concepts.list(campaignId);
    },
    'concepts.enqueue': async ({ campaignId, draftId }) => {
      campaigns.get(campaignId);
      return concepts.enqueue(campaignId, draftId);
    },
    'concepts.remove': async ({ id }) => {
      await concepts.remove(id);
      return {};
    },
    'concepts.move': ({ id, toIndex }) => concepts.move(id, toIndex),
    'concepts.flush': async ({ campaignId }) => {
      campaigns.get(campaignId);
      return concepts.flush(
        campaignId,
        (body, key) => client.createGeneration(body, key).then(observed),
        (progress) => emit('concepts.progress', progress),
      );
    },

    'account.status': () => accounts.status(),
    'account.signIn': async ({ token, serverUrl: url }) => {
      await accounts.signIn(token, url);
      return accountChanged();
    },
    'account.signOut': async () => {
      await accounts.signOut();
      return accountChanged();
    },
    'gate.status': async () => gate.view,
    'gate.refresh': () => gate.refresh(),

    'generations.submit': async ({ draftId, options: override }) => {
      const draft = await drafts.get(draftId);
      const body = requestFor({ prompt: draft.prompt, draftId, options: { ...draft.options, ...definedFields(override ?? {}) } });
      return observed(await client.createGeneration(body, randomUUID()));
    },
    'generations.list': (query) => client.listGenerations(query),
    'generations.get': async ({ id }) => observed(await client.getGeneration(id)),
    'generations.cancel': async ({ id }) => observed(await client.cancelGeneration(id)),

    'settings.get': async () => settings.get(),
    'settings.update': async (change) => {
      const serverChanged = change.serverUrl !== undefined && change.serverUrl !== settings.get().serverUrl;
      const updated = settings.update(change);
      // The token is kept per server, so another server means another account and gate.
      if (serverChanged) await accountChanged();
      return updated;
    },
  };

  gate.start();

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      gate.stop();
      watcher.stop();
      await Promise.all([drafts.drain(), campaigns.drain(), reviews.drain(), concepts.drain()]);
      listeners.clear();
    },
  };
}
