/**
 * Signed, expiring video URLs: /v1/videos/{id}?exp={unix s}&sig={HMAC-SHA256(key, "id.exp")}.
 * They need no other credential (a <video> element cannot send a bearer token) and stop
 * working when they expire or when any part is altered.
 */
import { hmacBase64url, safeEqual } from '../util/crypto';

export interface VideoUrlSigner {
  sign(generationId: string, nowMs: number): string;
  /** The expiry (unix s) sign() writes at nowMs: URLs signed while it is the same are the same. */
  expiry(nowMs: number): number;
  verify(generationId: string, exp: string | undefined, sig: string | undefined, nowMs: number): 'ok' | 'expired' | 'invalid';
}

export function createVideoUrlSigner(key: Buffer, ttlS: number, baseUrl: () => string): VideoUrlSigner {
  // Expiries are rounded up to a step so repeated reads return the same URL (cacheable by the browser).
  const step = Math.max(1, Math.floor(ttlS / 10));
  const expiry = (nowMs: number): number => Math.ceil((Math.floor(nowMs / 1000) + ttlS) / step) * step;
  return {
    expiry,
    sign(id, nowMs) {
      const exp = expiry(nowMs);
      const sig = hmacBase64url(key, `${id}.${exp}`);
      return `${baseUrl()}/v1/videos/${encodeURIComponent(id)}?exp=${exp}&sig=${sig}`;
    },
    verify(id, exp, sig, nowMs) {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
      if (!safeEqual(hmacBase64url(key, `${id}.${exp}`), sig)) return 'invalid';
      return Number(exp) * 1000 < nowMs ? 'expired' : 'ok';
    },
  };
}
