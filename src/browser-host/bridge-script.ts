/**
 * The script the browser host puts in the page before the app: it defines window.shotlist
 * (the same ShotlistApi as the Electron preload) over same-origin HTTP: calls are POSTs to
 * /ipc/<method>, events come from one EventSource on /events. The per-launch secret travels
 * in an HttpOnly cookie, so this script never sees it.
 */
import { ipcEvents, ipcMethods } from '../shared/ipc/contract';

export const BRIDGE_PATH = '/shotlist-bridge.js';

const BRIDGE_BODY = String.raw`
  const failure = (code, message) => ({ ok: false, error: { code, message } });
  const listeners = new Map();
  let source = null;
  let streamOpen = Promise.resolve();

  // Opened on the first subscription; calls wait for it so that an event caused by a call
  // made after on() is never missed.
  function openStream() {
    if (source) return;
    source = new EventSource('/events');
    streamOpen = new Promise((resolve) => {
      source.addEventListener('open', () => resolve(), { once: true });
      source.addEventListener('error', () => resolve(), { once: true });
    });
    for (const name of EVENTS) {
      source.addEventListener(name, (message) => {
        let payload;
        try {
          payload = JSON.parse(message.data);
        } catch {
          return;
        }
        for (const listener of [...(listeners.get(name) ?? [])]) {
          try {
            listener(payload);
          } catch (error) {
            setTimeout(() => {
              throw error;
            });
          }
        }
      });
    }
  }

  async function invoke(method, input) {
    if (typeof method !== 'string' || !METHODS.has(method)) {
      return failure('invalid_input', 'Unknown method "' + String(method).slice(0, 100) + '".');
    }
    await streamOpen;
    let response;
    try {
      response = await fetch('/ipc/' + encodeURIComponent(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return failure('internal', 'The studio is not answering (' + method + ').');
    }
    try {
      return await response.json();
    } catch {
      return failure('internal', 'The studio sent an unreadable reply to ' + method + '.');
    }
  }

  function on(event, listener) {
    if (typeof event !== 'string' || !EVENTS.has(event)) {
      throw new TypeError('Unknown event "' + String(event).slice(0, 100) + '".');
    }
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const own = (payload) => listener(payload);
    set.add(own);
    openStream();
    return () => void set.delete(own);
  }

  Object.defineProperty(window, 'shotlist', {
    value: Object.freeze({ invoke, on }),
    enumerable: true,
    configurable: false,
    writable: false,
  });
`;

export function bridgeScript(): string {
  const methods = JSON.stringify(Object.keys(ipcMethods));
  const events = JSON.stringify(Object.keys(ipcEvents));
  return `(() => {\n  'use strict';\n  const METHODS = new Set(${methods});\n  const EVENTS = new Set(${events});\n${BRIDGE_BODY}})();\n`;
}

/** Puts the bridge before the app's first script (module scripts run later, so it is in place first). */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const at = html.search(/<script[\s>]/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  return html.replace(/<\/head>/i, `  ${tag}\n  </head>`);
}
