import { assembleDashboardData, DEFAULT_DASHBOARD_WINDOW } from '../../dashboard/assemble.js';
import { addDays } from '../../dashboard/calendar-dates.js';
import type { DashboardData } from '../../dashboard/types.js';
import {
  emptyEffectiveCodeMeasures,
  type AiShareWeekClass,
  type EffectiveCodeMeasures,
  type EffectiveCodeWeekStack,
} from '../../dashboard/view-rows.js';

/** Shares of raw lines per gate bucket in the synthetic data (the rest is counted). */
const GATE_SHARES: Partial<Record<keyof EffectiveCodeMeasures, number>> = {
  noop_lines: 0.06,
  comment_lines: 0.05,
  trivial_lines: 0.04,
  generated_lines: 0.03,
  lockfile_lines: 0.02,
  vendored_lines: 0.01,
  docs_lines: 0.04,
  data_lines: 0.01,
  duplicate_lines: 0.01,
  ignored_rev_lines: 0.01,
  bot_lines: 0.02,
  revert_lines: 0.01,
  moved_lines: 0.08,
  copy_paste_lines: 0.03,
  update_pair_lines: 0.05,
};

/**
 * Measures of one synthetic week × stack whose buckets partition the raw lines exactly, with
 * weights that shrink the running total step by step. `pending` rows have no durable or released
 * code yet (they are inside the durability window).
 */
export function syntheticMeasures(linesAdded: number, linesDeleted: number, commits: number, pending: boolean): EffectiveCodeMeasures {
  const m = emptyEffectiveCodeMeasures();
  const raw = linesAdded + linesDeleted;
  m.commits = commits;
  m.files = commits * 3;
  m.lines_added = linesAdded;
  m.lines_deleted = linesDeleted;
  let gated = 0;
  for (const [bucket, share] of Object.entries(GATE_SHARES) as [keyof EffectiveCodeMeasures, number][]) {
    m[bucket] = Math.floor(raw * share);
    gated += m[bucket];
  }
  const counted = raw - gated;
  m.find_replace_lines = Math.floor(counted * 0.05);
  m.updated_lines = Math.floor(counted * 0.25);
  m.deleted_lines = Math.floor(counted * 0.2);
  m.added_lines = counted - m.find_replace_lines - m.updated_lines - m.deleted_lines;
  m.op_weighted = counted - m.find_replace_lines * 0.7;
  m.worktype_weighted = m.op_weighted * 0.9;
  m.bulk_weighted = m.worktype_weighted * 0.95;
  m.ec_base = m.bulk_weighted * 1.25;
  m.churned_lines = Math.floor(linesAdded * 0.1);
  m.churned_ec = m.ec_base * 0.1;
  m.ec_merged = m.ec_base * 0.5;
  const surviving = m.ec_base - m.churned_ec;
  m.ec_durable = pending ? 0 : surviving * 0.5;
  m.ec_released = pending ? 0 : surviving * 0.8;
  m.ec_pending = pending ? m.ec_base : 0;
  m.durable_rows = pending ? 0 : commits * 3;
  m.pending_rows = pending ? commits * 3 : 0;
  return m;
}

/** Options of {@link syntheticWeekStacks}. */
export interface SyntheticHistory {
  firstWeek: string;
  weeks: number;
  stacks: readonly string[];
  /** Weeks at the end whose code is still pending durability. */
  pendingWeeks?: number;
  /** Weeks (by index) with no data at all, to check gaps are filled with zeros. */
  emptyWeeks?: readonly number[];
}

/** Deterministic weekly rows for a few stacks, the shape `metrics.effective_code_weekly` sums to. */
export function syntheticWeekStacks(history: SyntheticHistory): EffectiveCodeWeekStack[] {
  const rows: EffectiveCodeWeekStack[] = [];
  for (let week = 0; week < history.weeks; week += 1) {
    if (history.emptyWeeks?.includes(week)) continue;
    const weekStart = addDays(history.firstWeek, week * 7);
    history.stacks.forEach((stack, s) => {
      // A smooth, varied series: a trend, a seasonal wave and a per-stack scale.
      const scale = 1 / (s + 1);
      const added = Math.round((900 + 40 * week + 300 * Math.sin(week / 2)) * scale);
      const deleted = Math.round(added * (0.35 + 0.1 * Math.cos(week / 3)));
      const pending = week >= history.weeks - (history.pendingWeeks ?? 0);
      rows.push({
        week_start: weekStart,
        stack,
        fiscal_year: Number(weekStart.slice(0, 4)),
        ...syntheticMeasures(added, deleted, 6 + ((week * 7 + s * 3) % 11), pending),
      });
    });
  }
  return rows;
}

/** AI-class rows for the same weeks: every week's commits split over four classes. */
export function syntheticAiWeeks(firstWeek: string, weeks: number): AiShareWeekClass[] {
  const rows: AiShareWeekClass[] = [];
  const classes = [
    { aiClass: 'human', commits: 9, share: 0.7 },
    { aiClass: 'ai_assisted', commits: 3, share: 0.2 },
    { aiClass: 'ai_agent', commits: 2, share: 0.1 },
    { aiClass: 'bot', commits: 1, share: 0 },
  ];
  for (let week = 0; week < weeks; week += 1) {
    for (const c of classes) {
      rows.push({
        week_start: addDays(firstWeek, week * 7),
        ai_class: c.aiClass,
        commits: c.commits,
        lines_added: Math.round(1000 * c.share) + 10,
        lines_deleted: Math.round(300 * c.share),
        ec_merged: 400 * c.share,
        ec_durable: 300 * c.share,
        churned_lines: Math.round(100 * c.share * (c.aiClass === 'ai_agent' ? 2 : 1)),
      });
    }
  }
  return rows;
}

/** The clock of the fixture: Wednesday 12 March 2025, so the last complete week starts Monday 3 March. */
export const FIXTURE_NOW = new Date('2025-03-12T09:30:00Z');
/** First week of the fixture's history (a Monday). */
export const FIXTURE_FIRST_WEEK = '2024-10-07';
/** Weeks of data, up to and including the (incomplete) current week. */
export const FIXTURE_WEEKS = 23;

/** A realistic page's data: 23 weeks, three stacks, four AI classes, a gap week, four pending weeks. */
export function fixtureDashboardData(): DashboardData {
  const history: SyntheticHistory = {
    firstWeek: FIXTURE_FIRST_WEEK,
    weeks: FIXTURE_WEEKS,
    stacks: ['frontend', 'backend', 'infra'],
    pendingWeeks: 4,
    emptyWeeks: [11],
  };
  return assembleDashboardData(
    {
      repos: [
        { id: 'git:web', name: 'web' },
        { id: 'git:api', name: 'api' },
      ],
      weekStacks: syntheticWeekStacks(history),
      aiWeeks: syntheticAiWeeks(FIXTURE_FIRST_WEEK, FIXTURE_WEEKS),
    },
    { ...DEFAULT_DASHBOARD_WINDOW, now: FIXTURE_NOW, configHash: 'c0ffee1234abcd', timeZone: 'Europe/Berlin' },
  );
}
