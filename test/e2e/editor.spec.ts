/**
 * The checklist editor and its live quality preview, typed into like a person would, through
 * the browser host against real studio services.
 */
import type { Page } from '@playwright/test';
import { CHECKLIST_KEYS } from '../../src/shared/contracts/api';
import { analyzePrompt } from '../../src/shared/quality';
import type { Studio } from '../../src/main/services/studio';
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

test('free text mode starts from the composed prompt and shows, as you type, which items the text covers', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Control+n');
  await field(page, 'Subject and setting').pressSequentially('A red fox trots through fresh snow in a birch forest');
  await page.getByRole('radio', { name: 'Free text' }).check();

  const text = field(page, 'Prompt');
  await expect(text).toHaveValue('A red fox trots through fresh snow in a birch forest.');
  await text.press('End');
  await text.pressSequentially(' Slow aerial drone pull-back, soft blue dawn light, calm mood. 8-second 16:9 clip.');
  const prompt = 'A red fox trots through fresh snow in a birch forest. Slow aerial drone pull-back, soft blue dawn light, calm mood. 8-second 16:9 clip.';
  await expect(text).toHaveValue(prompt);

  // The chips and the preview say what the offline analysis says about exactly this text.
  const report = analyzePrompt(prompt, { durationSeconds: 8, generateAudio: false });
  const chips = page.getByRole('list', { name: 'Checklist coverage' });
  for (const key of CHECKLIST_KEYS) {
    const expected = report.checklist[key].present ? 'covered' : key === 'audio' ? 'not-needed' : 'missing';
    await expect(chips.locator(`[data-item="${key}"]`)).toHaveAttribute('data-coverage', expected);
  }
  const preview = page.getByRole('complementary', { name: 'Quality preview' });
  await expect(preview.getByTestId('quality-score')).toHaveText(String(report.score));
  await expect(preview.getByTestId('highlighted-prompt')).toHaveText(prompt);
  const spans = CHECKLIST_KEYS.reduce((n, k) => n + report.checklist[k].spans.length, 0);
  if (spans > 0) await expect(preview.locator('mark').first()).toBeVisible();
  for (const key of CHECKLIST_KEYS) {
    for (const span of report.checklist[key].spans) {
      await expect(preview.locator(`mark[data-items~="${key}"]`).filter({ hasText: span.text }).first()).toBeVisible();
    }
  }
  await page.screenshot({ path: testInfo.outputPath('editor-free-text-1280.png') });
});

test('undo and redo step through bursts of typing with the keyboard and the toolbar', async ({ page }) => {
  await page.keyboard.press('Control+n');
  const subject = field(page, 'Subject and setting');
  await subject.pressSequentially('A lighthouse on a cliff');
  await field(page, 'Camera motion').pressSequentially('slow orbit');
  await expect(field(page, 'Camera motion')).toHaveValue('slow orbit');

  await page.keyboard.press('Control+z');
  await expect(field(page, 'Camera motion')).toHaveValue('');
  await expect(subject).toHaveValue('A lighthouse on a cliff');
  await page.keyboard.press('Control+z');
  await expect(subject).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(subject).toHaveValue('A lighthouse on a cliff');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(field(page, 'Camera motion')).toHaveValue('slow orbit');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo (Ctrl+Z)');
});

test('duration and aspect ratio are real controls; the format suggestion follows them and they are saved', async ({ page, studio }) => {
  await page.keyboard.press('Control+n');
  const duration = page.getByRole('slider', { name: 'Duration' });
  await duration.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(duration).toHaveValue('12');
  await page.getByRole('radio', { name: '9:16' }).check();
  await page.getByRole('checkbox', { name: 'Generate audio' }).check();

  await page.getByRole('button', { name: 'Add “12-second 9:16 vertical clip” to Duration and format' }).click();
  await expect(field(page, 'Duration and format')).toHaveValue('12-second 9:16 vertical clip');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('status')).toHaveText(/All changes saved/);

  const [summary] = await studio.handlers['drafts.list']({});
  const saved = await studio.handlers['drafts.get']({ id: summary!.id });
  expect(saved.options).toMatchObject({ durationSeconds: 12, aspectRatio: '9:16', generateAudio: true });
  expect(saved.fields.format).toBe('12-second 9:16 vertical clip');
  expect(saved.prompt).toBe('12-second 9:16 vertical clip.');
});

