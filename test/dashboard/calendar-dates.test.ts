import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoDateInTimeZone, toIsoDate, weekStartOf, weekStarts } from '../../dashboard/calendar-dates.js';

describe('isoDateInTimeZone', () => {
  it('gives the local calendar date of an instant', () => {
    const instant = new Date('2025-03-02T23:30:00Z');
    expect(isoDateInTimeZone(instant, 'UTC')).toBe('2025-03-02');
    expect(isoDateInTimeZone(instant, 'Asia/Shanghai')).toBe('2025-03-03');
    expect(isoDateInTimeZone(new Date('2025-03-03T03:00:00Z'), 'America/Los_Angeles')).toBe('2025-03-02');
  });

  it('rejects an unknown time zone', () => {
    expect(() => isoDateInTimeZone(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('toIsoDate', () => {
  it('keeps a date string and cuts a timestamp string to its date', () => {
    expect(toIsoDate('2025-03-03')).toBe('2025-03-03');
    expect(toIsoDate('2025-03-03T00:00:00.000Z')).toBe('2025-03-03');
  });

  it('reads a Date at UTC midnight as that UTC date', () => {
    expect(toIsoDate(new Date(Date.UTC(2025, 2, 3)))).toBe('2025-03-03');
  });

  it('reads a Date at local midnight as that local date (what pg returns for a date column)', () => {
    const previous = process.env.TZ;
    // East of UTC, local midnight is the previous UTC day: the helper must not shift it.
    process.env.TZ = 'Asia/Tokyo';
    try {
      const localMidnight = new Date(2025, 2, 3);
      expect(localMidnight.toISOString()).toBe('2025-03-02T15:00:00.000Z');
      expect(toIsoDate(localMidnight)).toBe('2025-03-03');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('rejects text that is not a date', () => {
    expect(() => toIsoDate('next week')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-01-02', -7)).toBe('2024-12-26');
    expect(daysBetween('2024-12-26', '2025-01-02')).toBe(7);
    expect(daysBetween('2025-01-02', '2024-12-26')).toBe(-7);
  });

  it('is not shifted by daylight-saving changes', () => {
    // Europe and the US change clocks on these weekends; UTC day arithmetic must not notice.
    expect(addDays('2025-03-24', 7)).toBe('2025-03-31');
    expect(daysBetween('2025-03-03', '2025-03-17')).toBe(14);
  });
});

describe('weekStartOf', () => {
  it('finds the week start for Monday weeks', () => {
    expect(weekStartOf('2025-03-05', '2025-01-06')).toBe('2025-03-03');
    expect(weekStartOf('2025-03-03', '2025-01-06')).toBe('2025-03-03');
    expect(weekStartOf('2025-03-09', '2025-01-06')).toBe('2025-03-03');
  });

  it('finds the week start for Sunday weeks, from a later known week too', () => {
    expect(weekStartOf('2025-03-05', '2025-06-01')).toBe('2025-03-02');
    expect(weekStartOf('2025-03-08', '2025-03-02')).toBe('2025-03-02');
  });
});

describe('weekStarts', () => {
  it('lists consecutive weeks', () => {
    expect(weekStarts('2024-12-23', 3)).toEqual(['2024-12-23', '2024-12-30', '2025-01-06']);
    expect(weekStarts('2024-12-23', 0)).toEqual([]);
  });
});
