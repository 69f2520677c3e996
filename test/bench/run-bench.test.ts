import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/bench-args.js';
import { benchDatabaseExists, benchDatabaseName, dropBenchDatabase } from '../../bench/bench-database.js';
import { codeledgerArgs, codeledgerEnv } from '../../bench/codeledger-run.js';
import { countPatchBytes } from '../../bench/git-patch-read.js';
import { BENCH_CLI_ENV, cliPathFrom, projectRoot, runBench, syntheticRepoDir } from '../../bench/run-bench.js';
import { createTestRepo, makeTempDir, type TestRepo } from '../helpers/git-repo.js';

const FAKE_CLI = resolve(import.meta.dirname, 'fake-codeledger.mjs');
const SERVER_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const withPostgres = !process.env.CODELEDGER_TEST_BACKENDS || process.env.CODELEDGER_TEST_BACKENDS.includes('postgres');

interface FakeCall {
  args: string[];
  cwd: string;
  databaseUrl: string | null;
  database: string | null;
}

describe('harness helpers', () => {
  it('finds the project root and the CLI, unless a stand-in is named', () => {
    expect(existsSync(join(projectRoot(), 'package.json'))).toBe(true);
    expect(cliPathFrom({})).toBe(join(projectRoot(), 'bin', 'codeledger.js'));
    expect(cliPathFrom({ [BENCH_CLI_ENV]: FAKE_CLI })).toBe(FAKE_CLI);
  });

  it('keeps the default synthetic repository in one place and other sizes apart', () => {
    expect(syntheticRepoDir({ commits: 12_000, patchMb: 450, seed: 1 })).toBe(join(tmpdir(), 'codeledger-bench-repo'));
    expect(syntheticRepoDir({ commits: 2000, patchMb: 75, seed: 1 })).toBe(join(tmpdir(), 'codeledger-bench-repo-2000c-75mb-s1'));
  });

  it('starts the CLI with run, --no-dashboard and --stats-json, and --data-dir for PGlite only', () => {
    const base = { cliPath: '/x/cli.js', repo: '/r', statsFile: '/t/s.json', dataDir: '/d' };
    expect(codeledgerArgs({ ...base, backend: 'pglite' })).toEqual(['/x/cli.js', 'run', '/r', '--no-dashboard', '--stats-json', '/t/s.json', '--data-dir', '/d']);
    expect(codeledgerArgs({ ...base, backend: 'postgres' })).toEqual(['/x/cli.js', 'run', '/r', '--no-dashboard', '--stats-json', '/t/s.json']);
  });

  it('sets DATABASE_URL for PostgreSQL and removes an inherited one for PGlite', () => {
    const env = { DATABASE_URL: 'postgres://elsewhere/db', PATH: '/bin' };
    expect(codeledgerEnv({ backend: 'postgres', databaseUrl: 'postgres://h/bench', env })).toEqual({ DATABASE_URL: 'postgres://h/bench', PATH: '/bin' });
    expect(codeledgerEnv({ backend: 'pglite', databaseUrl: null, env })).toEqual({ PATH: '/bin' });
  });
});

describe('runBench with a stand-in CLI', () => {
  let repo: TestRepo;
  let logDir: string;
  let logCount = 0;

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.write('src/a.ts', 'export const a = 1;\n');
    await repo.commit('feat: add a');
    await repo.write('src/a.ts', 'export const a = 2;\nexport const b = 3;\n');
    await repo.commit('fix: change a');
    await repo.rename('src/a.ts', 'src/b.ts');
    await repo.commit('refactor: rename a');
    logDir = await makeTempDir('codeledger-bench-log-');
  });

  afterAll(async () => {
    await repo.cleanup();
    await rm(logDir, { recursive: true, force: true });
  });

  async function bench(args: string[], extraEnv: Record<string, string> = {}) {
    const log = join(logDir, `calls-${logCount++}.jsonl`);
    const lines: string[] = [];
    const report = await runBench(parseBenchArgs([repo.path, ...args]), {
      cliPath: FAKE_CLI,
      env: { ...process.env, FAKE_CLI_LOG: log, ...extraEnv },
      log: (line) => lines.push(line),
    });
    const calls = existsSync(log) ? (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as FakeCall) : [];
    return { report, calls, lines };
  }

  it('measures the floor on the repository and runs PGlite twice in a fresh data directory', async () => {
    const { report, calls } = await bench(['--backends', 'pglite'], { DATABASE_URL: 'postgres://must-not-be-used/x' });
    expect(report.repo).toBe(repo.path);
    expect(report.branch).toBe('main');
    expect(report.commits).toBe(3);
    expect(report.patchBytes).toBe(await countPatchBytes(repo.path, 'main'));
    expect(report.floorCommand).toBe('git log --first-parent -p -M --unified=0 main');
    expect(report.floorSeconds).toBeGreaterThan(0);
    expect(report.synthetic).toBeNull();

    const [pglite] = report.backends;
    expect(pglite).toMatchObject({ backend: 'pglite', rows: 42, commits: 3, peakRssMb: 77.5, error: null, kept: null });
    expect(pglite!.codeledgerSeconds).toBeGreaterThan(0);
    expect(pglite!.secondRunSeconds).toBeGreaterThan(0);

    expect(calls).toHaveLength(2);
    const dataDir = calls[0]!.args[calls[0]!.args.indexOf('--data-dir') + 1]!;
    expect(calls[0]!.args.slice(0, 3)).toEqual(['run', repo.path, '--no-dashboard']);
    expect(calls[1]!.args).toContain(dataDir);
    expect(calls.every((call) => call.databaseUrl === null)).toBe(true);
    expect(calls[0]!.cwd).not.toBe(repo.path);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(calls[0]!.cwd)).toBe(false);
  });

  it('reports a failing run as an error without figures', async () => {
    const { report } = await bench(['--backends', 'pglite'], { FAKE_CLI_FAIL: '1' });
    const [pglite] = report.backends;
    expect(pglite!.error).toMatch(/exited with 3: .*boom, the warehouse is unreachable/);
    expect(pglite!.codeledgerSeconds).toBeNull();
    expect(pglite!.secondRunSeconds).toBeNull();
  });

  describe.runIf(withPostgres)('on PostgreSQL', () => {
    it('runs against a fresh codeledger_bench_<pid> database and drops it afterwards', async () => {
      const { report, calls } = await bench(['--backends', 'postgres', '--database-url', SERVER_URL]);
      expect(report.backends[0]).toMatchObject({ backend: 'postgres', rows: 42, error: null });
      expect(calls.map((call) => call.database)).toEqual([benchDatabaseName(), benchDatabaseName()]);
      expect(await benchDatabaseExists(SERVER_URL, benchDatabaseName())).toBe(false);
    });

    it('keeps the database with --keep and names it', async () => {
      const { report } = await bench(['--backends', 'postgres', '--database-url', SERVER_URL, '--keep']);
      try {
        expect(report.backends[0]!.kept).toContain(`/${benchDatabaseName()}`);
        expect(await benchDatabaseExists(SERVER_URL, benchDatabaseName())).toBe(true);
      } finally {
        await dropBenchDatabase(SERVER_URL, benchDatabaseName());
      }
    });
  });
});
