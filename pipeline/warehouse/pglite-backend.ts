import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from './database.js';
import { Mutex } from './mutex.js';
import { PGliteDialect, type PGliteClient } from './pglite-dialect.js';
import { PGLITE_PARSERS } from './type-parsers.js';
import type { TabularResult, Warehouse } from './warehouse.js';

/**
 * Opens the embedded warehouse: PGlite persisted in `dataDir` (created when missing), or held
 * in memory when `dataDir` is undefined (tests). Does not migrate; see `openWarehouse`.
 *
 * @example
 * const warehouse = await openPGliteWarehouse({ dataDir: '.codeledger/warehouse' });
 */
export async function openPGliteWarehouse(options: { dataDir?: string }): Promise<Warehouse> {
  const { dataDir } = options;
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const client: PGliteClient = await PGlite.create({ dataDir, parsers: { ...PGLITE_PARSERS } });
  // One lock shared by Kysely's driver and raw sessions: PGlite is a single session.
  const mutex = new Mutex();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client, mutex }) });
  return {
    db,
    backend: 'pglite',
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
    close: () => db.destroy(),
  };
}
