import type { JsonValue } from '../../pipeline/warehouse/database.js';
import type { StreamCursor } from '../../pipeline/warehouse/raw-pages.js';
import { restPage, type CollectSession, type CursorUpdate, type FetchedPage } from './collect-session.js';
import { GithubMalformedResponseError } from './github-errors.js';

/** A JSON object as the REST API returns it. */
export type JsonObject = { [key: string]: JsonValue };

/** The state of a pass in progress; saved with every page so a resumed pass goes on with it. */
export type PassState = { [key: string]: JsonValue };

/** What one paged REST list stream does; {@link runListStream} does the paging, storing and resuming. */
export interface ListStreamSpec {
  stream: string;
  /** URL of the first page of a new pass, given the stored cursor. */
  firstUrl(stored: StreamCursor): string;
  /**
   * Whether the first page of a new pass is asked with `If-None-Match` and the ETag of the last
   * pass's first page. GitHub answers 304 when nothing changed and does not count it against the
   * rate limit. Only safe for lists where any change reaches the first page (sorted by update
   * time, newest first, or asked `since` the last change).
   */
  conditional: boolean;
  startPass(stored: StreamCursor): PassState;
  /**
   * Look at one page: update the pass state, say whether the pass ends after this page, and
   * fetch pages tied to it (details), which are stored in the same transaction.
   */
  onPage(items: JsonObject[], pass: PassState, stored: StreamCursor): Promise<{ stop: boolean; extraPages?: FetchedPage[] }>;
  /** The cursor after a completed pass (details are merged over the stored ones). */
  finishPass(pass: PassState, stored: StreamCursor): { cursor: string | null; cursorTime: Date | null; details?: Record<string, JsonValue> };
}

/**
 * Page through one REST list, storing every page with the stream's cursor in one transaction.
 * The cursor records where an unfinished pass stands (the `Link` URL of the next page and the
 * pass state), so a run killed at any point resumes with the page after the last stored one;
 * a finished pass records the stream's watermark and the first page's ETag.
 *
 * @returns whether anything changed (false when the first page answered 304)
 * @example
 * await runListStream(session, releasesSpec(session, 'acme/web'));
 */
export async function runListStream(session: CollectSession, spec: ListStreamSpec): Promise<boolean> {
  const stored = await session.cursor(spec.stream);
  const details = stored.details;
  const resumeUrl = typeof details.resumeUrl === 'string' ? details.resumeUrl : null;
  let url = resumeUrl ?? spec.firstUrl(stored);
  const pass: PassState = resumeUrl && isObject(details.pass) ? { ...details.pass } : spec.startPass(stored);
  let etag = !resumeUrl && spec.conditional && details.etagUrl === url && typeof details.etag === 'string' ? details.etag : null;
  let firstPage = { etag: details.etag ?? null, etagUrl: details.etagUrl ?? null };
  for (let isFirst = !resumeUrl; ; isFirst = false) {
    const response = await session.client.get(url, { etag });
    if (response.status === 304) return false;
    if (!Array.isArray(response.body)) throw new GithubMalformedResponseError('GET', url, response.body);
    const items = response.body.filter(isObject);
    if (isFirst) firstPage = { etag: response.headers.etag ?? null, etagUrl: url };
    const { stop, extraPages = [] } = await spec.onPage(items, pass, stored);
    const next = stop ? null : nextPageUrl(response.headers.link);
    const kept = withoutPassFields(details);
    let cursor: CursorUpdate;
    if (next) {
      cursor = { stream: spec.stream, cursor: stored.cursor, cursorTime: stored.cursorTime, details: { ...kept, ...firstPage, resumeUrl: next, pass } };
    } else {
      const finished = spec.finishPass(pass, stored);
      cursor = { stream: spec.stream, cursor: finished.cursor, cursorTime: finished.cursorTime, details: { ...kept, ...finished.details, ...firstPage } };
    }
    await session.store([restPage(spec.stream, response), ...extraPages], [cursor]);
    if (!next) return true;
    url = next;
    etag = null;
  }
}

/**
 * The `rel="next"` URL of a `Link` header, or null on the last page.
 *
 * @example
 * nextPageUrl('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'); // 'https://api.github.com/x?page=2'
 */
export function nextPageUrl(link: string | undefined): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2]!.split(/\s+/).includes('next')) return match[1]!;
  }
  return null;
}

function withoutPassFields(details: Record<string, JsonValue>): Record<string, JsonValue> {
  const { resumeUrl: _resumeUrl, pass: _pass, ...rest } = details;
  return rest;
}

/** Whether a JSON value is an object (not an array or null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
