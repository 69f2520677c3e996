import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboardData } from '../../dashboard/data.js';
import { refreshCalendar } from '../../pipeline/warehouse/calendar.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';

const NOW = new Date('2025-03-12T09:00:00Z');

interface FileChange {
  path: string;
  stack: string;
  added: number;
  moved: number;
  comment: number;
  deleted: number;
  /** Gated as a bot's lines instead of counted. */
  bot?: boolean;
  pending?: boolean;
}

interface CommitSpec {
  repo: string;
  sha: string;
  mergedAt: string;
  aiClass: 'human' | 'ai_agent' | 'bot';
  files: FileChange[];
}

/**
 * Effective-code weights of a file change, simple enough to check by hand: op = counted lines,
 * × 0.8 work type, no bulk damping, × 1.5 complexity; churn is 10% of ec_base; merged weight 0.5,
 * durable 0.5 and released 1.0 of what survived (nothing yet when pending).
 */
function weights(file: FileChange) {
  const counted = file.bot ? 0 : file.added + file.deleted;
  const ecBase = counted * 0.8 * 1.5;
  const churnedEc = ecBase * 0.1;
  return {
    op_weighted: counted,
    worktype_weighted: counted * 0.8,
    bulk_weighted: counted * 0.8,
    ec_base: ecBase,
    churned_lines: file.bot ? 0 : Math.round(file.added * 0.1),
    churned_ec: churnedEc,
    ec_merged: ecBase * 0.5,
    ec_durable: file.pending ? 0 : (ecBase - churnedEc) * 0.5,
    ec_released: file.pending ? 0 : ecBase - churnedEc,
  };
}

const COMMITS: CommitSpec[] = [
  { repo: 'web', sha: 'a1', mergedAt: '2025-02-18T10:00:00Z', aiClass: 'human', files: [{ path: 'src/app.tsx', stack: 'frontend', added: 120, moved: 30, comment: 10, deleted: 20 }] },
  { repo: 'web', sha: 'a2', mergedAt: '2025-02-25T08:00:00Z', aiClass: 'bot', files: [{ path: 'package.json', stack: 'frontend', added: 4, moved: 0, comment: 0, deleted: 4, bot: true }] },
  // 23:30 UTC on Sunday is already Monday in Berlin: this commit belongs to the week of 3 March.
  {
    repo: 'web',
    sha: 'a3',
    mergedAt: '2025-03-02T23:30:00Z',
    aiClass: 'ai_agent',
    files: [
      { path: 'src/view.tsx', stack: 'frontend', added: 200, moved: 50, comment: 5, deleted: 40, pending: true },
      { path: 'server/api.ts', stack: 'backend', added: 60, moved: 0, comment: 3, deleted: 10, pending: true },
    ],
  },
  { repo: 'api', sha: 'b1', mergedAt: '2025-03-04T12:00:00Z', aiClass: 'human', files: [{ path: 'lib/db.go', stack: 'backend', added: 80, moved: 20, comment: 6, deleted: 16, pending: true }] },
  // The current week: left out of every figure.
  { repo: 'api', sha: 'b2', mergedAt: '2025-03-11T12:00:00Z', aiClass: 'human', files: [{ path: 'lib/db.go', stack: 'backend', added: 999, moved: 0, comment: 0, deleted: 0, pending: true }] },
];

function rawLines(file: FileChange): number {
  return file.added + file.moved * 2 + file.comment + file.deleted;
}

