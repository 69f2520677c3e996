/*
 * The embedded warehouse's database thread.
 *
 * Why a worker: PGlite is PostgreSQL compiled to WebAssembly, and it runs on whichever thread
 * calls it. On the main thread every bulk insert, every upsert and the start-up of the database
 * itself would compete with the effective-code engine for one core. Here it runs on a thread of
 * its own, so a batch is written while the engine analyses the next commits.
 *
 * Design:
 * - This module is the worker's entry point. It owns the one PGlite instance: it opens it (from
 *   the template cache when fresh, see pglite-template.ts), installs the project's type parsers
 *   (int8/numeric as numbers, date as 'YYYY-MM-DD' text, timestamptz as Date — parsers are
 *   functions, so they cannot be sent and must live on this side), and answers requests.
 * - The main thread talks to it through `PGliteWorkerClient` (pglite-worker-client.ts), which
 *   has the shape of `PGliteClient`, so the Kysely dialect, its mutex and `withSession` work
 *   unchanged: `query` (one statement with parameters; rows as objects or arrays), `exec`
 *   (parameterless text of any number of statements — migrations, BEGIN/COMMIT/ROLLBACK and
 *   savepoints), `saveTemplate` (after the migrations of a fresh database) and `close`.
 * - Messages are structured clones (pglite-worker-protocol.ts). Rows travel as they are: plain
 *   objects or arrays of strings, numbers, booleans, parsed JSON and Dates all survive cloning.
 *   Of each result only rows, field names and oids, the command tag and the row counts are sent.
 *   Parameters travel the same way (a Buffer arrives as a Uint8Array, which PGlite also takes as
 *   bytea; an object's methods would be lost, but Kysely sends plain values).
 * - Requests are answered strictly in arrival order. The main thread's mutex already allows only
 *   one logical connection (a transaction holds it from BEGIN to COMMIT), so the order the worker
 *   sees is the order of the one session.
 * - Errors are sent as message plus PostgreSQL's fields (code, detail, hint, …) and rebuilt on
 *   the other side, so `error.code === '23505'` still works.
 * - `close` closes PGlite (for a database on disk that is the clean shutdown), replies, and
 *   closes the port so the thread ends; the client then terminates it for certain. While no
 *   request is pending the client unreferences the thread, so a program that forgets to close
 *   still exits.
 *
 * Server settings: PGlite already starts PostgreSQL with fsync off (`-F`), and on Node its
 * `relaxedDurability` option changes nothing — that option only defers the flush of browser
 * file systems (IndexedDB, OPFS); the Node file system writes through directly. Further
 * `-c name=value` settings come from the client (see DEFAULT_PGLITE_SERVER_SETTINGS).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Results } from '@electric-sql/pglite';
import type { PGliteResult } from './pglite-dialect.js';
import { openPGliteDatabase, saveTemplate } from './pglite-template.js';
import { serializeError, type PGliteRequest, type PGliteWorkerMessage, type PGliteWorkerSettings } from './pglite-worker-protocol.js';
import { PGLITE_PARSERS } from './type-parsers.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker runs as a worker thread; start it through PGliteWorkerClient');
const settings = workerData as PGliteWorkerSettings;

// Requests that arrive while the database opens wait for it; each one runs after the previous.
let queue: Promise<unknown> = Promise.resolve();
let database: PGlite | undefined;

port.on('message', (request: PGliteRequest) => {
  queue = queue.then(() => answer(request));
});

try {
  const serverSettings = Object.entries(settings.serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const opened = await openPGliteDatabase({
    dataDir: settings.dataDir,
    templateCacheDir: settings.templateCacheDir,
    preferredTemplate: settings.preferredTemplate,
    pgliteOptions: { parsers: { ...PGLITE_PARSERS }, startParams: [...PGlite.defaultStartParams, ...serverSettings] },
  });
  database = opened.pglite;
  post({ kind: 'ready', origin: opened.origin, template: opened.template });
} catch (error) {
  post({ kind: 'failed', error: serializeError(error) });
  port.close();
}

async function answer(request: PGliteRequest): Promise<void> {
  try {
    if (!database) throw new Error('the embedded database is not open');
    switch (request.kind) {
      case 'query': {
        const result = await database.query<unknown>(request.sql, request.parameters, { rowMode: request.rowMode });
        post({ kind: 'reply', id: request.id, result: slim(result) });
        return;
      }
      case 'exec': {
        const results = await database.exec(request.sql);
        post({ kind: 'reply', id: request.id, result: results.map(slim) });
        return;
      }
      case 'saveTemplate': {
        const { templateCacheDir, dataDir } = settings;
        if (templateCacheDir !== null) await saveTemplate(database, { templateCacheDir, variant: request.variant, dataDir });
        post({ kind: 'reply', id: request.id, result: null });
        return;
      }
      case 'close': {
        const closing = database;
        database = undefined;
        await closing.close();
        post({ kind: 'reply', id: request.id, result: null });
        port!.close();
        return;
      }
    }
  } catch (error) {
    post({ kind: 'error', id: request.id, error: serializeError(error) });
  }
}

/** The part of a PGlite result the dialect reads; the rest (query text, blobs) stays here. */
function slim(result: Results<unknown>): PGliteResult<unknown> {
  return {
    rows: result.rows,
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    rowCount: result.rowCount,
    affectedRows: result.affectedRows,
    command: result.command,
  };
}

function post(message: PGliteWorkerMessage): void {
  port!.postMessage(message);
}
