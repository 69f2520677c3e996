import { buildAiClassRows } from './ai-classes.js';
import { isoDateInTimeZone, weekStarts } from './calendar-dates.js';
import { resolvePeriod, validateWindow, type DashboardWindowOptions } from './period.js';
import { buildTiles } from './tiles.js';
import {
  DASHBOARD_SCHEMA_VERSION,
  type DashboardData,
  type DashboardPeriod,
  type RepoRef,
  type StackSummary,
  type StackWeekRow,
  type WeekFigures,
  type WeekRow,
} from './types.js';
import {
  addEffectiveCodeMeasures,
  emptyEffectiveCodeMeasures,
  type AiShareWeekClass,
  type EffectiveCodeMeasures,
  type EffectiveCodeWeekStack,
} from './view-rows.js';
import { buildWaterfall } from './waterfall.js';
import { emptyWeekFigures, sumWeekFigures, toWeekFigures } from './week-figures.js';

export { DEFAULT_DASHBOARD_WINDOW, type DashboardWindowOptions } from './period.js';

/** What the loader read from the metric views, already summed over repositories. */
export interface DashboardSource {
  repos: RepoRef[];
  weekStacks: EffectiveCodeWeekStack[];
  aiWeeks: AiShareWeekClass[];
}

/** Settings of one assembly. */
export interface AssembleOptions extends DashboardWindowOptions {
  now: Date;
  configHash: string;
}

/** Measures per week, then per stack. */
type WeekStackIndex = Map<string, Map<string, EffectiveCodeMeasures>>;

const lineCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Turns the rows read from the metric views into the page's data: picks the last complete week,
 * fills weeks without data with zeros, sums the window, and builds the waterfall, tiles, stack
 * split, AI table and notes. Pure: the clock comes in through `options.now`.
 *
 * @example
 * const data = assembleDashboardData(source, { ...DEFAULT_DASHBOARD_WINDOW, now: new Date(), configHash: 'abc' });
 * data.period?.lastCompleteWeek // e.g. '2025-03-03'
 */
export function assembleDashboardData(source: DashboardSource, options: AssembleOptions): DashboardData {
  validateWindow(options);
  const today = isoDateInTimeZone(options.now, options.timeZone);
  const weekStacks = source.weekStacks.filter((row) => row.week_start <= today);
  const aiWeeks = source.aiWeeks.filter((row) => row.week_start <= today);
  if (weekStacks.length === 0) {
    return emptyDashboard(options, source.repos, [
      'No effective-code data yet: run "codeledger run" in a repository with merged commits, then open this page again.',
    ]);
  }

  const dataWeeks = { first: weekStacks[0]!.week_start, latest: weekStacks[0]!.week_start };
  for (const row of weekStacks) {
    if (row.week_start < dataWeeks.first) dataWeeks.first = row.week_start;
    if (row.week_start > dataWeeks.latest) dataWeeks.latest = row.week_start;
  }
  const period = resolvePeriod(dataWeeks, today, options);
  if (!period) {
    return emptyDashboard(options, source.repos, [
      'No complete week yet: all data so far falls in the current week, which is shown once it is over.',
    ]);
  }

  const index = indexWeekStacks(weekStacks, period);
  const fiscalYears = new Map<string, number>();
  for (const row of weekStacks) if (row.fiscal_year !== null) fiscalYears.set(row.week_start, row.fiscal_year);
  const aiCommits = new Map<string, number>();
  for (const row of aiWeeks) aiCommits.set(row.week_start, (aiCommits.get(row.week_start) ?? 0) + row.commits);

  let commitsEstimated = false;
  const weekTotals = (weekStart: string): { row: WeekRow; measures: EffectiveCodeMeasures } => {
    const measures = emptyEffectiveCodeMeasures();
    let busiestStackCommits = 0;
    for (const stackMeasures of index.get(weekStart)?.values() ?? []) {
      addEffectiveCodeMeasures(measures, stackMeasures);
      busiestStackCommits = Math.max(busiestStackCommits, stackMeasures.commits);
    }
    // Commits cannot be summed over stacks (a commit touching two stacks is in both rows), but
    // every commit has exactly one AI class, so the AI view's sum is exact. Without it, the
    // busiest stack's count is a lower bound.
    const exactCommits = aiCommits.get(weekStart);
    if (exactCommits === undefined && busiestStackCommits > 0) commitsEstimated = true;
    const figures = toWeekFigures(measures, exactCommits ?? busiestStackCommits);
    return { row: { weekStart, fiscalYear: fiscalYears.get(weekStart) ?? null, ...figures }, measures };
  };

  const historyWeekStarts = weekStarts(period.historyStart, period.historyWeeks);
  const windowWeekStarts = weekStarts(period.windowStart, period.windowWeeks);
  const weeks = historyWeekStarts.map((week) => weekTotals(week).row);
  const windowTotals = windowWeekStarts.map(weekTotals);
  const windowFigures = sumWeekFigures(windowTotals.map((week) => week.row));
  const stacks = [...new Set([...index.values()].flatMap((byStack) => [...byStack.keys()]))].sort();
  const waterfall = buildWaterfall(windowTotals.map((week) => week.measures));

  return {
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    generatedAt: options.now.toISOString(),
    configHash: options.configHash,
    repos: source.repos,
    period,
    weeks,
    stackWeeks: buildStackWeeks(index, stacks, historyWeekStarts, fiscalYears),
    stacks: buildStackSummaries(index, stacks, windowWeekStarts),
    waterfall: waterfall.steps,
    waterfallMarks: waterfall.marks,
    ai: buildAiClassRows(aiWeeks, period.windowStart, period.lastCompleteWeek),
    tiles: buildTiles(windowTotals.at(-1)!.row, windowFigures, period.windowWeeks),
    notes: buildNotes({ period, windowFigures, bucketGap: waterfall.bucketGap, commitsEstimated, stackCount: stacks.length }),
  };
}

