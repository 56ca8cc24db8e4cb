/**
 * Electron's security checklist applied to the app, the session and every web contents. The
 * Electron objects are typed by the few members used here, so tests can hand in fakes.
 */
import { STUDIO_CSP } from './csp';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

export type HeadersReceivedDetails = { responseHeaders?: Record<string, string[] | string> };
export type HeadersReceivedCallback = (response: { responseHeaders: Record<string, string[] | string> }) => void;

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: HeadersReceivedDetails, callback: HeadersReceivedCallback) => void): void;
  };
}

/** The studio is one page: it never navigates, opens windows or embeds webviews. */
export function hardenWebContents(contents: WebContentsLike): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Hardens every web contents the app ever creates, including ones not made by our code. */
export function hardenApp(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

function withoutCsp(headers: Record<string, string[] | string>): Record<string, string[] | string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}

/** No camera, microphone, notifications, geolocation...; and our CSP on every response. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders ?? {}), 'Content-Security-Policy': [STUDIO_CSP] } });
  });
}
