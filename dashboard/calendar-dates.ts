/**
 * Date helpers for the dashboard loader. Weeks are identified by their first day as a
 * `YYYY-MM-DD` string in the organisation's time zone (the calendar table's convention), so the
 * arithmetic below runs on UTC midnights, where every day is exactly 24 hours long.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a week. */
export const WEEK_DAYS = 7;

/**
 * The calendar date an instant falls on in a time zone.
 *
 * @example
 * isoDateInTimeZone(new Date('2025-03-02T23:30:00Z'), 'Asia/Shanghai') // '2025-03-03'
 */
export function isoDateInTimeZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Normalises a `date` column value to `YYYY-MM-DD`. Drivers differ: `pg` returns a Date at local
 * midnight, PGlite a Date at UTC midnight, and a cast to text returns the string itself.
 *
 * @example
 * toIsoDate('2025-03-03') // '2025-03-03'
 */
export function toIsoDate(value: Date | string): string {
  if (typeof value === 'string') {
    const head = value.slice(0, 10);
    if (!ISO_DATE.test(head)) throw new RangeError(`not a date: ${value}`);
    return head;
  }
  // A Date at exactly UTC midnight is a UTC calendar date; anything else is a local midnight.
  const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
  const year = utcMidnight ? value.getUTCFullYear() : value.getFullYear();
  const month = (utcMidnight ? value.getUTCMonth() : value.getMonth()) + 1;
  const day = utcMidnight ? value.getUTCDate() : value.getDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtcMs(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * Adds (or subtracts) whole days.
 *
 * @example
 * addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(isoDate: string, days: number): string {
  return new Date(toUtcMs(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2025-01-01', '2025-01-08') // 7
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/**
 * The first day of the week holding `today`, given the first day of any week of the same
 * calendar (weeks repeat every 7 days, so one known week start fixes them all, whatever day
 * the organisation's week starts on).
 *
 * @example
 * weekStartOf('2025-03-05', '2025-01-06') // '2025-03-03' (Monday weeks)
 */
export function weekStartOf(today: string, knownWeekStart: string): string {
  const offset = daysBetween(knownWeekStart, today);
  const intoWeek = ((offset % WEEK_DAYS) + WEEK_DAYS) % WEEK_DAYS;
  return addDays(today, -intoWeek);
}

/**
 * `count` consecutive week starts beginning with `first`.
 *
 * @example
 * weekStarts('2025-03-03', 2) // ['2025-03-03', '2025-03-10']
 */
export function weekStarts(first: string, count: number): string[] {
  const weeks: string[] = [];
  for (let i = 0; i < count; i += 1) weeks.push(addDays(first, i * WEEK_DAYS));
  return weeks;
}
