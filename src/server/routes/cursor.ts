/** Opaque list cursors: base64url of "createdAt.id". A malformed one is a 400. */
import { ApiError } from '../http/problem';

export function encodeCursor(c: { createdAt: number; id: string }): string {
  return Buffer.from(`${c.createdAt}.${c.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,128})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new ApiError('invalid_request', 'The cursor is not one this server gave out.');
  return { createdAt: Number(m[1]), id: m[2]! };
}
