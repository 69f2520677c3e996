import type { TabularResult, Warehouse } from './warehouse.js';

export { formatCsv, formatTable } from './format-result.js';
export type { TabularResult } from './warehouse.js';

/** Options of {@link runReadOnlyQuery}. */
export interface ReadOnlyQueryOptions {
  /**
   * Cancel the statement after this many milliseconds (PostgreSQL's statement_timeout; 0 or
   * undefined: no limit). PGlite runs statements synchronously inside WebAssembly and cannot be
   * interrupted, so there the limit is not enforced.
   */
  timeoutMs?: number;
}

/** SQLSTATE codes turned into explanations. */
const READ_ONLY_VIOLATION = '25006';
const QUERY_CANCELED = '57014';
const MULTIPLE_COMMANDS = '42601';

/** Thrown when an analyst's query is refused or fails; `cause` holds the database error. */
export class ReadOnlyQueryError extends Error {
  /** The SQLSTATE of the database error, when there was one. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'ReadOnlyQueryError';
    this.code = code;
  }
}

/**
 * Runs one analyst statement in a READ ONLY transaction that is always rolled back, so it
 * cannot change the warehouse: a write fails with a {@link ReadOnlyQueryError}. Only one
 * statement is accepted (text like `select 1; commit; delete …` is refused by the server).
 * Works on both backends; rows come back as arrays in column order.
 *
 * @example
 * const result = await runReadOnlyQuery(warehouse, 'select repo_id, sum(ec_durable) from metrics.effective_code_weekly group by 1');
 * process.stdout.write(formatTable(result));
 */
export async function runReadOnlyQuery(
  warehouse: Pick<Warehouse, 'withSession'>,
  sqlText: string,
  options: ReadOnlyQueryOptions = {},
): Promise<TabularResult> {
  const timeoutMs = options.timeoutMs ?? 0;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new Error(`timeoutMs must be a non-negative number, got ${timeoutMs}`);
  return warehouse.withSession(async (session) => {
    await session.query('begin transaction read only');
    let result: TabularResult;
    try {
      if (timeoutMs > 0) await session.query(`set local statement_timeout = ${Math.ceil(timeoutMs)}`);
      result = await session.query(sqlText);
    } catch (error) {
      // The query's error is the one worth reporting; a failed rollback only adds noise (the
      // session is then discarded by the backend because this task fails).
      await session.query('rollback').catch(() => undefined);
      throw explain(error, timeoutMs);
    }
    await session.query('rollback');
    return result;
  });
}

function explain(error: unknown, timeoutMs: number): unknown {
  const code = sqlState(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === READ_ONLY_VIOLATION) {
    return new ReadOnlyQueryError(`the query tried to change the warehouse, and queries here are read only (${message})`, code, error);
  }
  if (code === QUERY_CANCELED) {
    return new ReadOnlyQueryError(`the query ran longer than its ${timeoutMs} ms limit and was cancelled`, code, error);
  }
  if (code === MULTIPLE_COMMANDS && /multiple commands/i.test(message)) {
    return new ReadOnlyQueryError('only one SQL statement can be run at a time', code, error);
  }
  return new ReadOnlyQueryError(`the query failed: ${message}`, code, error);
}

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}
