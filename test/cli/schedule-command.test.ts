import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CapturedCli } from '../helpers/cli.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const cli = (cwd: string, args: string[], signal?: AbortSignal): Promise<CapturedCli> => runCli(args, { cwd, signal });

describe('codeledger schedule and the run lock', () => {
  let repo: TestRepo;
  let work: string;
  let dataDir: string;

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.write('src/app.ts', 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
    await repo.commit('feat: greet');
    work = await mkdtemp(join(tmpdir(), 'codeledger-schedule-'));
    dataDir = join(work, 'warehouse');
    await writeFile(join(work, 'codeledger.yaml'), `repos:\n  - path: ${JSON.stringify(repo.path)}\n    name: app\nschedule:\n  cron: '0 3 * * *'\n`);
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  it('runs right away with --run-now, then stops cleanly when asked', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    const result = await cli(work, ['schedule', '--run-now', '--no-dashboard', '--data-dir', dataDir], stop.signal);
    expect(result.stderr).not.toContain('"level":50');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('codeledger schedule stopped: 1 runs, 0 failed, 0 skipped');
    const commits = await cli(work, ['sql', 'select count(*) as n from core.commits', '--csv', '--data-dir', dataDir]);
    expect(commits.stdout.trim().split('\n')).toEqual(['n', '1']);
  });

  it('refuses to run while another process holds the embedded warehouse, and a schedule skips that tick', async () => {
    // This test process is alive, so its pid in the lock file is a live holder.
    await writeFile(`${dataDir}.lock`, `${process.pid}\n2026-11-01T00:00:00.000Z\n`);
    try {
      const run = await cli(work, ['run', '--no-dashboard', '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('another codeledger run is using this warehouse');
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 50);
      const scheduled = await cli(work, ['schedule', '--run-now', '--no-dashboard', '--data-dir', dataDir], stop.signal);
      expect(scheduled.code).toBe(0);
      expect(scheduled.stdout).toContain('0 runs, 0 failed, 1 skipped');
    } finally {
      await rm(`${dataDir}.lock`, { force: true });
    }
  });

  it('rejects an invalid --cron expression', async () => {
    const result = await cli(work, ['schedule', '--cron', '61 * * * *', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid cron expression "61 * * * *"');
  });
});
