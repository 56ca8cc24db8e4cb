/** Review mode: a reviewer scores drafts from the queue, the campaign sums them up, the author sees them, exports carry them. */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Studio } from '../../src/main/services/studio';
import { openDraft, openScreen } from './admin';
import { expect, test } from './fixtures';

const SCORES_A = { Subject: 5, Camera: 4, Lighting: 4, Format: 3, Detail: 5, Audio: 2 };
const SCORES_B = { Subject: 3, Camera: 2, Lighting: 4, Format: 5, Detail: 3, Audio: 4 };

async function seedCampaign(studio: Studio) {
  const campaign = await studio.handlers['campaigns.create']({ name: 'Spring launch' });
  const draft = (title: string, prompt: string) =>
    studio.handlers['drafts.create']({ title, mode: 'freeText', freeText: prompt, prompt, campaignId: campaign.id });
  const a = await draft('Harbour at dawn', 'A fishing boat leaves a foggy harbour at dawn, slow dolly forward, soft golden light, 16:9, gulls calling.');
  const b = await draft('Night market', 'A crowded night market, handheld tracking shot, neon light, close-up of steaming dumplings.');
  const c = await draft('Desert road', 'A red car on an empty desert road.');
  await studio.handlers['reviews.request']({ draftId: a.id, requestedBy: 'Ana' });
  return { campaign, a, b, c };
}

async function scoreDraft(page: Page, scores: Record<string, number>, comment: string) {
  for (const [item, value] of Object.entries(scores)) {
    await page.getByRole('group', { name: item, exact: true }).getByRole('radio', { name: String(value), exact: true }).check();
  }
  await page.getByLabel('Comment').fill(comment);
  const reviewer = page.getByLabel('Reviewer name');
  await reviewer.fill('Rae');
  await page.getByRole('button', { name: 'Submit review' }).click();
}

test('a reviewer scores the queued draft beside the automatic analysis, then an unreviewed one; the campaign sums it up', async ({
  page,
  studio,
}, testInfo) => {
  const { a, b } = await seedCampaign(studio);
  await openScreen(page, 'Reviews');
  await page.getByLabel('Campaign').selectOption({ label: 'Spring launch' });

  const queue = page.getByRole('list', { name: 'Review queue' });
  await expect(queue.getByRole('button')).toHaveCount(1);
  await queue.getByRole('button', { name: /Harbour at dawn/ }).click();
  const form = page.getByRole('form', { name: /Review “Harbour at dawn”/ });
  await expect(form).toContainText(a.prompt);
  await expect(form.getByText(/^Automatic:/)).toHaveCount(6);

  // Submitting with items unscored says which ones.
  await page.getByRole('group', { name: 'Subject', exact: true }).getByRole('radio', { name: '5', exact: true }).check();
  await page.getByLabel('Reviewer name').fill('Rae');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Score every item' })).toHaveText(/Camera, Lighting, Format, Detail, Audio still unscored/);
  await page.screenshot({ path: testInfo.outputPath('reviews-scoring.png'), fullPage: true });

  await scoreDraft(page, SCORES_A, 'Strong opening; say what we hear besides gulls.');
  await expect(page.getByRole('status').filter({ hasText: 'Review of “Harbour at dawn” saved.' })).toBeVisible();
  await expect(queue.getByRole('button')).toHaveCount(0);
  await expect(page.getByText('Nothing is waiting for review.')).toBeVisible();

  const summary = page.getByRole('region', { name: 'Campaign: Spring launch' });
  await expect(summary.getByTestId('review-coverage')).toHaveText('1 of 3 drafts reviewed');
  await expect(summary.getByRole('row', { name: /Audio/ })).toContainText('2.0');
  const unreviewed = summary.getByRole('list', { name: 'Unreviewed drafts' });
  await expect(unreviewed.getByRole('listitem')).toHaveCount(2);
  await expect(unreviewed).toContainText('Night market');
  await expect(unreviewed).toContainText('Desert road');

  await unreviewed.getByRole('button', { name: 'Review Night market' }).click();
  await expect(page.getByRole('form', { name: /Review “Night market”/ })).toContainText(b.prompt);
  await scoreDraft(page, SCORES_B, '');
  await expect(summary.getByTestId('review-coverage')).toHaveText('2 of 3 drafts reviewed');
  await expect(summary.getByRole('row', { name: /Subject/ })).toContainText('4.0');
  await expect(summary.getByRole('row', { name: /Audio/ })).toContainText('3.0');
  await expect(summary.getByRole('row', { name: /Overall/ })).toContainText(((23 + 21) / 12).toFixed(1));
  await expect(unreviewed.getByRole('listitem')).toHaveText([/Desert road/]);
  await page.screenshot({ path: testInfo.outputPath('reviews-summary.png'), fullPage: true });

  // Stored as typed: the scores and the comment are the draft's.
  const reviews = await studio.handlers['reviews.forDraft']({ id: a.id });
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({ reviewer: 'Rae', draftVersion: 1, comment: 'Strong opening; say what we hear besides gulls.', scores: { subject: 5, audio: 2 } });
});

