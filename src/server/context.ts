/** What every route needs, built once per server instance. */
import type { ServerConfig } from './config';
import type { Database } from './db';
import type { RateLimiter } from './gate/rate-limit';
import type { TokenCache } from './gate/token-cache';
import type { TaskRunner } from './generations/tasks';
import type { ServerMetrics } from './metrics';
import type { ServerSecrets } from './secrets';
import type { Clock } from './util/time';
import type { VideoUrlSigner } from './video/signing';
import type { VideoStore } from './video/store';

export interface ServerContext {
  config: ServerConfig;
  db: Database;
  secrets: ServerSecrets;
  metrics: ServerMetrics;
  tasks: TaskRunner;
  signer: VideoUrlSigner;
  videos: VideoStore;
  rateLimiter: RateLimiter;
  /** Whose each recently seen token is (short TTL; forgotten on revoke in this process). */
  tokens: TokenCache;
  clock: Clock;
}