test('version history shows what changed since a version, and restores it as a new version', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Control+n');
  const subject = field(page, 'Subject and setting');
  await subject.pressSequentially('A quiet harbour at dawn');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/All changes saved · version 2/)).toBeVisible();
  await subject.press('Control+a');
  await subject.pressSequentially('A busy harbour at noon');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/All changes saved · version 3/)).toBeVisible();

  await page.getByRole('tab', { name: 'Version history' }).click();
  await page.getByRole('button', { name: /^Version 2/ }).click();
  const diff = page.getByLabel('Prompt changes since version 2');
  await expect(diff.locator('del')).toHaveText(['quiet', /^dawn/]);
  await expect(diff.locator('ins')).toHaveText(['busy', /^noon/]);
  await page.screenshot({ path: testInfo.outputPath('version-history-1280.png') });

  await page.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(page.getByRole('button', { name: /^Version 4/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(subject).toHaveValue('A quiet harbour at dawn');
  const [summary] = await studio.handlers['drafts.list']({});
  const saved = await studio.handlers['drafts.get']({ id: summary!.id });
  expect(saved.version).toBe(4);
  expect(saved.fields.subject).toBe('A quiet harbour at dawn');
});

/**
 * A new draft, saved once; then its file disappears behind the studio's back, so its next save
 * cannot succeed until putBack() imports it again (an import keeps a free id).
 */
async function draftThatCannotSave(page: Page, studio: Studio, words: { title?: string; subject: string }) {
  await page.keyboard.press('Control+n');
  if (words.title) await page.getByLabel('Title').pressSequentially(words.title);
  const subject = field(page, 'Subject and setting');
  await subject.pressSequentially(words.subject);
  await page.keyboard.press('Control+s');
  const status = page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('status');
  await expect(status).toHaveText(/All changes saved/);
  const [summary] = await studio.handlers['drafts.list']({});
  const id = summary!.id;
  const exported = await studio.handlers['drafts.export']({ ids: [id], format: 'json' });
  await studio.handlers['drafts.delete']({ id });
  const putBack = async () => expect(await studio.handlers['drafts.import']({ content: exported.content })).toMatchObject({ imported: 1 });
  return { id, subject, status, putBack };
}

test('a save that fails is shown, keeps the text, and succeeds on retry', async ({ page, studio }) => {
  const { id, subject, status, putBack } = await draftThatCannotSave(page, studio, { subject: 'First words' });
  await subject.pressSequentially(' and more');
  await page.keyboard.press('Control+s');
  await expect(status).toHaveText(/Not saved: Draft .* does not exist/);
  await expect(subject).toHaveValue('First words and more');

  await putBack();
  await status.getByRole('button', { name: 'Retry' }).click();
  await expect(status).toHaveText(/All changes saved/);
  expect((await studio.handlers['drafts.get']({ id })).fields.subject).toBe('First words and more');
});

test('text that could not be saved survives a reload, and is saved when its draft is opened again', async ({ page, studio }) => {
  const { id, subject, status, putBack } = await draftThatCannotSave(page, studio, { title: 'Rooftop garden', subject: 'Bees over tomato plants' });
  await subject.pressSequentially(' at noon');
  await page.keyboard.press('Control+s');
  await expect(status).toHaveText(/Not saved/);
  // Typed after the failure and not yet saved by the autosave delay: kept as well.
  await subject.pressSequentially(', city haze');

  await page.reload();
  await expect(page.getByText('Changes not saved before the reload are kept for “Rooftop garden”')).toBeVisible();

  await putBack();
  await page.reload();
  await page.getByRole('listbox', { name: 'Drafts' }).getByRole('option', { name: /Rooftop garden/ }).click();
  await expect(field(page, 'Subject and setting')).toHaveValue('Bees over tomato plants at noon, city haze');
  await expect(status).toHaveText(/All changes saved/);
  expect((await studio.handlers['drafts.get']({ id })).fields.subject).toBe('Bees over tomato plants at noon, city haze');

  // Saved, so a further reload has nothing left to bring back.
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Drafts' })).toBeVisible();
  await expect(page.getByText(/Changes not saved before the reload/)).toHaveCount(0);
});

test('templates start real prompts, variants duplicate a draft, and two variants can be compared', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Draft', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Draft' });
  await expect(menu.getByRole('menuitem', { name: /New draft/ })).toContainText('Ctrl+N');
  await menu.getByRole('menuitem', { name: 'New from template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New draft from a template' });
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Product clip', 'Campaign series', 'Privacy-first concept', 'Retry-safe support story']);
  await page.screenshot({ path: testInfo.outputPath('templates-1280.png') });
  await dialog.getByRole('button', { name: 'Use the Product clip template' }).click();

  await expect(page.getByLabel('Title')).toHaveValue('Product hero: wireless earbud case');
  await expect(field(page, 'Camera motion')).toHaveValue(/orbit/);
  await expect(page.getByRole('slider', { name: 'Duration' })).toHaveValue('8');

  await page.getByRole('button', { name: 'Variants…' }).click();
  const variants = page.getByRole('dialog', { name: 'Duplicate into variants' });
  await variants.getByLabel('Number of variants').fill('2');
  await variants.getByRole('button', { name: 'Make 2 variants' }).click();
  const list = page.getByRole('listbox', { name: 'Drafts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list.getByRole('option', { name: /variant 2/ })).toBeVisible();

  await list.getByRole('option', { name: /variant 1/ }).click();
  const camera = field(page, 'Camera motion');
  await camera.press('Control+a');
  await camera.pressSequentially('Handheld close-up as a hand lifts the case');
  await page.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare variants' });
  await compare.getByRole('combobox', { name: 'Variant B' }).selectOption({ label: 'Product hero: wireless earbud case' });
  const diff = compare.getByLabel('Prompt differences from A to B');
  await expect(diff.locator('del')).toContainText(['Handheld']);
  await expect(diff.locator('ins')).toContainText(['orbit']);
  await expect(compare.getByRole('region', { name: 'Variant A' })).toContainText('variant 1');
  await page.screenshot({ path: testInfo.outputPath('compare-1280.png') });
});

