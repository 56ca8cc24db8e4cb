/**
 * The server's own keys: the prompt-hash key, the idempotency request-hash key, the video URL
 * signing key and the Standard Webhooks secret. Generated once and kept in the database (which,
 * embedded, lives in the data dir), so every process on one PostgreSQL agrees on them.
 * SHOTLIST_WEBHOOK_SECRET, when set, wins over the stored webhook secret.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './db';

export interface ServerSecrets {
  promptHashKey: Buffer;
  requestHashKey: Buffer;
  videoUrlKey: Buffer;
  webhookSecret: string;
}

const GENERATED: Record<string, () => string> = {
  prompt_hash_key: () => randomBytes(32).toString('base64'),
  request_hash_key: () => randomBytes(32).toString('base64'),
  video_url_key: () => randomBytes(32).toString('base64'),
  webhook_secret: () => `whsec_${randomBytes(32).toString('base64')}`,
};

export async function loadSecrets(db: Database, webhookSecretOverride?: string): Promise<ServerSecrets> {
  const names = Object.keys(GENERATED);
  await db.transaction(async (tx) => {
    for (const name of names) {
      await tx.run('INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, GENERATED[name]!()]);
    }
  });
  const rows = await db.all<{ name: string; value: string }>('SELECT name, value FROM secrets');
  const value = (name: string): string => {
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`secret ${name} missing`);
    return row.value;
  };
  return {
    promptHashKey: Buffer.from(value('prompt_hash_key'), 'base64'),
    requestHashKey: Buffer.from(value('request_hash_key'), 'base64'),
    videoUrlKey: Buffer.from(value('video_url_key'), 'base64'),
    webhookSecret: webhookSecretOverride ?? value('webhook_secret'),
  };
}
