/** The browser host's lifecycle and page serving, against a stand-in studio. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectBridge, bridgeScript } from '../../../src/browser-host/bridge-script';
import { startBrowserHost } from '../../../src/browser-host/host';
import type { IpcHandlers } from '../../../src/main/ipc/dispatch';
import type { StudioListener } from '../../../src/main/services/studio';
import { ipcEvents, ipcMethods } from '../../../src/shared/ipc/contract';
import { testTempDir } from '../../helpers/temp-dir';

async function rendererDir(): Promise<string> {
  const dir = testTempDir('shotlist-host-');
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<html><head><script type="module" src="./assets/a.js"></script></head><body></body></html>');
  await writeFile(join(dir, 'assets', 'a.js'), '');
  return dir;
}

function standInStudio(handlers: Partial<IpcHandlers>) {
  const listeners = new Set<StudioListener>();
  return {
    handlers: handlers as IpcHandlers,
    subscribe(listener: StudioListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    listeners,
  };
}

describe('the browser host', () => {
  it('on close, refuses new calls but finishes the running ones first', async () => {
    let finish!: () => void;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const studio = standInStudio({
      'drafts.list': () =>
        new Promise((resolve) => {
          markStarted();
          finish = () => resolve([]);
        }),
    });
    const host = await startBrowserHost({ studio, rendererDir: await rendererDir() });
    const cookie = `${host.cookieName}=${new URL(host.url).searchParams.get('k')}`;
    const post = (method: string) =>
      fetch(`${host.origin}/ipc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });

    const answer = post('drafts.list').then((r) => r.json());
    await started;
    let closed = false;
    const closing = host.close().then(() => void (closed = true));
    expect(await (await post('drafts.list')).json()).toMatchObject({ ok: false, error: { code: 'shutting_down' } });
    expect(closed).toBe(false);

    finish();
    expect(await answer).toEqual({ ok: true, value: [] });
    await closing;
    await expect(post('drafts.list')).rejects.toThrow();
  });

  it('serves the page with the bridge before the app script, only to the holder of the secret', async () => {
    const host = await startBrowserHost({ studio: standInStudio({}), rendererDir: await rendererDir() });
    try {
      const first = await fetch(host.url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const setCookie = first.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(new RegExp(`^${host.cookieName}=[^;]+; Path=/; HttpOnly; SameSite=Strict$`));
      const page = await fetch(`${host.origin}/`, { headers: { cookie: setCookie.split(';')[0]! } });
      const html = await page.text();
      expect(html.indexOf('<script src="/shotlist-bridge.js"></script>')).toBeGreaterThan(-1);
      expect(html.indexOf('/shotlist-bridge.js')).toBeLessThan(html.indexOf('./assets/a.js'));
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect((await fetch(`${host.origin}/`)).status).toBe(403);
      expect((await fetch(`${host.origin}/assets/a.js`)).status).toBe(200);
    } finally {
      await host.close();
    }
  });

  it('forwards studio events to the event stream of the page', async () => {
    const studio = standInStudio({});
    const host = await startBrowserHost({ studio, rendererDir: await rendererDir() });
    const cookie = `${host.cookieName}=${new URL(host.url).searchParams.get('k')}`;
    const abort = new AbortController();
    try {
      const stream = await fetch(`${host.origin}/events`, { headers: { cookie }, signal: abort.signal });
      expect(stream.headers.get('content-type')).toBe('text/event-stream');
      const reader = stream.body!.getReader();
      await reader.read(); // the retry line: the stream is open
      for (const listener of studio.listeners) listener('gate.changed', { state: 'open' });
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toBe('event: gate.changed\ndata: {"state":"open"}\n\n');
    } finally {
      abort.abort();
      await host.close();
    }
  });
});

describe('the bridge script', () => {
  it('knows exactly the contract names', () => {
    const script = bridgeScript();
    expect(script).toContain(`new Set(${JSON.stringify(Object.keys(ipcMethods))})`);
    expect(script).toContain(`new Set(${JSON.stringify(Object.keys(ipcEvents))})`);
  });

  it('goes before the first script, or at the end of head when there is none', () => {
    expect(injectBridge('<head><script src="a"></script></head>')).toBe('<head><script src="/shotlist-bridge.js"></script>\n    <script src="a"></script></head>');
    expect(injectBridge('<head><title>x</title></head>')).toBe('<head><title>x</title>  <script src="/shotlist-bridge.js"></script>\n  </head>');
  });
});
