import { sql, type Kysely, type Transaction } from 'kysely';
import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { Database } from '../../pipeline/warehouse/database.js';
import { readCursor, readRawPages, writeCursor, type StoredRawPage } from '../../pipeline/warehouse/raw-pages.js';
import type { ExtractResult } from '../source.js';
import { emptyRows, issueMapping, mapHistories, mapIssue, type IssueMapping, type MappedRows } from './issue-mapping.js';
import { asArray, asRecord, ownRecord, ownText } from './json-access.js';
import { MappingReport } from './mapping-report.js';
import { statusCatalog } from './status-catalog.js';
import { CURSOR_STREAM, RAW_STREAM } from './streams.js';

/** Raw pages written to core per transaction. */
const PAGES_PER_TRANSACTION = 50;

/** What an extraction needs. */
export interface JiraExtraction {
  db: Kysely<Database>;
  sourceId: string;
  config: JiraSourceConfig;
}

/**
 * Turn the source's raw pages not yet extracted into core.tickets, core.ticket_transitions and
 * core.identities, in page order (a later page wins), a batch of pages per transaction together
 * with the `extract` cursor. Without that cursor (first run, or `--full-refresh`, which clears
 * it) the source's tickets and transitions are rebuilt from every raw page, so re-running gives
 * the same tables. A completed full-refresh listing marks the tickets it did not list as
 * removed, and clears the mark of those it did.
 *
 * @example
 * const result = await extractJira({ db, sourceId: 'jira:acme', config });
 */
export async function extractJira(extraction: JiraExtraction): Promise<ExtractResult> {
  const { db, sourceId } = extraction;
  const stored = await readCursor(db, sourceId, CURSOR_STREAM.extract);
  const afterPageId = stored?.cursor ? Number(stored.cursor) : 0;
  const report = new MappingReport();
  const mapping = issueMapping(sourceId, extraction.config, statusCatalog(await latestStatuses(db, sourceId)), report);
  const warnings: string[] = [];
  let rows = 0;
  let rebuild = afterPageId === 0;
  let batch: StoredRawPage[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pages = batch;
    batch = [];
    const clearFirst = rebuild;
    rebuild = false;
    rows += await db.transaction().execute(async (trx) => {
      if (clearFirst) await clearSource(trx, sourceId);
      let written = 0;
      for (const page of pages) written += await extractPage(trx, mapping, page, warnings);
      await writeCursor(trx, sourceId, CURSOR_STREAM.extract, {
        cursor: String(pages[pages.length - 1]!.pageId),
        cursorTime: null,
        details: {},
      });
      return written;
    });
  };
  for await (const page of readRawPages(db, {
    sourceId,
    afterPageId,
    streams: [RAW_STREAM.search, RAW_STREAM.changelog, RAW_STREAM.scope],
  })) {
    batch.push(page);
    if (batch.length >= PAGES_PER_TRANSACTION) await flush();
  }
  await flush();
  return { rows, warnings: [...warnings, ...report.warnings()] };
}

async function extractPage(trx: Transaction<Database>, mapping: IssueMapping, page: StoredRawPage, warnings: string[]): Promise<number> {
  if (page.stream === RAW_STREAM.scope) return applyListing(trx, mapping.sourceId, page, warnings);
  const rows = emptyRows();
  if (page.stream === RAW_STREAM.search) {
    for (const issue of asArray(asRecord(page.body)?.issues)) {
      const record = asRecord(issue);
      if (record) mapIssue(mapping, record, page.pageId, rows);
    }
  } else if (page.stream === RAW_STREAM.changelog) {
    mapChangelogPage(mapping, page, rows);
  }
  if (rows.skipped.length > 0) warnings.push(`Jira issues without a creation time were skipped: ${rows.skipped.join(', ')}`);
  return writeRows(trx, rows);
}

