/**
 * Two promises a tester relies on: what Generate prices and sends is what is on screen, even
 * with an edit made a moment ago; and with the server out of reach the studio says so, keeps
 * Generate disabled, and drafting goes on.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AdminApi, checkGateAgain, openDraft, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

/** A loopback relay to the gated server: the studio's network, which the test can cut. */
async function startRelay(target: string): Promise<{ url: string; cut(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('an edit made just before Generate is saved first, so the confirmation prices it', async ({ page, studio, serverUrl, adminToken }) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Uma', { credits: 40 });
  const prompt = 'A red kite over a windy beach at noon, slow tracking shot, bright sunlight, 8 seconds.';
  const draft = await studio.handlers['drafts.create']({ title: 'Kite', mode: 'freeText', freeText: prompt, prompt });
  await page.reload();
  await signInThroughUi(page, tester.token);
  await openDraft(page, 'Kite');

  // Eight seconds costs 8; move the slider to 12 and press Generate at once, inside the autosave delay.
  const duration = page.getByRole('slider', { name: 'Duration' });
  await duration.focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(duration).toHaveAttribute('aria-valuetext', '12 seconds');
  await page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Generate', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Generate this draft?' });
  await expect(dialog).toContainText('12 credits will be reserved');
  expect((await studio.handlers['drafts.get']({ id: draft.id })).options.durationSeconds).toBe(12);
});

test('with the server out of reach, the studio says so, Generate stays disabled, and drafting goes on', async ({
  page,
  studio,
  serverUrl,
  adminToken,
}, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Olu', { credits: 40 });
  const relay = await startRelay(serverUrl);
  const prompt = 'A lighthouse on a cliff at dusk, slow crane up, warm lamp light, 6 seconds, 16:9.';
  await studio.handlers['drafts.create']({ title: 'Lighthouse', mode: 'freeText', freeText: prompt, prompt });
  await studio.handlers['settings.update']({ serverUrl: relay.url });
  await page.reload();
  await signInThroughUi(page, tester.token);
  await openDraft(page, 'Lighthouse');
  await expect(page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Generate', exact: true })).toBeEnabled();

  await relay.cut();
  await checkGateAgain(page);
  const banner = page.getByRole('region', { name: 'Generation status' });
  await expect(banner).toContainText(/cannot be reached/i);
  const generate = page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Generate', exact: true });
  await expect(generate).toBeDisabled();
  await expect(generate).toHaveAccessibleDescription(/cannot be reached/i);

  // Offline drafting: the quality preview still works and an edit is saved to disk.
  const before = (await studio.handlers['drafts.list']({})).find((d) => d.title === 'Lighthouse');
  const chips = page.getByRole('list', { name: 'Checklist coverage' });
  await expect(chips).toContainText('Product or scene detail: Missing');
  await page.getByLabel('Prompt', { exact: true }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The keeper wears a bright yellow oilskin coat.');
  await expect(chips).toContainText('Product or scene detail: Covered');
  await page.keyboard.press('Control+s');
  await expect
    .poll(async () => (await studio.handlers['drafts.list']({})).find((d) => d.title === 'Lighthouse')?.version)
    .toBeGreaterThan(before?.version ?? 0);
  await page.screenshot({ path: testInfo.outputPath('offline.png') });
});
