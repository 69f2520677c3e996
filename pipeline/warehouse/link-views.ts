import type { TicketType } from './delivery-tables.js';

/*
 * Kysely shapes of the views built on core.links: `sql/0105_metrics_pr_ticket_coverage.sql` and
 * `sql/0106_metrics_commit_tickets.sql`. Read only.
 */

/** `metrics.merged_pr_tickets`: one row per merged pull request. */
export interface MergedPrTicketsView {
  pr_id: string;
  repo_full_name: string;
  repo_id: string | null;
  repo_name: string | null;
  number: number;
  title: string | null;
  author_login: string | null;
  merged_at: Date;
  /** `YYYY-MM-DD`; null when the calendar does not cover the merge date. */
  week_start: string | null;
  month_start: string | null;
  is_bot: boolean;
  tickets: number;
  ticket_ids: string[];
  closes_ticket: boolean;
  has_ticket: boolean;
}

/** `metrics.pr_ticket_coverage_weekly`: repository × week. */
export interface PrTicketCoverageWeeklyView {
  repo_full_name: string;
  repo_id: string | null;
  repo_name: string | null;
  week_start: string;
  merged_prs: number;
  prs_with_ticket: number;
  prs_without_ticket: number;
  share_without_ticket: number | null;
  bot_prs: number;
}

/** `metrics.commit_tickets`: commit × ticket. */
export interface CommitTicketsView {
  commit_id: string;
  repo_id: string;
  sha: string;
  merged_at: Date | null;
  ticket_id: string;
  ticket_key: string;
  ticket_type: TicketType | null;
  direct: boolean;
  via_pr_id: string | null;
  closes: boolean;
}

/** The link views, keyed by schema-qualified name (merged into `Database`). */
export interface LinkViews {
  'metrics.merged_pr_tickets': MergedPrTicketsView;
  'metrics.pr_ticket_coverage_weekly': PrTicketCoverageWeeklyView;
  'metrics.commit_tickets': CommitTicketsView;
}

/** Names of the link views. */
export type LinkViewName = keyof LinkViews;
