import { addDays, daysBetween, WEEK_DAYS, weekStartOf } from './calendar-dates.js';
import type { DashboardPeriod } from './types.js';

/** Which weeks the dashboard covers, and in which time zone weeks are reckoned. */
export interface DashboardWindowOptions {
  /** IANA time zone of the organisation; decides which date "now" is. */
  timeZone: string;
  /** Weeks summed by the tiles, waterfall, stack split and AI table (ending with the last complete week). */
  windowWeeks: number;
  /** Weeks shown in the weekly chart and drill-down table. */
  historyWeeks: number;
}

/**
 * Defaults for {@link DashboardWindowOptions}. Twelve weeks is a quarter, the horizon a weekly
 * CIO report compares against; a year of history shows seasonality without bloating the page.
 */
export const DEFAULT_DASHBOARD_WINDOW: Readonly<DashboardWindowOptions> = Object.freeze({
  timeZone: 'UTC',
  windowWeeks: 12,
  historyWeeks: 52,
});

/** Throws unless both window lengths are positive whole numbers of weeks. */
export function validateWindow(options: DashboardWindowOptions): void {
  for (const key of ['windowWeeks', 'historyWeeks'] as const) {
    const value = options[key];
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key} must be a positive integer, got ${value}`);
  }
}

/**
 * Decides which weeks the page shows. The current week (the one holding `today`) is incomplete
 * and left out; the window and the history end with the week before it. The history reaches
 * back `historyWeeks`, or to the first week with data when that is later. Weeks are found from
 * the data's own week starts, so the page follows whatever day the organisation's week starts on.
 *
 * @param dataWeeks - the earliest and the latest week start with data, on or before `today`
 * @param today - the current date in the organisation's time zone, `YYYY-MM-DD`
 * @returns the period, or null when no week with data is complete yet
 * @example
 * resolvePeriod({ first: '2025-01-06', latest: '2025-03-10' }, '2025-03-12', DEFAULT_DASHBOARD_WINDOW)
 *   ?.lastCompleteWeek // '2025-03-03'
 */
export function resolvePeriod(
  dataWeeks: { first: string; latest: string },
  today: string,
  options: DashboardWindowOptions,
): DashboardPeriod | null {
  const currentWeekStart = weekStartOf(today, dataWeeks.latest);
  const lastCompleteWeek = addDays(currentWeekStart, -WEEK_DAYS);
  const dataStart = weekStartOf(dataWeeks.first, currentWeekStart);
  if (dataStart > lastCompleteWeek) return null;
  const earliestHistory = addDays(lastCompleteWeek, -WEEK_DAYS * (options.historyWeeks - 1));
  const historyStart = earliestHistory > dataStart ? earliestHistory : dataStart;
  return {
    today,
    currentWeekStart,
    lastCompleteWeek,
    windowStart: addDays(lastCompleteWeek, -WEEK_DAYS * (options.windowWeeks - 1)),
    windowWeeks: options.windowWeeks,
    historyStart,
    historyWeeks: daysBetween(historyStart, lastCompleteWeek) / WEEK_DAYS + 1,
    firstDataWeek: dataWeeks.first,
    timeZone: options.timeZone,
  };
}
