import type { Kysely } from 'kysely';
import { createJiraSource, type JiraSourceOptions } from '../../collectors/jira/index.js';
import type { Source, SourceContext } from '../../collectors/source.js';
import { defaultConfig } from '../../pipeline/config/index.js';
import { jiraSourceSchema, resolveJiraSource, type JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { Logger } from '../../pipeline/logging/logger.js';
import type { Database } from '../../pipeline/warehouse/database.js';
import { registerSource } from '../../pipeline/warehouse/raw-pages.js';
import { DATASET_CONFIG, issues, statusList } from './dataset.js';
import { FakeJira, type FakeDeployment } from './fake-jira.js';

/** Credentials of the fake sites; tests check that none of them is ever stored. */
export const CREDENTIALS = Object.freeze({
  email: 'collector@example.com',
  apiToken: 'cloud-api-token-3f9c1e5d2b7a',
  pat: 'dc-personal-access-token-77ab90cd',
});

export const ENV: NodeJS.ProcessEnv = Object.freeze({
  JIRA_EMAIL: CREDENTIALS.email,
  JIRA_API_TOKEN: CREDENTIALS.apiToken,
  JIRA_PAT: CREDENTIALS.pat,
});

/** A fake site of the given deployment serving the dataset, started. */
export async function startFakeJira(
  deployment: FakeDeployment,
  options: { timeZone?: string | null; embeddedChangelogLimit?: number | null; bulkChangelogPageSize?: number } = {},
): Promise<FakeJira> {
  const fake = new FakeJira({
    deployment,
    timeZone: options.timeZone === undefined ? 'Europe/Berlin' : options.timeZone,
    credential: deployment === 'cloud' ? { email: CREDENTIALS.email, apiToken: CREDENTIALS.apiToken } : { token: CREDENTIALS.pat },
    statuses: statusList(),
    issues: issues(),
    embeddedChangelogLimit: options.embeddedChangelogLimit === undefined ? 2 : options.embeddedChangelogLimit,
    bulkChangelogPageSize: options.bulkChangelogPageSize ?? 2,
  });
  await fake.start();
  return fake;
}

/** A resolved source config, validated by the real schema. */
export function jiraConfig(input: Record<string, unknown>): JiraSourceConfig {
  return resolveJiraSource(jiraSourceSchema().parse(input));
}

/** The dataset's config for a fake site (Cloud credential or Data Center token by deployment). */
export function datasetConfig(fake: FakeJira, extra: Record<string, unknown> = {}): JiraSourceConfig {
  const credential = fake.options.deployment === 'cloud' ? { emailEnv: 'JIRA_EMAIL', apiTokenEnv: 'JIRA_API_TOKEN' } : { tokenEnv: 'JIRA_PAT' };
  return jiraConfig({ name: fake.options.deployment === 'cloud' ? 'acme' : 'intranet', url: fake.url, ...credential, ...DATASET_CONFIG, ...extra });
}

/** A source with instant, recorded retry waits. */
export function testSource(config: JiraSourceConfig, options: JiraSourceOptions & { waits?: number[] } = {}): Source {
  const waits = options.waits ?? [];
  return createJiraSource(config, {
    ...options,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
    retry: { maxAttempts: 3, ...options.retry },
  });
}

/** A logger keeping every line (to check what reaches the log). */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  };
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A source context on `db` at a fixed time. */
export function contextFor(
  db: Kysely<Database>,
  options: { now?: Date; fullRefresh?: boolean; env?: NodeJS.ProcessEnv; logger?: Logger; runId?: string } = {},
): SourceContext {
  const now = options.now ?? new Date('2024-03-05T12:00:00.000Z');
  return {
    db,
    runId: options.runId ?? 'run-1',
    logger: options.logger ?? capturingLogger(),
    env: options.env ?? ENV,
    now: () => now,
    fullRefresh: options.fullRefresh ?? false,
    config: defaultConfig({ baseDir: process.cwd() }),
  };
}

/** Register, collect and extract, as a run does. */
export async function runSource(source: Source, context: SourceContext) {
  await registerSource(context.db, source);
  const collect = await source.collect(context);
  const extract = await source.extract(context);
  return { collect, extract };
}

/**
 * Every core table the source writes, as sorted plain rows without raw page ids, plus its
 * cursors (without their write times and without the extraction cursor, a raw page id).
 */
export async function warehouseSnapshot(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const strip = <T extends Record<string, unknown>>(rows: T[], drop: string[]) =>
    rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !drop.includes(key)))).map((row) => JSON.parse(JSON.stringify(row)) as unknown);
  const tickets = await db.selectFrom('core.tickets').selectAll().orderBy('ticket_id').execute();
  const transitions = await db.selectFrom('core.ticket_transitions').selectAll().orderBy('transition_id').execute();
  const identities = await db.selectFrom('core.identities').selectAll().orderBy('identity_id').execute();
  const sources = await db.selectFrom('core.sources').select(['source_id', 'kind', 'name', 'config']).orderBy('source_id').execute();
  const cursors = await db.selectFrom('core.sync_state').selectAll().where('stream', '!=', 'extract').orderBy('source_id').orderBy('stream').execute();
  return {
    tickets: strip(tickets, ['raw_page_id']),
    transitions: strip(transitions, ['raw_page_id']),
    identities: strip(identities, []),
    sources: strip(sources, []),
    cursors: strip(cursors, ['updated_at']),
  };
}

/** Delete everything a source run writes (to reuse one warehouse between scenarios). */
export async function emptyWarehouse(db: Kysely<Database>): Promise<void> {
  for (const table of ['raw.api_pages', 'core.sync_state', 'core.sources', 'core.tickets', 'core.ticket_transitions', 'core.identities'] as const) {
    await db.deleteFrom(table).execute();
  }
}

/** Thrown by {@link stopAfter}: the run "dies" there. */
export class SimulatedKill extends Error {
  constructor(readonly request: number) {
    super(`simulated kill after request ${request}`);
  }
}

/**
 * A `wrapHttp` that lets `requests` requests through and makes the next one reach the server
 * but die before its answer is used, as a process killed mid-page would.
 */
export function stopAfter(requests: number): NonNullable<JiraSourceOptions['wrapHttp']> {
  return (http) => {
    let sent = 0;
    return {
      get requests() {
        return http.requests;
      },
      async send(request) {
        sent++;
        const response = await http.send(request);
        if (sent > requests) throw new SimulatedKill(sent);
        return response;
      },
    };
  };
}
