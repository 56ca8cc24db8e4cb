/** A campaign's concept queue: fill, order, and send it with progress per item, through the real gated server. */
import type { Studio } from '../../src/main/services/studio';
import { AdminApi, checkGateAgain, openScreen, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

async function seed(studio: Studio) {
  const campaign = await studio.handlers['campaigns.create']({ name: 'Autumn teasers' });
  const shots = [
    ['Leaf fall', 'Maple leaves falling in slow motion, static close-up, warm backlight.', 2],
    ['Foggy lake', 'A rowing boat on a foggy lake at sunrise, slow crane up.', 3],
    ['Harvest table', 'A long harvest table outdoors, dolly along the table, golden hour.', 4],
  ] as const;
  for (const [title, prompt, durationSeconds] of shots) {
    await studio.handlers['drafts.create']({
      title,
      mode: 'freeText',
      freeText: prompt,
      prompt,
      campaignId: campaign.id,
      options: { durationSeconds, aspectRatio: '16:9', negativePrompt: '', generateAudio: false },
    });
  }
  return campaign;
}

test('a queue of three is ordered and sent with progress per item once the gate opens', async ({ page, studio, serverUrl, adminToken }, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.setGenerationEnabled(false);
  await admin.setBudget({ dailyCreditCap: null, userDailyCreditCap: null });
  const tester = await admin.tester('Quinn', { credits: 50 });
  await seed(studio);
  await page.reload();
  await signInThroughUi(page, tester.token);

  await openScreen(page, 'Drafts');
  await page.getByRole('navigation', { name: 'Campaigns' }).getByRole('button', { name: /^Autumn teasers/ }).click();
  const panel = page.getByRole('region', { name: 'Concept queue' });
  await panel.getByRole('button', { name: 'Add all drafts' }).click();
  const items = panel.getByRole('list', { name: 'Queued concepts' }).getByRole('listitem');
  await expect(items).toHaveCount(3);

  // Closed by the operator: the send button says so.
  const send = panel.getByRole('button', { name: 'Send queue' });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/turned off by the operator/i);

  // One more, then removed again; and the order changed.
  await panel.getByLabel('Draft to queue').selectOption({ label: 'Leaf fall' });
  await panel.getByRole('button', { name: 'Add to queue' }).click();
  await expect(items).toHaveCount(4);
  await items.nth(3).getByRole('button', { name: 'Remove Leaf fall' }).click();
  await expect(items).toHaveCount(3);
  const titles = () => panel.locator('.concept-queue__title').allTextContents();
  const first = (await titles())[0]!.replace(/^1\. /, '');
  await panel.getByRole('button', { name: `Move ${first} down` }).click();
  await expect.poll(async () => (await titles())[1]).toBe(`2. ${first}`);
  const order = (await titles()).map((t) => t.replace(/^\d+\. /, ''));

  await admin.setGenerationEnabled(true);
  await checkGateAgain(page);
  await expect(send).toBeEnabled();
  await expect(panel).toContainText('3 to send · 9 credits will be reserved');
  await send.click();
  const dialog = page.getByRole('dialog', { name: 'Send the queue?' });
  await expect(dialog).toContainText('3 concepts will be sent in order. 9 credits will be reserved');
  await page.screenshot({ path: testInfo.outputPath('queue-confirm.png') });

  // Watch what the list shows as each item moves on.
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { querySelector(s: string): { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> } | null };
      MutationObserver: new (cb: () => void) => { observe(target: unknown, options: unknown): void };
      queueSnapshots: string[];
    };
    const list = g.document.querySelector('.concept-queue__items')!;
    g.queueSnapshots = [];
    const snap = () => {
      const s = Array.from(list.querySelectorAll('li')).map((li) => li.getAttribute('data-status') ?? '').join(',');
      if (g.queueSnapshots[g.queueSnapshots.length - 1] !== s) g.queueSnapshots.push(s);
    };
    snap();
    new g.MutationObserver(snap).observe(list, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
  });
  await dialog.getByRole('button', { name: 'Reserve 9 credits and send' }).click();

  await expect(panel.getByRole('status')).toHaveText('Done: all 3 sent.', { timeout: 30_000 });
  await expect(panel.locator('progress')).toHaveAttribute('value', '3');
  await expect(items.filter({ hasText: 'Sent' })).toHaveCount(3);
  const snapshots = await page.evaluate(() => (globalThis as unknown as { queueSnapshots: string[] }).queueSnapshots);
  // Item by item, in order: each was seen sending while the later ones still waited.
  expect(snapshots[0]).toBe('queued,queued,queued');
  expect(snapshots).toContain('sending,queued,queued');
  expect(snapshots).toContain('sent,sending,queued');
  expect(snapshots).toContain('sent,sent,sending');
  expect(snapshots[snapshots.length - 1]).toBe('sent,sent,sent');
  await expect(page.getByRole('region', { name: 'Generation status' })).toContainText('41 credits available');
  await page.screenshot({ path: testInfo.outputPath('queue-sent.png') });

  // They went in the order shown, and are followed in the history.
  await openScreen(page, 'Generations');
  const history = page.getByRole('list', { name: 'Generation history' }).getByRole('listitem');
  await expect(history).toHaveCount(3);
  const prompts = await studio.handlers['concepts.list']({ campaignId: (await studio.handlers['campaigns.list']({}))[0]!.id });
  expect(prompts.map((p) => p.title)).toEqual(order);
  await expect(history.first()).toContainText(prompts[2]!.prompt.slice(0, 20));
});

