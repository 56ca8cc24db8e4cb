/** The generation history: paginated, live until each is done, honest about cancellations and refunds. */
import type { Studio } from '../../src/main/services/studio';
import { AdminApi, openScreen, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

async function seedDraft(studio: Studio, title: string, prompt: string) {
  return studio.handlers['drafts.create']({
    title,
    mode: 'freeText',
    freeText: prompt,
    prompt,
    options: { durationSeconds: 2, aspectRatio: '9:16', negativePrompt: '', generateAudio: false },
  });
}

test('the history pages with Load more and shows every generation once', async ({ page, studio, serverUrl, adminToken }, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Hana', { credits: 100 });
  await signInThroughUi(page, tester.token);
  const draft = await seedDraft(studio, 'Quick take', 'A paper boat on a puddle, top-down static shot.');
  for (let n = 0; n < 12; n += 1) await studio.handlers['generations.submit']({ draftId: draft.id });

  await openScreen(page, 'Generations');
  const items = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem');
  await expect(items).toHaveCount(10);
  await page.screenshot({ path: testInfo.outputPath('generations-first-page.png') });
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(items).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  const ids = await items.evaluateAll((els) => els.map((el) => (el as unknown as { getAttribute(n: string): string | null }).getAttribute('data-generation-id')));
  expect(new Set(ids).size).toBe(12);
  // Every one of them runs to the end on its own, live.
  await expect(items.filter({ hasText: 'Succeeded' })).toHaveCount(12, { timeout: 45_000 });
});

test('a held generation is live as running, and canceling it refunds its credits', async ({ page, studio, serverUrl, adminToken }, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Ike', { credits: 10 });
  await signInThroughUi(page, tester.token);
  const draft = await seedDraft(studio, 'Held', 'A clock tower at midnight, slow zoom in. [sim:hold]');
  await studio.handlers['generations.submit']({ draftId: draft.id });

  await openScreen(page, 'Generations');
  const item = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem').first();
  await expect(item).toContainText(/Queued|Running/);
  await expect(item).toContainText('2 credits reserved');
  await page.screenshot({ path: testInfo.outputPath('generations-running.png') });
  await item.getByRole('button', { name: /Cancel generation/ }).click();
  await expect(item).toContainText('Canceled');
  await expect(item).toContainText('2 credits refunded');
  await expect(item.getByRole('button', { name: /Cancel generation/ })).toHaveCount(0);
  await openScreen(page, 'Account');
  await expect(page.getByTestId('account-credits')).toHaveText('10 available');
});
