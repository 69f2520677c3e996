import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../warehouse/database.js';

/*
 * How many merged pull requests have a ticket, read from metrics.merged_pr_tickets (whose SQL file
 * holds the definition) and grouped the way `codeledger links` shows it.
 */

/** Optional second grouping of the report. */
export type CoveragePeriod = 'week' | 'month';

/** Coverage figures of one group of merged pull requests. */
export interface CoverageFigures {
  /** Merged pull requests, bots excluded. */
  readonly merged: number;
  readonly withTicket: number;
  readonly withoutTicket: number;
  /** withoutTicket / merged (0-1), null when nothing was merged. */
  readonly shareWithout: number | null;
  /** Merged pull requests by bots (not in the other figures). */
  readonly bots: number;
}

/** Figures of one repository, or of one repository in one period. */
export interface CoverageGroup extends CoverageFigures {
  /** `owner/name` on the host. */
  readonly repository: string;
  /** First day of the week or month (`YYYY-MM-DD`); null without a period or outside the calendar. */
  readonly period: string | null;
}

/** A merged pull request without a ticket, as an example to look at. */
export interface PullRequestWithoutTicket {
  readonly prId: string;
  readonly repository: string;
  readonly number: number;
  readonly title: string | null;
  readonly author: string | null;
  readonly mergedAt: Date;
}

/** Everything `codeledger links` prints. */
export interface TicketCoverageReport {
  readonly total: CoverageFigures;
  readonly byRepository: readonly CoverageGroup[];
  /** Per repository and period, when a period was asked for. */
  readonly byPeriod: readonly CoverageGroup[];
  readonly period: CoveragePeriod | null;
  /** The most recently merged pull requests without a ticket. */
  readonly examples: readonly PullRequestWithoutTicket[];
  /** Links in core.links by evidence kind. */
  readonly linksByKind: Readonly<Record<string, number>>;
}

/** Options of {@link ticketCoverage}. */
export interface TicketCoverageOptions {
  readonly by?: CoveragePeriod | null;
  /** Only this repository: `owner/name` or the analysed repository's name (any case). */
  readonly repository?: string | null;
  /** Only pull requests merged at or after this time. */
  readonly since?: Date | null;
  /** How many examples without a ticket (default 5). */
  readonly examples?: number;
}

type MergedPrQuery = SelectQueryBuilder<Database, 'metrics.merged_pr_tickets', object>;

/**
 * The share of merged pull requests without a ticket: in total, per repository, optionally per
 * week or month, with recent examples.
 *
 * @example
 * const report = await ticketCoverage(db, { by: 'month' });
 * report.total; // { merged: 40, withTicket: 31, withoutTicket: 9, shareWithout: 0.225, bots: 6 }
 */
export async function ticketCoverage(db: Kysely<Database>, options: TicketCoverageOptions = {}): Promise<TicketCoverageReport> {
  const period = options.by ?? null;
  const base = (): MergedPrQuery => {
    let query: MergedPrQuery = db.selectFrom('metrics.merged_pr_tickets');
    if (options.repository) {
      const wanted = options.repository.toLowerCase();
      query = query.where((eb) =>
        eb.or([eb(eb.fn('lower', ['repo_full_name']), '=', wanted), eb(eb.fn('lower', ['repo_name']), '=', wanted)]),
      );
    }
    if (options.since) query = query.where('merged_at', '>=', options.since);
    return query;
  };
  const figures = sql<number>`count(*) FILTER (WHERE NOT is_bot)::int`.as('merged');
  const withTicket = sql<number>`count(*) FILTER (WHERE NOT is_bot AND has_ticket)::int`.as('with_ticket');
  const bots = sql<number>`count(*) FILTER (WHERE is_bot)::int`.as('bots');

  const totalRow = await base().select([figures, withTicket, bots]).executeTakeFirst();
  const repositoryRows = await base()
    .select(['repo_full_name', figures, withTicket, bots])
    .groupBy('repo_full_name')
    .orderBy('repo_full_name')
    .execute();
  const periodColumn = period === 'month' ? 'month_start' : 'week_start';
  const periodRows = period
    ? await base()
        .select(['repo_full_name', sql<string | null>`${sql.ref(periodColumn)}::text`.as('period'), figures, withTicket, bots])
        .groupBy(['repo_full_name', periodColumn])
        .orderBy('repo_full_name')
        .orderBy(periodColumn)
        .execute()
    : [];
  const exampleRows = await base()
    .select(['pr_id', 'repo_full_name', 'number', 'title', 'author_login', 'merged_at'])
    .where('is_bot', '=', false)
    .where('has_ticket', '=', false)
    .orderBy('merged_at', 'desc')
    .orderBy('pr_id')
    .limit(Math.max(0, options.examples ?? 5))
    .execute();
  const kinds = await db
    .selectFrom('core.links')
    .select(['evidence_kind', sql<number>`count(*)::int`.as('links')])
    .groupBy('evidence_kind')
    .orderBy('evidence_kind')
    .execute();

  return {
    total: coverage(totalRow ?? { merged: 0, with_ticket: 0, bots: 0 }),
    byRepository: repositoryRows.map((row) => ({ repository: row.repo_full_name, period: null, ...coverage(row) })),
    byPeriod: periodRows.map((row) => ({ repository: row.repo_full_name, period: row.period, ...coverage(row) })),
    period,
    examples: exampleRows.map((row) => ({
      prId: row.pr_id,
      repository: row.repo_full_name,
      number: row.number,
      title: row.title,
      author: row.author_login,
      mergedAt: row.merged_at,
    })),
    linksByKind: Object.fromEntries(kinds.map((row) => [row.evidence_kind, row.links])),
  };
}

function coverage(row: { merged: number; with_ticket: number; bots: number }): CoverageFigures {
  const merged = Number(row.merged);
  const withTicket = Number(row.with_ticket);
  return {
    merged,
    withTicket,
    withoutTicket: merged - withTicket,
    shareWithout: merged > 0 ? (merged - withTicket) / merged : null,
    bots: Number(row.bots),
  };
}
