import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex.js';

/** One statement's result as PGlite reports it (the subset we read). */
export interface PGliteResult<R> {
  rows: R[];
  fields: Array<{ name: string; dataTypeID: number }>;
  /** Rows touched by the statement, per statement. */
  rowCount?: number;
  /** Rows touched, cumulative over a multi-statement `exec`. */
  affectedRows?: number;
  /** The statement's command tag: SELECT, INSERT, ... */
  command?: string;
}

/**
 * The part of PGlite's API this project uses. Declared here so the dialect depends on a small
 * contract, not on the whole library, and tests could pass a stand-in.
 */
export interface PGliteClient {
  /** One statement with `$n` parameters (extended protocol). */
  query<R>(sqlText: string, parameters?: unknown[], options?: { rowMode?: 'object' | 'array' }): Promise<PGliteResult<R>>;
  /** Any number of statements without parameters (simple protocol). */
  exec(sqlText: string): Promise<Array<PGliteResult<unknown>>>;
  close(): Promise<void>;
}

/** Configuration of {@link PGliteDialect}. */
export interface PGliteDialectConfig {
  /** The database, or a function that opens it when Kysely first needs it. */
  readonly pglite: PGliteClient | (() => Promise<PGliteClient>);
  /**
   * The lock that serialises access. Pass your own when other code talks to the same PGlite
   * instance directly, so it waits for Kysely's transactions and vice versa.
   */
  readonly mutex?: Mutex;
  /** Close the database when Kysely is destroyed (default true). */
  readonly closeOnDestroy?: boolean;
}

/**
 * A Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly, in process). It reuses
 * Kysely's PostgreSQL query compiler, adapter and introspector; only the driver is new.
 *
 * PGlite is a single session, so the driver hands out one connection at a time: a second
 * `acquireConnection` waits until the first is released. That is what makes transactions safe
 * (no other query can slip between BEGIN and COMMIT) — and it means code inside a transaction
 * must use the transaction object, never the outer `db`, or it waits for itself.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: new PGlite() }) });
 */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig;

  constructor(config: PGliteDialectConfig) {
    this.#config = Object.freeze({ ...config });
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  readonly #config: PGliteDialectConfig;
  readonly #mutex: Mutex;
  #client: PGliteClient | undefined;
  #connection: PGliteConnection | undefined;
  #release: (() => void) | undefined;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
    this.#mutex = config.mutex ?? new Mutex();
  }

  async init(): Promise<void> {
    const { pglite } = this.#config;
    this.#client = typeof pglite === 'function' ? await pglite() : pglite;
    this.#connection = new PGliteConnection(this.#client);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    if (!this.#connection) {
      release();
      throw new Error('the PGlite driver is not initialised or was destroyed');
    }
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
      settings.accessMode ?? '',
    ].filter(Boolean);
    await connection.executeQuery(CompiledQuery.raw(modes.length > 0 ? `start transaction ${modes.join(' ')}` : 'begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(savepointName)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(savepointName)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(savepointName)}`));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    // Wait for whoever holds the connection, so closing never cuts a statement in half.
    await this.#mutex.run(async () => {
      const client = this.#client;
      this.#client = undefined;
      this.#connection = undefined;
      if (client && this.#config.closeOnDestroy !== false) await client.close();
    });
  }
}

/** Commands whose row count Kysely reports as `numAffectedRows`. */
const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PGliteConnection implements DatabaseConnection {
  readonly #client: PGliteClient;

  constructor(client: PGliteClient) {
    this.#client = client;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // Parameterless SQL goes through `exec` so that multi-statement text (migrations) works;
    // the last statement's result is the query's result, as with `pg`.
    const result =
      compiledQuery.parameters.length === 0
        ? ((await this.#client.exec(compiledQuery.sql)).at(-1) as PGliteResult<R> | undefined)
        : await this.#client.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    if (!result) return { rows: [] };
    const command = result.command?.toUpperCase();
    return {
      rows: result.rows ?? [],
      numAffectedRows:
        command && WRITE_COMMANDS.has(command) ? BigInt(result.rowCount ?? result.affectedRows ?? 0) : undefined,
    };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new Error('chunkSize must be a positive integer');
    // PGlite has no cursors across calls worth the trouble in process: the result is already in
    // memory, so it is handed out in chunks.
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let start = 0; start < rows.length; start += chunkSize) {
      yield { rows: rows.slice(start, start + chunkSize) };
    }
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
