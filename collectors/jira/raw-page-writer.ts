import type { Kysely } from 'kysely';
import type { Database, JsonValue } from '../../pipeline/warehouse/database.js';
import { savePageWithCursor, usefulHeaders, type StreamCursor } from '../../pipeline/warehouse/raw-pages.js';
import type { JiraResponse } from './jira-http.js';

/** A cursor to move together with a page. */
export type CursorUpdate = { stream: string } & StreamCursor;

/**
 * Stores answers as raw pages of one source and run, each with the cursor that points past it
 * in the same transaction. Only the method, URL and body of the request are kept (the
 * Authorization header never reaches a page), and only the useful response headers.
 */
export class RawPageWriter {
  /** Pages stored by this writer. */
  pages = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sourceId: string,
    private readonly runId: string,
  ) {}

  /**
   * Store `response` under `stream`, with `context` added to the stored request (facts the
   * extractor needs, such as the issue keys of a bulk changelog fetch), and move `cursor`.
   *
   * @example
   * await writer.save('search', response, { query: 'issues' }, { stream: 'issues', cursor, cursorTime, details });
   */
  async save(stream: string, response: JiraResponse, context: Record<string, JsonValue>, cursor: CursorUpdate | null): Promise<number> {
    const pageId = await savePageWithCursor(
      this.db,
      {
        sourceId: this.sourceId,
        stream,
        request: { ...context, ...response.request },
        status: response.status,
        headers: usefulHeaders(response.headers),
        body: response.body,
        runId: this.runId,
      },
      cursor,
    );
    this.pages++;
    return pageId;
  }
}
