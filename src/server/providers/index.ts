/**
 * Picks and starts the video provider the server was configured with (SHOTLIST_PROVIDER).
 *
 * - `simulated` (default): starts the simulated provider's own HTTP service on loopback and
 *   returns a client for it. SHOTLIST_SIM_LATENCY_MS sets how long a task takes (1500).
 * - `gemini`: Veo on the Gemini API. GEMINI_API_KEY is required; GEMINI_MODEL (a Veo model id),
 *   GEMINI_RESOLUTION (720p or 1080p) and GEMINI_BASE_URL (another endpoint, e.g. a local
 *   fake) are optional.
 */
import { join } from 'node:path';
import { GeminiVideoProvider, DEFAULT_GEMINI_MODEL } from './gemini';
import { GEMINI_RESOLUTIONS, type GeminiResolution } from './gemini/options';
import { ProviderConfigError, type VideoProvider } from './provider';
import { SimulatedProviderClient } from './simulated/client';
import { DEFAULT_SIM_LATENCY_MS, startSimulatedProvider } from './simulated/service';

export interface CreateProviderOptions {
  name: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  webhookUrl: string;
  webhookSecret: string;
}

export interface ProviderHandle {
  provider: VideoProvider;
  close(): Promise<void>;
}

export const PROVIDER_NAMES = ['simulated', 'gemini'] as const;

export async function createProvider(opts: CreateProviderOptions): Promise<ProviderHandle> {
  const name = opts.name.trim() === '' ? 'simulated' : opts.name.trim();
  switch (name) {
    case 'simulated':
      return createSimulated(opts);
    case 'gemini':
      return createGemini(opts.env);
    default:
      throw new ProviderConfigError(
        'provider_unknown',
        `unknown video provider "${name}": use one of ${PROVIDER_NAMES.join(', ')}`,
      );
  }
}

async function createSimulated(opts: CreateProviderOptions): Promise<ProviderHandle> {
  const latencyMs = parseLatency(opts.env.SHOTLIST_SIM_LATENCY_MS);
  const service = await startSimulatedProvider({
    webhookUrl: opts.webhookUrl,
    webhookSecret: opts.webhookSecret,
    dataDir: join(opts.dataDir, 'simulated-provider'),
    latencyMs,
  });
  const provider = new SimulatedProviderClient({ baseUrl: service.baseUrl, apiKey: service.apiKey });
  return { provider, close: () => service.close() };
}

function createGemini(env: NodeJS.ProcessEnv): ProviderHandle {
  const apiKey = env.GEMINI_API_KEY?.trim();
  if (!apiKey) {
    throw new ProviderConfigError('gemini_api_key_missing', 'the gemini provider needs GEMINI_API_KEY to be set');
  }
  const baseUrl = env.GEMINI_BASE_URL?.trim() || undefined;
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    throw new ProviderConfigError('provider_config_invalid', 'GEMINI_BASE_URL must be an http(s) URL');
  }
  const model = env.GEMINI_MODEL?.trim() || DEFAULT_GEMINI_MODEL;
  if (!/^(models\/)?veo-[A-Za-z0-9.-]+$/.test(model)) {
    throw new ProviderConfigError('provider_config_invalid', `GEMINI_MODEL must be a Veo model id (like ${DEFAULT_GEMINI_MODEL})`);
  }
  const resolution = env.GEMINI_RESOLUTION?.trim() || '720p';
  if (!isResolution(resolution)) {
    throw new ProviderConfigError('provider_config_invalid', `GEMINI_RESOLUTION must be one of ${GEMINI_RESOLUTIONS.join(', ')}`);
  }
  const provider = new GeminiVideoProvider({ apiKey, model, resolution, ...(baseUrl ? { baseUrl } : {}) });
  return { provider, close: async () => {} };
}

function parseLatency(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SIM_LATENCY_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 3_600_000) {
    throw new ProviderConfigError('provider_config_invalid', 'SHOTLIST_SIM_LATENCY_MS must be a whole number of milliseconds (0 to 3600000)');
  }
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isResolution(value: string): value is GeminiResolution {
  return (GEMINI_RESOLUTIONS as readonly string[]).includes(value);
}
