/** Opaque list cursors: base64url of "createdAt.id". A malformed one is a 400. */
import { ApiError } from '../http/problem';

/** Where the previous page ended: its last item's created_at and id. */
export interface Cursor {
  createdAt: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt}.${c.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,128})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new ApiError('invalid_request', 'The cursor is not one this server gave out.');
  return { createdAt: Number(m[1]), id: m[2]! };
}
