import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { createPgTypeParsers } from './type-parsers.js';
import type { TabularResult, Warehouse, WarehouseLogger } from './warehouse.js';

/** Options of {@link openPostgresWarehouse}. */
export interface PostgresWarehouseOptions {
  /** `postgres://user:password@host:port/database?...` */
  url: string;
  logger?: WarehouseLogger;
  /** Most connections the pool opens (default 10, pg's default). */
  maxConnections?: number;
}

/**
 * Opens a warehouse on a PostgreSQL server through a `pg` pool whose type parsers are its own
 * (int8 and numeric as numbers, dates as text), leaving `pg`'s process-wide defaults alone.
 * Does not migrate; see `openWarehouse`.
 *
 * @example
 * const warehouse = await openPostgresWarehouse({ url: process.env.DATABASE_URL! });
 */
export async function openPostgresWarehouse(options: PostgresWarehouseOptions): Promise<Warehouse> {
  const pool = new pg.Pool({
    connectionString: options.url,
    types: createPgTypeParsers(),
    application_name: 'codeledger',
    max: options.maxConnections,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger?.warn('an idle PostgreSQL connection failed', { error: error.message }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = describePostgresUrl(options.url);
  return {
    db,
    backend: 'postgres',
    describe: () => location,
    async withSession(task) {
      const client = await pool.connect();
      // A task that fails may leave the connection mid-transaction: discard it rather than
      // hand it to the next user of the pool.
      let failure: Error | undefined;
      try {
        return await task({
          async query(sqlText: string): Promise<TabularResult> {
            // The extended protocol runs exactly one statement: "…; COMMIT; DELETE …" is refused.
            const config = { text: sqlText, rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig;
            const result = await client.query(config);
            return { columns: result.fields.map((field) => field.name), rows: result.rows };
          },
        });
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(failure);
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * `postgres at host:port/database` for logs: never the user name or password.
 *
 * @example
 * describePostgresUrl('postgres://me:secret@db.internal:6432/ledger'); // 'postgres at db.internal:6432/ledger'
 */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    const port = parsed.port || '5432';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    return `postgres at ${host}:${port}/${database}`;
  } catch {
    return 'postgres (connection string not in URL form)';
  }
}
