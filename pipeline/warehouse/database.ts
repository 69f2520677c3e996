import type { ColumnType, Generated, Insertable } from 'kysely';
import type { DeliveryTables } from './delivery-tables.js';
import type { PeopleTeamsTables } from './people-teams-tables.js';
import type { LinkViewName, LinkViews } from './link-views.js';

/*
 * The typed shape of the warehouse for Kysely: one interface per table and view of `sql/`.
 * Keys are schema-qualified (`'core.commits'`), so queries read `db.selectFrom('core.commits')`.
 *
 * Value conventions, the same on PostgreSQL and PGlite (see type-parsers.ts):
 * - timestamptz reads as `Date`; writes accept a `Date` or an ISO 8601 string.
 * - date reads as a `'YYYY-MM-DD'` string (never a `Date`, which would drag in a time zone).
 * - int8 (counts, sums of int) and numeric read as JS numbers.
 * - jsonb reads as the parsed value; writes take JSON text (`JSON.stringify(value)`), because
 *   the `pg` driver would turn a top-level JS array into a PostgreSQL array, not JSON.
 */

/** A value jsonb can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A nullable timestamptz column. */
export type Timestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A NOT NULL timestamptz column with a default (usually `now()`). */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable jsonb column: read parsed, written as JSON text. */
export type Json = ColumnType<JsonValue | null, string | null | undefined, string | null>;
/** A NOT NULL jsonb column with a default. */
export type DefaultedJson = ColumnType<JsonValue, string | undefined, string>;
/** A NOT NULL jsonb column without a default. */
export type RequiredJson = ColumnType<JsonValue, string, string>;
/** A date column, read and written as `'YYYY-MM-DD'`. */
export type DateString = string;

/** `core.commits.ai_class` and `core.effective_code.author_class`. */
export type AiClass = 'human' | 'ai_assisted' | 'ai_agent' | 'bot' | 'unknown';
/** Why a whole commit earns no effective code (`core.commits.gate_reason`). */
export type GateReason = 'bot' | 'revert' | 'reverted' | 'ignored_rev' | 'duplicate';
/** Outcome of a run (`core.runs.status`). */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'partial';
/** `core.people.kind`. */
export type PersonKind = 'human' | 'ai_agent' | 'bot';
/** Durability state of an effective-code row. */
export type Durability = 'pending' | 'durable';
/** Configured first day of the week. */
export type WeekStartDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

// ---------------------------------------------------------------------------------------------
// raw

export interface ApiPagesTable {
  page_id: Generated<number>;
  source_id: string;
  stream: string;
  request: RequiredJson;
  status: number | null;
  headers: Json;
  body: Json;
  fetched_at: DefaultedTimestamp;
  run_id: string | null;
}

// ---------------------------------------------------------------------------------------------
// core: bookkeeping

export interface SourcesTable {
  source_id: string;
  kind: string;
  name: string;
  config: DefaultedJson;
  created_at: DefaultedTimestamp;
}

export interface SyncStateTable {
  source_id: string;
  stream: string;
  cursor: string | null;
  cursor_time: Timestamp;
  details: DefaultedJson;
  updated_at: DefaultedTimestamp;
}

export interface RunsTable {
  run_id: string;
  command: string;
  started_at: DefaultedTimestamp;
  finished_at: Timestamp;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  config_hash: string | null;
  config: Json;
  tool_version: string | null;
  stats: DefaultedJson;
  error: string | null;
}

// ---------------------------------------------------------------------------------------------
// core: repositories, people, identities

export interface ReposTable {
  repo_id: string;
  name: string;
  url: string | null;
  local_path: string | null;
  default_branch: string | null;
  head_sha: string | null;
  stack: string | null;
  team: string | null;
  release_tag_pattern: string | null;
  first_commit_at: Timestamp;
  last_commit_at: Timestamp;
  updated_at: DefaultedTimestamp;
}

export interface PeopleTable {
  person_id: string;
  display_name: string;
  kind: ColumnType<PersonKind, PersonKind | undefined, PersonKind>;
  created_at: DefaultedTimestamp;
}

