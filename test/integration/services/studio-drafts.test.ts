import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftContent } from '../../../src/shared/studio/models';
import { startHarness, type Harness } from './studio-harness';

const open: Harness[] = [];
async function harness(...args: Parameters<typeof startHarness>) {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.studio.close()));
});

const scores = { subject: 4, camera: 3, lighting: 5, format: 4, detail: 2, audio: 3 };

describe('studio drafts over IPC', () => {
  it('creates a draft with defaults and a prompt composed from the fields', async () => {
    const h = await harness();
    const draft = await h.call('drafts.create', { title: 'Launch', fields: { subject: 'A red sneaker', camera: 'slow dolly in', lighting: '', format: '', detail: '', audio: '' } });
    expect(draft).toMatchObject({ version: 1, mode: 'guided', prompt: 'A red sneaker. slow dolly in.', options: { durationSeconds: 8, aspectRatio: '16:9' } });
    expect(await h.call('drafts.list', {})).toHaveLength(1);
  });

  it('saves, lists history and restores through the contract', async () => {
    const h = await harness();
    const draft = await h.call('drafts.create', { title: 'v1' });
    const id = draft.id;
    const content = DraftContent.parse(draft);
    await h.call('drafts.save', { id, content: { ...content, title: 'v2' } });
    const history = await h.call('drafts.history', { id });
    expect(history.map((v) => [v.version, v.content.title])).toEqual([
      [1, 'v1'],
      [2, 'v2'],
    ]);
    const restored = await h.call('drafts.restore', { id, version: 1 });
    expect([restored.version, restored.title]).toEqual([3, 'v1']);
  });

  it('duplicates a draft into variants in the same campaign', async () => {
    const h = await harness();
    const campaign = await h.call('campaigns.create', { name: 'Spring' });
    const draft = await h.call('drafts.create', { title: 'Hero', campaignId: campaign.id });
    const copies = await h.call('drafts.duplicate', { id: draft.id, count: 2 });
    expect(copies.map((c) => [c.title, c.campaignId])).toEqual([
      ['Hero (variant 1)', campaign.id],
      ['Hero (variant 2)', campaign.id],
    ]);
  });

  it('reports damaged files at start-up through drafts.damaged', async () => {
    const first = await harness();
    await first.call('drafts.create', { title: 'kept' });
    await first.studio.close();
    await writeFile(join(first.dataDir, 'drafts', 'oops.json'), 'not json');
    await writeFile(join(first.dataDir, 'campaigns.json'), '{"campaigns": "nope"}');
    const h = await harness({ dataDir: first.dataDir });
    expect(await h.call('drafts.list', {})).toHaveLength(1);
    const damaged = await h.call('drafts.damaged', {});
    expect(damaged.map((d) => d.path.split('/').pop()).sort()).toEqual(['campaigns.json', 'oops.json']);
    expect(await readdir(join(h.dataDir, 'damaged'))).toHaveLength(2);
  });

  it('saves the edits of a draft whose campaign was lost, but moves no draft into a campaign that does not exist', async () => {
    const first = await harness();
    const c = await first.call('campaigns.create', { name: 'Lost' });
    const d = await first.call('drafts.create', { title: 'Orphan', campaignId: c.id });
    await first.studio.close();
    await writeFile(join(first.dataDir, 'campaigns.json'), '{"campaigns": "nope"}');
    const h = await harness({ dataDir: first.dataDir });
    const content = DraftContent.parse(await h.call('drafts.get', { id: d.id }));
    const saved = await h.call('drafts.save', { id: d.id, content: { ...content, title: 'Orphan, edited' } });
    expect(saved).toMatchObject({ title: 'Orphan, edited', campaignId: c.id, version: 2 });
    const moved = await h.raw('drafts.save', { id: d.id, content: { ...content, campaignId: 'no-such-campaign' } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h.call('drafts.get', { id: d.id })).toMatchObject({ campaignId: c.id, version: 2 });
  });

  it('returns not_found for a draft that does not exist', async () => {
    const h = await harness();
    expect(await h.raw('drafts.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('campaigns', () => {
  it('creates, renames, archives and keeps them across restarts', async () => {
    const h = await harness();
    const c = await h.call('campaigns.create', { name: 'Autumn' });
    await h.call('campaigns.rename', { id: c.id, name: 'Autumn 2026' });
    await h.call('campaigns.archive', { id: c.id, archived: true });
    expect(await h.call('campaigns.list', {})).toEqual([]);
    await h.studio.close();
    const again = await harness({ dataDir: h.dataDir });
    expect(await again.call('campaigns.list', { includeArchived: true })).toMatchObject([{ id: c.id, name: 'Autumn 2026', archived: true }]);
    expect(await again.raw('campaigns.rename', { id: 'missing', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('reviews (the preview queue)', () => {
  it('queues a request per campaign, stores scores with the judged version and summarises', async () => {
    const h = await harness();
    const c = await h.call('campaigns.create', { name: 'Spring' });
    const reviewed = await h.call('drafts.create', { title: 'A', campaignId: c.id });
    const waiting = await h.call('drafts.create', { title: 'B', campaignId: c.id });
    const request = await h.call('reviews.request', { draftId: reviewed.id, requestedBy: 'Ana' });
    expect(request).toMatchObject({ campaignId: c.id, draftVersion: 1, requestedBy: 'Ana', status: 'pending' });
    expect((await h.call('reviews.queue', { campaignId: c.id })).map((r) => r.id)).toEqual([request.id]);
    expect(await h.call('reviews.queue', { campaignId: null })).toEqual([]);

    const review = await h.call('reviews.submit', { draftId: reviewed.id, draftVersion: 1, reviewer: 'Rui', scores, comment: 'Lighting is great' });
    await h.call('reviews.submit', { draftId: reviewed.id, draftVersion: 1, reviewer: 'Mo', scores: { ...scores, subject: 2 }, comment: '' });
    expect(await h.call('reviews.queue', { campaignId: c.id })).toEqual([]);
    expect((await h.call('drafts.get', { id: reviewed.id })).reviews[0]).toEqual(review);
    expect(await h.call('reviews.forDraft', { id: reviewed.id })).toHaveLength(2);

    const summary = await h.call('reviews.campaignSummary', { id: c.id });
    expect(summary).toMatchObject({ draftCount: 2, reviewedCount: 1, averages: { subject: 3, lighting: 5, detail: 2 } });
    expect(summary.unreviewed.map((d) => d.id)).toEqual([waiting.id]);
    expect(summary.averages.overall).toBeCloseTo((21 + 19) / 12, 2);
  });

  it('refuses a review of a version that does not exist yet', async () => {
    const h = await harness();
    const d = await h.call('drafts.create', { title: 'A' });
    expect(await h.raw('reviews.submit', { draftId: d.id, draftVersion: 5, reviewer: 'Rui', scores, comment: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('import and export', () => {
  it('round-trips drafts and campaigns through JSON', async () => {
    const h = await harness();
    const c = await h.call('campaigns.create', { name: 'Spring launch' });
    const d = await h.call('drafts.create', { title: 'Hero', campaignId: c.id, tags: ['hero'] });
    await h.call('reviews.submit', { draftId: d.id, draftVersion: 1, reviewer: 'Rui', scores, comment: 'ok' });
    const file = await h.call('campaigns.export', { id: c.id, format: 'json' });
    expect(file).toMatchObject({ filename: 'Spring-launch.json', mimeType: 'application/json' });

    const other = await harness();
    expect(await other.call('drafts.import', { content: file.content })).toEqual({ imported: 1, campaigns: 1 });
    const [imported] = await other.call('drafts.list', { campaignId: c.id });
    expect(imported).toMatchObject({ id: d.id, title: 'Hero', reviewCount: 1 });
    // Importing again keeps both copies: the second gets a fresh id.
    expect(await other.call('drafts.import', { content: file.content })).toEqual({ imported: 1, campaigns: 0 });
    expect(await other.call('drafts.list', {})).toHaveLength(2);
  });

  it('keeps imported ids in lower case and never lets one differ from a known id only by case', async () => {
    const h = await harness();
    const c = await h.call('campaigns.create', { name: 'Known' });
    const d = await h.call('drafts.create', { title: 'Known draft', campaignId: c.id });
    const bundle = JSON.parse((await h.call('drafts.export', { ids: [d.id], format: 'json' })).content) as {
      drafts: Array<{ id: string; title: string; campaignId: string | null }>;
      campaigns: Array<{ id: string; name: string }>;
    };
    // The same ids in upper case (one file each on macOS and Windows), and a new mixed-case pair.
    const shouted = {
      ...bundle,
      campaigns: [...bundle.campaigns.map((x) => ({ ...x, id: x.id.toUpperCase(), name: 'Shouted' })), { ...bundle.campaigns[0]!, id: 'New-Campaign', name: 'New' }],
      drafts: [
        ...bundle.drafts.map((x) => ({ ...x, id: x.id.toUpperCase(), title: 'Shouted draft', campaignId: x.campaignId!.toUpperCase() })),
        { ...bundle.drafts[0]!, id: 'New-Draft', title: 'New draft', campaignId: 'New-Campaign' },
      ],
    };
    expect(await h.call('drafts.import', { content: JSON.stringify(shouted) })).toEqual({ imported: 2, campaigns: 1 });

    const campaigns = await h.call('campaigns.list', {});
    expect(campaigns.map((x) => x.id).sort()).toEqual([c.id, 'new-campaign'].sort());
    expect(campaigns.find((x) => x.id === c.id)?.name).toBe('Known');
    const all = await h.call('drafts.list', {});
    expect(all).toHaveLength(3);
    expect(all.find((x) => x.id === d.id)).toMatchObject({ title: 'Known draft', campaignId: c.id });
    const shoutedDraft = all.find((x) => x.title === 'Shouted draft')!;
    expect(shoutedDraft.id.toLowerCase()).not.toBe(d.id);
    expect(shoutedDraft.campaignId).toBe(c.id);
    expect(all.find((x) => x.title === 'New draft')).toMatchObject({ id: 'new-draft', campaignId: 'new-campaign' });
    for (const x of all) expect(x.id).toBe(x.id.toLowerCase());
  });

  it('explains what is wrong with a bad import', async () => {
    const h = await harness();
    const notJson = await h.raw('drafts.import', { content: '{oops' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) } });
    const wrong = await h.raw('drafts.import', { content: JSON.stringify({ format: 'shotlist-export', version: 1, exportedAt: 'x', campaigns: [], drafts: [{ id: 'a' }] }) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/drafts/) } });
  });

  it('exports Markdown for reading and CSV with review scores', async () => {
    const h = await harness();
    const c = await h.call('campaigns.create', { name: 'Spring' });
    const d = await h.call('drafts.create', { title: 'Hero, "big"', campaignId: c.id, prompt: '=cmd' });
    await h.call('drafts.create', { title: 'Unscored', campaignId: c.id });
    await h.call('reviews.submit', { draftId: d.id, draftVersion: 1, reviewer: 'Rui', scores, comment: 'nice' });
    const md = await h.call('drafts.export', { campaignId: c.id, format: 'markdown' });
    expect(md.mimeType).toBe('text/markdown');
    expect(md.content).toContain('## Hero, "big"');
    expect(md.content).toContain('- Rui on version 1');
    const csv = await h.call('campaigns.export', { id: c.id, format: 'csv' });
    const lines = csv.content.trim().split('\r\n');
    expect(lines[0]).toBe('draft_id,title,campaign,version,tags,prompt,reviewed_version,reviewer,subject,camera,lighting,format,detail,audio,comment,reviewed_at');
    expect(lines).toHaveLength(3);
    const scored = lines.find((l) => l.startsWith(d.id));
    expect(scored).toContain(`"Hero, ""big""",Spring,1,,'=cmd,1,Rui,4,3,5,4,2,3,nice,`);
  });
});

describe('settings over IPC', () => {
  it('updates and keeps settings; a new server URL re-checks the account', async () => {
    const h = await harness();
    const updated = await h.call('settings.update', { theme: 'dark', serverUrl: 'http://127.0.0.1:9' });
    expect(updated).toMatchObject({ theme: 'dark', serverUrl: 'http://127.0.0.1:9', schemaVersion: 2 });
    expect(h.events.find((e) => e.event === 'account.changed')?.payload).toMatchObject({ serverUrl: 'http://127.0.0.1:9', signedIn: false });
    await h.studio.close();
    const again = await harness({ dataDir: h.dataDir });
    expect((await again.call('settings.get', {})).theme).toBe('dark');
    expect(await again.raw('settings.update', { serverUrl: 'not a url' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('drops review requests of a deleted draft from the queue', async () => {
    const h = await harness();
    const d = await h.call('drafts.create', { title: 'gone soon' });
    await h.call('reviews.request', { draftId: d.id, requestedBy: 'Ana' });
    await h.call('drafts.delete', { id: d.id });
    expect(await h.call('reviews.queue', {})).toEqual([]);
  });
});
