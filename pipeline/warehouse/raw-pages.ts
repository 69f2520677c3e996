import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, JsonValue } from './database.js';

/** One fetched page as it is stored: request, status, useful headers and parsed body. */
export interface RawPage {
  sourceId: string;
  stream: string;
  /** Method, URL and query of the request, never authorisation headers. */
  request: { method: string; url: string; [key: string]: JsonValue };
  status: number;
  /** Useful response headers only (link, etag, x-ratelimit-*, retry-after, date). */
  headers: Record<string, string>;
  body: JsonValue;
  runId: string | null;
}

/** Where a stream stands: an opaque cursor, the time it stands for, and source-specific details. */
export interface StreamCursor {
  cursor: string | null;
  cursorTime: Date | null;
  details: Record<string, JsonValue>;
}

/** Response headers worth keeping with a raw page; everything else (cookies, auth echoes) is dropped. */
export const USEFUL_RESPONSE_HEADERS: readonly string[] = Object.freeze([
  'link',
  'etag',
  'last-modified',
  'date',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-resource',
  'x-ratelimit-used',
  'x-github-request-id',
  'x-arequestid',
]);

/**
 * Keep only {@link USEFUL_RESPONSE_HEADERS}, lower-cased, values as strings.
 *
 * @example
 * usefulHeaders({ ETag: 'W/"1"', 'Set-Cookie': 'x' }); // { etag: 'W/"1"' }
 */
export function usefulHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (value === undefined || value === null || !USEFUL_RESPONSE_HEADERS.includes(key)) continue;
    kept[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
}

/**
 * Store a page and move the stream's cursor past it in one transaction: a run killed before the
 * commit stores neither, a run killed after stores both, so resuming never loses or repeats a
 * page. Returns the page id.
 *
 * @example
 * await savePageWithCursor(db, page, { stream: 'pulls', cursor: '2026-01-02T00:00:00Z', cursorTime: null, details: {} });
 */
export async function savePageWithCursor(
  db: Kysely<Database>,
  page: RawPage,
  cursor: ({ stream: string } & StreamCursor) | null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const pageId = await insertRawPage(trx, page);
    if (cursor) await writeCursor(trx, page.sourceId, cursor.stream, cursor);
    return pageId;
  });
}

/** Insert one raw page (inside the caller's transaction, when it has one). */
export async function insertRawPage(db: Kysely<Database> | Transaction<Database>, page: RawPage): Promise<number> {
  const row = await db
    .insertInto('raw.api_pages')
    .values({
      source_id: page.sourceId,
      stream: page.stream,
      request: JSON.stringify(page.request),
      status: page.status,
      headers: JSON.stringify(page.headers),
      body: JSON.stringify(page.body),
      run_id: page.runId,
    })
    .returning('page_id')
    .executeTakeFirstOrThrow();
  return Number(row.page_id);
}

/** The stored cursor of a stream, or null when the stream was never collected. */
export async function readCursor(db: Kysely<Database>, sourceId: string, stream: string): Promise<StreamCursor | null> {
  const row = await db
    .selectFrom('core.sync_state')
    .select(['cursor', 'cursor_time', 'details'])
    .where('source_id', '=', sourceId)
    .where('stream', '=', stream)
    .executeTakeFirst();
  if (!row) return null;
  return {
    cursor: row.cursor,
    cursorTime: row.cursor_time ? new Date(row.cursor_time) : null,
    details: (row.details ?? {}) as Record<string, JsonValue>,
  };
}

/** Create or move a stream's cursor. */
export async function writeCursor(
  db: Kysely<Database> | Transaction<Database>,
  sourceId: string,
  stream: string,
  cursor: StreamCursor,
): Promise<void> {
  await db
    .insertInto('core.sync_state')
    .values({
      source_id: sourceId,
      stream,
      cursor: cursor.cursor,
      cursor_time: cursor.cursorTime,
      details: JSON.stringify(cursor.details),
      updated_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(['source_id', 'stream']).doUpdateSet({
        cursor: cursor.cursor,
        cursor_time: cursor.cursorTime,
        details: JSON.stringify(cursor.details),
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/** Forget every cursor of a source (`--full-refresh`); raw pages stay. */
export async function clearCursors(db: Kysely<Database>, sourceId: string): Promise<void> {
  await db.deleteFrom('core.sync_state').where('source_id', '=', sourceId).execute();
}

/** Page of raw rows handed to an extractor. */
export interface StoredRawPage {
  pageId: number;
  stream: string;
  request: JsonValue;
  status: number | null;
  headers: JsonValue;
  body: JsonValue;
  fetchedAt: Date;
}

/**
 * Raw pages of a source in fetch order, a batch at a time (never the whole table in memory),
 * optionally only those after `afterPageId` and of the given streams.
 *
 * @example
 * for await (const page of readRawPages(db, { sourceId: 'github:acme', streams: ['pulls'] })) extract(page);
 */
export async function* readRawPages(
  db: Kysely<Database>,
  options: { sourceId: string; streams?: readonly string[]; afterPageId?: number; batchSize?: number },
): AsyncGenerator<StoredRawPage> {
  const batchSize = options.batchSize ?? 200;
  let after = options.afterPageId ?? 0;
  for (;;) {
    let query = db
      .selectFrom('raw.api_pages')
      .select(['page_id', 'stream', 'request', 'status', 'headers', 'body', 'fetched_at'])
      .where('source_id', '=', options.sourceId)
      .where('page_id', '>', after)
      .orderBy('page_id')
      .limit(batchSize);
    if (options.streams && options.streams.length > 0) query = query.where('stream', 'in', [...options.streams]);
    const rows = await query.execute();
    for (const row of rows) {
      yield {
        pageId: Number(row.page_id),
        stream: row.stream,
        request: row.request,
        status: row.status,
        headers: row.headers,
        body: row.body,
        fetchedAt: new Date(row.fetched_at),
      };
    }
    if (rows.length < batchSize) return;
    after = Number(rows[rows.length - 1]!.page_id);
  }
}

/** Record a source in core.sources (its public configuration only). */
export async function registerSource(
  db: Kysely<Database>,
  source: { sourceId: string; kind: string; name: string; publicConfig: object },
): Promise<void> {
  await db
    .insertInto('core.sources')
    .values({ source_id: source.sourceId, kind: source.kind, name: source.name, config: JSON.stringify(source.publicConfig) })
    .onConflict((oc) => oc.column('source_id').doUpdateSet({ kind: source.kind, name: source.name, config: JSON.stringify(source.publicConfig) }))
    .execute();
}
