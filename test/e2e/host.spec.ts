/** The browser host: window.shotlist in the page, its authentication, calls and events; npm run dev:browser. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountStatus, IpcResult, ShotlistApi } from '../../src/shared/ipc/contract';
import type { Draft, DraftSummary } from '../../src/shared/studio/models';
import { expect, test } from './fixtures';

/** The page's global scope, as the studio page sees it (these specs compile without DOM types). */
type StudioPage = { shotlist: ShotlistApi } & Record<string, unknown>;

test('the page gets window.shotlist with exactly invoke and on, and cannot replace it', async ({ page }) => {
  const shape = await page.evaluate(() => {
    const page = globalThis as unknown as StudioPage;
    const api = page.shotlist as unknown as Record<string, unknown>;
    const before = api.invoke;
    try {
      (page as { shotlist: unknown }).shotlist = { invoke: () => 'hijacked' };
    } catch {
      // Strict-mode pages throw; either way the API must stay.
    }
    return {
      keys: Object.keys(api).sort(),
      types: [typeof api.invoke, typeof api.on],
      frozen: Object.isFrozen(api),
      unchanged: page.shotlist.invoke === before,
      noIpcRenderer: !('ipcRenderer' in page) && !('require' in page) && !('process' in page),
    };
  });
  expect(shape).toEqual({ keys: ['invoke', 'on'], types: ['function', 'function'], frozen: true, unchanged: true, noIpcRenderer: true });
});

test('a draft created through window.shotlist is listed, and bad input gets a coded error', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const created = await (globalThis as unknown as StudioPage).shotlist.invoke('drafts.create', { title: 'Harbour at dawn' });
    const listed = await (globalThis as unknown as StudioPage).shotlist.invoke('drafts.list', {});
    const bad = await (globalThis as unknown as StudioPage).shotlist.invoke('drafts.get', { id: 42 } as never);
    const unknown = await (globalThis as unknown as StudioPage).shotlist.invoke('drafts.explode' as never, {} as never);
    return { created, listed, bad, unknown };
  });
  expect(result.created.ok).toBe(true);
  const draft = (result.created as { ok: true; value: Draft }).value;
  expect(draft.title).toBe('Harbour at dawn');
  expect(result.listed.ok).toBe(true);
  expect((result.listed as { ok: true; value: DraftSummary[] }).value.map((d) => d.id)).toEqual([draft.id]);
  expect(result.bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(result.unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});

test('calls without the secret, with a wrong one, from another origin or another Host are refused', async ({ request, host, studio }) => {
  const call = (headers: Record<string, string>) =>
    request.post(`${host.origin}/ipc/drafts.create`, { headers: { 'content-type': 'application/json', ...headers }, data: { title: 'intruder' } });
  const good = `${host.cookieName}=${new URL(host.url).searchParams.get('k')}`;

  const refused = [
    await call({}),
    await call({ cookie: `${host.cookieName}=not-the-secret` }),
    await call({ cookie: good, origin: 'http://evil.example' }),
    await call({ cookie: good, origin: 'http://127.0.0.1:1' }),
    await call({ cookie: good, 'sec-fetch-site': 'cross-site' }),
    await call({ cookie: good, host: 'attacker.example' }),
  ];
  for (const response of refused) expect(response.status()).toBeGreaterThanOrEqual(400);
  for (const response of refused.slice(0, 5)) {
    expect(((await response.json()) as IpcResult<unknown>)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  }
  expect(await studio.handlers['drafts.list']({})).toEqual([]);

  const events = await request.get(`${host.origin}/events`, { headers: { cookie: `${host.cookieName}=wrong` } });
  expect(events.status()).toBe(403);
  const wrongKey = await request.get(`${host.origin}/?k=wrong`, { maxRedirects: 0 });
  expect(wrongKey.status()).toBe(403);

  // The same call with the secret and our origin goes through: the refusals above were not an accident.
  const accepted = await call({ cookie: good, origin: host.origin });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ ok: true, value: { title: 'intruder' } });
});

