import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { silentLogger } from '../../pipeline/logging/logger.js';
import { silentProgress } from '../../pipeline/run/progress.js';
import { runPipeline, type RunSummary } from '../../pipeline/run/run-pipeline.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { BUCKETS } from '../../pipeline/effective-code/buckets.js';

/** Sums of one commit's effective-code rows, keyed like the table's columns. */
export type CommitTotals = Record<string, number>;

/**
 * Analyse repositories into an open warehouse the way `codeledger run` does (no dashboard), with
 * an optional YAML config and a fixed clock.
 */
export async function analyse(
  warehouse: Warehouse,
  targets: string[],
  options: { now?: Date; configYaml?: string; fullRefresh?: boolean; replayMode?: 'worker' | 'inline' } = {},
): Promise<RunSummary> {
  const dir = await mkdtemp(join(tmpdir(), 'codeledger-analyse-'));
  try {
    let configFile: string | undefined;
    if (options.configYaml) {
      configFile = join(dir, 'codeledger.yaml');
      await writeFile(configFile, options.configYaml);
    }
    const now = options.now ?? new Date('2030-01-01T00:00:00Z');
    return await runPipeline({
      targets,
      configFile,
      cwd: dir,
      env: {},
      dashboard: false,
      fullRefresh: options.fullRefresh,
      now: () => now,
      logger: silentLogger,
      progress: silentProgress,
      warehouse,
      replayMode: options.replayMode,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The summed effective-code columns of one commit (by sha). */
export async function commitTotals(warehouse: Warehouse, sha: string): Promise<CommitTotals> {
  const columns = [
    'lines_added',
    'lines_deleted',
    ...BUCKETS.map((b) => `${b}_lines`),
    'bulk_damped_lines',
    'op_weighted',
    'worktype_weighted',
    'bulk_weighted',
    'ec_base',
    'churned_lines',
    'churned_ec',
    'ec_merged',
    'ec_durable',
    'ec_released',
  ];
  const result = await sql<Record<string, number>>`
    SELECT ${sql.join(columns.map((c) => sql`coalesce(sum(${sql.ref(`e.${c}`)}), 0)::float8 AS ${sql.ref(c)}`))}
      FROM core.effective_code e JOIN core.commits c ON c.commit_id = e.commit_id
     WHERE c.sha = ${sha}`.execute(warehouse.db);
  return result.rows[0]!;
}

/** One commit's row from core.commits. */
export async function commitRow(warehouse: Warehouse, sha: string): Promise<Record<string, unknown>> {
  const result = await sql<Record<string, unknown>>`SELECT * FROM core.commits WHERE sha = ${sha}`.execute(warehouse.db);
  if (!result.rows[0]) throw new Error(`commit ${sha} is not in the warehouse`);
  return result.rows[0];
}

/** Rows of core.effective_code for one commit, by file path. */
export async function fileRows(warehouse: Warehouse, sha: string): Promise<Map<string, Record<string, unknown>>> {
  const result = await sql<Record<string, unknown>>`
    SELECT e.* FROM core.effective_code e JOIN core.commits c ON c.commit_id = e.commit_id WHERE c.sha = ${sha}`.execute(warehouse.db);
  return new Map(result.rows.map((r) => [String(r.file_path), r]));
}
