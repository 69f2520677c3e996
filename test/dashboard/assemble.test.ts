import { describe, expect, it } from 'vitest';
import { assembleDashboardData, DEFAULT_DASHBOARD_WINDOW, type AssembleOptions } from '../../dashboard/assemble.js';
import type { DashboardData, WeekRow } from '../../dashboard/types.js';
import { sumEffectiveCodeMeasures, type EffectiveCodeWeekStack } from '../../dashboard/view-rows.js';
import {
  fixtureDashboardData,
  syntheticAiWeeks,
  syntheticMeasures,
  syntheticWeekStacks,
  FIXTURE_FIRST_WEEK,
  FIXTURE_WEEKS,
} from './fixtures.js';

const baseOptions: AssembleOptions = { ...DEFAULT_DASHBOARD_WINDOW, now: new Date('2025-03-12T09:30:00Z'), configHash: 'hash' };

function row(weekStart: string, stack: string, added: number, commits = 4, pending = false): EffectiveCodeWeekStack {
  return { week_start: weekStart, stack, fiscal_year: 2025, ...syntheticMeasures(added, Math.round(added / 3), commits, pending) };
}

function tile(data: DashboardData, key: string) {
  const found = data.tiles.find((t) => t.key === key);
  if (!found) throw new Error(`no tile ${key}`);
  return found;
}

