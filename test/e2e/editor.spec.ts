/**
 * The checklist editor and its live quality preview, typed into like a person would, through
 * the browser host against real studio services.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('a new draft is written field by field; the prompt, preview and list follow, and it autosaves', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Control+n');
  const title = page.getByLabel('Title');
  await expect(title).toBeFocused();
  await title.pressSequentially('Harbour ride at dawn');

  await field(page, 'Subject and setting').pressSequentially('A cyclist in a yellow jacket rides along a harbour promenade');
  await field(page, 'Camera motion').pressSequentially('slow tracking shot from the side');
  await field(page, 'Lighting and mood').pressSequentially('warm golden-hour light, calm mood');

  const preview = page.getByRole('complementary', { name: 'Quality preview' });
  await expect(preview.getByTestId('highlighted-prompt')).toContainText(
    'A cyclist in a yellow jacket rides along a harbour promenade. slow tracking shot from the side. warm golden-hour light, calm mood.',
  );
  await expect(page.getByRole('listbox', { name: 'Drafts' }).getByRole('option').first()).toContainText('Harbour ride at dawn');
  await expect(page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('status')).toHaveText(/All changes saved/);
  await page.screenshot({ path: testInfo.outputPath('editor-guided-1280.png') });

  const [summary] = await studio.handlers['drafts.list']({});
  const saved = await studio.handlers['drafts.get']({ id: summary!.id });
  expect(saved.title).toBe('Harbour ride at dawn');
  expect(saved.prompt).toBe('A cyclist in a yellow jacket rides along a harbour promenade. slow tracking shot from the side. warm golden-hour light, calm mood.');
});
