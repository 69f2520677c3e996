/**
 * `npm run bench [repo]`: in one run, times git's own patch read of a repository's
 * first-parent history (the floor) and the full codeledger analysis into a fresh warehouse,
 * for PostgreSQL and for PGlite, plus a second run with no new commits, and prints the
 * figures. Without a repository it first generates (or reuses) the synthetic one.
 */

import cliProgress from 'cli-progress';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchUsageError, DEFAULT_SYNTHETIC_SIZE, benchCommand, parseBenchArgs, type BenchBackend, type BenchOptions } from './bench-args.js';
import { benchDatabaseName, createBenchDatabase, dropBenchDatabase } from './bench-database.js';
import { DEFAULT_BENCH_TARGETS, formatBenchReport, type BackendFigures, type BenchReport } from './bench-report.js';
import { runCodeledger, type CodeledgerRunResult } from './codeledger-run.js';
import { HISTORY_READ_CONFIG } from '../collectors/git/history-format.js';
import { countFirstParentCommits, countPatchBytes, defaultBranch, patchReadCommand, timePatchRead, type PatchReadTiming } from './git-patch-read.js';
import { generateSyntheticRepo, type SyntheticRepoProgress } from './synthetic-repo.js';

/** Environment variable naming a stand-in CLI script (tests, or benchmarking another build). */
export const BENCH_CLI_ENV = 'CODELEDGER_BENCH_CLI';

/** What the harness needs from its surroundings. */
export interface BenchEnvironment {
  /** JavaScript entry of the CLI to benchmark. */
  cliPath: string;
  env: NodeJS.ProcessEnv;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  /** Where to report generation progress; a bar is drawn when it is a terminal. */
  progressStream?: NodeJS.WriteStream;
}

/** The project root: the nearest directory above this file holding codeledger's package.json. */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'codeledger') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the codeledger package root');
    dir = parent;
  }
}

/** The CLI to run: `$CODELEDGER_BENCH_CLI` when set, else the project's bin/codeledger.js. */
export function cliPathFrom(env: NodeJS.ProcessEnv): string {
  const override = env[BENCH_CLI_ENV];
  return override ? resolve(override) : join(projectRoot(), 'bin', 'codeledger.js');
}

/**
 * Where the synthetic repository lives: a fixed directory under the temp dir for the default
 * size (reused across runs), a size-specific one otherwise.
 */
export function syntheticRepoDir(options: Pick<BenchOptions, 'commits' | 'patchMb' | 'seed'>): string {
  const isDefault = options.commits === DEFAULT_SYNTHETIC_SIZE.commits && options.patchMb === DEFAULT_SYNTHETIC_SIZE.patchMb && options.seed === DEFAULT_SYNTHETIC_SIZE.seed;
  return join(tmpdir(), isDefault ? 'codeledger-bench-repo' : `codeledger-bench-repo-${options.commits}c-${options.patchMb}mb-s${options.seed}`);
}

