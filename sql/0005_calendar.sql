-- 0005: the organisation's calendar (weeks, fiscal years) in its own time zone.
-- Timestamps are stored in UTC; metrics turn them into local dates with the time zone below and
-- then read week and fiscal labels from core.calendar, so every view agrees on what a week is.

CREATE TABLE core.calendar_settings (
  timezone                text NOT NULL DEFAULT 'UTC',
  week_start              text NOT NULL DEFAULT 'monday'
                          CONSTRAINT calendar_settings_week_start_known
                          CHECK (week_start IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
  fiscal_year_start_month int NOT NULL DEFAULT 1
                          CONSTRAINT calendar_settings_fiscal_month_valid CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  updated_at              timestamptz NOT NULL DEFAULT now()
);

-- A unique index over a constant lets the table hold at most one row.
CREATE UNIQUE INDEX calendar_settings_single_row ON core.calendar_settings ((true));

COMMENT ON TABLE core.calendar_settings IS 'The single row of calendar settings core.calendar was built with.';
COMMENT ON COLUMN core.calendar_settings.timezone IS 'The organisation''s IANA time zone (e.g. Europe/Berlin): a timestamp belongs to the local date it has in this zone.';
COMMENT ON COLUMN core.calendar_settings.week_start IS 'First day of the week: monday (default) ... sunday.';
COMMENT ON COLUMN core.calendar_settings.fiscal_year_start_month IS 'Month (1-12) in which the fiscal year starts: 1 = calendar year, 4 = April.';
COMMENT ON COLUMN core.calendar_settings.updated_at IS 'When the settings were last written.';

CREATE TABLE core.calendar (
  date           date PRIMARY KEY,
  week_start     date NOT NULL,
  week_of_year   int NOT NULL,
  month_start    date NOT NULL,
  quarter        int NOT NULL,
  fiscal_year    int NOT NULL,
  fiscal_quarter int NOT NULL,
  fiscal_week    int NOT NULL,
  is_weekend     boolean NOT NULL
);

CREATE INDEX calendar_week_start_idx ON core.calendar (week_start);

COMMENT ON TABLE core.calendar IS 'One row per local date in the organisation''s time zone, with its week, month, quarter and fiscal labels (built from core.calendar_settings).';
COMMENT ON COLUMN core.calendar.date IS 'The local date.';
COMMENT ON COLUMN core.calendar.week_start IS 'First day of the week containing the date, by the configured week start.';
COMMENT ON COLUMN core.calendar.week_of_year IS 'Week number within the year, ISO 8601 style generalised to the configured week start: a week belongs to the year of its fourth day and week 1 is the first such week (with Monday weeks this is exactly the ISO week).';
COMMENT ON COLUMN core.calendar.month_start IS 'First day of the date''s month.';
COMMENT ON COLUMN core.calendar.quarter IS 'Calendar quarter, 1-4.';
COMMENT ON COLUMN core.calendar.fiscal_year IS 'Fiscal year, named after the calendar year in which it ENDS: with an April start, FY2026 runs from 2025-04-01 to 2026-03-31. With a January start it equals the calendar year.';
COMMENT ON COLUMN core.calendar.fiscal_quarter IS 'Quarter within the fiscal year, 1-4 (Q1 starts in the fiscal start month).';
COMMENT ON COLUMN core.calendar.fiscal_week IS 'Week number within the fiscal year: week 1 is the week (by the configured week start) containing the fiscal year''s first day, so it may be partial.';
COMMENT ON COLUMN core.calendar.is_weekend IS 'True on Saturdays and Sundays, whatever the week start.';
