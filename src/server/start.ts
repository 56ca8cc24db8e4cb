/**
 * startGatedServer: opens the database (embedded in the data dir, or PostgreSQL), loads the
 * server's keys, builds the app, listens, starts the provider (it needs our webhook URL) and
 * the sweeper. close() stops taking requests, drains in-flight ones and provider calls, then
 * closes the provider and the database.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig, type ServerConfig } from './config';
import type { ServerContext } from './context';
import { openDatabase } from './db';
import { MemoryRateLimiter, DatabaseRateLimiter } from './gate/rate-limit';
import { TokenCache } from './gate/token-cache';
import { TaskRunner, type Logger } from './generations/tasks';
import { ServerMetrics } from './metrics';
import { seedDevUser, type DevUser, type DevUserOptions } from './dev-user';
import { createProvider } from './providers';
import { ProviderError, type VideoProvider } from './providers/provider';
import { loadSecrets } from './secrets';
import { Sweeper } from './sweeper';
import { systemClock, type Clock } from './util/time';
import { createVideoUrlSigner } from './video/signing';
import { FileVideoStore } from './video/file-store';
import { PostgresVideoStore } from './video/postgres-store';

export interface StartOptions {
  env?: Record<string, string | undefined>;
  dataDir?: string;
  port?: number;
  host?: string;
  adminToken?: string;
  logger?: boolean;
  // Extensions, for tests and benches.
  /** Use this provider instead of starting the configured one. */
  provider?: VideoProvider;
  clock?: Clock;
  /** Don't run the background sweeper (tests call sweep() themselves). */
  sweeper?: boolean;
  /** Collect Node's default process metrics too (main.ts turns this on). */
  defaultMetrics?: boolean;
  /**
   * Local development only (`npm start`, `npm run dev:browser`): seed a user in early access
   * with credits and open the gate, on every start (dev-user.ts). Never set by `npm run server`.
   */
  devUser?: DevUserOptions;
}

export interface GatedServer {
  /** Where a client on this machine reaches it (127.0.0.1 when it listens on every address). */
  url: string;
  /** The contract's ready line: `listening on http://HOST:PORT`, HOST as configured. */
  readyLine: string;
  adminToken: string | undefined;
  close(): Promise<void>;
  app: FastifyInstance;
  context: ServerContext;
  sweeper: Sweeper;
  /** The seeded dev user and its token, when options.devUser was given. */
  devUser: DevUser | undefined;
}

/** Stands in until the real provider has started (a few ms after listen): creates fail as transient and are retried. */
const notYetStarted: VideoProvider = {
  name: 'starting',
  polled: false,
  // It never reaches any provider, so trying again is always safe.
  dedupesCreates: true,
  async createTask() {
    throw new ProviderError('unavailable', 'provider starting');
  },
  async getTask() {
    return { state: 'unknown' };
  },
  async downloadVideo() {
    throw new ProviderError('unavailable', 'provider starting');
  },
};

function configFrom(options: StartOptions): ServerConfig {
  const env = { ...(options.env ?? process.env) };
  if (options.dataDir !== undefined) env.SHOTLIST_DATA_DIR = options.dataDir;
  if (options.port !== undefined) env.SHOTLIST_PORT = String(options.port);
  if (options.host !== undefined) env.SHOTLIST_HOST = options.host;
  if (options.adminToken !== undefined) env.SHOTLIST_ADMIN_TOKEN = options.adminToken;
  return loadConfig(env);
}

/** A host as it stands in a URL: an IPv6 address in brackets. */
function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function urlOf(host: string, port: number): string {
  return `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost(host)}:${port}`;
}

export async function startGatedServer(options: StartOptions = {}): Promise<GatedServer> {
  const config = configFrom(options);
  const clock = options.clock ?? systemClock;
  const db = await openDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    const secrets = await loadSecrets(db, config.webhookSecret);
    const devUser = options.devUser ? await seedDevUser(db, options.devUser, clock()) : undefined;
    const metrics = new ServerMetrics({ defaultMetrics: options.defaultMetrics ?? false });
    let baseUrl = config.publicUrl?.replace(/\/$/, '') ?? '';
    // On PostgreSQL every process serves every clip; the embedded engine is one process.
    const files = new FileVideoStore(config.dataDir);
    const videos = db.engine === 'postgres' ? new PostgresVideoStore(db, files) : files;
    // The app's pino logger exists only once the app is built; until then nothing logs.
    let appLog: Logger | null = null;
    const log: Logger = {
      info: (o, m) => appLog?.info(o, m),
      warn: (o, m) => appLog?.warn(o, m),
      error: (o, m) => appLog?.error(o, m),
    };
    const tasks = new TaskRunner(
      {
        db,
        providerName: config.provider,
        videos,
        metrics,
        log,
        clock,
        taskTimeoutMs: config.taskTimeoutMs,
        providerTimeoutMs: config.providerTimeoutMs,
        providerRetries: config.providerRetries,
      },
      options.provider ?? notYetStarted,
    );
    const context: ServerContext = {
      config,
      db,
      secrets,
      metrics,
      tasks,
      signer: createVideoUrlSigner(secrets.videoUrlKey, config.videoUrlTtlS, () => baseUrl),
      videos,
      rateLimiter: db.engine === 'postgres' ? new DatabaseRateLimiter(db) : new MemoryRateLimiter(),
      tokens: new TokenCache(),
      clock,
    };
    app = await buildApp(context, { logger: options.logger ?? false });
    appLog = app.log;
    // The contract's one ready line is main.ts's, printed once the provider has started too;
    // Fastify's own "Server listening at" lines (one per address) would come before it.
    const level = app.log.level;
    if (['trace', 'debug', 'info'].includes(level)) app.log.level = 'warn';
    try {
      await app.listen({ host: config.host, port: config.port });
    } finally {
      app.log.level = level;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = urlOf(config.host, port);
    if (!baseUrl) baseUrl = url;

    let closeProvider: () => Promise<void> = async () => {};
    if (!options.provider) {
      const handle = await createProvider({
        name: config.provider,
        env: { ...(options.env ?? process.env) } as NodeJS.ProcessEnv,
        dataDir: config.dataDir,
        webhookUrl: `${url}/v1/webhooks/provider`,
        webhookSecret: secrets.webhookSecret,
      });
      tasks.provider = handle.provider;
      closeProvider = () => handle.close();
    }
    const sweeper = new Sweeper(tasks, { sweepMs: config.sweepIntervalMs, pollMs: config.providerPollMs }, log);
    if (options.sweeper !== false) sweeper.start();

    const started = app;
    let closing: Promise<void> | null = null;
    return {
      url,
      readyLine: `listening on http://${urlHost(config.host)}:${port}`,
      adminToken: config.adminToken,
      app: started,
      context,
      sweeper,
      devUser,
      close() {
        closing ??= (async () => {
          await sweeper.stop();
          await started.close();
          await tasks.drain();
          await closeProvider();
          await db.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
