import type { Kysely } from 'kysely';
import type { ResolvedConfig } from '../pipeline/config/types.js';
import type { Logger } from '../pipeline/logging/logger.js';
import type { Database } from '../pipeline/warehouse/database.js';

/**
 * The extension point for an HTTP source (GitHub, Jira, later GitLab): it collects pages into
 * `raw.api_pages` with a resumable cursor, and extracts raw pages into core tables. Adding a
 * source is a new folder under `collectors/` with a factory registered in
 * `pipeline/run/sources.ts`; nothing else changes.
 *
 * Rules every source keeps:
 * - a page and the cursor that points past it are written in one transaction, so a run killed
 *   at any point resumes with no gap and no duplicate;
 * - extraction is idempotent (upserts by stable id), so it can be re-run from raw at any time;
 * - credentials come from environment variables named in the config, are never logged and never
 *   stored in raw pages; a bad credential fails with a {@link SourceAuthError} naming the source
 *   and the variable.
 */
export interface Source {
  /** Stable id, `<kind>:<name>` (core.sources.source_id). */
  readonly sourceId: string;
  readonly kind: string;
  readonly name: string;
  /** The source's configuration as stored in core.sources (no secrets, only variable names). */
  readonly publicConfig: object;
  /** Fetch what is new since the stored cursors into raw.api_pages. */
  collect(context: SourceContext): Promise<CollectResult>;
  /** Derive core rows from the raw pages (all of them, or those since the last extraction). */
  extract(context: SourceContext): Promise<ExtractResult>;
}

/** What a source gets to work with; the clock and logger are passed in so tests control them. */
export interface SourceContext {
  readonly db: Kysely<Database>;
  readonly runId: string;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
  /** Forget cursors and fetch everything again (`--full-refresh`). */
  readonly fullRefresh: boolean;
  readonly config: ResolvedConfig;
}

/** Figures of one collection, for the run summary and budget checks. */
export interface CollectResult {
  /** HTTP requests made (including retries and 304s). */
  requests: number;
  /** Pages stored in raw.api_pages. */
  pages: number;
  /** Problems that did not stop the source (an inaccessible repository, an unmapped status, ...). */
  warnings: string[];
}

/** Figures of one extraction. */
export interface ExtractResult {
  /** Core rows inserted or updated. */
  rows: number;
  warnings: string[];
}

/**
 * A credential was refused (401, or 403 that is not a rate limit). The message names the source
 * and the environment variable, never the value.
 */
export class SourceAuthError extends Error {
  constructor(
    readonly sourceId: string,
    readonly variable: string,
    detail: string,
  ) {
    super(`${sourceId}: the credential in environment variable ${variable} was refused (${detail})`);
    this.name = 'SourceAuthError';
  }
}
