import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConceptProgress } from '../../../src/shared/ipc/contract';
import { DraftContent, type ConceptItem, type GateView } from '../../../src/shared/studio/models';
import { createMemorySecretStore, type SecretStore } from '../../../src/main/services/secret-store';
import { startFakeGatedServer, type FakeGatedServer } from './fake-gated-server';
import { startHarness, tempDir, type Harness } from './studio-harness';

let server: FakeGatedServer;
const open: Harness[] = [];

beforeEach(async () => {
  server = await startFakeGatedServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.studio.close()));
  await server.close();
});

async function signedIn(options: { dataDir?: string; secretStore?: SecretStore; gatePollMs?: number } = {}) {
  const secretStore = options.secretStore ?? createMemorySecretStore();
  await secretStore.set(server.url, server.userToken);
  const h = await startHarness({ ...options, secretStore, serverUrl: server.url });
  open.push(h);
  return h;
}

async function readAll(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

function waitFor<T>(h: Harness, predicate: (event: string, payload: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const seen = h.events.map((e) => predicate(e.event, e.payload)).find((x) => x !== undefined);
    if (seen !== undefined) return resolve(seen);
    const stop = h.studio.subscribe((event, payload) => {
      const hit = predicate(event, payload);
      if (hit !== undefined) {
        stop();
        resolve(hit);
      }
    });
  });
}

