/**
 * End-to-end fixtures: the real renderer (out/renderer, built by `npm test` before Playwright
 * runs) in Chromium, talking to real studio services through the browser host, against a
 * local gated server.
 *
 * Use:
 *   import { test, expect } from './fixtures';
 *
 *   test('drafts appear in the list', async ({ page, serverUrl, adminToken }) => {
 *     // `page` is already on the studio, with window.shotlist installed.
 *     await page.getByRole('button', { name: 'Drafts' }).click();
 *   });
 *
 * Fixtures:
 * - page: at the studio URL; the test FAILS if the page logs a console error or throws.
 *   Tests that provoke an error on purpose call `allowConsoleErrors(/pattern/)` first.
 * - studio / host / dataDir: the studio services (call them directly with `studio.handlers`),
 *   the browser host ({ url, origin, cookieName }) and the studio's temp data directory.
 *   Each test gets a fresh studio and host.
 * - serverUrl / adminToken: the gated server the studio points at (one per worker), for tests
 *   that open or close the gate, create users or add credits over its admin API.
 */
import { test as base, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../../src/browser-host/host';
import { createMemorySecretStore } from '../../src/main/services/secret-store';
import { createJsonFileSettingsStore, DEFAULT_SETTINGS } from '../../src/main/services/settings-store';
import { createStudio, type Studio } from '../../src/main/services/studio';
import { startGatedServer } from '../../src/server/start';

export { expect };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = join(ROOT, 'out/renderer');

export interface LocalGatedServer {
  url: string;
  adminToken: string;
  close(): Promise<void>;
}

/** The real gated server on a temp data dir, SQLite, the simulated provider, nothing from the environment. */
async function startLocalGatedServer(dataDir: string): Promise<LocalGatedServer> {
  const adminToken = `admin-${randomBytes(24).toString('base64url')}`;
  const server = await startGatedServer({ env: {}, dataDir, adminToken, port: 0, host: '127.0.0.1' });
  return { url: server.url, adminToken, close: () => server.close() };
}

type WorkerFixtures = { gatedServer: LocalGatedServer };
type TestFixtures = {
  dataDir: string;
  studio: Studio;
  host: BrowserHost;
  serverUrl: string;
  adminToken: string;
  allowConsoleErrors: (pattern: RegExp) => void;
};

export const test = base.extend<TestFixtures & { consoleGuard: { allowed: RegExp[] } }, WorkerFixtures>({
  gatedServer: [
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'shotlist-e2e-server-'));
      const server = await startLocalGatedServer(dir);
      await use(server);
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  serverUrl: async ({ gatedServer }, use) => use(gatedServer.url),
  adminToken: async ({ gatedServer }, use) => use(gatedServer.adminToken),

  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'shotlist-e2e-studio-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  studio: async ({ dataDir, serverUrl }, use) => {
    const settingsStore = createJsonFileSettingsStore(join(dataDir, 'settings.json'));
    settingsStore.write({ ...DEFAULT_SETTINGS, serverUrl });
    const studio = await createStudio({ dataDir, secretStore: createMemorySecretStore(), settingsStore });
    await use(studio);
    await studio.close();
  },
  host: async ({ studio }, use) => {
    const host = await startBrowserHost({ studio, rendererDir: RENDERER_DIR });
    await use(host);
    await host.close();
  },

  // The renderer's <meta> CSP leaves out frame-ancestors (Chromium ignores it there, with an
  // error); the hosts send the full policy, frame-ancestors included, as a header.
  consoleGuard: async ({}, use) => use({ allowed: [] }),
  allowConsoleErrors: async ({ consoleGuard }, use) => use((pattern) => void consoleGuard.allowed.push(pattern)),

  page: async ({ page, host, consoleGuard }, use) => {
    const errors: string[] = [];
    const record = (text: string) => {
      if (!consoleGuard.allowed.some((pattern) => pattern.test(text))) errors.push(text);
    };
    page.on('console', (message) => {
      if (message.type() === 'error') record(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => record(`uncaught: ${error.message}`));
    await page.goto(host.url);
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});
