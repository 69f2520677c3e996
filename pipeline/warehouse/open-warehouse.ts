import { describeMigrations, migrateToLatest } from './migrations.js';
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
  /**
   * Without `url`: the folder caching freshly initialised (and migrated) embedded databases, so
   * a new one skips initdb and the migrations (default: under the system's temporary
   * directory); null turns the cache off.
   */
  pgliteTemplateCacheDir?: string | null;
}

/**
 * Opens the warehouse — PostgreSQL when `url` is given, else embedded PGlite (persisted at
 * `dataDir`, or in memory; it runs in a worker thread) — and brings its schema up to date.
 *
 * A fresh embedded warehouse starts as a copy of a cached one already migrated with the same
 * migration files when there is one (the log then names the template); otherwise, once
 * migrated, it becomes that template for the next.
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
  if (options.url !== undefined) {
    const warehouse = await openPostgresWarehouse({ url: options.url, logger: options.logger });
    if (options.migrate === false) return warehouse;
    return closeOnFailure(warehouse, async () => {
      const applied = await migrateToLatest(warehouse.db);
      if (applied.length > 0) options.logger?.info('warehouse migrated', { warehouse: warehouse.describe(), applied });
    });
  }

  const migrations = options.migrate === false ? undefined : await describeMigrations();
  const schemaTemplate = migrations && `schema-${migrations.digest}`;
  const warehouse = await openPGliteWarehouse({
    dataDir: options.dataDir,
    templateCacheDir: options.pgliteTemplateCacheDir,
    preferredTemplate: schemaTemplate,
  });
  if (!migrations || !schemaTemplate) return warehouse;
  return closeOnFailure(warehouse, async () => {
    const applied = await migrateToLatest(warehouse.db);
    if (warehouse.template === schemaTemplate) {
      options.logger?.info('warehouse migrated', { warehouse: warehouse.describe(), applied: migrations.names, template: schemaTemplate });
    } else if (applied.length > 0) {
      options.logger?.info('warehouse migrated', { warehouse: warehouse.describe(), applied });
      // A fresh database just migrated is exactly where the next fresh one wants to start. The
      // template only saves time, so failing to save it is no reason to fail the open.
      if (warehouse.origin !== 'existing') await warehouse.saveTemplate(schemaTemplate).catch(() => undefined);
    }
  });
}

/** Runs `work` on the open warehouse, closing it again when `work` fails. */
async function closeOnFailure(warehouse: Warehouse, work: () => Promise<void>): Promise<Warehouse> {
  try {
    await work();
  } catch (error) {
    await warehouse.close().catch(() => undefined);
    throw error;
  }
  return warehouse;
}
