import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient, ApiClient } from '../../../src/main/services/server-client';
import { startFakeGatedServer, type FakeGatedServer } from './fake-gated-server';

let server: FakeGatedServer;
beforeEach(async () => {
  server = await startFakeGatedServer();
});
afterEach(() => server.close());

const user = (s: FakeGatedServer, over: { timeoutMs?: number; fetch?: typeof fetch } = {}) =>
  new ApiClient({ baseUrl: () => s.url, token: async () => s.userToken, ...over });
const admin = (s: FakeGatedServer) => new AdminClient({ baseUrl: () => s.url, token: async () => s.adminToken });

describe('ApiClient', () => {
  it('calls every user endpoint and parses the replies', async () => {
    const c = user(server);
    expect(await c.me()).toMatchObject({ id: 'u1', earlyAccess: true });
    expect(await c.gate()).toMatchObject({ generationEnabled: true, reasons: [] });
    expect((await c.validatePrompt({ prompt: 'a kite' })).quality.score).toBe(50);
    const g = await c.createGeneration({ prompt: 'a kite', durationSeconds: 4 }, 'key-1');
    expect(server.submissions[0]).toMatchObject({ key: 'key-1', authorization: `Bearer ${server.userToken}` });
    expect((await c.getGeneration(g.id)).id).toBe(g.id);
    expect(await c.listGenerations({ limit: 1 })).toMatchObject({ items: [{ id: g.id }], nextCursor: null });
    expect((await c.cancelGeneration(g.id)).status).toBe('canceled');
    await c.requestEarlyAccess('a@example.com');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/me',
      'GET /v1/gate',
      'POST /v1/prompts/validate',
      'POST /v1/generations',
      `GET /v1/generations/${g.id}`,
      'GET /v1/generations',
      `POST /v1/generations/${g.id}/cancel`,
      'POST /v1/early-access',
    ]);
  });

  it('turns problem+json into a StudioError with the server code and detail', async () => {
    await expect(user(server).createGeneration({ prompt: 'x [reject]' }, 'k')).rejects.toMatchObject({
      code: 'server_error',
      serverCode: 'prompt_rejected',
      message: 'The prompt was rejected.',
    });
    await expect(new ApiClient({ baseUrl: () => server.url, token: async () => 'bad' }).me()).rejects.toMatchObject({
      code: 'signed_out',
      serverCode: 'unauthenticated',
    });
  });

  it('says signed_out with no token, without calling the server', async () => {
    await expect(new ApiClient({ baseUrl: () => server.url, token: async () => null }).gate()).rejects.toMatchObject({ code: 'signed_out' });
    expect(server.requests).toEqual([]);
  });

  it('reports offline when nothing listens and when the server does not answer in time', async () => {
    const url = server.url;
    server.hang = true;
    await expect(user(server, { timeoutMs: 100 }).gate()).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/did not answer/) });
    await server.close();
    await expect(new ApiClient({ baseUrl: () => url, token: async () => 't' }).gate()).rejects.toMatchObject({
      code: 'offline',
      message: 'The server cannot be reached.',
    });
  });

  it('rejects a reply that does not match the contract', async () => {
    const lying: typeof fetch = async () => new Response(JSON.stringify({ generationEnabled: 'yes' }), { status: 200 });
    await expect(user(server, { fetch: lying }).gate()).rejects.toMatchObject({ code: 'server_error', message: expect.stringMatching(/contract/) });
  });
});

describe('AdminClient', () => {
  it('calls every admin endpoint', async () => {
    const a = admin(server);
    expect(await a.createUser('Rui')).toEqual({ id: 'u2', name: 'Rui', token: 'new-token' });
    await a.revokeTokens('u2');
    expect(await a.addCredits('u1', 5, 'welcome')).toEqual({ available: 105, reserved: 0 });
    await a.setEarlyAccess('u1', true);
    expect(await a.setGate(true)).toEqual({ generationEnabled: true });
    expect(await a.setBudget({ dailyCreditCap: 100, userDailyCreditCap: null })).toEqual({ dailyCreditCap: 100, userDailyCreditCap: null });
    const g = await user(server).createGeneration({ prompt: 'p' }, 'k');
    expect(await a.getGeneration(g.id)).toMatchObject({ id: g.id, ownerId: 'u1', providerTaskId: 'task-1' });
    expect((await a.spend()).today.charged).toBe(8);
    expect(server.requests.filter((r) => r.path.startsWith('/v1/admin')).map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'PUT', 'PUT', 'PUT', 'GET', 'GET']);
  });

  it('is refused with a user token', async () => {
    await expect(new AdminClient({ baseUrl: () => server.url, token: async () => server.userToken }).spend()).rejects.toMatchObject({
      code: 'signed_out',
      serverCode: 'unauthenticated',
    });
  });
});
