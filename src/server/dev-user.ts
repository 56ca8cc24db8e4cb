/**
 * A ready-to-use user for local development (`npm start`, `npm run dev:browser`): in early
 * access, with credits, and the gate opened. Only startGatedServer's explicit `devUser` option
 * does this; `npm run server` and the environment never can.
 *
 * Every start re-applies it, so a kept dev data dir keeps working: the same user (fixed id),
 * credits topped up to the floor through the ledger (the books stay balanced), generation
 * enabled, and a global daily budget of 0 (a fresh server's) lifted to "no cap".
 */
import type { Database } from './db';
import { issueToken } from './gate/authenticate';
import { grant } from './ledger/ledger';
import { sha256Hex } from './util/crypto';

export const DEV_USER_ID = 'usr_dev';

export interface DevUserOptions {
  name?: string;
  /** Available credits are topped up to at least this on every start (default 1000). */
  credits?: number;
  /**
   * A token the caller keeps (e.g. with the dev data) so a signed-in studio stays signed in
   * across restarts; registered for the dev user if new. Without it a fresh token is issued.
   */
  token?: string;
}

export interface DevUser {
  id: string;
  name: string;
  token: string;
}

export class DevUserError extends Error {
  override readonly name = 'DevUserError';
}

export async function seedDevUser(db: Database, options: DevUserOptions, now: number): Promise<DevUser> {
  const name = options.name ?? 'Local developer';
  const floor = options.credits ?? 1000;
  if (!Number.isInteger(floor) || floor < 0) throw new DevUserError('devUser.credits must be a whole number ≥ 0');
  if (options.token !== undefined && !/^[\x21-\x7e]{16,512}$/.test(options.token)) {
    throw new DevUserError('devUser.token must be 16–512 printable characters without spaces');
  }
  return db.transaction(async (tx) => {
    await tx.run(
      'INSERT INTO users (id, name, early_access, granted, available, reserved, charged, created_at) VALUES (?, ?, 1, 0, 0, 0, 0, ?) ON CONFLICT (id) DO NOTHING',
      [DEV_USER_ID, name, now],
    );
    await tx.run('UPDATE users SET name = ?, early_access = 1 WHERE id = ?', [name, DEV_USER_ID]);
    const user = await tx.get<{ available: number }>('SELECT available FROM users WHERE id = ?', [DEV_USER_ID]);
    if (user && user.available < floor) await grant(tx, DEV_USER_ID, floor - user.available, 'dev user top-up', now);
    await tx.run(
      'UPDATE settings SET generation_enabled = 1, daily_credit_cap = CASE WHEN daily_credit_cap = 0 THEN NULL ELSE daily_credit_cap END, updated_at = ? WHERE id = 1',
      [now],
    );
    let token = options.token;
    if (token === undefined) {
      token = await issueToken(tx, DEV_USER_ID, now);
    } else {
      const hash = sha256Hex(token);
      const holder = await tx.get<{ user_id: string; revoked_at: number | null }>('SELECT user_id, revoked_at FROM tokens WHERE hash = ?', [hash]);
      if (holder && (holder.user_id !== DEV_USER_ID || holder.revoked_at !== null)) {
        throw new DevUserError('devUser.token belongs to another user or was revoked; pass another one');
      }
      if (!holder) await tx.run('INSERT INTO tokens (hash, user_id, created_at, revoked_at) VALUES (?, ?, ?, NULL)', [hash, DEV_USER_ID, now]);
    }
    return { id: DEV_USER_ID, name, token };
  });
}