/** A Data Center issue with its changelog, or a Cloud bulk fetch page (issue ids → keys from the request). */
function mapChangelogPage(mapping: IssueMapping, page: StoredRawPage, rows: MappedRows): void {
  const request = asRecord(page.request);
  const body = asRecord(page.body);
  const key = ownText(request, 'key');
  if (key !== null) {
    mapHistories(mapping, key, asArray(ownRecord(body, 'changelog')?.histories), page.pageId, rows);
    return;
  }
  const keysById = ownRecord(request, 'keysById');
  for (const entry of asArray(body?.issueChangeLogs)) {
    const log = asRecord(entry);
    const issueId = ownText(log, 'issueId');
    const issueKey = issueId === null ? null : ownText(keysById, issueId);
    if (issueKey !== null) mapHistories(mapping, issueKey, asArray(log?.changeHistories), page.pageId, rows);
  }
}

async function writeRows(trx: Transaction<Database>, rows: MappedRows): Promise<number> {
  let written = 0;
  if (rows.identities.length > 0) written += await bulkInsert(trx, 'core.identities', rows.identities, { conflict: 'update', key: ['identity_id'] });
  if (rows.tickets.length > 0) written += await bulkInsert(trx, 'core.tickets', rows.tickets, { conflict: 'update', key: ['ticket_id'] });
  if (rows.transitions.length > 0) {
    written += await bulkInsert(trx, 'core.ticket_transitions', rows.transitions, { conflict: 'update', key: ['transition_id'] });
  }
  return written;
}

/**
 * On the last page of a full-refresh listing: mark the source's tickets the listing did not
 * name as removed (at the listing's start) and clear the mark of those it named. A listing that
 * found nothing at all while tickets exist is not trusted (a lost permission looks the same).
 */
async function applyListing(trx: Transaction<Database>, sourceId: string, page: StoredRawPage, warnings: string[]): Promise<number> {
  const request = asRecord(page.request);
  const listing = ownText(request, 'listing');
  if (listing === null || request?.lastPage !== true) return 0;
  const pages = await trx
    .selectFrom('raw.api_pages')
    .select('body')
    .where('source_id', '=', sourceId)
    .where('stream', '=', RAW_STREAM.scope)
    .where(sql<string>`request->>'listing'`, '=', listing)
    .where('page_id', '<=', page.pageId)
    .execute();
  const keys = new Set<string>();
  for (const { body } of pages) {
    for (const issue of asArray(asRecord(body)?.issues)) {
      const key = ownText(asRecord(issue), 'key');
      if (key !== null) keys.add(key);
    }
  }
  const keyArray = textArrayLiteral([...keys].sort());
  if (keys.size === 0) {
    const existing = await trx.selectFrom('core.tickets').select('ticket_id').where('source_id', '=', sourceId).limit(1).execute();
    if (existing.length > 0) {
      warnings.push('the full-refresh listing found no issues at all; no ticket was marked removed (check the scope and the account\'s permissions)');
      return 0;
    }
  }
  const removed = await sql`
    UPDATE core.tickets SET removed_at = ${listing}::timestamptz
    WHERE source_id = ${sourceId} AND removed_at IS NULL AND NOT (key = ANY(${keyArray}::text[]))`.execute(trx);
  const restored = await sql`
    UPDATE core.tickets SET removed_at = NULL
    WHERE source_id = ${sourceId} AND removed_at IS NOT NULL AND key = ANY(${keyArray}::text[])`.execute(trx);
  return Number(removed.numAffectedRows ?? 0) + Number(restored.numAffectedRows ?? 0);
}

/** Delete the source's tickets and their transitions before a rebuild from every raw page. */
async function clearSource(trx: Transaction<Database>, sourceId: string): Promise<void> {
  await trx
    .deleteFrom('core.ticket_transitions')
    .where('ticket_id', 'in', (qb) => qb.selectFrom('core.tickets').select('ticket_id').where('source_id', '=', sourceId))
    .execute();
  await trx.deleteFrom('core.tickets').where('source_id', '=', sourceId).execute();
}

/** The body of the latest statuses page of a source (null when none was stored). */
async function latestStatuses(db: Kysely<Database>, sourceId: string): Promise<unknown> {
  const row = await db
    .selectFrom('raw.api_pages')
    .select('body')
    .where('source_id', '=', sourceId)
    .where('stream', '=', RAW_STREAM.statuses)
    .orderBy('page_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** A PostgreSQL text[] literal: one parameter however many keys (no parameter-count limit). */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
