/**
 * The local server both ways of running the studio start (`npm start` in Electron, `npm run
 * dev:browser`): the local developer is signed in through the keychain, stays signed in across
 * runs with the same token, and someone signed in as another account is left so.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignedInLocalServer, type LocalGatedServer } from '../../../src/browser-host/local-stack';
import { createMemorySecretStore } from '../../../src/main/services/secret-store';
import { testTempDir } from '../../helpers/temp-dir';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function me(server: LocalGatedServer, token: string | null): Promise<{ status: number; body: { id?: string; earlyAccess?: boolean } }> {
  const res = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token ?? ''}` } });
  return { status: res.status, body: (await res.json()) as { id?: string; earlyAccess?: boolean } };
}

describe('startSignedInLocalServer', () => {
  let server: LocalGatedServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('signs the developer in through the keychain, and keeps the same token on the next run', async () => {
    const dir = join(testTempDir('shotlist-local-stack-'), 'server');
    const port = await freePort();
    const secrets = createMemorySecretStore();

    server = await startSignedInLocalServer(dir, secrets, port);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    const token = await secrets.get(server.url);
    expect(token).toBe(server.devToken);
    expect(await me(server, token)).toMatchObject({ status: 200, body: { earlyAccess: true } });
    await server.close();

    server = await startSignedInLocalServer(dir, secrets, port);
    expect(await secrets.get(server.url)).toBe(token);
    expect(server.devToken).toBe(token);
    expect((await me(server, token)).status).toBe(200);
  });

  it('leaves someone signed in as another account of that server signed in as them', async () => {
    const dir = join(testTempDir('shotlist-local-stack-'), 'server');
    const port = await freePort();
    const secrets = createMemorySecretStore();
    server = await startSignedInLocalServer(dir, secrets, port);
    const created = await fetch(`${server.url}/v1/admin/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada' }),
    });
    const ada = (await created.json()) as { id: string; token: string };
    await secrets.set(server.url, ada.token);
    await server.close();

    server = await startSignedInLocalServer(dir, secrets, port);
    expect(await secrets.get(server.url)).toBe(ada.token);
    expect((await me(server, ada.token)).body.id).toBe(ada.id);
    expect(server.devToken).not.toBe(ada.token);
    expect((await me(server, server.devToken)).status).toBe(200);
  });
});
