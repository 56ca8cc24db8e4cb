/**
 * Generate from the editor against the real gated server: disabled with the reason in words
 * for every way the gate is closed, then a confirmed submission that plays its clip, and a
 * failure that is refunded.
 */
import type { Page } from '@playwright/test';
import type { Studio } from '../../src/main/services/studio';
import { AdminApi, checkGateAgain, openDraft, openScreen, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

async function seedDraft(studio: Studio, page: Page, title: string, prompt: string, durationSeconds = 8) {
  const draft = await studio.handlers['drafts.create']({
    title,
    mode: 'freeText',
    freeText: prompt,
    prompt,
    options: { durationSeconds, aspectRatio: '16:9', negativePrompt: '', generateAudio: false },
  });
  // The studio page read its drafts at start; a person would see this one after a reload.
  await page.reload();
  return draft;
}

function generateButton(page: Page) {
  return page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Generate', exact: true });
}

async function expectBlocked(page: Page, words: RegExp) {
  const button = generateButton(page);
  await expect(button).toBeDisabled();
  // The reason is visible text, and the button points at it for assistive technology.
  await expect(button).toHaveAccessibleDescription(words);
  const describedBy = await button.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toBeVisible();
}

test('Generate stays disabled, saying why, for each way the gate is closed', async ({ page, studio, serverUrl, adminToken }, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await seedDraft(studio, page, 'Harbour at dawn', 'A fishing boat leaves a foggy harbour at dawn, slow dolly forward.');

  await openDraft(page, 'Harbour at dawn');
  await expectBlocked(page, /sign in/i);
  await page.screenshot({ path: testInfo.outputPath('generate-signed-out.png') });

  await admin.setGenerationEnabled(false);
  await admin.setBudget({ dailyCreditCap: null, userDailyCreditCap: null });
  const tester = await admin.tester('Gina', { credits: 20, earlyAccess: true });
  await signInThroughUi(page, tester.token);
  await openDraft(page, 'Harbour at dawn');
  await expectBlocked(page, /turned off by the operator/i);
  await page.screenshot({ path: testInfo.outputPath('generate-kill-switch.png') });

  await admin.setGenerationEnabled(true);
  await admin.setEarlyAccess(tester.id, false);
  await checkGateAgain(page);
  await expectBlocked(page, /needs early access/i);

  await admin.setEarlyAccess(tester.id, true);
  await admin.addCredits(tester.id, -20, 'spent elsewhere');
  await checkGateAgain(page);
  await expectBlocked(page, /out of credits/i);

  await admin.addCredits(tester.id, 20);
  await admin.setBudget({ dailyCreditCap: null, userDailyCreditCap: 0 });
  await checkGateAgain(page);
  await expectBlocked(page, /today's credit allowance/i);

  await admin.setBudget({ dailyCreditCap: 0, userDailyCreditCap: null });
  await checkGateAgain(page);
  await expectBlocked(page, /generation budget/i);

  await admin.setBudget({ dailyCreditCap: null, userDailyCreditCap: null });
  await checkGateAgain(page);
  await expect(generateButton(page)).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Generation status' })).toContainText('Generation available');
});

test('an allowed generation shows its cost before confirming, goes live to succeeded, and its clip plays', async ({
  page,
  studio,
  serverUrl,
  adminToken,
}, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Gus', { credits: 30 });
  await seedDraft(studio, page, 'Night market', 'A crowded night market, handheld tracking shot, neon light.', 6);
  await signInThroughUi(page, tester.token);
  await openDraft(page, 'Night market');

  await generateButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Generate this draft?' });
  await expect(dialog).toContainText('6 credits will be reserved');
  await expect(dialog).toContainText('You have 30 credits available.');
  await page.screenshot({ path: testInfo.outputPath('generate-confirm.png') });
  await dialog.getByRole('button', { name: 'Reserve 6 credits and generate' }).click();
  await expect(dialog).toBeHidden();

  const status = page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('status').filter({ hasText: /^Generation / });
  await expect(status).toHaveText(/Generation (queued|running) · 6 credits reserved/);
  await expect(status).toHaveText(/Generation succeeded · 6 credits spent/, { timeout: 30_000 });

  await openScreen(page, 'Generations');
  const item = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem').first();
  await expect(item).toContainText('Succeeded');
  await expect(item).toContainText('A crowded night market');
  await item.getByRole('button', { name: /Play clip/ }).click();
  const video = item.locator('video');
  await expect(video).toBeVisible();
  // The clip really loads in the page: enough data to play, a duration, no media error.
  const media = () =>
    video.evaluate((v) => {
      const el = v as unknown as { readyState: number; duration: number; error: unknown };
      return { playable: el.readyState >= 2 || el.duration > 0, error: el.error === null ? null : 'media error' };
    });
  await expect.poll(media, { timeout: 15_000 }).toEqual({ playable: true, error: null });
  await page.screenshot({ path: testInfo.outputPath('generate-clip-playing.png') });

  await openScreen(page, 'Account');
  await expect(page.getByTestId('account-credits')).toHaveText('24 available');
});

test('a failing generation is shown failed with its credits refunded', async ({ page, studio, serverUrl, adminToken }, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Fay', { credits: 10 });
  await seedDraft(studio, page, 'Doomed shot', 'A lighthouse in a storm, slow pan right. [sim:fail]', 4);
  await signInThroughUi(page, tester.token);
  await openDraft(page, 'Doomed shot');
  await generateButton(page).click();
  await page.getByRole('dialog', { name: 'Generate this draft?' }).getByRole('button', { name: 'Reserve 4 credits and generate' }).click();

  await openScreen(page, 'Generations');
  const item = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem').first();
  await expect(item).toContainText('Failed', { timeout: 30_000 });
  await expect(item).toContainText('4 credits refunded', { timeout: 30_000 });
  await expect(item.locator('.generation__error')).not.toBeEmpty();
  await expect(item.getByRole('button', { name: /Play clip/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('generate-failed-refunded.png') });
  await openScreen(page, 'Account');
  await expect(page.getByTestId('account-credits')).toHaveText('10 available');
});
