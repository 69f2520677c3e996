import { Kysely } from 'kysely';
import type { Database } from './database.js';
import { Mutex } from './mutex.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PGliteWorkerClient, type PGliteWorkerOptions } from './pglite-worker-client.js';
import type { PGliteOrigin } from './pglite-worker-protocol.js';
import type { TabularResult, Warehouse } from './warehouse.js';

/** Options of {@link openPGliteWarehouse}. */
export type PGliteWarehouseOptions = PGliteWorkerOptions;

/** The embedded warehouse, with what is particular to it. */
export interface PGliteWarehouse extends Warehouse {
  /** Whether the database existed, was copied from a cached template, or was initialised afresh. */
  readonly origin: PGliteOrigin;
  /** The template variant it was copied from, when `origin` is 'template'. */
  readonly template: string | undefined;
  /** Saves the database as it is now as the cached template `variant` (see pglite-template.ts). */
  saveTemplate(variant: string): Promise<void>;
}

/**
 * Opens the embedded warehouse: PGlite persisted in `dataDir` (created when missing), or held
 * in memory when `dataDir` is undefined (tests). The database runs in a worker thread of its own
 * (see pglite-worker.ts), so its work does not hold up the caller's thread. Does not migrate;
 * see `openWarehouse`.
 *
 * @example
 * const warehouse = await openPGliteWarehouse({ dataDir: '.codeledger/warehouse' });
 */
export async function openPGliteWarehouse(options: PGliteWarehouseOptions = {}): Promise<PGliteWarehouse> {
  const { dataDir } = options;
  const client = await PGliteWorkerClient.start(options);
  // One lock shared by Kysely's driver and raw sessions: PGlite is a single session.
  const mutex = new Mutex();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client, mutex }) });
  return {
    db,
    backend: 'pglite',
    origin: client.origin,
    template: client.template,
    describe: () => (dataDir === undefined ? 'pglite in memory' : `pglite at ${dataDir}`),
    withSession: (task) =>
      mutex.run(() =>
        task({
          async query(sqlText: string): Promise<TabularResult> {
            const result = await client.query<unknown[]>(sqlText, [], { rowMode: 'array' });
            return { columns: result.fields.map((field) => field.name), rows: result.rows };
          },
        }),
      ),
    saveTemplate: (variant) => mutex.run(() => client.saveTemplate(variant)),
    async close() {
      // Kysely closes the client only when it ever connected; close it here in any case (it is
      // idempotent), after whoever holds the session is done.
      await db.destroy();
      await mutex.run(() => client.close());
    },
  };
}
