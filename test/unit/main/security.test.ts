import { describe, expect, it, vi } from 'vitest';
import { STUDIO_CSP } from '../../../src/main/window/csp';
import {
  hardenApp,
  hardenSession,
  hardenWebContents,
  type HeadersReceivedCallback,
  type HeadersReceivedDetails,
  type SessionLike,
  type WebContentsLike,
} from '../../../src/main/window/security';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = 'https://evil.example/') => {
    const e = { preventDefault: vi.fn() };
    for (const listener of listeners.get(event) ?? []) listener(e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContentsLike, fire, openWindow: (url: string) => openHandler?.({ url }) ?? null };
}

function fakeSession() {
  let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
  let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | null = null;
  let device: ((details: unknown) => boolean) | null = null;
  let headers: ((details: HeadersReceivedDetails, callback: HeadersReceivedCallback) => void) | null = null;
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => void (request = h),
    setPermissionCheckHandler: (h) => void (check = h),
    setDevicePermissionHandler: (h) => void (device = h),
    webRequest: { onHeadersReceived: (h) => void (headers = h) },
  };
  return {
    session,
    ask(permission: string): boolean | undefined {
      let granted: boolean | undefined;
      request?.(null, permission, (g) => (granted = g), {});
      return granted;
    },
    check: (permission: string) => check?.(null, permission),
    device: () => device?.({}),
    respond(responseHeaders: Record<string, string[] | string>) {
      let out: Record<string, string[] | string> | undefined;
      headers?.({ responseHeaders }, (r) => (out = r.responseHeaders));
      return out;
    },
  };
}

describe('web contents hardening', () => {
  it('denies every navigation, redirect, webview and new window', () => {
    const { contents, fire, openWindow } = fakeContents();
    hardenWebContents(contents);
    expect(fire('will-navigate')).toBe(true);
    expect(fire('will-navigate', 'app://studio/other.html')).toBe(true);
    expect(fire('will-redirect')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://studio/index.html')).toEqual({ action: 'deny' });
  });

  it('is applied to every web contents the app creates', () => {
    let created: ((event: unknown, contents: WebContentsLike) => void) | null = null;
    hardenApp({ on: (_event, listener) => (created = listener) });
    const { contents, fire, openWindow } = fakeContents();
    expect(fire('will-navigate')).toBe(false);
    created!({}, contents);
    expect(fire('will-navigate')).toBe(true);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  it('denies permission requests, checks and devices', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(fake.ask(permission)).toBe(false);
      expect(fake.check(permission)).toBe(false);
    }
    expect(fake.device()).toBe(false);
  });

  it('puts the strict CSP on every response, replacing any the response brought', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    const out = fake.respond({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'content-type': ['text/html'] });
    expect(out).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [STUDIO_CSP] });
    expect(fake.respond({})).toEqual({ 'Content-Security-Policy': [STUDIO_CSP] });
  });

  it('the CSP allows only the app itself to run code', () => {
    const directives = new Map(STUDIO_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(STUDIO_CSP).not.toMatch(/unsafe-(inline|eval)/);
  });
});
