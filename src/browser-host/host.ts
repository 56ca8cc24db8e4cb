/**
 * The browser host: the built renderer and the studio's services behind the same IPC
 * contract, over loopback HTTP, for Chromium without Electron (end-to-end tests and
 * `npm run dev:browser`). Bound to 127.0.0.1 only. Calls and events need the per-launch
 * secret, handed over once in the start URL and kept in an HttpOnly, SameSite=Strict cookie;
 * requests naming another Host (DNS rebinding) or coming from another origin are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IpcResult } from '../shared/ipc/contract';
import { CallGate } from '../main/ipc/call-gate';
import { dispatch } from '../main/ipc/dispatch';
import { FORBIDDEN_SENDER } from '../main/ipc/register';
import { contentTypeOf, resolveExistingInside, resolveInside } from '../main/protocol';
import type { Studio } from '../main/services/studio';
import { STUDIO_SECURITY_HEADERS } from '../main/window/csp';
import { BRIDGE_PATH, bridgeScript, injectBridge } from './bridge-script';

export interface BrowserHostOptions {
  studio: Pick<Studio, 'handlers' | 'subscribe'>;
  /** The built renderer: out/renderer. */
  rendererDir: string;
  port?: number;
}

export interface BrowserHost {
  /** Opens the studio: carries the secret, which the host swaps for a cookie on first load. */
  url: string;
  /** The bare origin, http://127.0.0.1:<port>. */
  origin: string;
  /** The cookie a page of this host holds (for tests that call the host directly). */
  cookieName: string;
  /** Stops taking calls, waits for running ones, ends event streams and stops listening. */
  close(): Promise<void>;
}

/** Large enough for drafts.import (50 MB of content), small enough to bound memory. */
const MAX_BODY_BYTES = 60 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: IpcResult<unknown>): void {
  res.writeHead(status, { ...STUDIO_SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...STUDIO_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const invalid = (message: string): IpcResult<never> => ({ ok: false, error: { code: 'invalid_input', message } });

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = randomBytes(32).toString('base64url');
  const gate = new CallGate();
  const streams = new Set<ServerResponse>();
  const bridge = bridgeScript();
  let origin = '';
  let cookieName = '';

  /**
   * Origin and Sec-Fetch-Site, when sent, must say the request comes from our own page (or, for
   * the page itself, from the address bar); and it must hold the secret.
   */
  const fromOurPage = (req: IncomingMessage, allowedSites: readonly string[] = ['same-origin']): boolean => {
    const fetchSite = req.headers['sec-fetch-site'];
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return false;
    if (fetchSite !== undefined && !allowedSites.includes(fetchSite as string)) return false;
    const held = cookieValue(req, cookieName);
    return held !== null && sameSecret(held, secret);
  };

  const serveIpc = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (!fromOurPage(req)) return sendJson(res, 403, FORBIDDEN_SENDER);
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, invalid('IPC calls are JSON (Content-Type: application/json).'));
    }
    const text = await readBody(req);
    if (text === null) return sendJson(res, 413, invalid('The request is too large.'));
    let input: unknown;
    try {
      input = text === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      return sendJson(res, 400, invalid('The request body is not valid JSON.'));
    }
    sendJson(res, 200, await gate.run(() => dispatch(options.studio.handlers, method, input)));
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse): void => {
    if (!fromOurPage(req)) return sendJson(res, 403, FORBIDDEN_SENDER);
    if (!gate.open) return sendText(res, 503, 'The studio is closing.');
    res.writeHead(200, { ...STUDIO_SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const serveFile = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === BRIDGE_PATH) return sendText(res, 200, bridge, { 'Content-Type': 'text/javascript; charset=utf-8' });
    if (resolveInside(options.rendererDir, path) === null) return sendText(res, 403, 'Forbidden');
    const file = await resolveExistingInside(options.rendererDir, path);
    // Browsers ask for a favicon on their own; the renderer has none.
    if (!file && path === '/favicon.ico') return sendText(res, 204, '');
    if (!file) return sendText(res, 404, 'Not found');
    const isPage = file.endsWith('.html');
    if (isPage && !fromOurPage(req, ['same-origin', 'none'])) return sendText(res, 403, 'Open the studio with the address printed when it started.');
    const content = await readFile(file);
    const body = isPage ? injectBridge(content.toString('utf8')) : content;
    res.writeHead(200, { ...STUDIO_SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== new URL(origin).host) return sendText(res, 421, 'Misdirected request');
    const url = new URL(req.url ?? '/', origin);
    const key = url.searchParams.get('k');
    if (req.method === 'GET' && url.pathname === '/' && key !== null) {
      if (!sameSecret(key, secret)) return sendText(res, 403, 'Forbidden');
      return sendText(res, 303, 'See /', {
        Location: '/',
        'Set-Cookie': `${cookieName}=${secret}; Path=/; HttpOnly; SameSite=Strict`,
      });
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return sendText(res, 405, 'Method not allowed', { Allow: 'POST' });
      return serveIpc(req, res, safeDecode(url.pathname.slice('/ipc/'.length)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
    if (url.pathname === '/events') return serveEvents(req, res);
    return serveFile(req, res, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The studio host failed.' } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // Cookies are not kept apart by port: one name per host instance.
  cookieName = `shotlist_${port}`;

  const unsubscribe = options.studio.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const keepalive = setInterval(() => {
    for (const stream of streams) stream.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  return {
    url: `${origin}/?k=${secret}`,
    origin,
    cookieName,
    async close() {
      await gate.drain();
      unsubscribe();
      clearInterval(keepalive);
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
