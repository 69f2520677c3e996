import type { WeekFigures } from './types.js';
import { COUNTED_LINE_BUCKETS, type EffectiveCodeMeasures } from './view-rows.js';

/**
 * Picks the figures the page shows out of summed view measures.
 *
 * @param commits - the commit count to report; pass it explicitly because commit counts of
 *   different stacks cannot be summed (one commit may touch several stacks).
 * @example
 * toWeekFigures(sumEffectiveCodeMeasures(rows), 42).rawLines
 */
export function toWeekFigures(measures: EffectiveCodeMeasures, commits: number): WeekFigures {
  let countedLines = 0;
  for (const bucket of COUNTED_LINE_BUCKETS) countedLines += measures[bucket];
  return {
    commits,
    files: measures.files,
    linesAdded: measures.lines_added,
    linesDeleted: measures.lines_deleted,
    rawLines: measures.lines_added + measures.lines_deleted,
    countedLines,
    ecBase: measures.ec_base,
    churnedEc: measures.churned_ec,
    ecMerged: measures.ec_merged,
    ecDurable: measures.ec_durable,
    ecReleased: measures.ec_released,
    ecPending: measures.ec_pending,
  };
}

/** The figures of a period with nothing in it. */
export function emptyWeekFigures(): WeekFigures {
  return {
    commits: 0,
    files: 0,
    linesAdded: 0,
    linesDeleted: 0,
    rawLines: 0,
    countedLines: 0,
    ecBase: 0,
    churnedEc: 0,
    ecMerged: 0,
    ecDurable: 0,
    ecReleased: 0,
    ecPending: 0,
  };
}

/**
 * Sums week figures (every field is additive across weeks).
 *
 * @example
 * sumWeekFigures(weeks.slice(-12)).ecReleased
 */
export function sumWeekFigures(rows: Iterable<WeekFigures>): WeekFigures {
  const total = emptyWeekFigures();
  const keys = Object.keys(total) as (keyof WeekFigures)[];
  for (const row of rows) {
    for (const key of keys) total[key] += row[key];
  }
  return total;
}