function progressReporter(environment: BenchEnvironment): { update: (progress: SyntheticRepoProgress) => void; stop: () => void } {
  const stream = environment.progressStream;
  if (stream?.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'generating {bar} {value}/{total} commits | ~{mb} MB of patch | {phase}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (progress) => {
        if (!started) bar.start(progress.commitsTotal, 0, { mb: 0, phase: progress.phase });
        started = true;
        bar.update(progress.commitsWritten, { mb: progress.estimatedPatchMb.toFixed(0), phase: progress.phase });
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastLogged = -1;
  return {
    update: (progress) => {
      if (progress.phase === 'generate' && progress.commitsWritten - lastLogged < 2000) return;
      lastLogged = progress.commitsWritten;
      environment.log(`synthetic repository: ${progress.phase} ${progress.commitsWritten}/${progress.commitsTotal} commits, ~${progress.estimatedPatchMb.toFixed(0)} MB of patch`);
    },
    stop: () => {},
  };
}

async function resolveRepository(options: BenchOptions, environment: BenchEnvironment): Promise<{ repo: string; synthetic: BenchReport['synthetic'] }> {
  if (options.repo) return { repo: resolve(options.repo), synthetic: null };
  const dir = syntheticRepoDir(options);
  environment.log(`synthetic repository: ${dir} (${options.commits} commits, ~${options.patchMb} MB of patch, seed ${options.seed})`);
  const progress = progressReporter(environment);
  try {
    const generated = await generateSyntheticRepo({ dir, commits: options.commits, targetPatchMb: options.patchMb, seed: options.seed, onProgress: progress.update });
    progress.stop();
    environment.log(`synthetic repository: ${generated.reused ? 'reused' : `generated in ${generated.generationSeconds} s`}, ${generated.commits} commits, ${(generated.patchBytes / 1e6).toFixed(1)} MB of patch`);
    return { repo: generated.path, synthetic: { generationSeconds: generated.generationSeconds, reused: generated.reused, totalCommits: generated.commits } };
  } catch (error) {
    progress.stop();
    throw error;
  }
}

/** The faster of two floor runs (the first count already warmed the cache for both). */
async function measureFloor(repo: string, branch: string): Promise<PatchReadTiming> {
  const first = await timePatchRead(repo, branch);
  const second = await timePatchRead(repo, branch);
  return first.seconds <= second.seconds ? first : second;
}

async function measureBackend(backend: BenchBackend, repo: string, options: BenchOptions, environment: BenchEnvironment): Promise<BackendFigures> {
  const figures: BackendFigures = {
    backend,
    codeledgerSeconds: null,
    codeledgerCpuSeconds: null,
    peakRssMb: null,
    rows: null,
    commits: null,
    secondRunSeconds: null,
    targets: DEFAULT_BENCH_TARGETS[backend],
    kept: null,
    error: null,
  };
  const workDir = await mkdtemp(join(tmpdir(), 'codeledger-bench-run-'));
  const databaseName = benchDatabaseName();
  let databaseUrl: string | null = null;
  let dataDir: string | null = null;
  try {
    if (backend === 'postgres') databaseUrl = await createBenchDatabase(options.databaseUrl, databaseName);
    else dataDir = await mkdtemp(join(tmpdir(), 'codeledger-bench-pglite-'));
    const run = (statsName: string): Promise<CodeledgerRunResult> =>
      runCodeledger({ cliPath: environment.cliPath, repo, backend, databaseUrl, dataDir, workDir, statsFile: join(workDir, statsName), env: environment.env });
    environment.log(`${backend}: full analysis…`);
    const first = await run('first-run.json');
    figures.codeledgerSeconds = first.seconds;
    figures.codeledgerCpuSeconds = first.cpuSeconds;
    figures.peakRssMb = first.peakRssMb;
    figures.rows = first.stats.rows;
    figures.commits = first.stats.commits;
    environment.log(`${backend}: second run (no new commits)…`);
    figures.secondRunSeconds = (await run('second-run.json')).seconds;
  } catch (error) {
    figures.error = error instanceof Error ? error.message : String(error);
  } finally {
    await rm(workDir, { recursive: true, force: true });
    if (options.keep) figures.kept = databaseUrl ?? dataDir;
    else {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropBenchDatabase(options.databaseUrl, databaseName).catch(() => undefined);
    }
  }
  return figures;
}

/**
 * Runs the whole benchmark and returns its figures.
 *
 * @example
 * const report = await runBench(parseBenchArgs(['--backends', 'pglite']), { cliPath, env: process.env, log: console.error });
 */
export async function runBench(options: BenchOptions, environment: BenchEnvironment): Promise<BenchReport> {
  const { repo, synthetic } = await resolveRepository(options, environment);
  const branch = await defaultBranch(repo);
  const commits = await countFirstParentCommits(repo, branch);
  environment.log(`floor: ${patchReadCommand(branch)}…`);
  // Counting the bytes once also warms the page cache for both timed runs.
  const patchBytes = await countPatchBytes(repo, branch);
  const floor = await measureFloor(repo, branch);
  // For reference: the same read with the settings codeledger's own history walk gives git.
  environment.log(`floor with codeledger's git settings: ${patchReadCommand(branch, HISTORY_READ_CONFIG)}…`);
  const tunedFloor = await timePatchRead(repo, branch, HISTORY_READ_CONFIG);
  const backends: BackendFigures[] = [];
  for (const backend of options.backends) backends.push(await measureBackend(backend, repo, options, environment));
  return {
    repo,
    branch,
    floorCommand: patchReadCommand(branch),
    commits,
    patchBytes,
    floorSeconds: floor.seconds,
    floorCpuSeconds: floor.cpuSeconds,
    floorWithReadConfigSeconds: tunedFloor.seconds,
    synthetic,
    backends,
  };
}

/**
 * The `npm run bench` entry: parses `argv`, runs, prints the report on stdout; returns the
 * exit code (2: wrong arguments, 1: a backend failed, 0 otherwise; figures over target are
 * reported, not failed).
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const args = argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(benchCommand().helpInformation());
    return 0;
  }
  let options: BenchOptions;
  try {
    options = parseBenchArgs(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  const report = await runBench(options, {
    cliPath: cliPathFrom(process.env),
    env: process.env,
    log: (line) => process.stderr.write(`${line}\n`),
    progressStream: process.stderr,
  });
  process.stdout.write(formatBenchReport(report, options.json));
  return report.backends.some((figures) => figures.error) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
