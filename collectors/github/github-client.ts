import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Logger } from '../../pipeline/logging/logger.js';
import type { JsonValue } from '../../pipeline/warehouse/database.js';
import { usefulHeaders } from '../../pipeline/warehouse/raw-pages.js';
import { GithubGraphqlError, GithubHttpError, GithubMalformedResponseError } from './github-errors.js';

/**
 * The few GitHub calls the collector makes, behind an interface of our own so tests can pass
 * fakes and the HTTP library can be swapped. The real implementation is
 * {@link createOctokitClient}.
 */
export interface GithubClient {
  /** GET a REST URL (absolute, e.g. from a `Link` header, or a path under the API root). A 304 is returned, not thrown. */
  get(url: string, options?: { etag?: string | null }): Promise<GithubResponse>;
  /** Run a GraphQL query. Errors other than NOT_FOUND entries throw. */
  graphql(query: string, variables: Record<string, JsonValue>): Promise<GithubResponse>;
  /** Absolute URL of a REST path with its query parameters. */
  url(path: string, query?: Record<string, string | number>): string;
  /** HTTP requests sent so far: retries, 304s and token exchanges included. */
  readonly requests: number;
}

/** One answer from GitHub. */
export interface GithubResponse {
  /** 200 (or another 2xx), or 304 for an unchanged conditional request. */
  status: number;
  /** The URL that was requested (it never carries credentials). */
  url: string;
  /** Useful response headers only (link, etag, rate-limit figures, ...). */
  headers: Record<string, string>;
  /** Parsed JSON body; null for a 304. */
  body: JsonValue | null;
}

/** How the client authenticates. Secret values only travel here, never into logs or storage. */
export type GithubAuth =
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; privateKey: string; installationId: number };

/** Options of {@link createOctokitClient}. */
export interface GithubClientOptions {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  baseUrl: string;
  auth: GithubAuth;
  logger: Logger;
  /** Names the source in log lines. */
  sourceId: string;
  /** Retries of 5xx answers and network failures (default 3). */
  retries?: number;
  /** How many times one request may wait for a rate limit (primary, secondary or 429) before giving up (default 5). */
  rateLimitRetries?: number;
  /**
   * Milliseconds per second of every wait: rate-limit resets, `Retry-After` and the retry backoff
   * (1, 4, 9 s). Default 1000; tests shrink it so waits take milliseconds.
   */
  secondMs?: number;
  /** Deadline of one HTTP exchange, body included (default 60 s). */
  timeoutMs?: number;
  /** Minimum time between GraphQL queries; default the throttling plugin's (1 s). */
  graphqlSpacingMs?: number;
  /** Aborts every request in flight and to come. */
  signal?: AbortSignal;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
}

const GithubOctokit = Octokit.plugin(throttling, retry);

/** Statuses whose responses carry no body (a Response cannot be built with one). */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * A {@link GithubClient} over `@octokit/rest` with `@octokit/plugin-throttling` (primary limits
 * wait for the reset, secondary limits for `Retry-After`) and `@octokit/plugin-retry` (5xx and
 * network failures with backoff). A 429 that is neither kind of rate limit also waits for its
 * `Retry-After`. Every request has a deadline covering the whole body, so a stalled response is
 * retried like a failed one.
 *
 * @example
 * const client = createOctokitClient({ baseUrl: 'https://api.github.com', auth: { kind: 'token', token }, logger, sourceId: 'github:acme' });
 * const page = await client.get(client.url('/orgs/acme/repos', { per_page: 100 }));
 */
