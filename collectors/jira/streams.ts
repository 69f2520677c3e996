/*
 * Names of the Jira source's raw streams (raw.api_pages.stream) and cursors (core.sync_state.stream).
 */

/** Streams of raw pages. */
export const RAW_STREAM = Object.freeze({
  /** `/rest/api/2/serverInfo`: deployment type. */
  serverInfo: 'server-info',
  /** `/rest/api/2/myself`: the time zone JQL dates are read in. */
  myself: 'myself',
  /** `/rest/api/2/status`: every status with its category, for historic statuses in changelogs. */
  statuses: 'statuses',
  /** Incremental search pages (issues with their embedded changelogs). */
  search: 'search',
  /** The rest of truncated changelogs (Cloud bulk fetch, or one Data Center issue). */
  changelog: 'changelog',
  /** Full-refresh listing of every key in scope. */
  scope: 'scope',
} as const);

/** Streams of cursors. */
export const CURSOR_STREAM = Object.freeze({
  /** The incremental search, with truncated changelogs still to fetch. */
  issues: 'issues',
  /** The full-refresh listing. */
  scope: 'scope',
  /** The last raw page extracted into core. */
  extract: 'extract',
} as const);
