/** The draft list: search, tags, sort, keyboard switching, deleting, and a long list kept light. */
import type { Page } from '@playwright/test';
import type { Studio } from '../../src/main/services/studio';
import { expect, test } from './fixtures';

async function seed(studio: Studio, drafts: { title: string; tags?: string[]; subject?: string }[]): Promise<void> {
  for (const d of drafts) {
    await studio.handlers['drafts.create']({ title: d.title, tags: d.tags ?? [], fields: { subject: d.subject ?? d.title, camera: '', lighting: '', format: '', detail: '', audio: '' } });
  }
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Drafts' });

test('search, tag filter and sort narrow and order the list', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seed(studio, [
    { title: 'Beta harbour', tags: ['night'], subject: 'Boats rocking in a neon harbour' },
    { title: 'Alpha desert', tags: ['day'], subject: 'Dunes at noon' },
    { title: 'Gamma forest', tags: ['night', 'nature'], subject: 'Fireflies between pines' },
  ]);
  await page.reload();
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect(page.getByText('3 drafts')).toBeVisible();

  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Search drafts' });
  await expect(search).toBeFocused();
  await search.pressSequentially('harbour');
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(list(page).getByRole('option')).toContainText('Beta harbour');
  await search.fill('');
  await expect(list(page).getByRole('option')).toHaveCount(3);

  await page.getByLabel('Tag').selectOption('night');
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await page.getByLabel('Sort').selectOption('title');
  await expect(list(page).getByRole('option').locator('.draft-row__title')).toHaveText(['Beta harbour', 'Gamma forest']);
  await page.getByLabel('Tag').selectOption('');
  await expect(list(page).getByRole('option').locator('.draft-row__title')).toHaveText(['Alpha desert', 'Beta harbour', 'Gamma forest']);
  await page.screenshot({ path: testInfo.outputPath('drafts-filtered-1280.png') });

  // The sort is a setting: it survives a reload.
  await page.reload();
  await expect(list(page).getByRole('option').locator('.draft-row__title')).toHaveText(['Alpha desert', 'Beta harbour', 'Gamma forest']);
});

test('Alt+Down and Alt+Up switch drafts, arrows move in the list, and edits are saved on the way', async ({ page, studio }) => {
  await seed(studio, [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }]);
  await page.reload();
  await page.getByLabel('Sort').selectOption('title');
  await expect(list(page).getByRole('option').locator('.draft-row__title')).toHaveText(['One', 'Three', 'Two']);

  await page.keyboard.press('Alt+ArrowDown');
  const title = page.getByLabel('Title');
  await expect(title).toHaveValue('One');
  await title.press('End');
  await title.pressSequentially(' edited');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(title).toHaveValue('Three');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(title).toHaveValue('One edited');

  await list(page).getByRole('option', { name: /Three/ }).click();
  await expect(list(page).getByRole('option', { name: /Three/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(title).toHaveValue('Two');
  await expect(list(page).getByRole('option', { selected: true })).toContainText('Two');
  await page.keyboard.press('Home');
  await expect(title).toHaveValue('One edited');

  const all = await studio.handlers['drafts.list']({ sort: 'title' });
  expect(all.map((d) => d.title)).toEqual(['One edited', 'Three', 'Two']);
});

test('deleting asks first, then removes the draft and opens its neighbour', async ({ page, studio }) => {
  await seed(studio, [{ title: 'Keep me' }, { title: 'Delete me' }]);
  await page.reload();
  await list(page).getByRole('option', { name: /Delete me/ }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(list(page).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete draft' }).click();
  await expect(list(page).getByRole('option')).toHaveCount(1);
  await expect(page.getByLabel('Title')).toHaveValue('Keep me');
  expect((await studio.handlers['drafts.list']({})).map((d) => d.title)).toEqual(['Keep me']);
});

test('a list of 3,000 drafts renders only the rows in view, and scrolls to the last one', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await seed(
    studio,
    Array.from({ length: 3000 }, (_, i) => ({ title: `Concept ${String(i).padStart(4, '0')}` })),
  );
  await page.reload();
  await page.getByLabel('Sort').selectOption('title');
  await expect(page.getByText('3,000 drafts')).toBeVisible();
  const options = list(page).getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', '3000');
  expect(await options.count()).toBeLessThan(60);

  await options.first().click();
  await page.keyboard.press('End');
  await expect(page.getByLabel('Title')).toHaveValue('Concept 2999');
  await expect(list(page).getByRole('option', { name: /Concept 2999/ })).toBeVisible();
  await expect(list(page).getByRole('option', { name: /Concept 2999/ })).toHaveAttribute('aria-posinset', '3000');
  expect(await options.count()).toBeLessThan(60);
  await page.screenshot({ path: testInfo.outputPath('drafts-3000-1920.png') });
});
