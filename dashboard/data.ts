import { sql, type Kysely } from 'kysely';
import { assembleDashboardData } from './assemble.js';
import { DEFAULT_DASHBOARD_WINDOW, type DashboardWindowOptions } from './period.js';
import { toIsoDate } from './calendar-dates.js';
import type { DashboardData, RepoRef } from './types.js';
import {
  AI_SHARE_MEASURES,
  EFFECTIVE_CODE_MEASURES,
  type AiShareMeasure,
  type AiShareWeekClass,
  type EffectiveCodeMeasure,
  type EffectiveCodeWeekStack,
} from './view-rows.js';

/** Options of {@link loadDashboardData}. */
export interface LoadDashboardOptions extends Partial<DashboardWindowOptions> {
  /** The clock: decides which week is the last complete one. */
  now: Date;
  /** Hash of the configuration the figures were computed with, shown on the page. */
  configHash: string;
  /** Restrict the figures to these repositories (`repo_id` values); all repositories when omitted. */
  repoIds?: string[];
}

/**
 * The columns of the two views the dashboard reads: the only part of the warehouse schema it
 * depends on. Numbers may arrive as strings (bigint, numeric), dates as Date or text.
 */
interface DashboardViews {
  'metrics.effective_code_weekly': Record<EffectiveCodeMeasure, number | string> & {
    repo_id: string;
    repo_name: string | null;
    stack: string | null;
    week_start: Date | string;
    fiscal_year: number | null;
  };
  'metrics.ai_share_weekly': Record<AiShareMeasure, number | string> & {
    repo_id: string;
    repo_name: string | null;
    week_start: Date | string;
    ai_class: string | null;
  };
}

/** Rows of an aggregate query before numbers and dates are normalised. */
type RawRow = Record<string, unknown>;

/** Stack label for rows whose stack the classifier left empty. */
const UNCLASSIFIED_STACK = 'other';

/**
 * Reads the dashboard's data from the metric views (`metrics.effective_code_weekly`,
 * `metrics.ai_share_weekly`), summed per week and stack in SQL so only a few hundred rows leave
 * the database, and assembles the page's data.
 *
 * @example
 * const data = await loadDashboardData(db, { now: new Date(), configHash: config.hash, timeZone: 'Asia/Shanghai' });
 * await writeDashboard({ outDir: 'codeledger-dashboard', data });
 */
export async function loadDashboardData(
  // Any warehouse schema will do: the dashboard declares the view columns it reads itself.
  db: Kysely<any>,
  options: LoadDashboardOptions,
): Promise<DashboardData> {
  const window: DashboardWindowOptions = {
    timeZone: options.timeZone ?? DEFAULT_DASHBOARD_WINDOW.timeZone,
    windowWeeks: options.windowWeeks ?? DEFAULT_DASHBOARD_WINDOW.windowWeeks,
    historyWeeks: options.historyWeeks ?? DEFAULT_DASHBOARD_WINDOW.historyWeeks,
  };
  const assemble = { ...window, now: options.now, configHash: options.configHash };
  if (options.repoIds && options.repoIds.length === 0) {
    return assembleDashboardData({ repos: [], weekStacks: [], aiWeeks: [] }, assemble);
  }
  const [repos, weekStacks, aiWeeks] = await Promise.all([
    readRepos(db, options.repoIds),
    readEffectiveCodeWeeks(db, options.repoIds),
    readAiShareWeeks(db, options.repoIds),
  ]);
  return assembleDashboardData({ repos, weekStacks, aiWeeks }, assemble);
}

function toNumber(value: unknown, column: string): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) throw new TypeError(`metric view column ${column} is not a number: ${String(value)}`);
  return number;
}

async function readRepos(db: Kysely<DashboardViews>, repoIds: string[] | undefined): Promise<RepoRef[]> {
  let query = db.selectFrom('metrics.effective_code_weekly').select(['repo_id', 'repo_name']).distinct();
  if (repoIds) query = query.where('repo_id', 'in', repoIds);
  const rows: RawRow[] = await query.orderBy('repo_name').orderBy('repo_id').execute();
  return rows.map((row) => ({ id: String(row.repo_id), name: String(row.repo_name ?? row.repo_id) }));
}

/** One row per week and stack, every measure summed over the repositories. */
async function readEffectiveCodeWeeks(db: Kysely<DashboardViews>, repoIds: string[] | undefined): Promise<EffectiveCodeWeekStack[]> {
  // Sums come back as bigint/numeric, which drivers hand over as strings: float8 keeps them numbers.
  let query = db
    .selectFrom('metrics.effective_code_weekly')
    .select([
      sql<string>`to_char(week_start, 'YYYY-MM-DD')`.as('week_start'),
      sql<string>`coalesce(stack, ${sql.lit(UNCLASSIFIED_STACK)})`.as('stack'),
      sql<number | null>`max(fiscal_year)::int`.as('fiscal_year'),
      ...EFFECTIVE_CODE_MEASURES.map((column) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::float8`.as(column)),
    ])
    .groupBy(['week_start', 'stack']);
  if (repoIds) query = query.where('repo_id', 'in', repoIds);
  const rows: RawRow[] = await query.orderBy('week_start').execute();
  return rows.map((row) => {
    const parsed = {
      week_start: toIsoDate(row.week_start as Date | string),
      stack: String(row.stack),
      fiscal_year: row.fiscal_year === null || row.fiscal_year === undefined ? null : toNumber(row.fiscal_year, 'fiscal_year'),
    } as EffectiveCodeWeekStack;
    for (const column of EFFECTIVE_CODE_MEASURES) parsed[column] = toNumber(row[column], column);
    return parsed;
  });
}

/** One row per week and AI class, every measure summed over the repositories. */
async function readAiShareWeeks(db: Kysely<DashboardViews>, repoIds: string[] | undefined): Promise<AiShareWeekClass[]> {
  let query = db
    .selectFrom('metrics.ai_share_weekly')
    .select([
      sql<string>`to_char(week_start, 'YYYY-MM-DD')`.as('week_start'),
      sql<string>`coalesce(ai_class, ${sql.lit('unknown')})`.as('ai_class'),
      ...AI_SHARE_MEASURES.map((column) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::float8`.as(column)),
    ])
    .groupBy(['week_start', 'ai_class']);
  if (repoIds) query = query.where('repo_id', 'in', repoIds);
  const rows: RawRow[] = await query.orderBy('week_start').execute();
  return rows.map((row) => {
    const parsed = {
      week_start: toIsoDate(row.week_start as Date | string),
      ai_class: String(row.ai_class),
    } as AiShareWeekClass;
    for (const column of AI_SHARE_MEASURES) parsed[column] = toNumber(row[column], column);
    return parsed;
  });
}
