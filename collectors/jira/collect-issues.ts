import type { Kysely } from 'kysely';
import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { Database, JsonValue } from '../../pipeline/warehouse/database.js';
import { readCursor, writeCursor } from '../../pipeline/warehouse/raw-pages.js';
import { nextChangelogStep, pendingChangelogs, type PendingChangelogs } from './changelog-completion.js';
import { JiraHttpError, type JiraHttp } from './jira-http.js';
import { incrementalJql } from './jql.js';
import { ownText, type JsonRecord } from './json-access.js';
import type { RawPageWriter } from './raw-page-writer.js';
import { firstPosition, searchPage, type Deployment, type PagePosition } from './search-api.js';
import type { SiteFacts } from './site-facts.js';
import { jqlMinute, parseJiraTime } from './site-time.js';
import { CURSOR_STREAM, RAW_STREAM } from './streams.js';

/** A search in progress: its lower bound and where its next page starts. */
export interface IssueQuery {
  /** `updated >=` bound, a minute in `timeZone`; null for the first, unbounded search. */
  since: string | null;
  timeZone: string;
  position: PagePosition;
}

/** The issues cursor (core.sync_state details of stream `issues`). */
export interface IssueStreamState {
  /** Latest `updated` seen (ISO 8601), the base of the next search. */
  lastUpdated: string | null;
  query: IssueQuery | null;
  /** Truncated changelogs of the last stored page, still to fetch. */
  pending: PendingChangelogs | null;
}

/** What the issues stream needs. */
export interface IssueCollection {
  db: Kysely<Database>;
  sourceId: string;
  config: JiraSourceConfig;
  http: JiraHttp;
  writer: RawPageWriter;
  facts: SiteFacts;
  /** Fields asked for on every issue. */
  fields: readonly string[];
}

/**
 * Fetch every issue in scope updated since the last run, page by page, oldest change first,
 * with complete changelogs. Each page is stored with the cursor pointing past it (and at the
 * changelogs it still needs), so a run killed anywhere resumes without a gap or a duplicate.
 * Returns warnings.
 *
 * Paging: on Cloud the enhanced search's `nextPageToken` continues one query. On Data Center the
 * query is re-anchored after every page at the minute of its last issue (`startAt` then counts
 * the issues of that minute already read), so an issue updated while a long first load pages
 * through moves behind the anchor instead of shifting an unread issue out of reach.
 *
 * @example
 * const warnings = await collectIssues({ db, sourceId, config, http, writer, facts, fields });
 */
export async function collectIssues(collection: IssueCollection): Promise<string[]> {
  const { facts } = collection;
  const warnings: string[] = [];
  let state = await readIssueState(collection.db, collection.sourceId);
  // A query anchored in another zone would read its `since` wrongly, and one saved for the other
  // deployment cannot be continued: start it again (the overlap makes that safe).
  const cloudPosition = state.query !== null && 'nextPageToken' in state.query.position;
  if (state.query && (state.query.timeZone !== facts.timeZone || cloudPosition !== (facts.deployment === 'cloud'))) {
    state = { ...state, query: null };
  }
  if (state.pending && (state.pending.kind === 'bulk') !== (facts.deployment === 'cloud')) {
    warnings.push('changelogs pending from a run against the other deployment were dropped; run once with --full-refresh to fetch them');
    state = { ...state, pending: null };
  }
  if (state.pending) state = await completeChangelogs(collection, state, warnings);
  let restarted = false;
  for (;;) {
    const query: IssueQuery = state.query ?? freshQuery(state.lastUpdated, facts);
    let page;
    try {
      page = await searchPage(collection.http, facts.deployment, {
        jql: incrementalJql(collection.config, query.since),
        fields: collection.fields,
        changelog: true,
        pageSize: collection.config.pageSize,
        position: query.position,
      });
    } catch (error) {
      // Cloud continuation tokens expire after a few days; a stale one restarts the query from
      // the last stored issue (the overlap makes that safe).
      if (!restarted && error instanceof JiraHttpError && error.status === 400 && 'nextPageToken' in query.position && query.position.nextPageToken) {
        restarted = true;
        warnings.push('the saved search continuation was refused; the search restarted from the last stored issue');
        state = { ...state, query: null };
        continue;
      }
      throw error;
    }
    const lastUpdated = latestUpdate(state.lastUpdated, page.issues);
    const nextQuery = page.next ? advance(facts.deployment, query, page.issues, page.next) : null;
    state = { lastUpdated, query: nextQuery, pending: pendingChangelogs(facts.deployment, page.issues) };
    const context: Record<string, JsonValue> = { since: query.since, timeZone: query.timeZone };
    await collection.writer.save(RAW_STREAM.search, page.response, context, cursorOf(state));
    if (state.pending) state = await completeChangelogs(collection, state, warnings);
    if (!nextQuery) return warnings;
  }
}

