/**
 * The server's settings, parsed once from the environment (gated-api.md, "Running it").
 * Unknown SHOTLIST_* variables are ignored; a malformed value stops start-up with its name.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_PROMPT_CHARS } from '../shared/contracts/api';

const intFrom = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((n) => n ?? fallback);

const EnvSchema = z.object({
  SHOTLIST_HOST: z.string().min(1).default('127.0.0.1'),
  SHOTLIST_PORT: intFrom(8787, 0, 65535),
  SHOTLIST_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SHOTLIST_DATA_DIR: z.string().min(1).default('./.shotlist-server'),
  SHOTLIST_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHOTLIST_PROVIDER: z.string().min(1).default('simulated'),
  SHOTLIST_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be whsec_ followed by base64')
    .optional(),
  SHOTLIST_TASK_TIMEOUT_S: intFrom(900, 1, 7 * 24 * 3600),
  SHOTLIST_MAX_PROMPT_CHARS: intFrom(DEFAULT_MAX_PROMPT_CHARS, 1, 100_000),
  SHOTLIST_RATE_LIMIT_PER_MIN: intFrom(30, 1, 1_000_000),
  // Extensions.
  /** Public base URL clients reach this server at (signed video URLs, webhook URL); defaults to the listening address. */
  SHOTLIST_PUBLIC_URL: z.string().url().optional(),
  /** How long a signed video URL stays valid. */
  SHOTLIST_VIDEO_URL_TTL_S: intFrom(3600, 10, 7 * 24 * 3600),
  /** How often the sweeper looks for stuck tasks and interrupted creates. */
  SHOTLIST_SWEEP_INTERVAL_MS: intFrom(5000, 50, 3_600_000),
  /** How often a polled provider (gemini) is asked about each open task. */
  SHOTLIST_PROVIDER_POLL_MS: intFrom(5000, 20, 3_600_000),
  /** One provider call's time limit, and how many times a transient failure is retried. */
  SHOTLIST_PROVIDER_TIMEOUT_MS: intFrom(15_000, 50, 600_000),
  SHOTLIST_PROVIDER_RETRIES: intFrom(2, 0, 10),
  SHOTLIST_BODY_LIMIT_BYTES: intFrom(64 * 1024, 1024, 10 * 1024 * 1024),
  SHOTLIST_EARLY_ACCESS_PER_MIN: intFrom(5, 1, 10_000),
  SHOTLIST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  provider: string;
  webhookSecret: string | undefined;
  taskTimeoutMs: number;
  maxPromptChars: number;
  rateLimitPerMin: number;
  publicUrl: string | undefined;
  videoUrlTtlS: number;
  sweepIntervalMs: number;
  providerPollMs: number;
  providerTimeoutMs: number;
  providerRetries: number;
  bodyLimitBytes: number;
  earlyAccessPerMin: number;
  logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('SHOTLIST_') && v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(relevant);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid server configuration: ${why}`);
  }
  const e = parsed.data;
  return {
    host: e.SHOTLIST_HOST,
    port: e.SHOTLIST_PORT,
    databaseUrl: e.SHOTLIST_DATABASE_URL,
    dataDir: resolve(e.SHOTLIST_DATA_DIR),
    adminToken: e.SHOTLIST_ADMIN_TOKEN,
    provider: e.SHOTLIST_PROVIDER,
    webhookSecret: e.SHOTLIST_WEBHOOK_SECRET,
    taskTimeoutMs: e.SHOTLIST_TASK_TIMEOUT_S * 1000,
    maxPromptChars: e.SHOTLIST_MAX_PROMPT_CHARS,
    rateLimitPerMin: e.SHOTLIST_RATE_LIMIT_PER_MIN,
    publicUrl: e.SHOTLIST_PUBLIC_URL,
    videoUrlTtlS: e.SHOTLIST_VIDEO_URL_TTL_S,
    sweepIntervalMs: e.SHOTLIST_SWEEP_INTERVAL_MS,
    providerPollMs: e.SHOTLIST_PROVIDER_POLL_MS,
    providerTimeoutMs: e.SHOTLIST_PROVIDER_TIMEOUT_MS,
    providerRetries: e.SHOTLIST_PROVIDER_RETRIES,
    bodyLimitBytes: e.SHOTLIST_BODY_LIMIT_BYTES,
    earlyAccessPerMin: e.SHOTLIST_EARLY_ACCESS_PER_MIN,
    logLevel: e.SHOTLIST_LOG_LEVEL,
  };
}
