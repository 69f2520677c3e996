import type { Logger } from '../../pipeline/logging/logger.js';
import type { JsonValue } from '../../pipeline/warehouse/database.js';
import { SourceAuthError } from '../source.js';

/*
 * The narrow HTTP surface the Jira collector needs: send a GET or POST to a path of the site and
 * get the status, useful headers and parsed JSON back, with retries and clear failures. The
 * collector depends on this interface only; `jira-client-transport.ts` implements the single
 * attempt with jira-client, so tests can pass fakes and the library can be swapped.
 */

/** One request to the site. */
export interface JiraRequest {
  readonly method: 'GET' | 'POST';
  /** Path from the site root, e.g. `/rest/api/2/serverInfo`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  /** JSON body of a POST. */
  readonly body?: JsonValue;
}

/** A request as stored with its raw page: method, URL, body — never credentials. */
export interface RequestRecord {
  method: string;
  url: string;
  [key: string]: JsonValue;
}

/** A successful answer. */
export interface JiraResponse {
  readonly request: RequestRecord;
  readonly status: number;
  /** Response headers, lower-cased (filter with `usefulHeaders` before storing). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
}

/** What the collector calls. */
export interface JiraHttp {
  send(request: JiraRequest): Promise<JiraResponse>;
  /** HTTP requests made so far, retries included. */
  readonly requests: number;
}

/** One attempt's answer, whatever its status. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A single attempt at a request; throws {@link TransportError} when no answer came. */
export interface JiraTransport {
  /** The full URL a request goes to (for messages and raw pages). */
  urlOf(request: JiraRequest): string;
  send(request: JiraRequest): Promise<TransportResponse>;
}

/** No HTTP answer: connection refused or reset, or the timeout passed. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportError';
  }
}

/** An HTTP answer the collector cannot go on from (after retries, when retrying made sense). */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number | null,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'JiraHttpError';
  }
}

/** A 2xx answer whose body is not the JSON Jira sends. */
export class JiraMalformedResponseError extends Error {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`Jira answered ${url} with a malformed body (${detail}); nothing from it was stored`);
    this.name = 'JiraMalformedResponseError';
  }
}

/** How hard to retry. */
export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First backoff wait; doubled on each further retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured; a longer one is cut to this (and may then be retried again). */
  maxRetryAfterMs: number;
}

/**
 * Why these numbers: Jira Cloud's rate limiter answers 429 with Retry-After in seconds, usually
 * well under a minute; five retries with waits doubling from one second ride out a restarting
 * Data Center node (about a minute in all) without hanging a scheduled run for long.
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
});

/** What {@link createJiraHttp} needs. */
export interface JiraHttpOptions {
  transport: JiraTransport;
  /** For {@link SourceAuthError}: the source and the variable(s) holding the credential. */
  sourceId: string;
  credentialVariables: string;
  logger: Logger;
  sleep: (milliseconds: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Clock for Retry-After given as an HTTP date. */
  now?: () => number;
}

const OLD_SEARCH_PATH = /^\/rest\/api\/[23]\/search$/;

/**
 * Retrying, parsing HTTP over a {@link JiraTransport}: 429 and 503 wait for Retry-After (or back
 * off), other 5xx and lost connections back off and retry, 401/403 throw a
 * {@link SourceAuthError} naming the credential's variables, a 410 from the old search endpoint
 * says the site is Jira Cloud, and a body that is not JSON fails with the URL named.
 *
 * @example
 * const http = createJiraHttp({ transport, sourceId: 'jira:acme', credentialVariables: 'JIRA_TOKEN', logger, sleep });
 * const info = await http.send({ method: 'GET', path: '/rest/api/2/serverInfo' });
 */
export function createJiraHttp(options: JiraHttpOptions): JiraHttp {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const now = options.now ?? Date.now;
  let requests = 0;

  async function send(request: JiraRequest): Promise<JiraResponse> {
    const url = options.transport.urlOf(request);
    const record: RequestRecord = { method: request.method, url };
    if (request.body !== undefined) record.body = request.body;
    const label = `${request.method} ${url}`;
    for (let attempt = 1; ; attempt++) {
      requests++;
      let answer: TransportResponse;
      try {
        answer = await options.transport.send(request);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (attempt >= policy.maxAttempts) {
          throw new JiraHttpError(null, url, `${label} failed after ${attempt} attempts: ${error.message}`);
        }
        await wait(backoff(attempt), label, error.message);
        continue;
      }
      const { status } = answer;
      if (status >= 200 && status < 300) return { request: record, status, headers: answer.headers, body: parseBody(answer.text, url) };
      if (status === 401 || status === 403) {
        throw new SourceAuthError(options.sourceId, options.credentialVariables, `HTTP ${status} from ${label}${jiraMessage(answer.text)}`);
      }
      if (status === 410 && OLD_SEARCH_PATH.test(request.path)) {
        throw new JiraHttpError(
          status,
          url,
          `${label} answered 410 Gone: this is a Jira Cloud site, where the old search endpoint was removed; ` +
            'set deployment to cloud or auto (the default) so the enhanced search (/rest/api/3/search/jql) is used',
        );
      }
      const retryable = status === 429 || status >= 500;
      if (!retryable || attempt >= policy.maxAttempts) {
        const tries = retryable ? ` after ${attempt} attempts` : '';
        throw new JiraHttpError(status, url, `${label} answered HTTP ${status}${tries}${jiraMessage(answer.text)}`);
      }
      const retryAfter = status === 429 || status === 503 ? retryAfterMs(answer.headers['retry-after'], now()) : null;
      await wait(retryAfter === null ? backoff(attempt) : Math.min(retryAfter, policy.maxRetryAfterMs), label, `HTTP ${status}`);
    }
  }

  function backoff(attempt: number): number {
    return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  }

  async function wait(milliseconds: number, label: string, reason: string): Promise<void> {
    options.logger.warn('Jira request will be retried', { source: options.sourceId, request: label, reason, waitMs: milliseconds });
    await options.sleep(milliseconds);
  }

  return {
    send,
    get requests() {
      return requests;
    },
  };
}

function parseBody(text: string, url: string): JsonValue {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new JiraMalformedResponseError(url, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Milliseconds to wait from a Retry-After header (delay in seconds, or an HTTP date), or null
 * when there is none or it cannot be read.
 *
 * @example
 * retryAfterMs('2', Date.now()); // 2000
 */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (header === undefined || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Jira's own explanation from an error body (`errorMessages`, `errors`), shortened; '' when none. */
function jiraMessage(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return '';
  }
  if (typeof parsed !== 'object' || parsed === null) return '';
  const { errorMessages, errors, message } = parsed as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const parts: string[] = [];
  if (Array.isArray(errorMessages)) parts.push(...errorMessages.filter((item): item is string => typeof item === 'string'));
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, value] of Object.entries(errors)) if (typeof value === 'string') parts.push(`${field}: ${value}`);
  }
  if (typeof message === 'string') parts.push(message);
  const joined = parts.join('; ');
  if (joined === '') return '';
  return `: ${joined.length > 300 ? `${joined.slice(0, 299)}…` : joined}`;
}
