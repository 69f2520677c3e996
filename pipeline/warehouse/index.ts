/*
 * The warehouse: connecting (PostgreSQL, or embedded PGlite in a worker thread), migrations,
 * typed tables and views, bulk writes, the calendar, and read-only SQL for analysts.
 */
export { openWarehouse, type OpenWarehouseOptions } from './open-warehouse.js';
export type { TabularResult, Warehouse, WarehouseBackend, WarehouseLogger, WarehouseSession } from './warehouse.js';
export type * from './database.js';
export { BUCKET_COLUMNS } from './database.js';
export { bulkInsert, DEFAULT_BULK_INSERT, type BulkInsertOptions } from './bulk-insert.js';
export { COLUMN_TYPES, type ColumnSqlType } from './column-types.js';
export { DEFAULT_CALENDAR_SETTINGS, refreshCalendar, type CalendarSettings } from './calendar.js';
export {
  describeMigrations,
  findSqlFolder,
  MigrationError,
  migrateToLatest,
  SqlFolderMigrationProvider,
  type MigrateOptions,
  type MigrationFailure,
  type MigrationSet,
} from './migrations.js';
export { formatCsv, formatTable, ReadOnlyQueryError, runReadOnlyQuery, type ReadOnlyQueryOptions } from './read-only-query.js';
export { PGliteDialect, type PGliteClient, type PGliteDialectConfig, type PGliteResult } from './pglite-dialect.js';
export {
  DEFAULT_PGLITE_SERVER_SETTINGS,
  DEFAULT_TEMPLATE_CACHE_DIR,
  PGliteWorkerClient,
  type PGliteWorkerOptions,
} from './pglite-worker-client.js';
export { WarehouseWorkerError, type PGliteOrigin } from './pglite-worker-protocol.js';
export { describePostgresUrl } from './postgres-backend.js';
