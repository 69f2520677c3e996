import type { Insertable } from 'kysely';
import type { DateString } from './database.js';

/*
 * Kysely shapes of `sql/0008_people_teams.sql` (identity conflicts) and of the team view
 * `sql/0104_metrics_team_effective_code_weekly.sql`.
 */

/** `core.identity_conflicts`: an identity whose facts point at a person it was not linked to. */
export interface IdentityConflictsTable {
  identity_id: string;
  person_id: string | null;
  link_rule: string | null;
  other_person_id: string;
  other_rule: string;
  evidence: string | null;
}

/** How the FTE of a team-week was found. */
export type FteBasis = 'roster' | 'active_humans';

/** `metrics.team_effective_code_weekly` (read only). */
export interface TeamEffectiveCodeWeeklyView {
  repo_id: string;
  repo_name: string | null;
  team_id: string | null;
  team_name: string | null;
  parent_team_id: string | null;
  week_start: DateString;
  fiscal_year: number | null;
  commits: number;
  lines_added: number;
  lines_deleted: number;
  ec_merged: number;
  ec_durable: number;
  ec_released: number;
  human_ec_merged: number;
  human_ec_durable: number;
  human_ec_released: number;
  ai_assisted_ec_merged: number;
  ai_assisted_ec_durable: number;
  ai_assisted_ec_released: number;
  ai_agent_ec_merged: number;
  ai_agent_ec_durable: number;
  ai_agent_ec_released: number;
  bot_ec_merged: number;
  bot_ec_durable: number;
  bot_ec_released: number;
  unknown_ec_merged: number;
  unknown_ec_durable: number;
  unknown_ec_released: number;
  non_member_ec_merged: number;
  members: number;
  team_fte: number;
  active_humans: number;
  active_human_share: number;
  fte_basis: FteBasis;
  fte: number;
  ec_merged_per_fte: number | null;
  ec_durable_per_fte: number | null;
  ec_released_per_fte: number | null;
}

/** The people-and-teams tables and views, keyed by schema-qualified name (merged into `Database`). */
export interface PeopleTeamsTables {
  'core.identity_conflicts': IdentityConflictsTable;
  'metrics.team_effective_code_weekly': TeamEffectiveCodeWeeklyView;
}

export type IdentityConflictRow = Insertable<IdentityConflictsTable>;
