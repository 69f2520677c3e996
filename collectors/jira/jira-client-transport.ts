import JiraApi from 'jira-client';
import { TransportError, type JiraRequest, type JiraTransport, type TransportResponse } from './jira-http.js';

/*
 * One attempt at a request, made through jira-client: it builds the site URL (context path,
 * port, API version) and the authentication options, and its generic `doRequest` carries any
 * endpoint it has no wrapper for (enhanced search, bulk changelog fetch).
 *
 * Why a `request` function of our own is handed to jira-client: its default transport resolves
 * with the body only and turns every HTTP error into a JSON string, so the status code and the
 * Retry-After header are lost. jira-client takes the transport as an option; ours uses Node's
 * fetch and hands the whole answer (status, headers, text) back through `doRequest`.
 */

/** The part of jira-client this collector uses (its typings mark these methods private). */
interface JiraClientCore {
  makeUri(options: { pathname: string; intermediatePath?: string }): string;
  makeRequestHeader(uri: string, options?: Record<string, unknown>): Record<string, unknown>;
  doRequest(options: Record<string, unknown>): Promise<unknown>;
}

/** Credentials as jira-client takes them. */
export type JiraClientAuth = { username: string; password: string } | { bearer: string };

/** The options jira-client passes to its transport (after merging its base options). */
interface ClientRequestOptions {
  method?: string;
  uri?: string;
  body?: unknown;
  timeout?: number;
  auth?: { user?: string; pass?: string; bearer?: string };
}

type AttemptResult = { kind: 'answer'; answer: TransportResponse } | { kind: 'no-answer'; reason: string };

/**
 * A {@link JiraTransport} through jira-client for the site at `siteUrl`.
 *
 * @example
 * const transport = createJiraClientTransport({ siteUrl: 'https://acme.atlassian.net', auth: { bearer: token }, timeoutMs: 60_000 });
 */
export function createJiraClientTransport(options: { siteUrl: string; auth: JiraClientAuth; timeoutMs: number }): JiraTransport {
  const site = new URL(options.siteUrl);
  const client = new JiraApi({
    protocol: site.protocol.replace(':', ''),
    host: site.hostname,
    port: site.port === '' ? undefined : site.port,
    base: site.pathname.replace(/\/+$/, ''),
    timeout: options.timeoutMs,
    request: fetchAttempt,
    ...('bearer' in options.auth ? { bearer: options.auth.bearer } : { username: options.auth.username, password: options.auth.password }),
  }) as unknown as JiraClientCore;

  function urlOf(request: JiraRequest): string {
    // jira-client puts the API version between the base and the path; split ours accordingly.
    const match = /^(\/rest\/[^/]+\/[^/]+)(\/.*)$/.exec(request.path);
    const uri = match ? client.makeUri({ intermediatePath: match[1]!, pathname: match[2]! }) : client.makeUri({ pathname: request.path });
    // The query is encoded here: makeUri decodes what it encodes, which would break JQL values.
    const query = new URLSearchParams(Object.entries(request.query ?? {}).map(([key, value]) => [key, String(value)])).toString();
    return query === '' ? uri : `${uri}?${query}`;
  }

  async function send(request: JiraRequest): Promise<TransportResponse> {
    const header = client.makeRequestHeader(urlOf(request), {
      method: request.method,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const result = (await client.doRequest(header)) as AttemptResult;
    if (result.kind === 'no-answer') throw new TransportError(result.reason);
    return result.answer;
  }

  return { urlOf, send };
}

/** The transport jira-client calls: always resolves, so status and headers reach the caller. */
async function fetchAttempt(options: ClientRequestOptions): Promise<AttemptResult> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'codeledger' };
  if (options.auth?.bearer) headers.authorization = `Bearer ${options.auth.bearer}`;
  else if (options.auth?.user !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.pass ?? ''}`).toString('base64')}`;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const timeout = options.timeout ?? 0;
  try {
    const response = await fetch(options.uri ?? '', {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: timeout > 0 ? AbortSignal.timeout(timeout) : undefined,
    });
    const text = await response.text();
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      answerHeaders[name.toLowerCase()] = value;
    });
    return { kind: 'answer', answer: { status: response.status, headers: answerHeaders, text } };
  } catch (error) {
    return { kind: 'no-answer', reason: describeFailure(error, timeout) };
  }
}

function describeFailure(error: unknown, timeout: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeout} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause})` : message;
}
