/** Prometheus metrics (prom-client), one registry per server instance. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class ServerMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'shotlist_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly gateRejections = new Counter({
    name: 'shotlist_gate_rejections_total',
    help: 'Generation submissions the gate refused, by error code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly credits = new Counter({
    name: 'shotlist_credits_total',
    help: 'Credits moved, by kind: reserved, charged, refunded.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly providerLatency = new Histogram({
    name: 'shotlist_provider_call_seconds',
    help: 'Provider call latency, by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Times a provider call, labelling it with how it ended. */
  async timeProvider<T>(operation: string, call: () => Promise<T>): Promise<T> {
    const end = this.providerLatency.startTimer({ operation });
    try {
      const value = await call();
      end({ outcome: 'ok' });
      return value;
    } catch (err) {
      end({ outcome: (err as { kind?: string }).kind ?? 'error' });
      throw err;
    }
  }
}
