/**
 * A client for every endpoint of the gated API (shared/contracts/gated-api.md). Responses are
 * parsed with the same zod schemas the server uses; problem+json errors become StudioErrors
 * carrying the server's code; a network failure or timeout becomes code 'offline'.
 */
import { z } from 'zod';
import {
  AdminCreatedUser,
  AdminGate,
  AdminGeneration,
  Budget,
  CreditBalance,
  GateState,
  Generation,
  GenerationList,
  IDEMPOTENCY_KEY_HEADER,
  Me,
  Problem,
  Spend,
  ValidateResponse,
  type CreateGenerationRequest,
  type ValidateRequest,
} from '../../shared/contracts/api';
import { StudioError } from './errors';

export const DEFAULT_TIMEOUT_MS = 10_000;
const Empty = z.unknown();

export interface HttpOptions {
  baseUrl: () => string;
  /** The bearer token for each call; null means signed out. */
  token: () => Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Call<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  schema: S;
  body?: unknown;
  headers?: Record<string, string>;
  /** Endpoints anyone may call (early access) go without a token. */
  anonymous?: boolean;
}

function codeForStatus(status: number): 'signed_out' | 'not_found' | 'server_error' {
  if (status === 401) return 'signed_out';
  if (status === 404) return 'not_found';
  return 'server_error';
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function problemFrom(response: Response): Promise<StudioError> {
  const parsed = Problem.safeParse(parseJsonOrUndefined(await response.text()));
  const problem = parsed.success ? parsed.data : null;
  if (!problem) return new StudioError(codeForStatus(response.status), `The server answered ${response.status} ${response.statusText}.`);
  return new StudioError(codeForStatus(response.status), problem.detail || problem.title, problem.code);
}

/** The transport both clients share: auth, timeout, error mapping, response validation. */
export class HttpCore {
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: HttpOptions) {
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async call<S extends z.ZodType>(call: Call<S>): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (!call.anonymous) {
      const token = await this.options.token();
      if (!token) throw new StudioError('signed_out', 'Sign in with an API token first.');
      headers.authorization = `Bearer ${token}`;
    }
    const url = new URL(call.path, this.options.baseUrl()).toString();
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new StudioError(
        'offline',
        timedOut ? `The server did not answer within ${this.timeoutMs / 1000} s.` : 'The server cannot be reached.',
      );
    }
    if (!response.ok) throw await problemFrom(response);
    const parsed = call.schema.safeParse(parseJsonOrUndefined(await response.text()));
    if (!parsed.success) throw new StudioError('server_error', `The server's reply to ${call.method} ${call.path} does not match the contract.`);
    return parsed.data;
  }
}

/**
 * An id as one URL path segment. "." and ".." survive encodeURIComponent and the URL parser
 * would resolve them away, sending the call (and the token) to another route; a lone surrogate
 * cannot be encoded at all. No server id is either, so both are refused as unknown.
 */
function enc(id: string): string {
  const unknown = new StudioError('not_found', `There is nothing with the id "${id.slice(0, 100)}".`);
  if (id === '.' || id === '..') throw unknown;
  try {
    return encodeURIComponent(id);
  } catch {
    throw unknown;
  }
}

export class ApiClient {
  private readonly http: HttpCore;

  constructor(options: HttpOptions) {
    this.http = new HttpCore(options);
  }

  me(): Promise<Me> {
    return this.http.call({ method: 'GET', path: '/v1/me', schema: Me });
  }

  gate(): Promise<GateState> {
    return this.http.call({ method: 'GET', path: '/v1/gate', schema: GateState });
  }

  validatePrompt(body: ValidateRequest): Promise<ValidateResponse> {
    return this.http.call({ method: 'POST', path: '/v1/prompts/validate', body, schema: ValidateResponse });
  }

  createGeneration(body: CreateGenerationRequest, idempotencyKey: string): Promise<Generation> {
    return this.http.call({
      method: 'POST',
      path: '/v1/generations',
      body,
      headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
      schema: Generation,
    });
  }

  async getGeneration(id: string): Promise<Generation> {
    return this.http.call({ method: 'GET', path: `/v1/generations/${enc(id)}`, schema: Generation });
  }

  listGenerations(query: { limit?: number | undefined; cursor?: string | undefined } = {}): Promise<GenerationList> {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor !== undefined) params.set('cursor', query.cursor);
    const qs = params.size > 0 ? `?${params}` : '';
    return this.http.call({ method: 'GET', path: `/v1/generations${qs}`, schema: GenerationList });
  }

  async cancelGeneration(id: string): Promise<Generation> {
    return this.http.call({ method: 'POST', path: `/v1/generations/${enc(id)}/cancel`, body: {}, schema: Generation });
  }

  requestEarlyAccess(email: string): Promise<void> {
    return this.http.call({ method: 'POST', path: '/v1/early-access', body: { email }, schema: Empty, anonymous: true }).then(() => undefined);
  }
}

/** The operator's endpoints, authenticated with SHOTLIST_ADMIN_TOKEN. */
export class AdminClient {
  private readonly http: HttpCore;

  constructor(options: HttpOptions) {
    this.http = new HttpCore(options);
  }

  createUser(name: string): Promise<AdminCreatedUser> {
    return this.http.call({ method: 'POST', path: '/v1/admin/users', body: { name }, schema: AdminCreatedUser });
  }

  async revokeTokens(userId: string): Promise<void> {
    return this.http.call({ method: 'POST', path: `/v1/admin/users/${enc(userId)}/tokens/revoke`, body: {}, schema: Empty }).then(() => undefined);
  }

  async addCredits(userId: string, amount: number, reason: string): Promise<CreditBalance> {
    return this.http.call({ method: 'POST', path: `/v1/admin/users/${enc(userId)}/credits`, body: { amount, reason }, schema: CreditBalance });
  }

  async setEarlyAccess(userId: string, enabled: boolean): Promise<void> {
    return this.http.call({ method: 'PUT', path: `/v1/admin/users/${enc(userId)}/early-access`, body: { enabled }, schema: Empty }).then(() => undefined);
  }

  setGate(generationEnabled: boolean): Promise<AdminGate> {
    return this.http.call({ method: 'PUT', path: '/v1/admin/gate', body: { generationEnabled }, schema: AdminGate });
  }

  setBudget(budget: Budget): Promise<Budget> {
    return this.http.call({ method: 'PUT', path: '/v1/admin/budget', body: budget, schema: Budget });
  }

  async getGeneration(id: string): Promise<AdminGeneration> {
    return this.http.call({ method: 'GET', path: `/v1/admin/generations/${enc(id)}`, schema: AdminGeneration });
  }

  spend(): Promise<Spend> {
    return this.http.call({ method: 'GET', path: '/v1/admin/spend', schema: Spend });
  }
}
