/**
 * A small stand-in for the gated server, answering per shared/contracts/gated-api.md, on
 * 127.0.0.1 port 0. Tests steer it (gate state, failures) and read what it received.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, GateState, Generation, GenerationStatus } from '../../../src/shared/contracts/api';

export interface ReceivedSubmission {
  key: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface FakeGatedServer {
  url: string;
  userToken: string;
  adminToken: string;
  gate: GateState;
  submissions: ReceivedSubmission[];
  generations: Map<string, Generation>;
  requests: Array<{ method: string; path: string }>;
  /** Prompts containing this fail with prompt_rejected. */
  rejectMarker: string;
  /** While set, the server answers nothing (to test timeouts). */
  hang: boolean;
  setStatus(id: string, status: GenerationStatus): void;
  close(): Promise<void>;
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  invalid_request: 400,
  unauthenticated: 401,
  insufficient_credits: 402,
  early_access_required: 403,
  not_found: 404,
  prompt_rejected: 422,
  idempotency_key_reused: 422,
  generation_disabled: 503,
};

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(res: ServerResponse, code: ErrorCode, detail: string): void {
  const status = STATUS_OF[code] ?? 400;
  res
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: `https://shotlist.dev/problems/${code}`, title: code, status, code, detail, requestId: randomUUID() }));
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeGatedServer(): Promise<FakeGatedServer> {
  const state: Omit<FakeGatedServer, 'url' | 'close' | 'setStatus'> = {
    userToken: `user-${randomUUID()}`,
    adminToken: `admin-${randomUUID()}`,
    gate: { generationEnabled: true, reasons: [], credits: { available: 100, reserved: 0 }, dailyRemaining: null },
    submissions: [],
    generations: new Map(),
    requests: [],
    rejectMarker: '[reject]',
    hang: false,
  };
  const byKey = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    state.requests.push({ method, path });
    if (state.hang) return;
    const body = method === 'GET' ? {} : await bodyOf(req);
    const auth = req.headers.authorization;

    if (method === 'POST' && path === '/v1/early-access') return send(res, 202, {});
    if (path.startsWith('/v1/admin/')) {
      if (auth !== `Bearer ${state.adminToken}`) return problem(res, 'unauthenticated', 'Admin token required.');
      let m: RegExpMatchArray | null;
      if (method === 'POST' && path === '/v1/admin/users') return send(res, 201, { id: 'u2', name: body.name, token: 'new-token' });
      if (method === 'POST' && /^\/v1\/admin\/users\/[^/]+\/tokens\/revoke$/.test(path)) return send(res, 204);
      if (method === 'POST' && /^\/v1\/admin\/users\/[^/]+\/credits$/.test(path)) {
        state.gate.credits.available += Number(body.amount);
        return send(res, 200, state.gate.credits);
      }
      if (method === 'PUT' && /^\/v1\/admin\/users\/[^/]+\/early-access$/.test(path)) return send(res, 204);
      if (method === 'PUT' && path === '/v1/admin/gate') return send(res, 200, { generationEnabled: body.generationEnabled });
      if (method === 'PUT' && path === '/v1/admin/budget') return send(res, 200, body);
      if (method === 'GET' && (m = path.match(/^\/v1\/admin\/generations\/([^/]+)$/))) {
        const g = state.generations.get(decodeURIComponent(m[1] ?? ''));
        return g ? send(res, 200, { ...g, ownerId: 'u1', providerTaskId: 'task-1' }) : problem(res, 'not_found', 'No such generation.');
      }
      if (method === 'GET' && path === '/v1/admin/spend') {
        const today = { date: '2026-01-01', reserved: 8, charged: 8, refunded: 0 };
        return send(res, 200, { today, days: [today] });
      }
      return problem(res, 'not_found', 'No such admin route.');
    }

    if (auth !== `Bearer ${state.userToken}`) return problem(res, 'unauthenticated', 'Unknown token.');
    if (method === 'GET' && path === '/v1/me') return send(res, 200, { id: 'u1', name: 'Tess', earlyAccess: true, credits: state.gate.credits });
    if (method === 'GET' && path === '/v1/gate') return send(res, 200, state.gate);
    if (method === 'POST' && path === '/v1/prompts/validate') {
      const empty = { present: false, evidence: [], spans: [] };
      const checklist = { subject: empty, camera: empty, lighting: empty, format: empty, detail: empty, audio: empty };
      return send(res, 200, { ok: true, errors: [], quality: { score: 50, checklist, issues: [] } });
    }
    if (method === 'POST' && path === '/v1/generations') {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string') return problem(res, 'invalid_request', 'Idempotency-Key is required.');
      state.submissions.push({ key, body, authorization: auth });
      const existing = byKey.get(key);
      if (existing) return send(res, 200, state.generations.get(existing));
      if (String(body.prompt).includes(state.rejectMarker)) return problem(res, 'prompt_rejected', 'The prompt was rejected.');
      if (!state.gate.generationEnabled) return problem(res, 'generation_disabled', 'Generation is disabled.');
      const at = new Date().toISOString();
      const prompt = String(body.prompt);
      const generation: Generation = {
        id: `gen-${state.generations.size + 1}`,
        status: 'queued',
        createdAt: at,
        updatedAt: at,
        credits: Number(body.durationSeconds ?? 8),
        refunded: false,
        promptHash: createHash('sha256').update(prompt).digest('hex'),
        promptPreview: prompt.slice(0, 64),
        durationSeconds: Number(body.durationSeconds ?? 8),
        aspectRatio: (body.aspectRatio as Generation['aspectRatio']) ?? '16:9',
        clientRef: typeof body.clientRef === 'string' ? body.clientRef : null,
        videoUrl: null,
        error: null,
      };
      state.generations.set(generation.id, generation);
      byKey.set(key, generation.id);
      return send(res, 202, generation);
    }
    if (method === 'GET' && path === '/v1/generations') {
      const items = [...state.generations.values()].reverse();
      const limit = Number(url.searchParams.get('limit') ?? 20);
      return send(res, 200, { items: items.slice(0, limit), nextCursor: items.length > limit ? 'next' : null });
    }
    const one = path.match(/^\/v1\/generations\/([^/]+)(\/cancel)?$/);
    if (one) {
      const generation = state.generations.get(decodeURIComponent(one[1] ?? ''));
      if (!generation) return problem(res, 'not_found', 'No such generation.');
      if (method === 'POST' && one[2]) {
        const canceled: Generation = { ...generation, status: 'canceled', refunded: true, updatedAt: new Date().toISOString() };
        state.generations.set(generation.id, canceled);
        return send(res, 200, canceled);
      }
      if (method === 'GET' && !one[2]) return send(res, 200, generation);
    }
    return problem(res, 'not_found', 'No such route.');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => problem(res, 'invalid_request', 'Malformed request.'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    setStatus(id: string, status: GenerationStatus) {
      const g = state.generations.get(id);
      if (!g) throw new Error(`no generation ${id}`);
      state.generations.set(id, { ...g, status, updatedAt: new Date().toISOString(), videoUrl: status === 'succeeded' ? 'http://127.0.0.1/v.mp4' : null });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
