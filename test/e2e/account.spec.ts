/** Sign-in with an API token through the Account screen, against the real gated server. */
import { AdminApi, openScreen, signInThroughUi } from './admin';
import { expect, test } from './fixtures';

test('signed out, the account area asks for a token and the gate says to sign in', async ({ page }, testInfo) => {
  await openScreen(page, 'Account');
  const banner = page.getByRole('region', { name: 'Generation status' });
  await expect(banner).toContainText('Signed out');
  await expect(banner).toContainText(/sign in with an API token/i);
  await expect(page.getByLabel('API token')).toHaveAttribute('type', 'password');
  await page.screenshot({ path: testInfo.outputPath('account-signed-out.png') });
});

test('a tester signs in with a token, sees credits and early access, and the token is gone from the page', async ({
  page,
  serverUrl,
  adminToken,
  studio,
}, testInfo) => {
  const admin = new AdminApi(serverUrl, adminToken);
  await admin.openService();
  const tester = await admin.tester('Tess', { credits: 40, earlyAccess: false });

  await signInThroughUi(page, tester.token);
  const details = page.getByRole('region', { name: 'Your account' });
  await expect(details).toContainText(tester.name);
  await expect(page.getByTestId('account-credits')).toHaveText('40 available');
  await expect(page.getByTestId('account-early-access')).toContainText(/not yet/i);
  await expect(page.getByLabel('API token')).toHaveCount(0);
  // Nothing in the page holds the token after the hand-off: not the DOM, not web storage.
  const leaks = await page.evaluate((token) => {
    const g = globalThis as unknown as { document: { documentElement: { outerHTML: string } }; localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null }; sessionStorage: unknown };
    const storage: string[] = [];
    for (let i = 0; i < g.localStorage.length; i += 1) storage.push(g.localStorage.getItem(g.localStorage.key(i) ?? '') ?? '');
    return { dom: g.document.documentElement.outerHTML.includes(token), storage: storage.some((v) => v.includes(token)) };
  }, tester.token);
  expect(leaks).toEqual({ dom: false, storage: false });
  await expect(studio.handlers['account.status']({})).resolves.toMatchObject({ signedIn: true });
  await page.screenshot({ path: testInfo.outputPath('account-signed-in.png') });

  // Early access granted by the operator shows after a re-check.
  await admin.setEarlyAccess(tester.id, true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('API token')).toBeVisible();
  await signInThroughUi(page, tester.token);
  await expect(page.getByTestId('account-early-access')).toContainText(/enabled/i);
});

test('a wrong token is refused in plain words and the field is empty again', async ({ page, serverUrl, adminToken }) => {
  await new AdminApi(serverUrl, adminToken).openService();
  await openScreen(page, 'Account');
  await page.getByLabel('API token').pressSequentially('not-a-real-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: /token/ })).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
