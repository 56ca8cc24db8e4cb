/**
 * Accessibility of the reviewer and tester screens: an axe scan of each (and of their dialogs)
 * finds no serious or critical violation, at 1280×800 and 1920×1080, in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import type { Studio } from '../../src/main/services/studio';
import { AdminApi, openDraft, openScreen, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
  expect(serious, `axe on ${screen}`).toEqual([]);
}

async function seed(studio: Studio) {
  const campaign = await studio.handlers['campaigns.create']({ name: 'Accessible campaign' });
  const make = (title: string, prompt: string) =>
    studio.handlers['drafts.create']({
      title,
      mode: 'freeText',
      freeText: prompt,
      prompt,
      campaignId: campaign.id,
      options: { durationSeconds: 2, aspectRatio: '16:9', negativePrompt: '', generateAudio: false },
    });
  const a = await make('Lantern walk', 'Children carry paper lanterns through a dark park, tracking shot, warm glow.');
  const b = await make('Rain window', 'Raindrops race down a window, macro shot, city bokeh behind. [sim:fail]');
  await studio.handlers['reviews.request']({ draftId: a.id, requestedBy: 'Ana' });
  await studio.handlers['reviews.submit']({
    draftId: b.id,
    draftVersion: 1,
    reviewer: 'Rae',
    scores: { subject: 4, camera: 3, lighting: 2, format: 5, detail: 4, audio: 1 },
    comment: 'Say what we hear.',
  });
  return { campaign, a, b };
}

for (const viewport of VIEWPORTS) {
  for (const theme of THEMES) {
    test(`reviewer and tester screens pass axe at ${viewport.width}×${viewport.height} in ${theme}`, async ({
      page,
      studio,
      serverUrl,
      adminToken,
    }, testInfo) => {
      const tag = `${viewport.width}x${viewport.height}-${theme}`;
      await page.setViewportSize(viewport);
      await seed(studio);
      await page.reload();
      await page.getByRole('combobox', { name: /^Theme/ }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

      await openScreen(page, 'Account');
      await expect(page.getByLabel('API token')).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `account-signed-out-${tag}`);

      const admin = new AdminApi(serverUrl, adminToken);
      await admin.openService();
      const tester = await admin.tester('Ada', { credits: 30 });
      await signInThroughUi(page, tester.token);
      await expectNoSeriousViolations(page, testInfo, `account-signed-in-${tag}`);

      await openScreen(page, 'Reviews');
      await page.getByLabel('Campaign').selectOption({ label: 'Accessible campaign' });
      await page.getByRole('list', { name: 'Review queue' }).getByRole('button', { name: /Lantern walk/ }).click();
      await page.getByRole('group', { name: 'Subject', exact: true }).getByRole('radio', { name: '4', exact: true }).check();
      await page.getByRole('button', { name: 'Submit review' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Enter your name as the reviewer.' })).toBeVisible();
      await expect(page.getByTestId('review-coverage')).toHaveText('1 of 2 drafts reviewed');
      await expectNoSeriousViolations(page, testInfo, `reviews-${tag}`);

      await openDraft(page, 'Rain window');
      await page.getByRole('tab', { name: 'Reviews' }).click();
      await expect(page.getByRole('article', { name: 'Review by Rae' })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `draft-reviews-${tag}`);

      await page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Generate this draft?' })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `generate-confirm-${tag}`);
      await page.getByRole('button', { name: 'Reserve 2 credits and generate' }).click();

      await page.getByRole('navigation', { name: 'Campaigns' }).getByRole('button', { name: /^Accessible campaign/ }).click();
      await page.getByRole('button', { name: 'Campaign overview and concept queue' }).click();
      const panel = page.getByRole('region', { name: 'Concept queue' });
      await panel.getByRole('button', { name: 'Add all drafts' }).click();
      await expect(panel.getByRole('list', { name: 'Queued concepts' }).getByRole('listitem')).toHaveCount(2);
      await panel.getByRole('button', { name: 'Send queue' }).click();
      await expect(page.getByRole('dialog', { name: 'Send the queue?' })).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `queue-confirm-${tag}`);
      await page.getByRole('button', { name: 'Reserve 4 credits and send' }).click();
      await expect(panel.getByRole('status')).toHaveText('Done: all 2 sent.', { timeout: 30_000 });
      await expectNoSeriousViolations(page, testInfo, `queue-sent-${tag}`);

      await openScreen(page, 'Generations');
      const items = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem');
      await expect(items).toHaveCount(3);
      await expect(items.filter({ hasText: 'Succeeded' })).toHaveCount(1, { timeout: 30_000 });
      await expect(items.filter({ hasText: 'refunded' })).toHaveCount(2, { timeout: 30_000 });
      await items.filter({ hasText: 'Succeeded' }).getByRole('button', { name: /Play clip/ }).click();
      await expect(page.locator('video')).toBeVisible();
      await expectNoSeriousViolations(page, testInfo, `generations-${tag}`);
    });
  }
}
