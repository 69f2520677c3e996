import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** Which engine holds the warehouse. */
export type WarehouseBackend = 'postgres' | 'pglite';

/** Column names and rows, each row an array in column order (duplicate names survive). */
export interface TabularResult {
  columns: string[];
  rows: unknown[][];
}

/** One dedicated connection, for work Kysely's row objects cannot express. */
export interface WarehouseSession {
  /**
   * Runs exactly one statement on this session's connection and returns its rows as arrays.
   * Text holding several statements is rejected by the server (extended protocol).
   */
  query(sqlText: string): Promise<TabularResult>;
}

/** The logging the warehouse needs (the project's Logger fits). */
export interface WarehouseLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** An open warehouse: a typed Kysely instance plus what the backends do differently. */
export interface Warehouse {
  readonly db: Kysely<Database>;
  readonly backend: WarehouseBackend;
  /** Where the warehouse lives, safe to log: `pglite at <dir>`, `postgres at host:port/db` (no credentials). */
  describe(): string;
  /**
   * Runs `task` with one connection of its own. On PGlite the session holds the single
   * connection, so `task` must not wait on `db` meanwhile.
   */
  withSession<T>(task: (session: WarehouseSession) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}
