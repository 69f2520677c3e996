import { migrateToLatest } from './migrations.js';
import { openPGliteWarehouse } from './pglite-backend.js';
import { openPostgresWarehouse } from './postgres-backend.js';
import type { Warehouse, WarehouseLogger } from './warehouse.js';

export type { TabularResult, Warehouse, WarehouseBackend, WarehouseLogger, WarehouseSession } from './warehouse.js';

/** Where the warehouse is and how to open it. */
export interface OpenWarehouseOptions {
  /** A PostgreSQL URL. When set, the warehouse is that server's database. */
  url?: string;
  /** Without `url`: the folder of the embedded PGlite database; in memory when undefined. */
  dataDir?: string;
  logger?: WarehouseLogger;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * Opens the warehouse — PostgreSQL when `url` is given, else embedded PGlite (persisted at
 * `dataDir`, or in memory) — and brings its schema up to date.
 *
 * @example
 * const warehouse = await openWarehouse({ dataDir: '.codeledger/warehouse', logger });
 * try {
 *   const repos = await warehouse.db.selectFrom('core.repos').selectAll().execute();
 * } finally {
 *   await warehouse.close();
 * }
 */
export async function openWarehouse(options: OpenWarehouseOptions = {}): Promise<Warehouse> {
  const warehouse =
    options.url !== undefined
      ? await openPostgresWarehouse({ url: options.url, logger: options.logger })
      : await openPGliteWarehouse({ dataDir: options.dataDir });
  if (options.migrate === false) return warehouse;
  try {
    const applied = await migrateToLatest(warehouse.db);
    if (applied.length > 0) {
      options.logger?.info('warehouse migrated', { warehouse: warehouse.describe(), applied });
    }
  } catch (error) {
    await warehouse.close().catch(() => undefined);
    throw error;
  }
  return warehouse;
}
