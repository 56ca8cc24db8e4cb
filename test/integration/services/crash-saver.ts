/**
 * Run as a child by crash-safety.test.ts: saves one draft over and over, printing each version
 * once its save has returned, until the parent kills it with SIGKILL.
 */
import { join } from 'node:path';
import { DEFAULT_OPTIONS, EMPTY_FIELDS } from '../../../src/shared/studio/models';
import { DamagedFiles } from '../../../src/main/services/damaged-files';
import { DraftStore } from '../../../src/main/services/draft-store';

const [dataDir = '', draftId = ''] = process.argv.slice(2);
const now = () => new Date();
const store = await DraftStore.open(join(dataDir, 'drafts'), new DamagedFiles(join(dataDir, 'damaged'), now), now);
const padding = 'x'.repeat(15_000);
for (let i = 0; ; i += 1) {
  const draft = await store.save(draftId, {
    title: `save ${i}`,
    mode: 'freeText',
    fields: EMPTY_FIELDS,
    freeText: padding,
    prompt: `prompt ${i}`,
    options: DEFAULT_OPTIONS,
    tags: [],
    campaignId: null,
  });
  process.stdout.write(`${draft.version}\n`);
}
