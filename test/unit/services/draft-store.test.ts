import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, EMPTY_FIELDS, type DraftContent } from '../../../src/shared/studio/models';
import { DamagedFiles } from '../../../src/main/services/damaged-files';
import { DraftStore } from '../../../src/main/services/draft-store';
import { testTempDir } from '../../helpers/temp-dir';

function content(over: Partial<DraftContent> = {}): DraftContent {
  return {
    title: 'Sneaker launch',
    mode: 'guided',
    fields: { ...EMPTY_FIELDS, subject: 'A runner on a wet street' },
    freeText: '',
    prompt: 'A runner on a wet street.',
    options: DEFAULT_OPTIONS,
    tags: ['launch'],
    campaignId: null,
    ...over,
  };
}

async function openStore(root?: string) {
  const dataDir = root ?? testTempDir('drafts-');
  const damaged = new DamagedFiles(join(dataDir, 'damaged'), () => new Date());
  const store = await DraftStore.open(join(dataDir, 'drafts'), damaged, () => new Date());
  return { dataDir, damaged, store };
}

describe('DraftStore', () => {
  it('writes one human-readable JSON file per draft and reads it back after a restart', async () => {
    const { dataDir, store } = await openStore();
    const draft = await store.create(content(), 'Ana');
    const text = await readFile(join(dataDir, 'drafts', `${draft.id}.json`), 'utf8');
    expect(text).toContain('\n  "title": "Sneaker launch"');
    const { store: reopened } = await openStore(dataDir);
    expect(await reopened.get(draft.id)).toEqual(draft);
    expect(reopened.list().map((s) => s.id)).toEqual([draft.id]);
  });

  it('keeps every previous version in the history and restores any as a new version', async () => {
    const { store } = await openStore();
    const v1 = await store.create(content({ title: 'one' }), 'Ana');
    await store.save(v1.id, content({ title: 'two' }));
    const v3 = await store.save(v1.id, content({ title: 'three' }));
    expect(v3.version).toBe(3);
    expect(v3.history.map((h) => [h.version, h.content.title])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    const restored = await store.restore(v1.id, 1);
    expect(restored.version).toBe(4);
    expect(restored.title).toBe('one');
    expect((await store.versions(v1.id)).map((v) => v.content.title)).toEqual(['one', 'two', 'three', 'one']);
  });

  it('does not add a version when the content did not change', async () => {
    const { store } = await openStore();
    const draft = await store.create(content(), 'Ana');
    const again = await store.save(draft.id, content());
    expect(again.version).toBe(1);
    expect(again.history).toEqual([]);
  });

  it('serialises concurrent saves of one draft so none is lost', async () => {
    const { store } = await openStore();
    const draft = await store.create(content({ title: 't0' }), 'Ana');
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.save(draft.id, content({ title: `t${i + 1}` }))));
    const final = await store.get(draft.id);
    expect(final.version).toBe(13);
    expect(new Set([...final.history.map((h) => h.content.title), final.title]).size).toBe(13);
  });

  it('sets a damaged file aside, reports it and still starts with the good drafts', async () => {
    const { dataDir, store } = await openStore();
    const good = await store.create(content(), 'Ana');
    await writeFile(join(dataDir, 'drafts', 'broken.json'), '{"title": "half-writ');
    await writeFile(join(dataDir, 'drafts', 'wrong-shape.json'), '{"title": 3}');
    await writeFile(join(dataDir, 'drafts', '.x.json.abc.tmp'), 'leftover');
    const { store: reopened, damaged } = await openStore(dataDir);
    expect(reopened.list().map((s) => s.id)).toEqual([good.id]);
    const reports = damaged.list();
    expect(reports.map((r) => r.path.split('/').pop()).sort()).toEqual(['broken.json', 'wrong-shape.json']);
    expect(reports.find((r) => r.path.endsWith('broken.json'))?.reason).toMatch(/not valid JSON/);
    const setAside = await readdir(join(dataDir, 'damaged'));
    expect(setAside).toHaveLength(2);
    expect(await readFile(reports[0]!.movedTo, 'utf8')).not.toBe('');
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([`${good.id}.json`]);
  });

  it('searches title, prompt and tags; filters by campaign and tag; sorts', async () => {
    let tick = 0;
    const at = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));
    const dataDir = testTempDir('drafts-');
    await mkdir(join(dataDir, 'drafts'));
    const timed = await DraftStore.open(join(dataDir, 'drafts'), new DamagedFiles(join(dataDir, 'damaged'), at), at);
    const a = await timed.create(content({ title: 'Beta coffee', prompt: 'steam rising over a mug', tags: ['Morning'], campaignId: 'c1' }), '');
    const b = await timed.create(content({ title: 'alpha shoes', prompt: 'runner at dusk', tags: ['evening'], campaignId: 'c2' }), '');
    const c = await timed.create(content({ title: 'Gamma tea', prompt: 'a quiet kitchen', tags: ['morning', 'calm'], campaignId: 'c1' }), '');
    expect(timed.list({ query: 'STEAM mug' }).map((s) => s.id)).toEqual([a.id]);
    expect(timed.list({ query: 'calm' }).map((s) => s.id)).toEqual([c.id]);
    expect(timed.list({ campaignId: 'c1' }).map((s) => s.id)).toEqual([c.id, a.id]);
    expect(timed.list({ tag: 'morning' }).map((s) => s.id)).toEqual([c.id, a.id]);
    expect(timed.list({ sort: 'title' }).map((s) => s.title)).toEqual(['alpha shoes', 'Beta coffee', 'Gamma tea']);
    expect(timed.list({ sort: 'created' }).map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    await timed.save(a.id, content({ title: 'Beta coffee 2', campaignId: 'c1' }));
    expect(timed.list().map((s) => s.id)).toEqual([a.id, c.id, b.id]);
    expect(timed.list({ campaignId: null })).toEqual([]);
  });

  it('treats ids that are not safe file names as unknown', async () => {
    const { store } = await openStore();
    await expect(store.get('../settings')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.delete('../x')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never imports an id that differs from a stored one only by case (one file on macOS and Windows)', async () => {
    const { dataDir, store } = await openStore();
    const made = await store.create(content(), 'Ana');
    // A draft stored under a mixed-case id, as an import before ids were kept in lower case left it.
    const text = await readFile(join(dataDir, 'drafts', `${made.id}.json`), 'utf8');
    await writeFile(join(dataDir, 'drafts', 'Legacy-X.json'), text.replaceAll(made.id, 'Legacy-X'));
    const { store: reopened } = await openStore(dataDir);
    const legacy = await reopened.get('Legacy-X');

    const clash = await reopened.insert({ ...legacy, id: 'LEGACY-x', title: 'Imported' });
    expect(clash.id).not.toBe('legacy-x');
    expect(await reopened.get('Legacy-X')).toEqual(legacy);
    expect(await reopened.insert({ ...legacy, id: 'New-One' })).toMatchObject({ id: 'new-one' });

    // Once the mixed-case draft is gone, its lower-case id is free again.
    await reopened.delete('Legacy-X');
    expect(await reopened.insert({ ...legacy, id: 'Legacy-X' })).toMatchObject({ id: 'legacy-x' });
  });

  it('deletes the file and the index entry', async () => {
    const { dataDir, store } = await openStore();
    const draft = await store.create(content(), 'Ana');
    await store.delete(draft.id);
    expect(store.list()).toEqual([]);
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([]);
    await expect(store.get(draft.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
