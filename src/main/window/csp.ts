/**
 * The Content-Security-Policy every studio page is served with (as a header, on top of the
 * renderer's own meta tag): only the app's own scripts and styles, no eval, no inline script,
 * no frames, no plugins; media may come from the gated server (loopback or HTTPS).
 */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every page and file of the studio, whoever serves it. */
export const STUDIO_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': STUDIO_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