export function createOctokitClient(options: GithubClientOptions): GithubClient {
  const { logger, sourceId } = options;
  const secondMs = options.secondMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 5;
  let requests = 0;
  const baseFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const fetchWithDeadline: typeof fetch = async (input, init) => {
    requests += 1;
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (init?.signal) signals.push(init.signal);
    if (options.signal) signals.push(options.signal);
    const response = await baseFetch(input, { ...init, signal: AbortSignal.any(signals) });
    // Why read the body here: the deadline then covers it too, and a connection that stalls or
    // breaks mid-body fails this exchange (so it is retried) instead of reaching the JSON parser
    // half-read.
    const body = NULL_BODY_STATUS.has(response.status) ? null : await response.arrayBuffer();
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  };

  const rateLimitHandler =
    (kind: string) =>
    (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const fields = { source: sourceId, request: `${request.method ?? 'GET'} ${redactQuery(request.url)}`, waitSeconds: retryAfter, attempt: retryCount + 1 };
      if (retryCount < rateLimitRetries) {
        // Why wait instead of failing: the budget comes back at the reset (primary) or after
        // Retry-After (secondary); failing would only move the same requests to the next run.
        logger.warn(`GitHub ${kind} rate limit reached; waiting before retrying`, fields);
        return true;
      }
      logger.error(`GitHub ${kind} rate limit still reached after ${rateLimitRetries} waits; giving up`, fields);
      return false;
    };

  const octokit = new GithubOctokit({
    baseUrl: options.baseUrl,
    userAgent: 'codeledger',
    ...(options.auth.kind === 'token'
      ? { auth: options.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: { appId: options.auth.appId, privateKey: options.auth.privateKey, installationId: options.auth.installationId },
        }),
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => logger.warn(message, { source: sourceId }),
      error: (message: string) => logger.error(message, { source: sourceId }),
    },
    request: { fetch: fetchWithDeadline },
    throttle: {
      id: sourceId,
      retryAfterBaseValue: secondMs,
      onRateLimit: rateLimitHandler('primary'),
      onSecondaryRateLimit: rateLimitHandler('secondary'),
      ...(options.graphqlSpacingMs === undefined ? {} : { write: spacedQueue(options.graphqlSpacingMs) as never }),
    },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: secondMs,
      // 429 is left to the throttling plugin and to the Retry-After wait below.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });

  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = plainTooManyRequestsWait(error);
        if (wait === null || attempt >= rateLimitRetries) throw error;
        logger.warn('GitHub answered 429 Too Many Requests; waiting as Retry-After asks', {
          source: sourceId,
          request: `${requestOptions.method} ${redactQuery(requestOptions.url)}`,
          waitSeconds: wait,
          attempt: attempt + 1,
        });
        await sleep(wait * secondMs);
      }
    }
  });

  const graphqlUrl = graphqlEndpoint(options.baseUrl);

  async function send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: object): Promise<GithubResponse> {
    try {
      const response = await octokit.request({ method, url, headers: { 'x-github-api-version': '2022-11-28', ...headers }, ...(body ? { data: body } : {}) });
      return { status: response.status, url, headers: usefulHeaders(response.headers as Record<string, unknown>), body: response.data as JsonValue };
    } catch (error) {
      const status = (error as { status?: number }).status;
      const response = (error as { response?: { headers?: Record<string, unknown> } }).response;
      if (status === 304 && response) return { status: 304, url, headers: usefulHeaders(response.headers ?? {}), body: null };
      if (typeof status === 'number' && status >= 400 && status < 600 && response) {
        const message = error instanceof Error ? error.message : String(error);
        const rateLimited = (response.headers ?? {})['x-ratelimit-remaining'] === '0' || /\brate limit/i.test(message);
        throw new GithubHttpError(method, url, status, message, rateLimited);
      }
      if ((error as { name?: string }).name === 'AbortError') throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new GithubHttpError(method, url, typeof status === 'number' ? status : 0, detail);
    }
  }

  return {
    get requests() {
      return requests;
    },
    url(path, query = {}) {
      const url = new URL(options.baseUrl + (path.startsWith('/') ? path : `/${path}`));
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
      return url.toString();
    },
    async get(url, getOptions = {}) {
      const absolute = /^https?:\/\//i.test(url) ? url : this.url(url);
      const response = await send('GET', absolute, getOptions.etag ? { 'if-none-match': getOptions.etag } : {});
      if (response.status !== 304 && (response.body === null || typeof response.body !== 'object')) {
        throw new GithubMalformedResponseError('GET', absolute, response.body);
      }
      return response;
    },
    async graphql(query, variables) {
      const response = await send('POST', graphqlUrl, {}, { query, variables });
      const body = response.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new GithubMalformedResponseError('POST', graphqlUrl, body);
      const errors = Array.isArray(body.errors) ? (body.errors as Array<{ type?: string; message?: string }>) : [];
      const serious = errors.filter((error) => error.type !== 'NOT_FOUND');
      if (serious.length > 0) throw new GithubGraphqlError(graphqlUrl, serious.map((error) => `${error.type ?? 'ERROR'}: ${error.message ?? ''}`));
      if (body.data === null || typeof body.data !== 'object') throw new GithubMalformedResponseError('POST', graphqlUrl, body);
      return response;
    },
  };
}

/**
 * The GraphQL endpoint next to a REST root: GitHub Enterprise Server serves it at `/api/graphql`
 * beside `/api/v3`.
 *
 * @example
 * graphqlEndpoint('https://ghe.example.com/api/v3'); // 'https://ghe.example.com/api/graphql'
 */
export function graphqlEndpoint(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(trimmed) ? trimmed.replace(/\/api\/v3$/, '/api/graphql') : `${trimmed}/graphql`;
}

/**
 * Seconds to wait for a 429 that the throttling plugin leaves alone (no secondary-limit message,
 * no exhausted primary budget), or null for any other error.
 */
function plainTooManyRequestsWait(error: unknown): number | null {
  const candidate = error as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
  if (candidate.status !== 429) return null;
  const headers = candidate.response?.headers ?? {};
  if (/\bsecondary rate\b/i.test(candidate.message ?? '') || headers['x-ratelimit-remaining'] === '0') return null;
  const retryAfter = Number(headers['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
}

/**
 * Stands in for the throttling plugin's `write` limiter (which spaces GraphQL queries 1 s apart)
 * when another spacing is wanted: jobs run one at a time, at least `spacingMs` apart. The plugin
 * only calls `key(id).schedule(options, job)`.
 */
function spacedQueue(spacingMs: number) {
  let tail: Promise<unknown> = Promise.resolve();
  let lastStart = 0;
  const limiter = {
    schedule(...args: unknown[]): Promise<unknown> {
      const jobAt = typeof args[0] === 'function' ? 0 : 1;
      const job = args[jobAt] as (...jobArgs: unknown[]) => unknown;
      const run = tail.then(async () => {
        const wait = lastStart + spacingMs - Date.now();
        if (wait > 0) await sleep(wait);
        lastStart = Date.now();
        return job(...args.slice(jobAt + 1));
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}

/** A URL for log lines, without its query (`since` values and page numbers add nothing there). */
function redactQuery(url: string | undefined): string {
  if (!url) return '';
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