async function seed(warehouse: Warehouse): Promise<void> {
  const { db } = warehouse;
  await refreshCalendar(db, { timezone: 'Europe/Berlin', weekStart: 'monday', fiscalYearStartMonth: 4 }, { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-30T00:00:00Z') });
  await db
    .insertInto('core.repos')
    .values([
      { repo_id: 'git:web', name: 'web', default_branch: 'main' },
      { repo_id: 'git:api', name: 'api', default_branch: 'main' },
    ])
    .execute();
  for (const commit of COMMITS) {
    const commitId = `git:${commit.repo}@${commit.sha}`;
    await db
      .insertInto('core.commits')
      .values({
        commit_id: commitId,
        repo_id: `git:${commit.repo}`,
        sha: commit.sha,
        merged_at: commit.mergedAt,
        committed_at: commit.mergedAt,
        ai_class: commit.aiClass,
        lines_added: commit.files.reduce((t, f) => t + f.added + f.moved + f.comment, 0),
        lines_deleted: commit.files.reduce((t, f) => t + f.deleted + f.moved, 0),
      })
      .execute();
    for (const file of commit.files) {
      await db
        .insertInto('core.effective_code')
        .values({
          commit_id: commitId,
          file_path: file.path,
          repo_id: `git:${commit.repo}`,
          merged_at: commit.mergedAt,
          stack: file.stack,
          author_class: commit.aiClass,
          lines_added: file.added + file.moved + file.comment,
          lines_deleted: file.deleted + file.moved,
          // A moved line is removed and re-added: both halves land in the moved bucket.
          moved_lines: file.moved * 2,
          comment_lines: file.comment,
          bot_lines: file.bot ? file.added + file.deleted : 0,
          added_lines: file.bot ? 0 : file.added,
          deleted_lines: file.bot ? 0 : file.deleted,
          durability: file.pending ? 'pending' : 'durable',
          ...weights(file),
        })
        .execute();
    }
  }
}

describe.each(backends)('loadDashboardData on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
    await seed(warehouse);
  });

  afterAll(async () => {
    await warehouse?.close();
  });

  it('reads the weeks, stacks, tiles and waterfall from the metric views', async () => {
    const data = await loadDashboardData(warehouse.db, { now: NOW, configHash: 'cfg', timeZone: 'Europe/Berlin' });

    expect(data.configHash).toBe('cfg');
    expect(data.repos).toEqual([
      { id: 'git:api', name: 'api' },
      { id: 'git:web', name: 'web' },
    ]);
    expect(data.period).toMatchObject({ lastCompleteWeek: '2025-03-03', historyStart: '2025-02-17', historyWeeks: 3, firstDataWeek: '2025-02-17' });
    expect(data.weeks.map((w) => w.weekStart)).toEqual(['2025-02-17', '2025-02-24', '2025-03-03']);

    const [a1, a2, a3, b1] = COMMITS;
    const lastWeek = data.weeks[2]!;
    const lastWeekFiles = [...a3!.files, ...b1!.files];
    expect(lastWeek.rawLines).toBe(lastWeekFiles.reduce((t, f) => t + rawLines(f), 0));
    expect(lastWeek.commits).toBe(2);
    expect(lastWeek.fiscalYear).toBe(2025);
    expect(lastWeek.ecMerged).toBeCloseTo(lastWeekFiles.reduce((t, f) => t + weights(f).ec_merged, 0), 6);
    expect(lastWeek.ecReleased).toBe(0);
    expect(lastWeek.ecPending).toBeCloseTo(lastWeekFiles.reduce((t, f) => t + weights(f).ec_base, 0), 6);
    expect(typeof lastWeek.files).toBe('number');

    expect(data.weeks[0]!.rawLines).toBe(rawLines(a1!.files[0]!));
    expect(data.weeks[1]).toMatchObject({ rawLines: 8, countedLines: 0, commits: 1 });

    const frontendLastWeek = data.stackWeeks.find((r) => r.stack === 'frontend' && r.weekStart === '2025-03-03')!;
    expect(frontendLastWeek.rawLines).toBe(rawLines(a3!.files[0]!));
    expect(data.stacks.map((s) => s.stack).sort()).toEqual(['backend', 'frontend']);

    const allFiles = [a1!, a2!, a3!, b1!].flatMap((c) => c.files);
    const released = allFiles.reduce((t, f) => t + weights(f).ec_released, 0);
    expect(data.waterfall[0]!.value).toBe(allFiles.reduce((t, f) => t + rawLines(f), 0));
    expect(data.waterfall.find((s) => s.step === 'moved')!.value).toBe(allFiles.reduce((t, f) => t + f.moved * 2, 0));
    expect(data.waterfall.find((s) => s.step === 'bot')!.value).toBe(8);
    expect(data.waterfall.at(-1)!.to).toBeCloseTo(released, 6);
    expect(data.tiles.find((t) => t.key === 'ec_released')!.window).toBeCloseTo(released, 6);
    expect(data.notes.some((n) => n.includes('buckets differ'))).toBe(false);

    expect(data.ai.map((r) => [r.aiClass, r.commits])).toEqual([
      ['human', 2],
      ['ai_agent', 1],
      ['bot', 1],
    ]);
    expect(data.ai.find((r) => r.aiClass === 'ai_agent')!.commitShare).toBeCloseTo(0.25, 12);
  });

  it('limits the figures to the repositories asked for', async () => {
    const data = await loadDashboardData(warehouse.db, { now: NOW, configHash: 'cfg', timeZone: 'Europe/Berlin', repoIds: ['git:api'] });
    expect(data.repos).toEqual([{ id: 'git:api', name: 'api' }]);
    expect(data.weeks.map((w) => w.weekStart)).toEqual(['2025-03-03']);
    expect(data.weeks[0]!.rawLines).toBe(rawLines(COMMITS[3]!.files[0]!));
    expect(data.ai.map((r) => [r.aiClass, r.commits])).toEqual([['human', 1]]);
  });

  it('shows nothing for an empty repository selection', async () => {
    const data = await loadDashboardData(warehouse.db, { now: NOW, configHash: 'cfg', repoIds: [] });
    expect(data.period).toBeNull();
    expect(data.weeks).toEqual([]);
  });
});

describe.each(backends)('loadDashboardData on an empty $name warehouse', ({ open }) => {
  it('returns the "no data yet" state', async () => {
    const warehouse = await open();
    try {
      const data = await loadDashboardData(warehouse.db, { now: NOW, configHash: 'cfg' });
      expect(data.period).toBeNull();
      expect(data.repos).toEqual([]);
      expect(data.notes[0]).toContain('No effective-code data yet');
    } finally {
      await warehouse.close();
    }
  });
});