export interface IdentitiesTable {
  identity_id: string;
  provider: string;
  external_id: string;
  name: string | null;
  email: string | null;
  person_id: string | null;
  link_rule: string | null;
  kind_evidence: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  login: string | null;
  source_id: string | null;
}

// ---------------------------------------------------------------------------------------------
// core: commits and files

export interface CommitsTable {
  commit_id: string;
  repo_id: string;
  sha: string;
  fp_index: number | null;
  parent_shas: Generated<string[]>;
  is_merge: Generated<boolean>;
  author_identity_id: string | null;
  committer_identity_id: string | null;
  author_person_id: string | null;
  author_name: string | null;
  author_email: string | null;
  authored_at: Timestamp;
  committer_name: string | null;
  committer_email: string | null;
  committed_at: Timestamp;
  merged_at: Timestamp;
  subject: string | null;
  message: string | null;
  work_type: string | null;
  work_type_source: string | null;
  work_type_weight: number | null;
  ai_class: ColumnType<AiClass, AiClass | undefined, AiClass>;
  ai_evidence: string | null;
  revert_of_sha: string | null;
  reverted_by_sha: string | null;
  gate_reason: GateReason | null;
  patch_id: string | null;
  files_changed: number | null;
  lines_added: number | null;
  lines_deleted: number | null;
  released_at: Timestamp;
  release_tag: string | null;
  run_id: string | null;
}

export interface CommitFilesTable {
  commit_id: string;
  file_path: string;
  repo_id: string;
  old_path: string | null;
  status: string | null;
  kind: string | null;
  language: string | null;
  stack: string | null;
  is_binary: Generated<boolean>;
  is_submodule: Generated<boolean>;
  missing_object: Generated<boolean>;
  old_blob: string | null;
  new_blob: string | null;
  lines_added: Generated<number>;
  lines_deleted: Generated<number>;
}

// ---------------------------------------------------------------------------------------------
// core: effective code

/** The waterfall bucket columns: every raw changed line lands in exactly one of them. */
export const BUCKET_COLUMNS = [
  'noop_lines',
  'comment_lines',
  'trivial_lines',
  'generated_lines',
  'lockfile_lines',
  'vendored_lines',
  'docs_lines',
  'data_lines',
  'duplicate_lines',
  'ignored_rev_lines',
  'bot_lines',
  'revert_lines',
  'moved_lines',
  'copy_paste_lines',
  'update_pair_lines',
  'find_replace_lines',
  'updated_lines',
  'added_lines',
  'deleted_lines',
] as const;

/** Name of one waterfall bucket column. */
export type BucketColumn = (typeof BUCKET_COLUMNS)[number];

type BucketCounts<T> = { [K in BucketColumn]: T };

export interface EffectiveCodeTable extends BucketCounts<Generated<number>> {
  commit_id: string;
  file_path: string;
  repo_id: string;
  merged_at: Timestamp;
  stack: string | null;
  kind: string | null;
  language: string | null;
  author_class: AiClass | null;
  work_type: string | null;
  lines_added: Generated<number>;
  lines_deleted: Generated<number>;
  bulk_damped_lines: Generated<number>;
  complexity_avg: number | null;
  op_weighted: Generated<number>;
  worktype_weighted: Generated<number>;
  bulk_weighted: Generated<number>;
  ec_base: Generated<number>;
  churned_lines: Generated<number>;
  churned_ec: Generated<number>;
  ec_merged: Generated<number>;
  ec_durable: Generated<number>;
  ec_released: Generated<number>;
  durability: ColumnType<Durability, Durability | undefined, Durability>;
  durable_at: Timestamp;
  released_at: Timestamp;
}

/** `core.churn_events`: the audit trail behind `effective_code.churned_lines` / `churned_ec`. */
export interface ChurnEventsTable {
  repo_id: string;
  origin_commit_id: string;
  origin_path: string;
  churn_commit_id: string;
  lines: number;
  ec: number;
  days_after_merge: number;
}

// ---------------------------------------------------------------------------------------------
// core: calendar

