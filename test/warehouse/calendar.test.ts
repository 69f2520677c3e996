import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS, refreshCalendar } from '../../pipeline/warehouse/calendar.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';

describe.each(backends)('calendar on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  const day = (date: string) => warehouse.db.selectFrom('core.calendar').selectAll().where('date', '=', date).executeTakeFirstOrThrow();
  const dates = async () => (await warehouse.db.selectFrom('core.calendar').select('date').orderBy('date').execute()).map((row) => row.date);

  it('starts weeks on Monday and widens the range to whole weeks', async () => {
    // 2024-01-03 is a Wednesday, 2024-01-10 the next one.
    const written = await refreshCalendar(warehouse.db, DEFAULT_CALENDAR_SETTINGS, {
      from: new Date('2024-01-03T12:00:00Z'),
      to: new Date('2024-01-10T12:00:00Z'),
    });
    expect(written).toBe(14);
    const all = await dates();
    expect([all[0], all.at(-1)]).toEqual(['2024-01-01', '2024-01-14']);
    expect(await day('2024-01-07')).toMatchObject({ week_start: '2024-01-01', week_of_year: 1, is_weekend: true });
    expect(await day('2024-01-08')).toMatchObject({ week_start: '2024-01-08', week_of_year: 2, is_weekend: false });
    expect(await day('2024-01-10')).toMatchObject({ month_start: '2024-01-01', quarter: 1, fiscal_year: 2024, fiscal_quarter: 1, fiscal_week: 2 });
  });

  it('starts weeks on Sunday when configured', async () => {
    await refreshCalendar(warehouse.db, { ...DEFAULT_CALENDAR_SETTINGS, weekStart: 'sunday' }, {
      from: new Date('2024-01-03T12:00:00Z'),
      to: new Date('2024-01-10T12:00:00Z'),
    });
    const all = await dates();
    expect([all[0], all.at(-1), all.length]).toEqual(['2023-12-31', '2024-01-13', 14]);
    expect((await day('2024-01-06')).week_start).toBe('2023-12-31');
    expect((await day('2024-01-07')).week_start).toBe('2024-01-07');
    // Saturday and Sunday stay the weekend whatever the week start.
    expect((await day('2024-01-07')).is_weekend).toBe(true);
  });

  it('numbers weeks the ISO way for Monday weeks, across year ends', async () => {
    await refreshCalendar(warehouse.db, DEFAULT_CALENDAR_SETTINGS, { from: new Date('2020-12-28'), to: new Date('2025-01-05') });
    expect((await day('2021-01-03')).week_of_year).toBe(53); // ISO 2020-W53
    expect((await day('2021-01-04')).week_of_year).toBe(1);
    expect((await day('2024-12-30')).week_of_year).toBe(1); // ISO 2025-W01
    expect((await day('2024-12-29')).week_of_year).toBe(52);
  });

  it('names fiscal years after the year they end in (April start)', async () => {
    await refreshCalendar(warehouse.db, { ...DEFAULT_CALENDAR_SETTINGS, fiscalYearStartMonth: 4 }, {
      from: new Date('2025-03-01'),
      to: new Date('2026-04-30'),
    });
    expect(await day('2025-03-31')).toMatchObject({ fiscal_year: 2025, fiscal_quarter: 4 });
    // 2025-04-01 is a Tuesday: fiscal week 1 is the week holding it, from Monday 2025-03-31.
    expect(await day('2025-04-01')).toMatchObject({ fiscal_year: 2026, fiscal_quarter: 1, fiscal_week: 1, quarter: 2 });
    expect(await day('2025-04-07')).toMatchObject({ fiscal_year: 2026, fiscal_week: 2 });
    expect(await day('2025-07-01')).toMatchObject({ fiscal_year: 2026, fiscal_quarter: 2 });
    expect(await day('2026-01-15')).toMatchObject({ fiscal_year: 2026, fiscal_quarter: 4, quarter: 1 });
    expect(await day('2026-03-31')).toMatchObject({ fiscal_year: 2026, fiscal_quarter: 4 });
    expect(await day('2026-04-01')).toMatchObject({ fiscal_year: 2027, fiscal_quarter: 1, fiscal_week: 1 });
  });

  it('takes the range in the organisation time zone and records the settings in one row', async () => {
    const settings = { timezone: 'America/Los_Angeles', weekStart: 'monday', fiscalYearStartMonth: 7 } as const;
    // 2024-01-01T02:00Z is still 2023-12-31 (a Sunday) in Los Angeles: its week starts 2023-12-25.
    await refreshCalendar(warehouse.db, settings, { from: new Date('2024-01-01T02:00:00Z'), to: new Date('2024-01-02T02:00:00Z') });
    const all = await dates();
    expect([all[0], all.at(-1)]).toEqual(['2023-12-25', '2024-01-07']);
    await refreshCalendar(warehouse.db, settings, { from: new Date('2024-01-01T02:00:00Z'), to: new Date('2024-01-02T02:00:00Z') });
    const stored = await warehouse.db.selectFrom('core.calendar_settings').select(['timezone', 'week_start', 'fiscal_year_start_month']).execute();
    expect(stored).toEqual([{ timezone: 'America/Los_Angeles', week_start: 'monday', fiscal_year_start_month: 7 }]);
  });

  it('rejects impossible settings and ranges, and unknown time zones', async () => {
    const range = { from: new Date('2024-01-01'), to: new Date('2024-01-31') };
    await expect(refreshCalendar(warehouse.db, { ...DEFAULT_CALENDAR_SETTINGS, fiscalYearStartMonth: 13 }, range)).rejects.toThrow(/1-12/);
    await expect(refreshCalendar(warehouse.db, DEFAULT_CALENDAR_SETTINGS, { from: range.to, to: range.from })).rejects.toThrow(/after/);
    await expect(refreshCalendar(warehouse.db, { ...DEFAULT_CALENDAR_SETTINGS, timezone: 'Mars/Olympus_Mons' }, range)).rejects.toThrow(
      /time zone/,
    );
    // A failed refresh leaves the previous calendar in place.
    expect((await dates()).length).toBeGreaterThan(0);
  });
});
