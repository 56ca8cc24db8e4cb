/**
 * Serves the built renderer (out/renderer) under app://studio/. Only files inside that
 * directory are ever read: encoded dots and slashes, absolute paths, NUL bytes and symlinks
 * leading out are refused. The browser host uses the same resolution for its files.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { STUDIO_SECURITY_HEADERS } from './window/csp';
import { APP_HOST, APP_SCHEME } from './window/app-origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Maps a URL path ("/assets/a.js") to a file under rootDir, or null when the path would
 * leave it. "/" means index.html.
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const root = resolve(rootDir);
  const file = segments.length === 0 ? join(root, 'index.html') : resolve(root, ...segments);
  return isInside(root, file) ? file : null;
}

/** Like resolveInside, and the file's real path (after symlinks) must still be inside. */
export async function resolveExistingInside(rootDir: string, urlPath: string): Promise<string | null> {
  const file = resolveInside(rootDir, urlPath);
  if (!file) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    return isInside(realRoot, realFile) ? realFile : null;
  } catch {
    return null;
  }
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; corsEnabled: boolean } }>,
  ): void;
}

/** Must run before the app is ready. Standard + secure: a real origin, treated like https. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...STUDIO_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The app:// request handler (for protocol.handle): GET only, files from rendererDir only. */
export function createAppProtocolHandler(rendererDir: string): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    if (resolveInside(rendererDir, url.pathname) === null) return plain(403, 'Forbidden');
    const file = await resolveExistingInside(rendererDir, url.pathname);
    if (!file) return plain(404, 'Not found');
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...STUDIO_SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' },
    });
  };
}
