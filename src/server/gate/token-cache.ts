/**
 * Whose a token is, kept for a short while (TOKEN_CACHE_TTL_MS) so most requests skip the token
 * lookup. Only the user's id is kept: balances, early access and everything else the gate
 * decides on are read fresh. Revoking a user's tokens in this process forgets them at once
 * (revokeUser); another process sharing the database stops accepting them within the TTL.
 * Unknown and revoked tokens are never kept: they are looked up every time.
 */
export const TOKEN_CACHE_TTL_MS = 2_000;
const DEFAULT_CAPACITY = 10_000;

export interface AuthUser {
  id: string;
}

export class TokenCache {
  private readonly entries = new Map<string, { user: AuthUser; expiresAt: number }>();
  /** Bumped by every forget, so a lookup that overlapped one is not kept (it may predate the revoke). */
  private epoch = 0;

  constructor(
    private readonly ttlMs = TOKEN_CACHE_TTL_MS,
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(tokenHash: string): AuthUser | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.expiresAt > this.now()) return e.user;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Call before the lookup; pass what it returned to keep(). */
  lookupStarts(): number {
    return this.epoch;
  }

  keep(tokenHash: string, user: AuthUser, startedAt: number): void {
    if (startedAt !== this.epoch) return;
    // Oldest kept first out: an entry dropped early only costs one lookup.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { user, expiresAt: this.now() + this.ttlMs });
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const [hash, e] of this.entries) if (e.user.id === userId) this.entries.delete(hash);
  }
}
