/**
 * Numbered schema migrations, in the SQL both engines speak. Money-like columns are integers
 * (credits); times are epoch milliseconds; booleans are 0/1 so the two engines agree.
 * Append only: a shipped migration is never edited.
 */
export interface Migration {
  id: number;
  name: string;
  /** In the SQL both engines speak. */
  statements: string[];
  /** Run after `statements`, on that engine only (triggers are written differently in each). */
  sqlite?: string[];
  postgres?: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial',
    statements: [
      `CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation_enabled INTEGER NOT NULL,
        daily_credit_cap BIGINT NULL,
        user_daily_credit_cap BIGINT NULL,
        updated_at BIGINT NOT NULL
      )`,
      // A fresh server is closed: kill switch engaged, global budget 0.
      `INSERT INTO settings (id, generation_enabled, daily_credit_cap, user_daily_credit_cap, updated_at) VALUES (1, 0, 0, NULL, 0)`,
      `CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        early_access INTEGER NOT NULL DEFAULT 0,
        granted BIGINT NOT NULL DEFAULT 0,
        available BIGINT NOT NULL DEFAULT 0 CHECK (available >= 0),
        reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        charged BIGINT NOT NULL DEFAULT 0 CHECK (charged >= 0),
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        revoked_at BIGINT NULL
      )`,
      `CREATE INDEX tokens_by_user ON tokens (user_id)`,
      `CREATE TABLE generations (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        status TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        credits BIGINT NOT NULL,
        refunded INTEGER NOT NULL DEFAULT 0,
        reserved_day TEXT NOT NULL,
        prompt_hash TEXT NOT NULL,
        prompt_preview TEXT NOT NULL,
        duration_seconds INTEGER NOT NULL,
        aspect_ratio TEXT NOT NULL,
        generate_audio INTEGER NOT NULL,
        client_ref TEXT NULL,
        submit_state TEXT NOT NULL,
        submit_deadline BIGINT NOT NULL,
        provider TEXT NOT NULL,
        provider_task_id TEXT NULL,
        provider_video_url TEXT NULL,
        video_path TEXT NULL,
        error_code TEXT NULL,
        error_message TEXT NULL
      )`,
      `CREATE INDEX generations_by_owner ON generations (user_id, created_at, id)`,
      `CREATE UNIQUE INDEX generations_by_provider_task ON generations (provider, provider_task_id)`,
      `CREATE INDEX generations_open ON generations (status, created_at)`,
      `CREATE TABLE idempotency_keys (
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        generation_id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, key)
      )`,
      `CREATE TABLE ledger_entries (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        generation_id TEXT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('grant', 'reserve', 'charge', 'refund')),
        amount BIGINT NOT NULL,
        day TEXT NOT NULL,
        reason TEXT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE INDEX ledger_by_user ON ledger_entries (user_id)`,
      `CREATE INDEX ledger_by_day ON ledger_entries (day, kind)`,
      // The database itself refuses a second reservation, or a second settlement (charge or refund), of one generation.
      `CREATE UNIQUE INDEX ledger_one_reservation ON ledger_entries (generation_id) WHERE kind = 'reserve'`,
      `CREATE UNIQUE INDEX ledger_one_settlement ON ledger_entries (generation_id) WHERE kind IN ('charge', 'refund')`,
      `CREATE TABLE budget_days (
        day TEXT PRIMARY KEY,
        reserved BIGINT NOT NULL DEFAULT 0,
        refunded BIGINT NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE user_days (
        user_id TEXT NOT NULL,
        day TEXT NOT NULL,
        reserved BIGINT NOT NULL DEFAULT 0,
        refunded BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, day)
      )`,
      `CREATE TABLE early_access_requests (email TEXT PRIMARY KEY, created_at BIGINT NOT NULL)`,
      `CREATE TABLE webhook_events (id TEXT PRIMARY KEY, received_at BIGINT NOT NULL)`,
      `CREATE TABLE rate_windows (
        bucket TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        hits BIGINT NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`,
    ],
  },
  {
    id: 2,
    name: 'history versions, partial indexes',
    statements: [
      // Bumped in the same transaction as every change to one of the user's generations (by the
      // triggers below, so no write path can forget it): a history page read at version v is
      // still exact while the version is v, whichever process wrote.
      `ALTER TABLE users ADD COLUMN history_version BIGINT NOT NULL DEFAULT 0`,
      // Index only the rows these are searched for: tasks the provider knows, and open tasks.
      // Fewer index pages to write per submission and per status change.
      `DROP INDEX generations_by_provider_task`,
      `CREATE UNIQUE INDEX generations_by_provider_task ON generations (provider, provider_task_id) WHERE provider_task_id IS NOT NULL`,
      `DROP INDEX generations_open`,
      `CREATE INDEX generations_open ON generations (status, created_at) WHERE status IN ('queued', 'running')`,
    ],
    sqlite: [
      `CREATE TRIGGER generations_touch_history_on_insert AFTER INSERT ON generations
       BEGIN UPDATE users SET history_version = history_version + 1 WHERE id = NEW.user_id; END`,
      `CREATE TRIGGER generations_touch_history_on_update AFTER UPDATE ON generations
       BEGIN UPDATE users SET history_version = history_version + 1 WHERE id = NEW.user_id; END`,
    ],
    postgres: [
      `CREATE FUNCTION generations_touch_history() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN UPDATE users SET history_version = history_version + 1 WHERE id = NEW.user_id; RETURN NULL; END $$`,
      // Deferred to COMMIT, so the user row is locked last, as the gate and settlements lock it
      // (budget day, user day, user): an immediate trigger would lock it first in a settlement.
      `CREATE CONSTRAINT TRIGGER generations_touch_history AFTER INSERT OR UPDATE ON generations
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION generations_touch_history()`,
    ],
  },
  {
    id: 3,
    name: 'clips in the database on PostgreSQL',
    // The embedded engine keeps clips as files in its data dir (a clip in the SQLite WAL would be
    // written twice on the one writer); PostgreSQL keeps them where every process can read them.
    statements: [],
    postgres: [
      `CREATE TABLE video_clips (
        generation_id TEXT PRIMARY KEY REFERENCES generations(id) ON DELETE CASCADE,
        size BIGINT NOT NULL CHECK (size > 0),
        bytes BYTEA NOT NULL
      )`,
      // Out of line and uncompressed: a clip is already compressed video, and substring() on an
      // uncompressed value reads only the TOAST chunks of the slice it asks for.
      `ALTER TABLE video_clips ALTER COLUMN bytes SET STORAGE EXTERNAL`,
    ],
  },
];