function emptyDashboard(options: AssembleOptions, repos: RepoRef[], notes: string[]): DashboardData {
  return {
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    generatedAt: options.now.toISOString(),
    configHash: options.configHash,
    repos,
    period: null,
    weeks: [],
    stackWeeks: [],
    stacks: [],
    waterfall: [],
    waterfallMarks: [],
    ai: [],
    tiles: buildTiles(null, emptyWeekFigures(), options.windowWeeks),
    notes,
  };
}

/** Sums the rows per week and stack, keeping only the weeks the page shows. */
function indexWeekStacks(rows: readonly EffectiveCodeWeekStack[], period: DashboardPeriod): WeekStackIndex {
  const firstShown = period.historyStart < period.windowStart ? period.historyStart : period.windowStart;
  const index: WeekStackIndex = new Map();
  for (const row of rows) {
    if (row.week_start < firstShown || row.week_start > period.lastCompleteWeek) continue;
    let byStack = index.get(row.week_start);
    if (!byStack) index.set(row.week_start, (byStack = new Map()));
    let measures = byStack.get(row.stack);
    if (!measures) byStack.set(row.stack, (measures = emptyEffectiveCodeMeasures()));
    addEffectiveCodeMeasures(measures, row);
  }
  return index;
}

/** Every stack × every history week, zero-filled, stack by stack. */
function buildStackWeeks(
  index: WeekStackIndex,
  stacks: readonly string[],
  weeks: readonly string[],
  fiscalYears: ReadonlyMap<string, number>,
): StackWeekRow[] {
  const rows: StackWeekRow[] = [];
  for (const stack of stacks) {
    for (const weekStart of weeks) {
      const measures = index.get(weekStart)?.get(stack) ?? emptyEffectiveCodeMeasures();
      rows.push({ weekStart, fiscalYear: fiscalYears.get(weekStart) ?? null, stack, ...toWeekFigures(measures, measures.commits) });
    }
  }
  return rows;
}

/** Each stack's totals over the window, busiest first; stacks with nothing in the window are left out. */
function buildStackSummaries(index: WeekStackIndex, stacks: readonly string[], windowWeeks: readonly string[]): StackSummary[] {
  const summaries: StackSummary[] = [];
  for (const stack of stacks) {
    const measures = emptyEffectiveCodeMeasures();
    for (const weekStart of windowWeeks) {
      const stackMeasures = index.get(weekStart)?.get(stack);
      if (stackMeasures) addEffectiveCodeMeasures(measures, stackMeasures);
    }
    if (measures.lines_added + measures.lines_deleted === 0 && measures.ec_merged === 0) continue;
    summaries.push({ stack, ...toWeekFigures(measures, measures.commits) });
  }
  return summaries.sort((a, b) => b.rawLines - a.rawLines || a.stack.localeCompare(b.stack));
}

function weekdayName(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

/** The caveats a reader needs to read the figures right. */
function buildNotes(facts: {
  period: DashboardPeriod;
  windowFigures: WeekFigures;
  bucketGap: number;
  commitsEstimated: boolean;
  stackCount: number;
}): string[] {
  const { period, windowFigures } = facts;
  const notes = [
    `Weeks start on ${weekdayName(period.currentWeekStart)} in the ${period.timeZone} time zone; merged work counts in the week it merged. ` +
      `The current week (from ${period.currentWeekStart}) is incomplete and not shown.`,
  ];
  if (windowFigures.ecPending > 0) {
    notes.push(
      `${lineCount.format(windowFigures.ecPending)} effective lines in the last ${period.windowWeeks} weeks are still inside the durability window: ` +
        'durable and released figures of recent weeks will still grow.',
    );
  }
  // Half a line: the buckets are whole lines, so anything smaller is float noise, not a gap.
  if (Math.abs(facts.bucketGap) >= 0.5) {
    notes.push(
      `The waterfall's buckets differ from raw changed lines by ${lineCount.format(facts.bucketGap)} lines in the window: ` +
        'the metric view is inconsistent, so the waterfall does not fully explain the raw count.',
    );
  }
  if (facts.commitsEstimated) {
    notes.push('Some weeks have no AI-attribution rows; their commit counts are those of the busiest stack, a lower bound.');
  }
  if (facts.stackCount > 1) {
    notes.push('In the stack split a commit counts once for every stack it touched.');
  }
  return notes;
}