test('a campaign exports its drafts with their review scores as JSON and CSV', async ({ page, studio }) => {
  const { a } = await seedCampaign(studio);
  await studio.handlers['reviews.submit']({
    draftId: a.id,
    draftVersion: 1,
    reviewer: 'Rae',
    scores: { subject: 5, camera: 4, lighting: 4, format: 3, detail: 5, audio: 2 },
    comment: 'Needs "sound", please',
  });
  await openScreen(page, 'Reviews');
  await page.getByLabel('Campaign').selectOption({ label: 'Spring launch' });
  const summary = page.getByRole('region', { name: 'Campaign: Spring launch' });

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(jsonDownload.suggestedFilename()).toBe('Spring-launch.json');
  const bundle = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as {
    campaigns: Array<{ name: string }>;
    drafts: Array<{ title: string; reviews: Array<{ reviewer: string; scores: Record<string, number> }> }>;
  };
  expect(bundle.campaigns.map((c) => c.name)).toEqual(['Spring launch']);
  expect(bundle.drafts.map((d) => d.title).sort()).toEqual(['Desert road', 'Harbour at dawn', 'Night market']);
  expect(bundle.drafts.find((d) => d.title === 'Harbour at dawn')?.reviews[0]).toMatchObject({ reviewer: 'Rae', scores: { subject: 5, audio: 2 } });

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), summary.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('Spring-launch.csv');
  const lines = (await readFile((await csvDownload.path())!, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('draft_id,title,campaign,version,tags,prompt,reviewed_version,reviewer,subject,camera,lighting,format,detail,audio,comment,reviewed_at');
  expect(lines).toHaveLength(4);
  const harbour = lines.find((l) => l.includes('Harbour at dawn'));
  expect(harbour).toContain(',Rae,5,4,4,3,5,2,"Needs ""sound"", please",');
});

test('an author asks for a review, a reviewer scores it from the queue, and the author sees it on the draft', async ({ page, studio }, testInfo) => {
  const campaign = await studio.handlers['campaigns.create']({ name: 'Winter spots' });
  const prompt = 'A skier carves fresh powder, drone follows from behind, low winter sun, 9:16.';
  await studio.handlers['drafts.create']({ title: 'Powder day', mode: 'freeText', freeText: prompt, prompt, campaignId: campaign.id });
  await page.reload();

  // The author asks.
  await openDraft(page, 'Powder day');
  await page.getByRole('tab', { name: 'Reviews' }).click();
  const authorView = page.getByRole('region', { name: 'Reviews' });
  await expect(authorView).toContainText('No reviews yet.');
  await authorView.getByRole('button', { name: 'Request a review' }).click();
  await expect(authorView.getByRole('button', { name: 'Review requested' })).toBeDisabled();

  // The reviewer scores it from the queue.
  await openScreen(page, 'Reviews');
  await page.getByRole('list', { name: 'Review queue' }).getByRole('button', { name: /Powder day/ }).click();
  await scoreDraft(page, SCORES_A, 'Lovely light. Name the sound of the snow.');
  await expect(page.getByText('Nothing is waiting for review.')).toBeVisible();

  // The author sees it.
  await openDraft(page, 'Powder day');
  await page.getByRole('tab', { name: 'Reviews' }).click();
  const review = authorView.getByRole('article', { name: 'Review by Rae' });
  await expect(review).toContainText('Lovely light. Name the sound of the snow.');
  await expect(review).toContainText('reviewed version 1');
  await expect(review.getByRole('definition')).toHaveText(['5 / 5', '4 / 5', '4 / 5', '3 / 5', '5 / 5', '2 / 5']);
  await expect(authorView).toContainText('1 review · average 3.8 / 5');
  await page.screenshot({ path: testInfo.outputPath('reviews-author-view.png') });
});
