/**
 * SIGTERM drains (gated-api.md): a request already in flight is answered; one that arrives on
 * its connection meanwhile gets a 503 problem+json telling the client to retry, and the
 * connection is closed.
 */
import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { Problem } from '../../../src/shared/contracts/api';
import { startHarness, type Harness } from './helpers/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

it('answers the request in flight, and a request arriving while draining with 503 problem+json', async () => {
  h = await startHarness('sqlite');
  await h.openGate();
  const u = await h.user();
  const { port } = new URL(h.server.url);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));

  const body = JSON.stringify({ prompt: 'A lighthouse at dusk, slow push in [sim:slow]' });
  socket.write(
    `POST /v1/generations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${u.token}\r\nIdempotency-Key: drain-1\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  await until(() => h!.provider.createCalls === 1);

  const closed = h.server.close();
  // The listener closes right after the drain has begun (Fastify's preClose hooks).
  await until(() => !h!.server.app.server.listening);
  socket.write(`GET /v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${u.token}\r\n\r\n`);
  // Loopback: the pipelined request is read at once; this margin is for a loaded machine.
  await new Promise((r) => setTimeout(r, 200));
  h.provider.releaseSlow();
  await ended;
  await closed;
  h = undefined;

  const responses = received.split(/(?=HTTP\/1\.1 )/);
  expect(responses).toHaveLength(2);
  expect(responses[0]).toMatch(/^HTTP\/1\.1 202 /);
  expect(responses[1]).toMatch(/^HTTP\/1\.1 503 /);
  expect(responses[1]).toMatch(/\r\ncontent-type: application\/problem\+json/i);
  expect(responses[1]).toMatch(/\r\nconnection: close/i);
  expect(responses[1]).toMatch(/\r\nretry-after: 1/i);
  const problem = Problem.parse(JSON.parse(responses[1]!.slice(responses[1]!.indexOf('\r\n\r\n') + 4)));
  expect(problem.code).toBe('unavailable');
});
