import type { Kysely } from 'kysely';
import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { Database, JsonValue } from '../../pipeline/warehouse/database.js';
import { readCursor } from '../../pipeline/warehouse/raw-pages.js';
import type { JiraHttp } from './jira-http.js';
import { listingJql } from './jql.js';
import type { RawPageWriter } from './raw-page-writer.js';
import { firstPosition, searchPage, type Deployment, type PagePosition } from './search-api.js';
import { CURSOR_STREAM, RAW_STREAM } from './streams.js';

/** The full-refresh cursor (core.sync_state details of stream `scope`). */
export interface ScopeState {
  /** Id (start time, ISO 8601) of the last listing that read every page. */
  lastCompletedAt: string | null;
  /** A listing in progress. */
  listing: { id: string; position: PagePosition } | null;
}

/** What a full-refresh listing needs. */
export interface ScopeListing {
  db: Kysely<Database>;
  sourceId: string;
  config: JiraSourceConfig;
  http: JiraHttp;
  writer: RawPageWriter;
  deployment: Deployment;
  now: Date;
  /** Keys per listing page (the listing asks for keys only, so pages can be large). */
  pageSize: number;
}

/**
 * Whether a full refresh is due: never done, one in progress, or the last one is older than
 * `fullRefreshDays`.
 *
 * @example
 * isListingDue({ lastCompletedAt: '2026-01-01T00:00:00.000Z', listing: null }, 7, new Date('2026-01-09')); // true
 */
export function isListingDue(state: ScopeState | null, fullRefreshDays: number, now: Date): boolean {
  if (!state || state.listing || !state.lastCompletedAt) return true;
  return now.getTime() - Date.parse(state.lastCompletedAt) >= fullRefreshDays * 86_400_000;
}

/**
 * List every issue key in scope (the periodic full refresh), when due. Each page is stored with
 * the listing's id; the extractor marks tickets missing from a completed listing as removed.
 * Returns whether a listing ran.
 *
 * Why a separate key-only listing: an incremental search only sees issues that still exist and
 * still match, so deletions and moves out of scope are found by comparing the complete set.
 *
 * @example
 * await listScopeIfDue({ db, sourceId, config, http, writer, deployment: 'cloud', now: new Date(), pageSize: 1000 });
 */
export async function listScopeIfDue(listing: ScopeListing): Promise<boolean> {
  const stored = await readCursor(listing.db, listing.sourceId, CURSOR_STREAM.scope);
  const state = (stored?.details ?? null) as ScopeState | null;
  if (!isListingDue(state, listing.config.fullRefreshDays, listing.now)) return false;
  const current = state?.listing ?? { id: listing.now.toISOString(), position: firstPosition(listing.deployment) };
  let position = current.position;
  for (;;) {
    const page = await searchPage(listing.http, listing.deployment, {
      jql: listingJql(listing.config),
      fields: ['key'],
      changelog: false,
      pageSize: listing.pageSize,
      position,
    });
    const next: ScopeState = page.next
      ? { lastCompletedAt: state?.lastCompletedAt ?? null, listing: { id: current.id, position: page.next } }
      : { lastCompletedAt: current.id, listing: null };
    const context: Record<string, JsonValue> = { listing: current.id, lastPage: page.next === null };
    await listing.writer.save(RAW_STREAM.scope, page.response, context, {
      stream: CURSOR_STREAM.scope,
      cursor: next.lastCompletedAt,
      cursorTime: next.lastCompletedAt === null ? null : new Date(next.lastCompletedAt),
      details: next as unknown as Record<string, JsonValue>,
    });
    if (!page.next) return true;
    position = page.next;
  }
}
