import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, EMPTY_FIELDS, type DraftContent } from '../../../src/shared/studio/models';
import { DamagedFiles } from '../../../src/main/services/damaged-files';
import { contentOf, DraftStore } from '../../../src/main/services/draft-store';
import { testTempDir } from '../../helpers/temp-dir';

const content = (title: string): DraftContent => ({
  title,
  mode: 'freeText',
  fields: EMPTY_FIELDS,
  freeText: title,
  prompt: title,
  options: DEFAULT_OPTIONS,
  tags: [],
  campaignId: null,
});

type Step = { kind: 'save'; title: string } | { kind: 'restore'; pick: number };

describe('draft history (property)', () => {
  it('after any sequence of saves and restores, the versions are exactly the contents written, in order, and survive a reopen', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), title: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps: Step[]) => {
        const root = testTempDir('draft-prop-');
        const open = () => DraftStore.open(join(root, 'drafts'), new DamagedFiles(join(root, 'damaged'), () => new Date()), () => new Date());
        const store = await open();
        const first = await store.create(content('start'), 'p');
        const model: string[] = ['start'];
        for (const s of steps) {
          const title = s.kind === 'save' ? s.title : model[s.pick % model.length]!;
          await (s.kind === 'save' ? store.save(first.id, content(title)) : store.restore(first.id, (s.pick % model.length) + 1));
          if (title !== model[model.length - 1]) model.push(title);
        }
        const reopened = await open();
        const versions = await reopened.versions(first.id);
        expect(versions.map((v) => v.content.title)).toEqual(model);
        expect(versions.map((v) => v.version)).toEqual(model.map((_, i) => i + 1));
        expect(contentOf(await reopened.get(first.id)).title).toBe(model[model.length - 1]);
      }),
      { numRuns: 40 },
    );
  });
});