export interface CalendarSettingsTable {
  timezone: Generated<string>;
  week_start: ColumnType<WeekStartDay, WeekStartDay | undefined, WeekStartDay>;
  fiscal_year_start_month: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface CalendarTable {
  date: DateString;
  week_start: DateString;
  week_of_year: number;
  month_start: DateString;
  quarter: number;
  fiscal_year: number;
  fiscal_quarter: number;
  fiscal_week: number;
  is_weekend: boolean;
}

// ---------------------------------------------------------------------------------------------
// metrics (views: read only)

/** Sums shared by the effective-code views. */
interface EffectiveCodeSums extends BucketCounts<number> {
  files: number;
  lines_added: number;
  lines_deleted: number;
  bulk_damped_lines: number;
  op_weighted: number;
  worktype_weighted: number;
  bulk_weighted: number;
  ec_base: number;
  churned_lines: number;
  churned_ec: number;
  ec_merged: number;
  ec_durable: number;
  ec_released: number;
  ec_pending: number;
  durable_rows: number;
  pending_rows: number;
}

export interface EffectiveCodeWeeklyView extends EffectiveCodeSums {
  repo_id: string;
  repo_name: string | null;
  stack: string;
  week_start: DateString;
  fiscal_year: number | null;
  commits: number;
}

export interface AiShareWeeklyView {
  repo_id: string;
  repo_name: string | null;
  week_start: DateString;
  ai_class: AiClass;
  commits: number;
  lines_added: number;
  lines_deleted: number;
  ec_merged: number;
  ec_durable: number;
  churned_lines: number;
  commit_share: number;
  ec_merged_share: number | null;
}

export interface EffectiveCodeByCommitView extends EffectiveCodeSums {
  commit_id: string;
  repo_id: string;
  repo_name: string | null;
  sha: string;
  fp_index: number | null;
  subject: string | null;
  author_person_id: string | null;
  author_name: string | null;
  merged_at: Date | null;
  week_start: DateString | null;
  ai_class: AiClass;
  work_type: string | null;
  gate_reason: GateReason | null;
}

// ---------------------------------------------------------------------------------------------

/** Every table and view of the warehouse, keyed by schema-qualified name. */
export interface Database extends DeliveryTables, LinkViews, PeopleTeamsTables {
  'raw.api_pages': ApiPagesTable;
  'core.sources': SourcesTable;
  'core.sync_state': SyncStateTable;
  'core.runs': RunsTable;
  'core.repos': ReposTable;
  'core.people': PeopleTable;
  'core.identities': IdentitiesTable;
  'core.commits': CommitsTable;
  'core.commit_files': CommitFilesTable;
  'core.effective_code': EffectiveCodeTable;
  'core.churn_events': ChurnEventsTable;
  'core.calendar_settings': CalendarSettingsTable;
  'core.calendar': CalendarTable;
  'metrics.effective_code_weekly': EffectiveCodeWeeklyView;
  'metrics.ai_share_weekly': AiShareWeeklyView;
  'metrics.effective_code_by_commit': EffectiveCodeByCommitView;
}

/** Names of the views (read only). */
export type ViewName = 'metrics.effective_code_weekly' | 'metrics.ai_share_weekly' | 'metrics.effective_code_by_commit' | LinkViewName | 'metrics.team_effective_code_weekly';
/** Names of the tables (writable). */
export type TableName = Exclude<keyof Database, ViewName>;

export type ApiPageRow = Insertable<ApiPagesTable>;
export type SourceRow = Insertable<SourcesTable>;
export type SyncStateRow = Insertable<SyncStateTable>;
export type RunRow = Insertable<RunsTable>;
export type RepoRow = Insertable<ReposTable>;
export type PersonRow = Insertable<PeopleTable>;
export type IdentityRow = Insertable<IdentitiesTable>;
export type CommitRow = Insertable<CommitsTable>;
export type CommitFileRow = Insertable<CommitFilesTable>;
export type EffectiveCodeRow = Insertable<EffectiveCodeTable>;
export type ChurnEventRow = Insertable<ChurnEventsTable>;
export type CalendarSettingsRow = Insertable<CalendarSettingsTable>;
export type CalendarRow = Insertable<CalendarTable>;
