import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openRepository, resolveDefaultBranch } from '../../collectors/git/repository.js';
import { loadDashboardData } from '../../dashboard/data.js';
import { writeDashboard } from '../../dashboard/build.js';
import { configHash, loadConfig, resolveWarehouseUrl } from '../config/index.js';
import type { RepoConfig, ResolvedConfig } from '../config/types.js';
import { IdentityCollector, writeGitIdentities } from '../identities/git-identities.js';
import { resolvePeople } from '../identities/resolve-people.js';
import { refreshLinks } from '../links/refresh-links.js';
import type { Logger } from '../logging/logger.js';
import { refreshCalendar } from '../warehouse/calendar.js';
import type { Database } from '../warehouse/database.js';
import { openWarehouse, type Warehouse } from '../warehouse/open-warehouse.js';
import { analyseRepository, type RepositoryResult } from './analyse-repository.js';
import type { ProgressReporter } from './progress.js';
import type { ReplayMode } from './prepared-history.js';
import { withRunLock } from './run-lock.js';
import { collectSources, createSources, type SourceOutcome } from './sources.js';
import { TOOL_VERSION } from './tool-version.js';

/** Options of one `codeledger run`. */
export interface RunOptions {
  /** Repositories to analyse (paths or clone URLs); overrides the config's `repos`. */
  targets?: readonly string[];
  configFile?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A PostgreSQL URL; wins over the config and environment. */
  databaseUrl?: string;
  /** Directory of the embedded warehouse; wins over the config. */
  dataDir?: string;
  dashboard?: boolean;
  fullRefresh?: boolean;
  /** The clock: "now" for durability windows and run times. */
  now?: () => Date;
  logger: Logger;
  progress: ProgressReporter;
  /** An already-open warehouse (tests, embedding); it is left open afterwards. */
  warehouse?: Warehouse;
  /** Where replay and source analysis run (default: a worker thread; `CODELEDGER_REPLAY=inline` in the environment also selects inline). */
  replayMode?: ReplayMode;
}

/** What a run did, for the CLI, the bench harness and tests. */
export interface RunSummary {
  runId: string;
  status: 'succeeded' | 'partial' | 'failed';
  configHash: string;
  warehouse: string;
  repositories: RepositoryResult[];
  /** HTTP sources (GitHub, Jira) collected in this run. */
  sources: SourceOutcome[];
  failures: Array<{ target: string; error: string }>;
  commits: number;
  rows: number;
  dashboardPath: string | null;
  seconds: number;
}

/**
 * Collect every configured repository into the warehouse, compute effective code, and write the
 * dashboard. A failing repository is logged and recorded and does not stop the others.
 *
 * @example
 * const summary = await runPipeline({ cwd: process.cwd(), env: process.env, logger, progress });
 */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const clock = options.now ?? (() => new Date());
  const { config } = await loadConfig({ file: options.configFile, cwd: options.cwd, env: options.env });
  const hash = configHash(config);
  const warehouse = options.warehouse ?? (await openConfiguredWarehouse(config, options));
  // An embedded warehouse on disk is locked with a file next to it; one handed in by the caller
  // is the caller's to guard.
  const lockDir = !options.warehouse && warehouse.backend === 'pglite' ? (options.dataDir ?? config.warehouse.dataDir) : null;
  try {
    return await withRunLock(warehouse, { dataDir: lockDir }, () => runLocked(options, config, hash, warehouse, started, clock));
  } finally {
    if (!options.warehouse) await warehouse.close();
  }
}

/** The body of a run, with the warehouse's run lock held. */
async function runLocked(
  options: RunOptions,
  config: ResolvedConfig,
  hash: string,
  warehouse: Warehouse,
  started: number,
  clock: () => Date,
): Promise<RunSummary> {
  const { db } = warehouse;
  const runId = randomUUID();
  const now = clock();
  const summary: RunSummary = {
    runId,
    status: 'succeeded',
    configHash: hash,
    warehouse: warehouse.describe(),
    repositories: [],
    sources: [],
    failures: [],
    commits: 0,
    rows: 0,
    dashboardPath: null,
    seconds: 0,
  };
  try {
    await db
      .insertInto('core.runs')
      .values({
        run_id: runId,
        command: 'run',
        started_at: now,
        status: 'running',
        config_hash: hash,
        config: JSON.stringify(publicConfig(config)),
        tool_version: TOOL_VERSION,
      })
      .execute();
    options.logger.info('run started', { run: runId, warehouse: warehouse.describe(), configHash: hash.slice(0, 12) });
    const identities = new IdentityCollector();
    for (const repo of repositoriesToAnalyse(config, options)) {
      const label = repo.url ?? repo.path ?? repo.name;
      try {
        const opened = await openRepository(repo.url ?? repo.path!, { cacheDir: config.cacheDir, logger: options.logger });
        const branch = await resolveDefaultBranch(opened.path, repo.branch ?? undefined);
        const result = await analyseRepository(
          { name: repo.name, path: opened.path, url: opened.url, branch, config: repo },
          {
            db,
            config,
            runId,
            logger: options.logger,
            now,
            fullRefresh: options.fullRefresh ?? false,
            progress: options.progress,
            identities,
            replayMode: options.replayMode ?? (options.env.CODELEDGER_REPLAY === 'inline' ? 'inline' : 'worker'),
          },
        );
        summary.repositories.push(result);
        summary.commits += result.commitsAnalysed;
        summary.rows += result.rows;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.logger.error('repository failed; continuing with the others', { repo: label, error: message });
        summary.failures.push({ target: label, error: message });
      }
    }
    summary.sources = await collectSources(await createSources(config), {
      db,
      runId,
      logger: options.logger,
      env: options.env,
      now: clock,
      fullRefresh: options.fullRefresh ?? false,
      config,
    });
    for (const outcome of summary.sources) {
      if (outcome.status === 'failed') summary.failures.push({ target: outcome.sourceId, error: outcome.error ?? 'failed' });
      else summary.rows += outcome.extract?.rows ?? 0;
    }
    summary.rows += await writeGitIdentities(db, identities);
    summary.rows += await resolvePeople(db, config, { logger: options.logger, now });
    summary.rows += await refreshLinks(db, config, { logger: options.logger, force: options.fullRefresh });
    await refreshCalendarAround(db, config, now);
    if (summary.failures.length > 0) {
      const anySucceeded = summary.repositories.length > 0 || summary.sources.some((s) => s.status === 'succeeded');
      summary.status = anySucceeded ? 'partial' : 'failed';
    }
    if (options.dashboard !== false && config.dashboard.enabled) {
      const data = await loadDashboardData(db, { now, configHash: hash, timeZone: config.calendar.timezone });
      const { indexPath } = await writeDashboard({ outDir: config.dashboard.outDir, data });
      summary.dashboardPath = indexPath;
      options.logger.info('dashboard written', { path: indexPath });
    }
    summary.seconds = (Date.now() - started) / 1000;
    await finishRun(db, runId, summary, clock());
    return summary;
  } catch (error) {
    summary.status = 'failed';
    await finishRun(db, runId, summary, clock(), error).catch(() => undefined);
    throw error;
  }
}

