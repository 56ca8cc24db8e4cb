/**
 * Drafts store: saving one draft and listing all drafts with 10 and with 10,000 drafts present,
 * side by side with conf (the engine electron-store wraps) holding the same drafts.
 * Goals (issue 5): save@10k ≤ 1.5 × save@10, and ≥ 50 × cheaper than conf@10k.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import { DEFAULT_OPTIONS, EMPTY_FIELDS, type Draft, type DraftContent } from '../../src/shared/studio/models';
import { DamagedFiles } from '../../src/main/services/damaged-files';
import { DraftStore } from '../../src/main/services/draft-store';

const SMALL = 10;
const LARGE = 10_000;
const STORE_SAVES = 40;
const CONF_SAVES_SMALL = 40;
const CONF_SAVES_LARGE = 3;
const LISTS = 20;

function contentFor(n: number, revision = 0): DraftContent {
  const subject = `Concept ${n}: a courier cycles through a rain-soaked night market, neon signs reflecting in puddles`;
  return {
    title: `Draft ${n} rev ${revision}`,
    mode: 'guided',
    fields: { ...EMPTY_FIELDS, subject, camera: 'slow tracking shot at handlebar height', lighting: 'neon magenta and teal, wet reflections' },
    freeText: '',
    prompt: `${subject}. `.repeat(14),
    options: DEFAULT_OPTIONS,
    tags: ['night', `batch-${n % 20}`],
    campaignId: `campaign-${n % 10}`,
  };
}

function draftFor(n: number): Draft {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return { ...contentFor(n), id: `draft-${n}`, author: 'bench', version: 1, createdAt: at, updatedAt: at, history: [], reviews: [] };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeIt(task: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/** Writes the files directly (set-up only), then opens the store the way the studio does. */
async function storeWith(root: string, count: number): Promise<{ store: DraftStore; openMs: number }> {
  const dir = join(root, 'drafts');
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, (_, k) => {
        const draft = draftFor(i + k);
        return writeFile(join(dir, `${draft.id}.json`), JSON.stringify(draft, null, 2));
      }),
    );
  }
  const now = () => new Date();
  let store!: DraftStore;
  const openMs = await timeIt(async () => {
    store = await DraftStore.open(dir, new DamagedFiles(join(root, 'damaged'), now), now);
  });
  return { store, openMs };
}

function confWith(root: string, count: number): Conf<{ drafts: Record<string, Draft> }> {
  const conf = new Conf<{ drafts: Record<string, Draft> }>({ cwd: root, projectName: 'shotlist-bench', configName: 'drafts' });
  conf.store = { drafts: Object.fromEntries(Array.from({ length: count }, (_, n) => [`draft-${n}`, draftFor(n)])) };
  return conf;
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
const ratio = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

export default async function bench(): Promise<{ title: string; markdown: string }> {
  const root = await mkdtemp(join(tmpdir(), 'shotlist-bench-drafts-'));
  try {
    const small = await storeWith(join(root, 'small'), SMALL);
    const large = await storeWith(join(root, 'large'), LARGE);

    // Saves alternate between the two stores so drift (page cache, other load) hits both alike.
    const saveSmall: number[] = [];
    const saveLarge: number[] = [];
    for (let i = 1; i <= STORE_SAVES; i += 1) {
      saveSmall.push(await timeIt(() => small.store.save('draft-3', contentFor(3, i))));
      saveLarge.push(await timeIt(() => large.store.save('draft-3', contentFor(3, i))));
    }
    const listSmall: number[] = [];
    const listLarge: number[] = [];
    for (let i = 0; i < LISTS; i += 1) {
      listSmall.push(await timeIt(() => small.store.list()));
      listLarge.push(await timeIt(() => large.store.list()));
    }

    const confSmall = confWith(join(root, 'conf-small'), SMALL);
    const confLarge = confWith(join(root, 'conf-large'), LARGE);
    const confSaveSmall: number[] = [];
    for (let i = 1; i <= CONF_SAVES_SMALL; i += 1) confSaveSmall.push(await timeIt(() => confSmall.set('drafts.draft-3', draftFor(3))));
    const confSaveLarge: number[] = [];
    for (let i = 1; i <= CONF_SAVES_LARGE; i += 1) confSaveLarge.push(await timeIt(() => confLarge.set('drafts.draft-3', draftFor(3))));
    const confListLarge = median(await Promise.all([0, 1, 2].map(() => timeIt(() => Object.values(confLarge.get('drafts'))))));

    const s10 = median(saveSmall);
    const s10k = median(saveLarge);
    const c10 = median(confSaveSmall);
    const c10k = median(confSaveLarge);
    const growth = s10k / s10;
    const advantage = c10k / s10k;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

    const markdown = [
      `Median times in ms. Drafts of ~2 KB each. Store saves: ${STORE_SAVES} per size (durable: temp file, fsync, rename, fsync folder); conf saves: ${CONF_SAVES_SMALL} at 10, ${CONF_SAVES_LARGE} at 10,000; lists: ${LISTS} per size.`,
      '',
      '| operation | 10 drafts | 10,000 drafts | 10,000 ÷ 10 |',
      '|---|---:|---:|---:|',
      `| save one draft (file per draft + index) | ${fmt(s10)} | ${fmt(s10k)} | ${ratio(growth)} |`,
      `| save one draft (conf, one JSON file) | ${fmt(c10)} | ${fmt(c10k)} | ${ratio(c10k / c10)} |`,
      `| list all drafts (in-memory index, sorted) | ${fmt(median(listSmall))} | ${fmt(median(listLarge))} | ${ratio(median(listLarge) / median(listSmall))} |`,
      `| list all drafts (conf, values of the stored object) | – | ${fmt(confListLarge)} | – |`,
      `| open the store (read every file, build the index) | ${fmt(small.openMs)} | ${fmt(large.openMs)} | ${ratio(large.openMs / small.openMs)} |`,
      '',
      `- save@10k ÷ save@10 = **${ratio(growth)}** (goal ≤ 1.5: ${verdict(growth <= 1.5)})`,
      `- conf save@10k ÷ store save@10k = **${ratio(advantage)}×** (goal ≥ 50: ${verdict(advantage >= 50)})`,
    ].join('\n');
    return { title: 'Drafts store: save and list at 10 and 10,000 drafts, against conf', markdown };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
