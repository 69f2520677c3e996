import type { ColumnType, Insertable } from 'kysely';
import type { DefaultedJson, DefaultedTimestamp, Timestamp } from './database.js';

/*
 * Kysely shapes of the delivery tables of `sql/0007_delivery_tables.sql`: pull requests and
 * reviews, tickets and their transitions, deployments, teams, and links.
 */

/** A date column read as `YYYY-MM-DD` text (the warehouse parses `date` as text). */
type DateColumn = ColumnType<string | null, string | Date | null | undefined, string | Date | null>;

export type PullRequestState = 'open' | 'closed' | 'merged';
export type ReviewKind = 'review' | 'review_comment' | 'comment';
export type TicketType = 'requirement' | 'bug' | 'incident' | 'task' | 'subtask' | 'other';
export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type DeploymentKind = 'release' | 'deployment' | 'tag';
export type LinkEndType = 'ticket' | 'pr' | 'commit';

export interface PullRequestsTable {
  pr_id: string;
  source_id: string;
  repo_full_name: string;
  repo_id: string | null;
  number: number;
  url: string | null;
  title: string | null;
  body: string | null;
  state: PullRequestState;
  draft: ColumnType<boolean, boolean | undefined, boolean>;
  author_identity_id: string | null;
  author_login: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: Timestamp;
  closed_at: Timestamp;
  merged_at: Timestamp;
  merge_commit_sha: string | null;
  base_ref: string | null;
  head_ref: string | null;
  head_sha: string | null;
  additions: number | null;
  deletions: number | null;
  changed_files: number | null;
  commits_count: number | null;
  labels: DefaultedJson;
  first_commit_at: Timestamp;
  first_review_at: Timestamp;
  approved_at: Timestamp;
  raw_page_id: number | null;
}

export interface PrReviewsTable {
  review_id: string;
  pr_id: string;
  kind: ReviewKind;
  state: string | null;
  author_identity_id: string | null;
  author_login: string | null;
  author_is_bot: ColumnType<boolean, boolean | undefined, boolean>;
  submitted_at: Timestamp;
  body: string | null;
  raw_page_id: number | null;
}

export interface PrCommitsTable {
  pr_id: string;
  sha: string;
  author_identity_id: string | null;
  author_login: string | null;
  authored_at: Timestamp;
  committed_at: Timestamp;
  message: string | null;
  raw_page_id: number | null;
}

export interface TicketsTable {
  ticket_id: string;
  source_id: string;
  provider: string;
  key: string;
  project: string | null;
  url: string | null;
  title: string | null;
  type: TicketType;
  type_raw: string | null;
  status_raw: string | null;
  status_category: StatusCategory | null;
  phase: string | null;
  resolution: string | null;
  priority: string | null;
  severity: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: Timestamp;
  resolved_at: Timestamp;
  assignee_identity_id: string | null;
  reporter_identity_id: string | null;
  parent_id: string | null;
  epic_id: string | null;
  story_points: number | null;
  components: DefaultedJson;
  labels: DefaultedJson;
  fix_versions: DefaultedJson;
  found_in_environment: string | null;
  is_defect: ColumnType<boolean, boolean | undefined, boolean>;
  is_escaped: ColumnType<boolean, boolean | undefined, boolean>;
  removed_at: Timestamp;
  raw_page_id: number | null;
}

export interface TicketTransitionsTable {
  transition_id: string;
  ticket_id: string;
  from_status: string | null;
  to_status: string | null;
  from_category: string | null;
  to_category: string | null;
  from_phase: string | null;
  to_phase: string | null;
  at: ColumnType<Date, Date | string, Date | string>;
  by_identity_id: string | null;
  raw_page_id: number | null;
}

export interface DeploymentsTable {
  deployment_id: string;
  source_id: string;
  repo_full_name: string | null;
  repo_id: string | null;
  kind: DeploymentKind;
  name: string | null;
  environment: string | null;
  is_production: ColumnType<boolean, boolean | undefined, boolean>;
  status: string | null;
  sha: string | null;
  ref: string | null;
  created_at: ColumnType<Date, Date | string, Date | string>;
  finished_at: Timestamp;
  url: string | null;
  raw_page_id: number | null;
}

export interface TeamsTable {
  team_id: string;
  name: string;
  parent_team_id: string | null;
  updated_at: DefaultedTimestamp;
}

export interface TeamMembershipsTable {
  membership_id: string;
  team_id: string;
  person_id: string;
  role: string | null;
  fte: ColumnType<number, number | undefined, number>;
  valid_from: DateColumn;
  valid_to: DateColumn;
}

export interface TeamOwnershipTable {
  team_id: string;
  repo_id: string;
  path_glob: ColumnType<string, string | undefined, string>;
  path_regex: string | null;
}

export interface LinksTable {
  link_id: string;
  from_type: LinkEndType;
  from_id: string;
  to_type: LinkEndType;
  to_id: string;
  evidence_kind: string;
  evidence: string | null;
  closes: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultedTimestamp;
}

/** The delivery tables, keyed by schema-qualified name (merged into `Database`). */
export interface DeliveryTables {
  'core.pull_requests': PullRequestsTable;
  'core.pr_reviews': PrReviewsTable;
  'core.pr_commits': PrCommitsTable;
  'core.tickets': TicketsTable;
  'core.ticket_transitions': TicketTransitionsTable;
  'core.deployments': DeploymentsTable;
  'core.teams': TeamsTable;
  'core.team_memberships': TeamMembershipsTable;
  'core.team_ownership': TeamOwnershipTable;
  'core.links': LinksTable;
}

export type PullRequestRow = Insertable<PullRequestsTable>;
export type PrReviewRow = Insertable<PrReviewsTable>;
export type PrCommitRow = Insertable<PrCommitsTable>;
export type TicketRow = Insertable<TicketsTable>;
export type TicketTransitionRow = Insertable<TicketTransitionsTable>;
export type DeploymentRow = Insertable<DeploymentsTable>;
export type TeamRow = Insertable<TeamsTable>;
export type TeamMembershipRow = Insertable<TeamMembershipsTable>;
export type TeamOwnershipRow = Insertable<TeamOwnershipTable>;
export type LinkRow = Insertable<LinksTable>;