/** Open the warehouse the options and config name: PostgreSQL when a URL is known, else embedded PGlite. */
export async function openConfiguredWarehouse(
  config: ResolvedConfig,
  options: { databaseUrl?: string; dataDir?: string; env: NodeJS.ProcessEnv; logger?: Logger },
): Promise<Warehouse> {
  const url = options.databaseUrl ?? resolveWarehouseUrl(config, options.env);
  if (url) return openWarehouse({ url, logger: options.logger });
  return openWarehouse({ dataDir: options.dataDir ?? config.warehouse.dataDir, logger: options.logger });
}

/** Repositories from the command line (paths or URLs), else from the config, else the working directory's. */
export function repositoriesToAnalyse(config: ResolvedConfig, options: Pick<RunOptions, 'targets' | 'cwd'>): RepoConfig[] {
  const targets = options.targets ?? [];
  if (targets.length === 0 && config.repos.length > 0) return [...config.repos];
  const list = targets.length > 0 ? targets : [options.cwd];
  const used = new Set<string>();
  return list.map((target) => {
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^[^/\s]+@[^:\s]+:/.test(target);
    let name = basename(target.replace(/\/+$/, '')).replace(/\.git$/, '') || 'repo';
    for (let n = 2; used.has(name); n++) name = `${name}-${n}`;
    used.add(name);
    return {
      name,
      path: isUrl ? null : target,
      url: isUrl ? target : null,
      branch: null,
      stack: null,
      team: null,
      releaseTagPattern: '*',
      kinds: [],
      stacks: [],
      exclude: [],
    };
  });
}

/** Keep the calendar table covering all analysed history and the coming weeks. */
async function refreshCalendarAround(db: Kysely<Database>, config: ResolvedConfig, now: Date): Promise<void> {
  const bounds = await sql<{ first: Date | null; last: Date | null }>`
    SELECT min(merged_at) AS first, max(merged_at) AS last FROM core.commits`.execute(db);
  const first = bounds.rows[0]?.first ? new Date(bounds.rows[0].first) : now;
  const last = bounds.rows[0]?.last ? new Date(bounds.rows[0].last) : now;
  const day = 86_400_000;
  await refreshCalendar(db, config.calendar, {
    from: new Date(Math.min(first.getTime(), now.getTime()) - 400 * day),
    to: new Date(Math.max(last.getTime(), now.getTime()) + 60 * day),
  });
}

async function finishRun(db: Kysely<Database>, runId: string, summary: RunSummary, at: Date, error?: unknown): Promise<void> {
  await db
    .updateTable('core.runs')
    .set({
      finished_at: at,
      status: summary.status,
      stats: JSON.stringify({
        commits: summary.commits,
        rows: summary.rows,
        seconds: summary.seconds,
        repositories: summary.repositories,
        sources: summary.sources,
        failures: summary.failures,
      }),
      error: error ? (error instanceof Error ? error.message : String(error)) : summary.failures.map((f) => `${f.target}: ${f.error}`).join('\n') || null,
    })
    .where('run_id', '=', runId)
    .execute();
}

/** The config as stored with a run: weights and rules, never URLs that could hold credentials. */
function publicConfig(config: ResolvedConfig): object {
  return {
    weights: config.weights,
    thresholds: config.thresholds,
    calendar: config.calendar,
    privacy: config.privacy,
    repos: config.repos.map((r) => ({ name: r.name, branch: r.branch, stack: r.stack, team: r.team, releaseTagPattern: r.releaseTagPattern, kinds: r.kinds, stacks: r.stacks, exclude: r.exclude })),
  };
}

/** Write the run's figures as JSON for the benchmark harness. */
export async function writeStatsJson(path: string, summary: RunSummary): Promise<void> {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await writeFile(path, JSON.stringify({ commits: summary.commits, rows: summary.rows, peakRssMb, seconds: summary.seconds }, null, 2));
}
