/**
 * The dashboard's data contract: what the loader precomputes from the metric views and the
 * static page reads. Everything here is aggregated (per week, per stack, per AI class), plain
 * JSON, and free of personal data (no names, no e-mails), so the file can be shared as is.
 *
 * Both sides import this module: the Node loader (`data.ts`) and the browser bundle
 * (`src/app.ts`, type imports only).
 */

/** Bump when a field changes meaning, so an old page never misreads new data. */
export const DASHBOARD_SCHEMA_VERSION = 1;

/** A repository included in the figures. */
export interface RepoRef {
  id: string;
  name: string;
}

/** Which weeks the page covers. All dates are `YYYY-MM-DD` in the organisation's time zone. */
export interface DashboardPeriod {
  /** The date "now" fell on, in the organisation's time zone. */
  today: string;
  /** First day of the week holding `today`; that week is incomplete and left out. */
  currentWeekStart: string;
  /** First day of the last complete week: the week the headline tiles report. */
  lastCompleteWeek: string;
  /** First day of the window the tiles' totals, the waterfall, the stack split and the AI table sum over. */
  windowStart: string;
  /** Number of weeks in that window (the window ends with `lastCompleteWeek`). */
  windowWeeks: number;
  /** First week of the weekly chart and drill-down table. */
  historyStart: string;
  /** Number of weeks in the weekly chart and drill-down table. */
  historyWeeks: number;
  /** Earliest week with any data in the warehouse (it may lie before `historyStart`). */
  firstDataWeek: string;
  /** The organisation's IANA time zone. */
  timeZone: string;
}

/** The additive figures of one week (for all stacks, or for one). Units: lines, or effective lines (EC). */
export interface WeekFigures {
  /** Commits merged in the week. For a stack: commits touching that stack (a commit may touch several). */
  commits: number;
  files: number;
  linesAdded: number;
  linesDeleted: number;
  /** linesAdded + linesDeleted. */
  rawLines: number;
  /** Raw lines left after every gate and zero-weight operation (the "counted lines" waterfall step). */
  countedLines: number;
  ecBase: number;
  churnedEc: number;
  ecMerged: number;
  ecDurable: number;
  ecReleased: number;
  ecPending: number;
}

/** One week of figures summed over every repository and stack. */
export interface WeekRow extends WeekFigures {
  /** First day of the week, `YYYY-MM-DD`. */
  weekStart: string;
  fiscalYear: number | null;
}

/** One week of one stack (front end, back end, …). */
export interface StackWeekRow extends WeekRow {
  stack: string;
}

/** One stack's totals over the window. */
export interface StackSummary extends WeekFigures {
  stack: string;
}

/** How a waterfall step changes the running total. */
export type WaterfallKind = 'total' | 'minus' | 'times';

/**
 * One bar of the waterfall from raw changed lines to released effective code.
 *
 * - `total`: a subtotal; `value` is the running total (`from` is 0, `to` is `value`).
 * - `minus`: lines taken out; `value` is the amount removed (`to = from - value`).
 * - `times`: a weighting; `value` is the running total after it (`to`), `factor = to / from`.
 */
export interface WaterfallStep {
  /** Stable identifier, e.g. `noop`, `op_weighted`, `ec_released`. */
  step: string;
  label: string;
  kind: WaterfallKind;
  value: number;
  /** Running total before the step. */
  from: number;
  /** Running total after the step. */
  to: number;
  /** For `times` steps: to ÷ from, or null when from is 0. Null for the other kinds. */
  factor: number | null;
  /** One sentence saying what the step removes or weighs. */
  description: string;
}

/** A reference figure drawn next to the waterfall (not part of the running total). */
export interface WaterfallMark {
  key: string;
  label: string;
  value: number;
  description: string;
}

/** One AI-attribution class (human, ai_assisted, ai_agent, bot, unknown) over the window. */
export interface AiClassRow {
  aiClass: string;
  commits: number;
  linesAdded: number;
  linesDeleted: number;
  ecMerged: number;
  ecDurable: number;
  churnedLines: number;
  /** This class's commits ÷ all commits in the window; null when there were none. */
  commitShare: number | null;
  /** This class's ec_merged ÷ all ec_merged in the window; null when that is 0. */
  ecMergedShare: number | null;
  /** churnedLines ÷ linesAdded; null when nothing was added. */
  churnRate: number | null;
}

/** How a tile's numbers are formatted. */
export type TileFormat = 'lines' | 'ratio';

/** A headline number: the last complete week and the window total, linking to the table behind it. */
export interface Tile {
  key: string;
  label: string;
  format: TileFormat;
  /** The last complete week's value; null when it cannot be computed (a ratio over zero). */
  lastWeek: number | null;
  /** The window's value (a sum, or a ratio of sums); null when it cannot be computed. */
  window: number | null;
  /** In-page link to the table holding the numbers behind the tile. */
  href: string;
  definition: string;
}

/** Everything the static page shows. */
export interface DashboardData {
  schemaVersion: number;
  /** ISO 8601 instant the data was computed. */
  generatedAt: string;
  /** Hash of the configuration (weights, calendar) the figures were computed with. */
  configHash: string;
  repos: RepoRef[];
  /** Null when the warehouse holds no data for a complete week yet (the page then says so). */
  period: DashboardPeriod | null;
  /** Per week over the history, oldest first, weeks without data filled with zeros. */
  weeks: WeekRow[];
  /** Per week and stack over the history, oldest first. */
  stackWeeks: StackWeekRow[];
  /** Per stack over the window, largest raw volume first. */
  stacks: StackSummary[];
  /** The waterfall over the window; empty when there is no data. */
  waterfall: WaterfallStep[];
  /** Reference figures shown with the waterfall (ec_merged, ec_durable). */
  waterfallMarks: WaterfallMark[];
  /** AI-attribution classes over the window. */
  ai: AiClassRow[];
  tiles: Tile[];
  /** Caveats a reader needs (incomplete week, pending durability, inconsistencies found). */
  notes: string[];
}