describe('account and keychain hand-off', () => {
  it('signs in, keeps the token only in the secret store, and never returns or writes it', async () => {
    const secretStore = createMemorySecretStore();
    const h = await startHarness({ secretStore, serverUrl: server.url });
    open.push(h);
    const status = await h.call('account.signIn', { token: server.userToken });
    expect(status).toMatchObject({ signedIn: true, me: { name: 'Tess' }, keychainProblem: null, serverUrl: server.url });
    expect(await secretStore.get(server.url)).toBe(server.userToken);
    expect(JSON.stringify(status)).not.toContain(server.userToken);
    expect(JSON.stringify(h.events)).not.toContain(server.userToken);
    await h.call('drafts.create', { title: 'after sign-in' });
    await h.studio.close();
    expect(await readAll(h.dataDir)).not.toContain(server.userToken);
  });

  it('refuses a token the server rejects, and stores nothing', async () => {
    const secretStore = createMemorySecretStore();
    const h = await startHarness({ secretStore, serverUrl: server.url });
    open.push(h);
    const result = await h.raw('account.signIn', { token: 'wrong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'signed_out', serverCode: 'unauthenticated' } });
    expect(await secretStore.get(server.url)).toBeNull();
  });

  it('refuses a server address that is not http(s), before touching the keychain', async () => {
    const secretStore = createMemorySecretStore();
    const h = await startHarness({ secretStore, serverUrl: server.url });
    open.push(h);
    expect(await h.raw('account.signIn', { token: 't', serverUrl: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await secretStore.get('file:///etc/passwd')).toBeNull();
    expect(await h.raw('settings.update', { serverUrl: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('fails sign-in with keychain_unavailable and the advice when no keychain exists', async () => {
    const reason = 'No keychain is available: install gnome-keyring';
    const noKeychain: SecretStore = { ...createMemorySecretStore(), available: async () => ({ ok: false, reason }) };
    const h = await startHarness({ secretStore: noKeychain, serverUrl: server.url });
    open.push(h);
    expect(await h.raw('account.signIn', { token: server.userToken })).toEqual({ ok: false, error: { code: 'keychain_unavailable', message: reason } });
    expect(await h.call('account.status', {})).toMatchObject({ signedIn: false, keychainProblem: reason });
    expect(await readAll(h.dataDir)).not.toContain(server.userToken);
  });

  it('signs out and the gate says so', async () => {
    const h = await signedIn();
    const status = await h.call('account.signOut', {});
    expect(status.signedIn).toBe(false);
    expect(await h.call('gate.status', {})).toMatchObject({ state: 'signed_out', message: 'Sign in with an API token to generate.' });
  });
});

describe('gate over IPC', () => {
  it('publishes allowed, then why not in plain words, then offline', async () => {
    const h = await signedIn();
    expect(await h.call('gate.refresh', {})).toMatchObject({ state: 'allowed', credits: { available: 100 } });
    server.gate = { generationEnabled: false, reasons: ['generation_disabled', 'insufficient_credits'], credits: { available: 0, reserved: 0 }, dailyRemaining: 3 };
    const blocked = await h.call('gate.refresh', {});
    expect(blocked).toMatchObject({ state: 'blocked', reasons: ['generation_disabled', 'insufficient_credits'], dailyRemaining: 3 });
    expect(blocked.message).toBe('Generation is turned off by the operator right now. You are out of credits.');
    await server.close();
    expect(await h.call('gate.refresh', {})).toMatchObject({ state: 'offline', reasons: ['offline'] });
    const states = h.events.filter((e) => e.event === 'gate.changed').map((e) => (e.payload as GateView).state);
    expect(states).toEqual(['allowed', 'blocked', 'offline']);
  });
});

describe('generations', () => {
  it('submits a draft with a fresh key and its id as clientRef, then reports status changes', async () => {
    const h = await signedIn({ gatePollMs: 20 });
    const draft = await h.call('drafts.create', { title: 'Go', prompt: 'A red kite over dunes', options: { durationSeconds: 4, aspectRatio: '9:16', negativePrompt: '', generateAudio: false } });
    const g1 = await h.call('generations.submit', { draftId: draft.id });
    const g2 = await h.call('generations.submit', { draftId: draft.id });
    expect(g1.clientRef).toBe(draft.id);
    expect(server.submissions.map((s) => s.body)).toEqual([
      { prompt: 'A red kite over dunes', durationSeconds: 4, aspectRatio: '9:16', generateAudio: false, clientRef: draft.id },
      { prompt: 'A red kite over dunes', durationSeconds: 4, aspectRatio: '9:16', generateAudio: false, clientRef: draft.id },
    ]);
    expect(server.submissions[0]?.key).not.toBe(server.submissions[1]?.key);
    server.setStatus(g1.id, 'succeeded');
    const update = await waitFor(h, (event, payload) =>
      event === 'generations.updated' && (payload as { id: string }).id === g1.id ? (payload as { status: string }) : undefined,
    );
    expect(update.status).toBe('succeeded');
    expect(g2.status).toBe('queued');
  });

  it('an options override changes only the options it gives; the draft keeps the rest', async () => {
    const h = await signedIn();
    const draft = await h.call('drafts.create', { prompt: 'A red kite over dunes', options: { durationSeconds: 8, aspectRatio: '16:9', negativePrompt: 'no text', generateAudio: true } });
    await h.call('generations.submit', { draftId: draft.id, options: { aspectRatio: '9:16' } });
    expect(server.submissions.at(-1)?.body).toEqual({
      prompt: 'A red kite over dunes',
      durationSeconds: 8,
      aspectRatio: '9:16',
      negativePrompt: 'no text',
      generateAudio: true,
      clientRef: draft.id,
    });
  });

  it('lists, gets and cancels through the server', async () => {
    const h = await signedIn();
    const draft = await h.call('drafts.create', { prompt: 'x' });
    const g = await h.call('generations.submit', { draftId: draft.id });
    expect((await h.call('generations.list', { limit: 5 })).items.map((i) => i.id)).toEqual([g.id]);
    expect((await h.call('generations.get', { id: g.id })).id).toBe(g.id);
    expect(await h.call('generations.cancel', { id: g.id })).toMatchObject({ status: 'canceled', refunded: true });
    expect(await h.raw('generations.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found', serverCode: 'not_found' } });
  });

  it('says signed_out without a token and offline without a server', async () => {
    const h = await startHarness({ serverUrl: server.url });
    open.push(h);
    const draft = await h.call('drafts.create', { prompt: 'x' });
    expect(await h.raw('generations.submit', { draftId: draft.id })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    const online = await signedIn();
    const d2 = await online.call('drafts.create', { prompt: 'x' });
    await server.close();
    expect(await online.raw('generations.submit', { draftId: d2.id })).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});

describe('concept queues', () => {
  async function campaignWithQueue(h: Harness, prompts: string[]) {
    const campaign = await h.call('campaigns.create', { name: 'Queue' });
    const items: ConceptItem[] = [];
    for (const prompt of prompts) {
      const draft = await h.call('drafts.create', { title: prompt, prompt, campaignId: campaign.id });
      items.push(await h.call('concepts.enqueue', { campaignId: campaign.id, draftId: draft.id }));
    }
    return { campaign, items };
  }

  it('snapshots the draft and fixes the key at enqueue time, persists order, moves and removes', async () => {
    const h = await signedIn();
    const { campaign, items } = await campaignWithQueue(h, ['one', 'two', 'three']);
    const [one, two, three] = items as [ConceptItem, ConceptItem, ConceptItem];
    expect(new Set(items.map((i) => i.idempotencyKey)).size).toBe(3);
    // Later edits to the draft do not change what was queued.
    const draft = await h.call('drafts.get', { id: one.draftId });
    await h.call('drafts.save', { id: draft.id, content: { ...DraftContent.parse(draft), prompt: 'edited' } });
    expect((await h.call('concepts.list', { campaignId: campaign.id }))[0]).toMatchObject({ prompt: 'one', draftVersion: 1 });
    expect((await h.call('concepts.move', { id: three.id, toIndex: 0 })).map((i) => i.prompt)).toEqual(['three', 'one', 'two']);
    await h.call('concepts.remove', { id: two.id });
    await h.studio.close();
    const again = await signedIn({ dataDir: h.dataDir });
    const stored = await again.call('concepts.list', { campaignId: campaign.id });
    expect(stored.map((i) => [i.prompt, i.idempotencyKey])).toEqual([
      ['three', three.idempotencyKey],
      ['one', one.idempotencyKey],
    ]);
  });

  it('flushes in order with the stored keys and reports progress per item', async () => {
    const h = await signedIn();
    const { campaign, items } = await campaignWithQueue(h, ['one', 'two']);
    const result = await h.call('concepts.flush', { campaignId: campaign.id });
    expect(result.map((i) => i.status)).toEqual(['sent', 'sent']);
    expect(server.submissions.map((s) => [s.body.prompt, s.key])).toEqual(items.map((i) => [i.prompt, i.idempotencyKey]));
    const progress = h.events.filter((e) => e.event === 'concepts.progress').map((e) => e.payload as ConceptProgress);
    expect(progress.map((p) => [p.index, p.total, p.status])).toEqual([
      [0, 2, 'sending'],
      [0, 2, 'sent'],
      [1, 2, 'sending'],
      [1, 2, 'sent'],
    ]);
    expect(progress[1]?.generationId).toBe(result[0]?.generationId);
    // A second flush has nothing left to send.
    await h.call('concepts.flush', { campaignId: campaign.id });
    expect(server.submissions).toHaveLength(2);
  });

  it('records a rejected item and goes on; stops at a closed gate; retries with the same key', async () => {
    const h = await signedIn();
    const { campaign, items } = await campaignWithQueue(h, ['bad [reject]', 'good', 'later']);
    server.gate.generationEnabled = false;
    const first = await h.call('concepts.flush', { campaignId: campaign.id });
    expect(first.map((i) => [i.status, i.error?.code ?? null])).toEqual([
      ['failed', 'prompt_rejected'],
      ['failed', 'generation_disabled'],
      ['queued', null],
    ]);
    server.gate.generationEnabled = true;
    server.rejectMarker = '[never]';
    const second = await h.call('concepts.flush', { campaignId: campaign.id });
    expect(second.map((i) => i.status)).toEqual(['sent', 'sent', 'sent']);
    const keysFor = (prompt: string) => server.submissions.filter((s) => s.body.prompt === prompt).map((s) => s.key);
    expect(keysFor('bad [reject]')).toEqual([items[0]?.idempotencyKey, items[0]?.idempotencyKey]);
    expect(keysFor('good')).toEqual([items[1]?.idempotencyKey, items[1]?.idempotencyKey]);
  });

  it('refuses a second flush of the same queue while one is running', async () => {
    const h = await signedIn();
    const { campaign } = await campaignWithQueue(h, ['one', 'two']);
    const [first, second] = await Promise.all([
      h.raw('concepts.flush', { campaignId: campaign.id }),
      h.raw('concepts.flush', { campaignId: campaign.id }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(server.submissions).toHaveLength(2);
  });

  it('stops when the server goes away and resumes after a crash with the same key', async () => {
    const h = await signedIn();
    const { campaign, items } = await campaignWithQueue(h, ['one', 'two']);
    await h.studio.close();
    // Simulate a crash mid-send: the first item was left 'sending' on disk.
    const file = join(h.dataDir, 'concepts', `${campaign.id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { items: ConceptItem[] };
    stored.items[0]!.status = 'sending';
    await writeFile(file, JSON.stringify(stored));
    await server.close();
    const offline = await signedIn({ dataDir: h.dataDir });
    const whileOffline = await offline.call('concepts.flush', { campaignId: campaign.id });
    expect(whileOffline.map((i) => [i.status, i.error?.code ?? null])).toEqual([
      ['failed', 'offline'],
      ['queued', null],
    ]);
    await offline.studio.close();
    server = await startFakeGatedServer();
    const resumed = await startHarness({ dataDir: h.dataDir, secretStore: await storeFor(server), serverUrl: server.url });
    open.push(resumed);
    const done = await resumed.call('concepts.flush', { campaignId: campaign.id });
    expect(done.map((i) => i.status)).toEqual(['sent', 'sent']);
    expect(server.submissions.map((s) => s.key)).toEqual(items.map((i) => i.idempotencyKey));
  });
});

async function storeFor(s: FakeGatedServer): Promise<SecretStore> {
  const store = createMemorySecretStore();
  await store.set(s.url, s.userToken);
  return store;
}

describe('offline start-up', () => {
  it('starts and drafts with no server at all', async () => {
    const h = await startHarness({ dataDir: await tempDir(), serverUrl: 'http://127.0.0.1:9' });
    open.push(h);
    expect((await h.call('drafts.create', { title: 'offline' })).title).toBe('offline');
    expect((await h.call('gate.status', {})).state).toMatch(/checking|signed_out/);
  });
});