test('a page of another origin cannot call the studio', async ({ page, host, context }) => {
  // Another loopback page (same site, other port) tries a cross-origin call with the browser's cookies.
  const other = await context.newPage();
  await other.route('http://127.0.0.1:1/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>other</p>' }));
  await other.goto('http://127.0.0.1:1/');
  const outcome = await other.evaluate(async (origin) => {
    try {
      const response = await fetch(`${origin}/ipc/drafts.create`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ title: 'from another origin' }),
      });
      return `status ${response.status}`;
    } catch {
      return 'blocked';
    }
  }, host.origin);
  // The browser hides the answer from the other page; the host refused it too: nothing was created.
  expect(outcome).toBe('blocked');
  const listed = await page.evaluate(() => (globalThis as unknown as StudioPage).shotlist.invoke('drafts.list', {}));
  expect(listed).toEqual({ ok: true, value: [] });
});

test('events arrive over the event stream', async ({ page, serverUrl }) => {
  const received = await page.evaluate(async (url) => {
    const events: AccountStatus[] = [];
    const stop = (globalThis as unknown as StudioPage).shotlist.on('account.changed', (status) => events.push(status));
    // Pointing the studio at another server re-checks the account and says so as an event.
    const changed = await (globalThis as unknown as StudioPage).shotlist.invoke('settings.update', { serverUrl: `${url}/` });
    const deadline = Date.now() + 10_000;
    while (events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    stop();
    return { changed: changed.ok, events };
  }, serverUrl);
  expect(received.changed).toBe(true);
  expect(received.events.length).toBeGreaterThan(0);
  expect(received.events[0]).toMatchObject({ signedIn: false, serverUrl: `${serverUrl}/` });
});

test('the page is served with a strict CSP and the renderer shows', async ({ page, host, request }) => {
  const response = await request.get(`${host.origin}/assets/../../package.json`);
  expect([403, 404]).toContain(response.status());
  const traversal = await request.get(`${host.origin}/..%2f..%2fpackage.json`);
  expect(traversal.status()).toBe(403);
  const csp = (await request.get(`${host.origin}/shotlist-bridge.js`)).headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'none'");
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});

test('npm run dev:browser prints one "Studio:" line that opens the studio in Chromium, and stops cleanly', async ({ browser }) => {
  const devDir = await mkdtemp(join(tmpdir(), 'shotlist-dev-browser-'));
  // The script's second half (the first builds the renderer, which npm test has done already).
  const child = spawn('node_modules/.bin/tsx', ['src/browser-host/main.ts'], {
    env: { ...process.env, SHOTLIST_DEV_DIR: devDir, SHOTLIST_DEV_SERVER_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => stdout, { timeout: 30_000 }).toMatch(/\n$/);
    expect(stdout).toMatch(/^Studio: http:\/\/127\.0\.0\.1:\d+\/\?k=[\w-]{43}\n$/);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(stdout.slice('Studio: '.length).trim());
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
    const saved = await page.evaluate(async () => {
      const api = (globalThis as unknown as StudioPage).shotlist;
      await api.invoke('drafts.create', { title: 'dev draft' });
      const settings = await api.invoke('settings.get', {});
      const drafts = await api.invoke('drafts.list', {});
      const account = await api.invoke('account.status', {});
      const gate = await api.invoke('gate.refresh', {});
      return { settings, drafts, account, gate };
    });
    expect(saved.drafts).toMatchObject({ ok: true, value: [{ title: 'dev draft' }] });
    // The studio points at the local gated server it started, which answers.
    const serverUrl = (saved.settings as { ok: true; value: { serverUrl: string } }).value.serverUrl;
    expect(serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${serverUrl}/v1/gate`)).status).toBe(401);
    // Signed in as the local developer through the keychain, and the local gate lets it generate.
    expect(saved.account).toMatchObject({ ok: true, value: { signedIn: true, keychainProblem: null, me: { earlyAccess: true } } });
    expect(saved.gate).toMatchObject({ ok: true, value: { state: 'allowed' } });
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(0);
    await rm(devDir, { recursive: true, force: true });
  }
});