/** Fetch what `state.pending` lists, storing each piece with the cursor that drops it from the list. */
async function completeChangelogs(collection: IssueCollection, initial: IssueStreamState, warnings: string[]): Promise<IssueStreamState> {
  let state = initial;
  while (state.pending) {
    const step = await nextChangelogStep(collection.http, state.pending);
    state = { ...state, pending: step.rest };
    if (step.kind === 'page') {
      await collection.writer.save(RAW_STREAM.changelog, step.response, step.context, cursorOf(state));
      if (step.warning) warnings.push(step.warning);
    } else {
      warnings.push(step.warning);
      await writeCursor(collection.db, collection.sourceId, CURSOR_STREAM.issues, cursorOf(state));
    }
  }
  return state;
}

function freshQuery(lastUpdated: string | null, facts: SiteFacts): IssueQuery {
  const since = lastUpdated === null ? null : jqlMinute(new Date(Date.parse(lastUpdated) - facts.overlapMinutes * 60_000), facts.timeZone);
  return { since, timeZone: facts.timeZone, position: firstPosition(facts.deployment) };
}

/** The query for the page after `issues` (see collectIssues on Data Center re-anchoring). */
function advance(deployment: Deployment, query: IssueQuery, issues: readonly JsonRecord[], next: PagePosition): IssueQuery {
  if (deployment === 'cloud' || !('startAt' in next)) return { ...query, position: next };
  const minutes = issues.map((issue) => {
    const updated = updatedOf(issue);
    return updated ? jqlMinute(updated, query.timeZone) : null;
  });
  const lastMinute = minutes[minutes.length - 1] ?? null;
  if (lastMinute === null || lastMinute === query.since) return { ...query, position: next };
  const readInLastMinute = minutes.filter((minute) => minute === lastMinute).length;
  return { ...query, since: lastMinute, position: { startAt: readInLastMinute } };
}

function updatedOf(issue: JsonRecord): Date | null {
  const fields = issue.fields;
  return typeof fields === 'object' && fields !== null ? parseJiraTime(ownText(fields as JsonRecord, 'updated')) : null;
}

function latestUpdate(current: string | null, issues: readonly JsonRecord[]): string | null {
  let latest = current === null ? null : Date.parse(current);
  for (const issue of issues) {
    const updated = updatedOf(issue)?.getTime();
    if (updated !== undefined && (latest === null || updated > latest)) latest = updated;
  }
  return latest === null ? null : new Date(latest).toISOString();
}

function cursorOf(state: IssueStreamState) {
  return {
    stream: CURSOR_STREAM.issues,
    cursor: state.lastUpdated,
    cursorTime: state.lastUpdated === null ? null : new Date(state.lastUpdated),
    details: state as unknown as Record<string, JsonValue>,
  };
}

async function readIssueState(db: Kysely<Database>, sourceId: string): Promise<IssueStreamState> {
  const stored = await readCursor(db, sourceId, CURSOR_STREAM.issues);
  const details = stored?.details as Partial<IssueStreamState> | undefined;
  return { lastUpdated: details?.lastUpdated ?? null, query: details?.query ?? null, pending: details?.pending ?? null };
}
