/**
 * A user's history over HTTP is exact after every kind of change, whoever made it: the routes,
 * a write that bypasses them, another process writing to the same PostgreSQL database (the
 * first page is served from a kept copy while the user's history_version is unchanged), another
 * user. Each page is checked item by item against GET /v1/generations/{id}, which never uses a
 * kept copy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/server/db';
import { settle } from '../../../src/server/generations/store';
import { ENGINES, startHarness, type Harness } from './helpers/harness';

const PROMPT = 'A paper boat drifts down a rain-soaked street, low angle, evening light';

describe.each(ENGINES)('history pages on %s', (engine) => {
  let h: Harness;
  let other: Database | undefined;
  afterEach(async () => {
    await other?.close();
    await h?.close();
  });

  async function page(token: string, limit = 10): Promise<any[]> {
    const res = await h.call('GET', `/v1/generations?limit=${limit}`, { token });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function expectExact(token: string): Promise<any[]> {
    const items = await page(token);
    for (const item of items) expect(item).toEqual((await h.call('GET', `/v1/generations/${item.id}`, { token })).body);
    return items;
  }

  it('shows every change at once: submits, cancels, webhooks, another process, and never another user’s', async () => {
    h = await startHarness(engine);
    await h.openGate();
    const ada = await h.user({ credits: 100 });
    const bo = await h.user({ credits: 100 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.submit(ada.token, { prompt: `${PROMPT} ${i}`, durationSeconds: 4 })).body.id);

    expect((await expectExact(ada.token)).map((g) => g.id)).toEqual([...ids].reverse());
    expect(await page(ada.token)).toEqual(await page(ada.token));

    // Another user's submission changes nothing in Ada's page.
    const before = await page(ada.token);
    await h.submit(bo.token, { prompt: PROMPT, durationSeconds: 4 });
    expect(await page(ada.token)).toEqual(before);

    // A cancel through this server.
    await h.call('POST', `/v1/generations/${ids[0]}/cancel`, { token: ada.token, body: {} });
    expect((await expectExact(ada.token)).find((g) => g.id === ids[0])).toMatchObject({ status: 'canceled', refunded: true });

    // A provider webhook: the task finishes.
    const providerTaskId = h.provider.created.get(ids[1]!)!.providerTaskId;
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId } })).status).toBe(200);
    expect((await expectExact(ada.token)).find((g) => g.id === ids[1])!.status).toBe('running');
    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId, videoUrl: 'fake://clip/1' } })).status).toBe(200);
    const succeeded = (await expectExact(ada.token)).find((g) => g.id === ids[1])!;
    expect(succeeded.status).toBe('succeeded');
    expect(succeeded.videoUrl).toMatch(/\/v1\/videos\//);

    if (engine === 'postgres') {
      // Another process writing to the same database (the embedded one allows only one process).
      other = await openDatabase({ databaseUrl: h.databaseUrl, dataDir: h.dataDir });
      await other.transaction((tx) => settle(tx, ids[2]!, { status: 'failed', error: { code: 'provider_failed', message: 'gone' } }, Date.now()));
    } else {
      await h.server.context.db.transaction((tx) => settle(tx, ids[2]!, { status: 'failed', error: { code: 'provider_failed', message: 'gone' } }, Date.now()));
    }
    expect((await expectExact(ada.token)).find((g) => g.id === ids[2])).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_failed' } });

    // A new submission heads the page.
    const fourth = (await h.submit(ada.token, { prompt: `${PROMPT} 4`, durationSeconds: 4 })).body.id;
    expect((await expectExact(ada.token))[0].id).toBe(fourth);
    expect((await page(bo.token)).map((g) => g.id)).not.toContain(fourth);
  });
});
