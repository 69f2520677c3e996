import { format, utcFormat, utcParse } from 'd3';

const lines = format(',.0f');
const compact = format('~s');
const percent = format('.1%');
const factor = format('.2f');
const parseIsoDate = utcParse('%Y-%m-%d');
const dayMonthYear = utcFormat('%-d %b %Y');
const dayMonth = utcFormat('%-d %b');
const instant = utcFormat('%Y-%m-%d %H:%M UTC');
const DAY_MS = 86_400_000;

/** Shown where a number cannot be computed (a ratio over zero, no complete week). */
export const MISSING = '–';

/**
 * Line counts with thousands separators; effective lines are fractional, shown rounded.
 *
 * @example
 * formatLines(12345.6) // '12,346'
 */
export function formatLines(value: number | null): string {
  return value === null ? MISSING : lines(value);
}

/**
 * Short numbers for axes.
 *
 * @example
 * formatCompact(12000) // '12k'
 */
export function formatCompact(value: number): string {
  return compact(value);
}

/**
 * A share or ratio as a percentage.
 *
 * @example
 * formatPercent(0.256) // '25.6%'
 */
export function formatPercent(value: number | null): string {
  return value === null ? MISSING : percent(value);
}

/**
 * A multiplication factor.
 *
 * @example
 * formatFactor(0.5) // '×0.50'
 */
export function formatFactor(value: number | null): string {
  return value === null ? MISSING : `×${factor(value)}`;
}

/** Parses a `YYYY-MM-DD` date to a Date at UTC midnight. */
export function parseDate(isoDate: string): Date {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return date;
}

/**
 * A date as people read it.
 *
 * @example
 * formatDate('2025-03-03') // '3 Mar 2025'
 */
export function formatDate(isoDate: string): string {
  return dayMonthYear(parseDate(isoDate));
}

/**
 * A date without its year, for dense axes.
 *
 * @example
 * formatDayMonth('2025-03-03') // '3 Mar'
 */
export function formatDayMonth(isoDate: string): string {
  return dayMonth(parseDate(isoDate));
}

/**
 * An ISO instant in UTC, to the minute.
 *
 * @example
 * formatInstant('2025-03-10T08:00:00.000Z') // '2025-03-10 08:00 UTC'
 */
export function formatInstant(iso: string): string {
  return instant(new Date(iso));
}

/**
 * The last day of a week, as people read it.
 *
 * @example
 * formatWeekEnd('2025-03-03') // '9 Mar 2025'
 */
export function formatWeekEnd(weekStart: string): string {
  return dayMonthYear(new Date(parseDate(weekStart).getTime() + 6 * DAY_MS));
}

/**
 * A week by its first and last day.
 *
 * @example
 * formatWeek('2025-03-03') // '3 Mar – 9 Mar 2025'
 */
export function formatWeek(weekStart: string): string {
  const start = parseDate(weekStart);
  const end = new Date(start.getTime() + 6 * DAY_MS);
  return `${dayMonth(start)} – ${dayMonthYear(end)}`;
}
