/** The campaign sidebar: create, rename, archive and restore campaigns, and drafts kept per campaign. */
import { expect, test } from './fixtures';

test('campaigns are created, renamed, archived and restored from the sidebar', async ({ page, studio }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sidebar = page.getByRole('navigation', { name: 'Campaigns' });
  await sidebar.getByLabel('New campaign').pressSequentially('Summer city');
  await sidebar.getByLabel('New campaign').press('Enter');
  await expect(sidebar.getByRole('button', { name: 'Summer city', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { name: 'Summer city', level: 2 }).first()).toBeVisible();

  await sidebar.getByRole('button', { name: 'Rename Summer city' }).click();
  const rename = sidebar.getByLabel('New name for Summer city');
  await expect(rename).toBeFocused();
  await rename.fill('');
  await rename.pressSequentially('Summer harbour');
  await rename.press('Enter');
  await expect(sidebar.getByRole('button', { name: 'Summer harbour', exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('campaign-view-1280.png') });

  await sidebar.getByRole('button', { name: 'Archive Summer harbour' }).click();
  await expect(sidebar.getByRole('button', { name: 'Summer harbour', exact: true })).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: 'All drafts' })).toHaveAttribute('aria-current', 'true');
  await sidebar.getByLabel('Show archived').check();
  await sidebar.getByRole('button', { name: /Summer harbour/ }).first().click();
  await sidebar.getByRole('button', { name: 'Restore Summer harbour' }).click();
  await sidebar.getByLabel('Show archived').uncheck();
  await expect(sidebar.getByRole('button', { name: 'Summer harbour', exact: true })).toBeVisible();

  const [stored] = await studio.handlers['campaigns.list']({ includeArchived: true });
  expect(stored).toMatchObject({ name: 'Summer harbour', archived: false });
});

test('a campaign lists only its drafts; new drafts land in it; a draft can move to another campaign', async ({ page, studio }) => {
  const spring = await studio.handlers['campaigns.create']({ name: 'Spring' });
  await studio.handlers['campaigns.create']({ name: 'Autumn' });
  await studio.handlers['drafts.create']({ title: 'Loose idea' });
  await page.reload();
  const sidebar = page.getByRole('navigation', { name: 'Campaigns' });
  const list = page.getByRole('listbox', { name: 'Drafts' });
  await expect(list.getByRole('option')).toHaveCount(1);

  await sidebar.getByRole('button', { name: 'Spring', exact: true }).click();
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(page.getByText('0 drafts', { exact: true })).toBeVisible();
  // The campaign view holds its concept queue.
  await expect(page.getByRole('region', { name: 'Spring' })).toBeVisible();

  await page.keyboard.press('Control+n');
  await page.getByLabel('Title').pressSequentially('Blossom close-up');
  await expect(page.getByLabel('Campaign', { exact: true })).toHaveValue(spring.id);
  await expect(list.getByRole('option')).toHaveCount(1);

  await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Autumn' });
  await expect(list.getByRole('option')).toHaveCount(0);
  await sidebar.getByRole('button', { name: 'Autumn', exact: true }).click();
  await expect(list.getByRole('option', { name: /Blossom close-up/ })).toBeVisible();
  await sidebar.getByRole('button', { name: 'All drafts' }).click();
  await expect(list.getByRole('option')).toHaveCount(2);
  const drafts = await studio.handlers['drafts.list']({ query: 'Blossom' });
  expect(drafts[0]?.campaignId).not.toBe(spring.id);
});