test('compare finds any of many drafts by title, past the first 500 listed', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (let i = 0; i < 620; i++) await studio.handlers['drafts.create']({ title: `Shot number ${i}`, freeText: `A lighthouse, take ${i}`, prompt: `A lighthouse, take ${i}`, mode: 'freeText' });
  await page.reload();
  const list = page.getByRole('listbox', { name: 'Drafts' });
  await list.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare variants' });
  await expect(compare.getByRole('status')).toHaveText('Showing 500 of 620 drafts: type more of a title to find the others.');
  await expect(compare.getByRole('combobox', { name: 'Variant B' }).getByRole('option', { name: 'Shot number 7', exact: true })).toHaveCount(0);

  await compare.getByLabel('Find drafts by title').fill('number 7');
  await expect(compare.getByRole('status')).toHaveText(/^\d+ drafts to choose from\.$/);
  await compare.getByRole('combobox', { name: 'Variant B' }).selectOption({ label: 'Shot number 7' });
  await expect(compare.getByRole('region', { name: 'Variant B' })).toContainText('B: Shot number 7');
  await expect(compare.getByLabel('Prompt differences from A to B').locator('ins')).toContainText(['7']);
  await expect(compare.getByText('1 word added, 1 word removed.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('compare-search-1280.png') });
  // The chosen draft stays listed when the search moves on.
  await compare.getByLabel('Find drafts by title').fill('number 61');
  await expect(compare.getByRole('combobox', { name: 'Variant B' })).toHaveValue(/.+/);
  await expect(compare.getByRole('region', { name: 'Variant B' })).toContainText('B: Shot number 7');
});
