import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CapturedCli } from '../helpers/cli.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const cli = (cwd: string, ...args: string[]): Promise<CapturedCli> => runCli(args, { cwd });

describe('the codeledger command line', () => {
  let repo: TestRepo;
  let work: string;
  let feature: string;
  let dataDir: string;

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.write('src/orders.ts', 'export function total(order: Order): number {\n  return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n}\n');
    await repo.commit('feat: order totals');
    await repo.write('src/orders.ts', 'export function total(order: Order): number {\n  // prices include tax\n  return order.items.reduce((sum, item) => sum + item.netPrice * item.quantity, 0);\n}\n');
    feature = await repo.commit('fix: use net prices');
    work = await mkdtemp(join(tmpdir(), 'codeledger-cli-'));
    dataDir = join(work, 'warehouse');
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  it('runs the analysis and writes the dashboard', async () => {
    const result = await cli(work, 'run', repo.path, '--data-dir', dataDir);
    expect(result.stderr).not.toContain('"level":50');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('codeledger succeeded: 2 new commits in 1 repositories');
    expect(existsSync(join(work, 'codeledger-dashboard', 'index.html'))).toBe(true);
  });

  it('answers read-only SQL as a table and as CSV, and refuses writes', async () => {
    const table = await cli(work, 'sql', 'select count(*) as commits from core.commits', '--data-dir', dataDir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/commits\s*\n-+\s*\n\s*2\s*\n/);
    const csv = await cli(work, 'sql', 'select sha, work_type from core.commits order by fp_index', '--csv', '--data-dir', dataDir);
    expect(csv.stdout.split('\n')[0]).toBe('sha,work_type');
    expect(csv.stdout).toContain(`${feature},fix`);
    const write = await cli(work, 'sql', 'delete from core.commits', '--data-dir', dataDir);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/read only/);
  });

  it('explains a commit line by line and matches the stored totals', async () => {
    const result = await cli(work, 'explain', feature.slice(0, 10), '--repo', repo.path.split('/').pop()!, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`commit ${feature}`);
    expect(result.stdout).toMatch(/\+\s+2\s+comment\s+comment/);
    expect(result.stdout).toMatch(/\+\s+3\s+updated/);
    expect(result.stdout).toMatch(/-\s+2\s+update_pair/);
    expect(result.stdout).toContain('totals per file');
    expect(result.stdout).toContain('warehouse: durable');
    expect(result.stdout).not.toContain('DIFFERS');
  });

  it('reports every configuration problem with its path', async () => {
    const file = join(work, 'bad.yaml');
    await writeFile(file, 'weights:\n  opz: {}\n  ops: { add: -1 }\ncalendar:\n  timezone: Mars/Olympus\n');
    const result = await cli(work, 'config', 'check', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('weights.opz');
    expect(result.stderr).toContain('weights.ops.add');
    expect(result.stderr).toContain('calendar.timezone');
  });

  it('keeps going when one repository fails, and says which', async () => {
    const missing = join(work, 'no-such-repository');
    const result = await cli(work, 'run', missing, repo.path, '--data-dir', dataDir, '--no-dashboard');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`failed: ${missing}`);
    expect(result.stdout).toContain('codeledger partial');
  });

  it('prints help', async () => {
    const result = await cli(work, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('explain');
  });
});