describe('assembleDashboardData with the fixture', () => {
  const data = fixtureDashboardData();
  const stackRows = syntheticWeekStacks({ firstWeek: FIXTURE_FIRST_WEEK, weeks: FIXTURE_WEEKS, stacks: ['frontend', 'backend', 'infra'], pendingWeeks: 4, emptyWeeks: [11] });
  const rawOf = (weekStart: string): number =>
    stackRows.filter((r) => r.week_start === weekStart).reduce((t, r) => t + r.lines_added + r.lines_deleted, 0);

  it('picks the last complete week in the organisation time zone and leaves the current week out', () => {
    expect(data.period).toEqual({
      today: '2025-03-12',
      currentWeekStart: '2025-03-10',
      lastCompleteWeek: '2025-03-03',
      windowStart: '2024-12-16',
      windowWeeks: 12,
      historyStart: '2024-10-07',
      historyWeeks: 22,
      firstDataWeek: '2024-10-07',
      timeZone: 'Europe/Berlin',
    });
    expect(data.weeks.map((w) => w.weekStart)).not.toContain('2025-03-10');
  });

  it('lists every week of the history, oldest first, with empty weeks as zeros', () => {
    expect(data.weeks).toHaveLength(22);
    expect(data.weeks[0]!.weekStart).toBe('2024-10-07');
    expect(data.weeks.at(-1)!.weekStart).toBe('2025-03-03');
    const gap = data.weeks.find((w) => w.weekStart === '2024-12-23')!;
    expect(gap).toMatchObject({ rawLines: 0, ecMerged: 0, countedLines: 0 });
    for (const week of data.weeks) expect(week.rawLines).toBe(rawOf(week.weekStart));
  });

  it('counts commits from the AI classes, which partition them, not by summing stacks', () => {
    expect(data.weeks[0]!.commits).toBe(9 + 3 + 2 + 1);
  });

  it('fills the tiles from the last complete week and the 12-week window', () => {
    const window = data.weeks.slice(-12);
    const sum = (pick: (w: WeekRow) => number): number => window.reduce((t, w) => t + pick(w), 0);
    const last = data.weeks.at(-1)!;
    expect(tile(data, 'ec_released')).toMatchObject({ lastWeek: last.ecReleased, href: '#weekly-table' });
    expect(tile(data, 'ec_released').window).toBeCloseTo(sum((w) => w.ecReleased), 6);
    expect(tile(data, 'ec_durable').window).toBeCloseTo(sum((w) => w.ecDurable), 6);
    expect(tile(data, 'ec_merged').window).toBeCloseTo(sum((w) => w.ecMerged), 6);
    expect(tile(data, 'raw_lines')).toMatchObject({ lastWeek: last.rawLines, window: sum((w) => w.rawLines) });
    expect(tile(data, 'effective_ratio').window).toBeCloseTo(sum((w) => w.ecMerged) / sum((w) => w.rawLines), 12);
    // The last complete week is inside the durability window: nothing is released yet.
    expect(last.ecReleased).toBe(0);
    expect(last.ecPending).toBeGreaterThan(0);
  });

  it('builds the waterfall over the window', () => {
    const window = data.weeks.slice(-12);
    expect(data.waterfall[0]!.value).toBe(window.reduce((t, w) => t + w.rawLines, 0));
    expect(data.waterfall.at(-1)!.to).toBeCloseTo(window.reduce((t, w) => t + w.ecReleased, 0), 6);
    expect(data.waterfallMarks.find((m) => m.key === 'ec_merged')!.value).toBeCloseTo(window.reduce((t, w) => t + w.ecMerged, 0), 6);
  });

  it('splits by stack, per week and over the window, largest first', () => {
    expect(data.stackWeeks).toHaveLength(3 * 22);
    expect(data.stacks.map((s) => s.stack)).toEqual(['frontend', 'backend', 'infra']);
    const stackRaw = data.stacks.reduce((t, s) => t + s.rawLines, 0);
    expect(stackRaw).toBe(tile(data, 'raw_lines').window);
    const frontendWeek = data.stackWeeks.find((r) => r.stack === 'frontend' && r.weekStart === '2025-03-03')!;
    expect(frontendWeek.rawLines).toBe(stackRows.find((r) => r.stack === 'frontend' && r.week_start === '2025-03-03')!.lines_added + stackRows.find((r) => r.stack === 'frontend' && r.week_start === '2025-03-03')!.lines_deleted);
  });

  it('sums the AI classes over the window and recomputes their shares', () => {
    expect(data.ai.map((r) => r.aiClass)).toEqual(['human', 'ai_assisted', 'ai_agent', 'bot']);
    const human = data.ai[0]!;
    expect(human.commits).toBe(9 * 12);
    expect(human.commitShare).toBeCloseTo(9 / 15, 12);
    expect(human.ecMergedShare).toBeCloseTo(0.7, 12);
    expect(data.ai.find((r) => r.aiClass === 'bot')!.ecMergedShare).toBe(0);
    expect(data.ai.reduce((t, r) => t + (r.commitShare ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it('explains the week rule and the pending durability in notes', () => {
    expect(data.notes[0]).toContain('Weeks start on Monday in the Europe/Berlin time zone');
    expect(data.notes[0]).toContain('The current week (from 2025-03-10) is incomplete');
    expect(data.notes.some((n) => n.includes('inside the durability window'))).toBe(true);
    expect(data.notes.some((n) => n.includes('buckets differ'))).toBe(false);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('assembleDashboardData edge cases', () => {
  it('returns an explicit empty state with no data', () => {
    const data = assembleDashboardData({ repos: [], weekStacks: [], aiWeeks: [] }, baseOptions);
    expect(data.period).toBeNull();
    expect(data.weeks).toEqual([]);
    expect(data.waterfall).toEqual([]);
    expect(data.tiles.map((t) => t.lastWeek)).toEqual([null, null, null, null, null]);
    expect(data.notes[0]).toContain('No effective-code data yet');
  });

  it('waits for the first complete week when all data is in the current week', () => {
    const data = assembleDashboardData({ repos: [], weekStacks: [row('2025-03-10', 'backend', 100)], aiWeeks: [] }, baseOptions);
    expect(data.period).toBeNull();
    expect(data.notes[0]).toContain('No complete week yet');
  });

  it('decides today in the configured time zone', () => {
    const rows = [row('2025-02-17', 'backend', 100), row('2025-02-24', 'backend', 200), row('2025-03-03', 'backend', 300)];
    const sundayNightUtc = new Date('2025-03-09T23:30:00Z');
    const utc = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, { ...baseOptions, now: sundayNightUtc, timeZone: 'UTC' });
    const shanghai = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, { ...baseOptions, now: sundayNightUtc, timeZone: 'Asia/Shanghai' });
    expect(utc.period?.lastCompleteWeek).toBe('2025-02-24');
    expect(shanghai.period?.lastCompleteWeek).toBe('2025-03-03');
  });

  it('follows the calendar of the data for weeks starting on Sunday', () => {
    const rows = [row('2025-02-23', 'backend', 100), row('2025-03-02', 'backend', 200)];
    const data = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, baseOptions);
    expect(data.period).toMatchObject({ currentWeekStart: '2025-03-09', lastCompleteWeek: '2025-03-02', historyStart: '2025-02-23', historyWeeks: 2 });
    expect(data.notes[0]).toContain('Weeks start on Sunday');
  });

  it('caps the history at historyWeeks and ignores rows dated in the future', () => {
    const rows = syntheticWeekStacks({ firstWeek: '2024-01-01', weeks: 62, stacks: ['backend'] });
    rows.push(row('2025-06-02', 'backend', 99_999));
    const data = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, { ...baseOptions, historyWeeks: 8, windowWeeks: 4 });
    expect(data.weeks).toHaveLength(8);
    expect(data.weeks[0]!.weekStart).toBe('2025-01-13');
    expect(data.period?.firstDataWeek).toBe('2024-01-01');
    expect(data.weeks.some((w) => w.rawLines >= 99_999)).toBe(false);
    expect(tile(data, 'raw_lines').window).toBe(data.weeks.slice(-4).reduce((t, w) => t + w.rawLines, 0));
  });

  it('sums the window over weeks before the first data week as zeros', () => {
    const rows = [row('2025-02-24', 'backend', 100), row('2025-03-03', 'backend', 300)];
    const data = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, baseOptions);
    expect(data.weeks).toHaveLength(2);
    expect(tile(data, 'raw_lines').window).toBe(100 + 33 + 300 + 100);
  });

  it('falls back to the busiest stack for commits without AI rows, and says so', () => {
    const rows = [row('2025-03-03', 'backend', 100, 7), row('2025-03-03', 'frontend', 100, 5)];
    const data = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: [] }, baseOptions);
    expect(data.weeks.at(-1)!.commits).toBe(7);
    expect(data.notes.some((n) => n.includes('lower bound'))).toBe(true);
    expect(data.notes.some((n) => n.includes('a commit counts once for every stack'))).toBe(true);
  });

  it('merges several view rows of the same week and stack', () => {
    const rows = [row('2025-03-03', 'other', 100), row('2025-03-03', 'other', 50)];
    const data = assembleDashboardData({ repos: [], weekStacks: rows, aiWeeks: syntheticAiWeeks('2025-03-03', 1) }, baseOptions);
    const expected = sumEffectiveCodeMeasures(rows);
    expect(data.weeks.at(-1)!.rawLines).toBe(expected.lines_added + expected.lines_deleted);
    expect(data.stacks).toHaveLength(1);
  });

  it('notes buckets that do not add up', () => {
    const broken = row('2025-03-03', 'backend', 100);
    broken.moved_lines += 5;
    const data = assembleDashboardData({ repos: [], weekStacks: [broken], aiWeeks: [] }, baseOptions);
    expect(data.notes.some((n) => n.includes('differ from raw changed lines by -5'))).toBe(true);
  });

  it('rejects a window that is not a positive number of weeks', () => {
    expect(() => assembleDashboardData({ repos: [], weekStacks: [], aiWeeks: [] }, { ...baseOptions, windowWeeks: 0 })).toThrow(/windowWeeks/);
  });
});