test('a flush that runs out of credits stops, keeps the rest queued, and finishes once credits are added', async ({
  page,
  studio,
  serverUrl,
  adminToken,
}, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  // Enough for the first concept (2 credits) only, not the second (3).
  const tester = await admin.tester('Rhea', { credits: 4 });
  const campaign = await seed(studio);
  for (const draft of await studio.handlers['drafts.list']({ campaignId: campaign.id, sort: 'title' })) {
    await studio.handlers['concepts.enqueue']({ campaignId: campaign.id, draftId: draft.id });
  }
  const queued = await studio.handlers['concepts.list']({ campaignId: campaign.id });
  const leaf = queued.find((i) => i.title === 'Leaf fall')!;
  await studio.handlers['concepts.move']({ id: leaf.id, toIndex: 0 });
  await page.reload();
  await signInThroughUi(page, tester.token);

  await openScreen(page, 'Drafts');
  await page.getByRole('navigation', { name: 'Campaigns' }).getByRole('button', { name: /^Autumn teasers/ }).click();
  const panel = page.getByRole('region', { name: 'Concept queue' });
  await expect(panel.locator('.concept-queue__title')).toHaveText(['1. Leaf fall', '2. Foggy lake', '3. Harvest table']);
  await panel.getByRole('button', { name: 'Send queue' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send the queue?' });
  await expect(dialog).toContainText('You have 4 credits available.');
  await expect(dialog).toContainText('not enough for all of them');
  await dialog.getByRole('button', { name: 'Reserve 9 credits and send' }).click();

  await expect(panel.getByRole('status')).toHaveText('Stopped: 1 sent, 1 failed, 1 not sent. Failed and unsent items stay queued for the next send.', {
    timeout: 30_000,
  });
  const items = panel.getByRole('list', { name: 'Queued concepts' }).getByRole('listitem');
  await expect(items.nth(0)).toContainText('Sent');
  await expect(items.nth(1).locator('.concept-queue__status')).toHaveText('Failed');
  await expect(items.nth(1)).toContainText(/not enough/i);
  await expect(items.nth(2)).toContainText('Waiting');
  await page.screenshot({ path: testInfo.outputPath('queue-stopped.png') });

  await admin.addCredits(tester.id, 20);
  await checkGateAgain(page);
  await expect(panel).toContainText('2 to send · 7 credits will be reserved');
  await panel.getByRole('button', { name: 'Send queue' }).click();
  await page.getByRole('dialog', { name: 'Send the queue?' }).getByRole('button', { name: 'Reserve 7 credits and send' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done: all 2 sent.', { timeout: 30_000 });
  await expect(items.filter({ hasText: 'Sent' })).toHaveCount(3);
});
