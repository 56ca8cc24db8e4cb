/**
 * Accessibility of the drafting screens (campaigns, draft list, editor, quality preview, history,
 * dialogs and menu): an axe scan of each state at 1280×800 and 1920×1080, light and dark, with no
 * serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

async function scan(page: Page, testInfo: TestInfo, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  await page.screenshot({ path: testInfo.outputPath(`${state}.png`) });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`drafting screens at ${size.width}×${size.height}, ${theme}`, async ({ page, studio }, testInfo) => {
      const campaign = await studio.handlers['campaigns.create']({ name: 'Launch week' });
      await studio.handlers['drafts.create']({ title: 'Older concept', campaignId: campaign.id, tags: ['night'] });
      await page.setViewportSize(size);
      await page.reload();
      await page.getByLabel('Theme').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const tag = `${size.width}-${theme}`;
      const violations: string[] = [];

      violations.push(...(await scan(page, testInfo, `${tag}-empty`)));

      await page.getByRole('button', { name: 'Draft', exact: true }).click();
      await expect(page.getByRole('menu', { name: 'Draft' })).toBeVisible();
      violations.push(...(await scan(page, testInfo, `${tag}-menu`)));
      await page.keyboard.press('Escape');

      await page.getByRole('navigation', { name: 'Campaigns' }).getByRole('button', { name: 'Launch week', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Concept queue' })).toBeVisible();
      violations.push(...(await scan(page, testInfo, `${tag}-campaign`)));

      await page.getByRole('button', { name: 'New from template…' }).click();
      await expect(page.getByRole('dialog', { name: 'New draft from a template' })).toBeVisible();
      violations.push(...(await scan(page, testInfo, `${tag}-templates`)));
      await page.getByRole('button', { name: 'Use the Retry-safe support story template' }).click();

      await expect(page.getByLabel('Title')).toHaveValue('Support story: refunded once');
      await page.getByRole('textbox', { name: 'Lighting and mood', exact: true }).focus();
      violations.push(...(await scan(page, testInfo, `${tag}-editor`)));

      await page.getByRole('radio', { name: 'Free text' }).check();
      violations.push(...(await scan(page, testInfo, `${tag}-free-text`)));

      await page.keyboard.press('Control+s');
      await page.getByRole('tab', { name: 'Version history' }).click();
      await expect(page.getByRole('button', { name: /^Version 1/ })).toBeVisible();
      violations.push(...(await scan(page, testInfo, `${tag}-history`)));

      await page.getByRole('button', { name: 'Compare…' }).click();
      await expect(page.getByRole('region', { name: 'Variant B' })).toBeVisible();
      violations.push(...(await scan(page, testInfo, `${tag}-compare`)));
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Shift+Z');
      violations.push(...(await scan(page, testInfo, `${tag}-shortcuts`)));

      expect(violations).toEqual([]);
    });
  }
}
