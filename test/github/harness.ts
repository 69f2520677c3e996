/**
 * Running a GitHub source against a test warehouse the way `codeledger run` does (register,
 * collect, extract through `collectSources`), with a fixed clock, a recording logger and waits
 * shrunk to milliseconds.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { GithubSource, type GithubSourceOptions } from '../../collectors/github/index.js';
import type { SourceContext } from '../../collectors/source.js';
import { resolveGithubSource, type GithubSourceInput } from '../../pipeline/config/github-config.js';
import { defaultConfig } from '../../pipeline/config/index.js';
import type { ResolvedConfig } from '../../pipeline/config/types.js';
import type { Logger } from '../../pipeline/logging/logger.js';
import { collectSources, type SourceOutcome } from '../../pipeline/run/sources.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { TOKEN } from './scenario.js';

/** The scenario's source entry (organisation `acme`, pages of 5) pointing at the fake server. */
export function sourceInput(baseUrl: string, overrides: Partial<GithubSourceInput> = {}): GithubSourceInput {
  return { name: 'acme', baseUrl, org: 'acme', pageSize: 5, ...overrides } as GithubSourceInput;
}

/** Client settings for tests: every "second" of waiting lasts a millisecond, GraphQL unspaced. */
export const FAST_CLIENT: NonNullable<GithubSourceOptions['client']> = { secondMs: 1, graphqlSpacingMs: 0, timeoutMs: 5_000 };

export function githubSource(baseUrl: string, overrides: Partial<GithubSourceInput> = {}, options: GithubSourceOptions = {}, index = 0): GithubSource {
  return new GithubSource(resolveGithubSource(sourceInput(baseUrl, overrides)), index, { ...options, client: { ...FAST_CLIENT, ...options.client } });
}

/** A logger that keeps every line. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const SCENARIO_NOW = new Date('2024-03-10T00:00:00Z');

export function sourceContext(
  warehouse: Warehouse,
  options: { env?: NodeJS.ProcessEnv; fullRefresh?: boolean; logger?: Logger; config?: ResolvedConfig; now?: Date } = {},
): SourceContext {
  const now = options.now ?? SCENARIO_NOW;
  return {
    db: warehouse.db,
    runId: randomUUID(),
    logger: options.logger ?? recordingLogger(),
    env: options.env ?? { GITHUB_TOKEN: TOKEN },
    now: () => now,
    fullRefresh: options.fullRefresh ?? false,
    config: options.config ?? defaultConfig({ baseDir: '/tmp' }),
  };
}

/** Collect and extract sources as a run does; returns each source's outcome. */
export function runSources(warehouse: Warehouse, sources: GithubSource[], options: Parameters<typeof sourceContext>[1] = {}): Promise<SourceOutcome[]> {
  return collectSources(sources, sourceContext(warehouse, options));
}

/** Every core row a GitHub source writes, ordered, without raw page ids (which differ between runs). */
export async function coreSnapshot(warehouse: Warehouse): Promise<Record<string, unknown[]>> {
  const tables: Array<[string, string]> = [
    ['core.pull_requests', 'pr_id'],
    ['core.pr_reviews', 'review_id'],
    ['core.pr_commits', 'pr_id, sha'],
    ['core.tickets', 'ticket_id'],
    ['core.deployments', 'deployment_id'],
    ['core.identities', 'identity_id'],
  ];
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, order] of tables) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.raw(table)} ORDER BY ${sql.raw(order)}`.execute(warehouse.db);
    snapshot[table] = rows.rows.map(({ raw_page_id: _raw, ...rest }) => rest);
  }
  return snapshot;
}

/** Start a fresh warehouse state for the next scenario: drop every row a source run writes. */
export async function truncateSourceTables(warehouse: Warehouse): Promise<void> {
  await sql`TRUNCATE raw.api_pages, core.sync_state, core.sources, core.pull_requests, core.pr_reviews, core.pr_commits,
            core.tickets, core.deployments, core.identities`.execute(warehouse.db);
}
