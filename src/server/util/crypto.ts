import { createHash, createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** One-shot (no Hash object): every authenticated request hashes its token. */
export function sha256Hex(value: string): string {
  return hash('sha256', value, 'hex');
}

export function hmacBase64url(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

/** Constant-time equality of two strings (false for different lengths, without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/** 64 characters allowed in ids, in ASCII order, so that encoded numbers sort as the numbers do. */
const SORTABLE = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** Random bytes for ids are drawn from a pooled block: one call into the CSPRNG per 4 KiB, not per id. */
let idPool = Buffer.alloc(0);
let idOffset = 0;

/**
 * An opaque id: `prefix_` + the time in ms (8 sortable characters) + 96 random bits. Ids made
 * close in time sort next to each other, so the indexes keyed by them (generations, ledger
 * entries) grow at one edge instead of touching a random page per insert: fewer pages written
 * per commit. The random part keeps them unguessable.
 */
export function newId(prefix: string, now = Date.now()): string {
  if (idOffset + 12 > idPool.length) {
    idPool = randomBytes(4096);
    idOffset = 0;
  }
  const bytes = idPool.subarray(idOffset, idOffset + 12);
  idOffset += 12;
  let time = '';
  for (let t = Math.max(0, Math.floor(now)), i = 0; i < 8; i++, t = Math.floor(t / 64)) time = SORTABLE[t % 64]! + time;
  return `${prefix}_${time}${bytes.toString('base64url')}`;
}
