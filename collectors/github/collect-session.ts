import type { Kysely } from 'kysely';
import type { GithubSourceConfig } from '../../pipeline/config/github-config.js';
import type { Logger } from '../../pipeline/logging/logger.js';
import type { Database, JsonValue } from '../../pipeline/warehouse/database.js';
import { insertRawPage, readCursor, writeCursor, type StreamCursor } from '../../pipeline/warehouse/raw-pages.js';
import type { GithubClient, GithubResponse } from './github-client.js';

/** A fetched page waiting to be stored, with the request that fetched it (never credentials). */
export interface FetchedPage {
  stream: string;
  request: { method: string; url: string; [key: string]: JsonValue };
  response: GithubResponse;
}

/** A cursor to move, with the stream it belongs to. */
export type CursorUpdate = { stream: string } & StreamCursor;

/**
 * What one collection of a GitHub source works with: the warehouse, the client, the clock and
 * the figures it reports. Pages are stored together with the cursor that points past them.
 */
export class CollectSession {
  pagesStored = 0;
  readonly warnings: string[] = [];
  /** Pull requests whose details were fetched in this run (node ids), so they are not fetched twice. */
  readonly detailedPulls = new Set<string>();

  constructor(
    readonly db: Kysely<Database>,
    readonly client: GithubClient,
    readonly config: GithubSourceConfig,
    readonly sourceId: string,
    readonly runId: string,
    readonly logger: Logger,
    readonly now: () => Date,
  ) {}

  /** The stored cursor of a stream, or an empty one. */
  async cursor(stream: string): Promise<StreamCursor> {
    return (await readCursor(this.db, this.sourceId, stream)) ?? { cursor: null, cursorTime: null, details: {} };
  }

  /**
   * Store pages and move cursors in one transaction: a run killed before the commit stores
   * neither, a run killed after stores both, so resuming never loses or repeats work.
   */
  async store(pages: readonly FetchedPage[], cursors: readonly CursorUpdate[]): Promise<void> {
    if (pages.length === 0 && cursors.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const page of pages) {
        await insertRawPage(trx, {
          sourceId: this.sourceId,
          stream: page.stream,
          request: page.request,
          status: page.response.status,
          headers: page.response.headers,
          body: page.response.body,
          runId: this.runId,
        });
      }
      for (const cursor of cursors) await writeCursor(trx, this.sourceId, cursor.stream, cursor);
    });
    this.pagesStored += pages.length;
  }

  /** Record a problem that does not stop the source (the run logs it with the source's figures). */
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/**
 * The page record of a REST GET.
 *
 * @example
 * await session.store([restPage('acme/web:issues', response)], []);
 */
export function restPage(stream: string, response: GithubResponse): FetchedPage {
  return { stream, request: { method: 'GET', url: response.url }, response };
}

/** The page record of a GraphQL query. */
export function graphqlPage(stream: string, operation: string, variables: Record<string, JsonValue>, response: GithubResponse): FetchedPage {
  return { stream, request: { method: 'POST', url: response.url, operation, variables }, response };
}
