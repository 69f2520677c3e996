import type { PGliteResult } from './pglite-dialect.js';

/*
 * The messages the main thread and the PGlite worker exchange (see pglite-worker.ts for the
 * design). Everything here must survive structured cloning: plain objects, arrays, strings,
 * numbers, Dates and typed arrays — no functions, no class instances.
 */

/** What the worker is told when it starts (its `workerData`). */
export interface PGliteWorkerSettings {
  /** Folder of the database on disk; in memory when undefined. */
  dataDir?: string;
  /** Folder of the template cache (see pglite-template.ts); null turns the cache off. */
  templateCacheDir: string | null;
  /** The template variant a fresh database should start from when it is cached. */
  preferredTemplate?: string;
  /** Extra `-c name=value` server settings, on top of PGlite's own start parameters. */
  serverSettings: Readonly<Record<string, string>>;
}

/** How the worker's database came to be. */
export type PGliteOrigin =
  /** An existing database in `dataDir` was opened. */
  | 'existing'
  /** A fresh database was copied from a cached template. */
  | 'template'
  /** A fresh database was created by running initdb (and, with the cache on, became the cluster template). */
  | 'initdb';

/** A request of the main thread; `id` pairs it with its reply. */
export type PGliteRequest =
  | { id: number; kind: 'query'; sql: string; parameters: unknown[]; rowMode: 'object' | 'array' }
  | { id: number; kind: 'exec'; sql: string }
  /** Save the database as it is now as the template `variant` (nothing when the cache is off). */
  | { id: number; kind: 'saveTemplate'; variant: string }
  | { id: number; kind: 'close' };

/** A message of the worker: the start-up outcome, or the reply to one request. */
export type PGliteWorkerMessage =
  | { kind: 'ready'; origin: PGliteOrigin; template?: string }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'reply'; id: number; result: PGliteResult<unknown> | Array<PGliteResult<unknown>> | null }
  | { kind: 'error'; id: number; error: SerializedError };

/**
 * An error reduced to what crosses the thread boundary: its message and the fields PostgreSQL
 * reports (SQLSTATE `code`, `detail`, `hint`, …), all strings.
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string>;
}

/**
 * The string fields of a PostgreSQL error (as the pg-protocol `DatabaseError` names them) that
 * are carried over; `position` stays a string, as there.
 */
const DATABASE_ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

/**
 * Turns anything thrown into a {@link SerializedError}.
 *
 * @example
 * serializeError(Object.assign(new Error('boom'), { code: '42P01' })).fields.code; // '42P01'
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string> = {};
  const source = error as unknown as Record<string, unknown>;
  for (const field of DATABASE_ERROR_FIELDS) {
    const value = source[field];
    if (typeof value === 'string' || typeof value === 'number') fields[field] = String(value);
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/**
 * An error of the database that ran in the worker, rebuilt on the calling thread: same message,
 * and `code`, `detail`, `hint`, … as own properties, so code that inspects a PostgreSQL error
 * (`error.code === '23505'`) works as with an in-process database.
 */
export class WarehouseWorkerError extends Error {
  /** The SQLSTATE, when the database reported one. */
  readonly code?: string;
  readonly severity?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  /** The error's stack in the worker, where the database raised it. */
  readonly workerStack?: string;

  constructor(serialized: SerializedError) {
    super(serialized.message);
    // PostgreSQL errors are named plain 'error' by the protocol library; a specific name (TypeError, …) is kept.
    this.name = serialized.name.toLowerCase() === 'error' ? 'WarehouseWorkerError' : serialized.name;
    Object.assign(this, serialized.fields);
    this.workerStack = serialized.stack;
  }
}
