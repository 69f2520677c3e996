import { sql, type Kysely } from 'kysely';
import type { Database, WeekStartDay } from './database.js';

/** The organisation's calendar rules (metrics.md §6). */
export interface CalendarSettings {
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  timezone: string;
  weekStart: WeekStartDay;
  /** Month the fiscal year starts in: 1 = January … 12 = December. */
  fiscalYearStartMonth: number;
}

/** Defaults: UTC, Monday weeks, fiscal year = calendar year. */
export const DEFAULT_CALENDAR_SETTINGS: Readonly<CalendarSettings> = Object.freeze({
  timezone: 'UTC',
  weekStart: 'monday',
  fiscalYearStartMonth: 1,
});

/** ISO day-of-week number (Monday = 1 … Sunday = 7) of each week start. */
const ISO_DAY_OF_WEEK: Readonly<Record<WeekStartDay, number>> = Object.freeze({
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
});

/**
 * Rewrites `core.calendar_settings` and every `core.calendar` row for `settings`, covering the
 * local dates (in `settings.timezone`) from `range.from` to `range.to`, widened to whole weeks
 * so each week listed is complete. Runs in one transaction (or in the caller's). Returns the
 * number of calendar rows written.
 *
 * Fiscal years are named after the calendar year in which they end: with an April start,
 * FY2026 runs from 2025-04-01 to 2026-03-31.
 *
 * @example
 * await refreshCalendar(db, { timezone: 'Asia/Shanghai', weekStart: 'monday', fiscalYearStartMonth: 4 },
 *   { from: new Date('2020-01-01'), to: new Date() });
 */
export async function refreshCalendar(
  db: Kysely<Database>,
  settings: CalendarSettings,
  range: { from: Date; to: Date },
): Promise<number> {
  const startDay = ISO_DAY_OF_WEEK[settings.weekStart];
  if (startDay === undefined) throw new Error(`calendar: unknown week start "${settings.weekStart}"`);
  const month = settings.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error(`calendar: fiscal year start month must be 1-12, got ${month}`);
  }
  if (!(range.from.getTime() <= range.to.getTime())) {
    throw new Error(`calendar: range.from (${range.from.toISOString()}) is after range.to (${range.to.toISOString()})`);
  }
  const write = async (trx: Kysely<Database>): Promise<number> => {
    await sql`DELETE FROM core.calendar_settings`.execute(trx);
    await sql`
      INSERT INTO core.calendar_settings (timezone, week_start, fiscal_year_start_month, updated_at)
      VALUES (${settings.timezone}, ${settings.weekStart}, ${month}, now())`.execute(trx);
    await sql`DELETE FROM core.calendar`.execute(trx);
    const result = await sql`
      INSERT INTO core.calendar
        (date, week_start, week_of_year, month_start, quarter, fiscal_year, fiscal_quarter, fiscal_week, is_weekend)
      WITH params AS (
        SELECT ${settings.timezone}::text AS tz, ${startDay}::int AS start_dow, ${month}::int AS fy_month
      ),
      bounds AS (
        SELECT (${range.from.toISOString()}::timestamptz AT TIME ZONE tz)::date AS first_day,
               (${range.to.toISOString()}::timestamptz AT TIME ZONE tz)::date AS last_day
        FROM params
      ),
      days AS (
        -- Days back to the first day of the first week and on to the last day of the last week.
        SELECT day::date AS date
        FROM params, bounds,
             generate_series(
               (first_day - (extract(isodow FROM first_day)::int - start_dow + 7) % 7)::timestamp,
               (last_day + 6 - (extract(isodow FROM last_day)::int - start_dow + 7) % 7)::timestamp,
               interval '1 day'
             ) AS day
      ),
      labelled AS (
        SELECT date,
               date - (extract(isodow FROM date)::int - start_dow + 7) % 7 AS week_start,
               make_date(
                 extract(year FROM date)::int - CASE WHEN extract(month FROM date)::int < fy_month THEN 1 ELSE 0 END,
                 fy_month, 1
               ) AS fiscal_start,
               start_dow,
               fy_month
        FROM days, params
      )
      SELECT
        date,
        week_start,
        -- ISO 8601's rule, generalised: a week belongs to the year of its fourth day.
        (extract(doy FROM week_start + 3)::int - 1) / 7 + 1 AS week_of_year,
        date_trunc('month', date)::date AS month_start,
        extract(quarter FROM date)::int AS quarter,
        -- Named after the year in which the fiscal year ends.
        extract(year FROM (fiscal_start + interval '1 year' - interval '1 day'))::int AS fiscal_year,
        ((extract(month FROM date)::int - fy_month + 12) % 12) / 3 + 1 AS fiscal_quarter,
        (week_start - (fiscal_start - (extract(isodow FROM fiscal_start)::int - start_dow + 7) % 7)) / 7 + 1 AS fiscal_week,
        extract(isodow FROM date) IN (6, 7) AS is_weekend
      FROM labelled`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}
