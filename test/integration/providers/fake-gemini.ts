/**
 * A local fake of the Gemini API's video endpoints, speaking the REST wire format the
 * @google/genai SDK uses (Gemini API, v1beta):
 *
 *   POST /v1beta/models/{model}:predictLongRunning   {instances:[{prompt}], parameters:{…}}
 *        → {name: "models/{model}/operations/{id}"}
 *   GET  /v1beta/models/{model}/operations/{id}
 *        → {name, done?, response?: {generateVideoResponse: {generatedSamples: [{video: {uri}}]}}, error?}
 *   GET  /v1beta/files/{id}:download?alt=media       → 302 to a storage URL (no key needed there)
 *   GET  /storage/{id}                                → the video bytes
 *
 * Errors use Google's shape: {error: {code, message, status}}. Every request needs the
 * x-goog-api-key header. Tests script its behaviour and read what it received.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeGeminiScript {
  /** Polls answered "not done" before the operation is done. */
  pollsUntilDone: number;
  /** Answer creates with this HTTP status and Google's error body instead. */
  createStatus?: number;
  /** Answer polls with this HTTP status instead. */
  pollStatus?: number;
  /** The finished operation carries this error instead of a video. */
  operationError?: { code: number; message: string };
  /** The finished operation has no video, its one sample filtered out. */
  filtered?: boolean;
  /** Never answer creates (for deadlines). */
  hangCreates?: boolean;
}

export interface FakeGemini {
  baseUrl: string;
  apiKey: string;
  video: Buffer;
  requests: RecordedRequest[];
  script: FakeGeminiScript;
  /** A secret only Google's error text contains, to prove it never leaks. */
  errorSecret: string;
  close(): Promise<void>;
}

const ALLOWED_ASPECT = new Set(['16:9', '9:16']);
const ALLOWED_DURATIONS = new Set([4, 5, 6, 7, 8]);

export async function startFakeGemini(options: { port?: number; apiKey?: string } = {}): Promise<FakeGemini> {
  const port = options.port ?? 0;
  const apiKey = options.apiKey ?? `fake-key-${randomBytes(8).toString('hex')}`;
  const errorSecret = `google-internal-${randomBytes(6).toString('hex')}`;
  const video = randomBytes(4096);
  const operations = new Map<string, { polls: number }>();
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const fake: FakeGemini = {
    baseUrl,
    apiKey,
    video,
    requests,
    errorSecret,
    script: { pollsUntilDone: 2 },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  function googleError(code: number, status: string, message: string): string {
    return JSON.stringify({ error: { code, message, status } });
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body });
      const json = (status: number, payload: string) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(payload);
      };

      if (url.pathname.startsWith('/storage/')) {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': video.length }).end(video);
        return;
      }
      if (req.headers['x-goog-api-key'] !== apiKey) {
        return json(400, googleError(400, 'INVALID_ARGUMENT', `API key not valid. ${errorSecret}`));
      }

      const create = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(url.pathname);
      if (create && req.method === 'POST') {
        if (fake.script.hangCreates) return;
        if (fake.script.createStatus) {
          const s = fake.script.createStatus;
          return json(s, googleError(s, s >= 500 ? 'UNAVAILABLE' : 'INVALID_ARGUMENT', `create failed: ${errorSecret}`));
        }
        const parameters = (body as { parameters?: { aspectRatio?: string; durationSeconds?: number } } | null)?.parameters ?? {};
        if (parameters.aspectRatio !== undefined && !ALLOWED_ASPECT.has(parameters.aspectRatio)) {
          return json(400, googleError(400, 'INVALID_ARGUMENT', `bad aspect ratio ${errorSecret}`));
        }
        if (parameters.durationSeconds !== undefined && !ALLOWED_DURATIONS.has(parameters.durationSeconds)) {
          return json(400, googleError(400, 'INVALID_ARGUMENT', `bad duration ${errorSecret}`));
        }
        const name = `models/${create[1]}/operations/${randomBytes(8).toString('hex')}`;
        operations.set(name, { polls: 0 });
        return json(200, JSON.stringify({ name }));
      }

      const fileDownload = /^\/v1beta\/files\/([a-z0-9]+):download$/.exec(url.pathname);
      if (fileDownload && req.method === 'GET' && url.searchParams.get('alt') === 'media') {
        res.writeHead(302, { location: `${baseUrl}/storage/${fileDownload[1]}?sig=${randomBytes(4).toString('hex')}` }).end();
        return;
      }

      const poll = /^\/v1beta\/(models\/[^/]+\/operations\/[^/]+)$/.exec(url.pathname);
      if (poll && req.method === 'GET') {
        if (fake.script.pollStatus) {
          const s = fake.script.pollStatus;
          return json(s, googleError(s, 'UNAVAILABLE', `poll failed ${errorSecret}`));
        }
        const name = poll[1] as string;
        const op = operations.get(name);
        if (!op) return json(404, googleError(404, 'NOT_FOUND', `no operation ${errorSecret}`));
        op.polls++;
        if (op.polls <= fake.script.pollsUntilDone) {
          return json(200, JSON.stringify({ name, metadata: { '@type': 'type.googleapis.com/Progress' } }));
        }
        if (fake.script.operationError) {
          const { code, message } = fake.script.operationError;
          return json(200, JSON.stringify({ name, done: true, error: { code, message: `${message} ${errorSecret}` } }));
        }
        const generateVideoResponse = fake.script.filtered
          ? { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [`filtered ${errorSecret}`] }
          : { generatedSamples: [{ video: { uri: `${baseUrl}/v1beta/files/${name.split('/').pop()}:download?alt=media` } }] };
        return json(
          200,
          JSON.stringify({
            name,
            done: true,
            response: {
              '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
              generateVideoResponse,
            },
          }),
        );
      }
      return json(404, googleError(404, 'NOT_FOUND', 'no such method'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.baseUrl = baseUrl;
  return fake;
}
