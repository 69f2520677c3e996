import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** File name pattern of a migration: a number, an underscore, a name, `.sql`. */
const MIGRATION_FILE = /^\d+_[\w-]+\.sql$/;

/**
 * Serves the plain-SQL files of a folder as Kysely migrations, named after the file without
 * `.sql` (e.g. `0002_core_tables`). Each file runs as one multi-statement batch; migrations
 * are frozen SQL and never import application code.
 *
 * @example
 * const migrator = new Migrator({ db, provider: new SqlFolderMigrationProvider(findSqlFolder()) });
 */
export class SqlFolderMigrationProvider implements MigrationProvider {
  readonly #folder: string;

  constructor(folder: string) {
    this.#folder = folder;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.#folder)).filter((file) => MIGRATION_FILE.test(file)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(join(this.#folder, file), 'utf8');
      migrations[file.slice(0, -'.sql'.length)] = {
        async up(db: Kysely<unknown>) {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

/**
 * Finds the project's `sql/` folder by walking up from `start` (default: this module's folder)
 * to the first directory holding both `sql/` and `package.json`. Works from the sources
 * (`pipeline/warehouse/`) and from the build (`dist/pipeline/warehouse/`).
 *
 * @example
 * findSqlFolder(); // '/opt/codeledger/sql'
 */
export function findSqlFolder(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let directory = start;
  for (;;) {
    const candidate = join(directory, 'sql');
    if (existsSync(candidate) && existsSync(join(directory, 'package.json'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the sql/ migrations folder above ${start}`);
    directory = parent;
  }
}

/** The migrations of a folder, in the order they apply, and a fingerprint of them. */
export interface MigrationSet {
  /** Migration names (file names without `.sql`), in file-name order. */
  names: string[];
  /** 16 hex digits of a SHA-256 over every migration's name and text: changes when any file does. */
  digest: string;
}

/**
 * Names and fingerprints the migrations of `folder` (default: the project's `sql/`), e.g. to
 * tell whether a cached, migrated database was built from exactly these files.
 *
 * @example
 * const { names, digest } = await describeMigrations(); // { names: ['0001_schemas', …], digest: '3f2a9c0d1e4b5a6f' }
 */
export async function describeMigrations(folder: string = findSqlFolder()): Promise<MigrationSet> {
  const files = (await readdir(folder)).filter((file) => MIGRATION_FILE.test(file)).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(await readFile(join(folder, file))).update('\0');
  return { names: files.map((file) => file.slice(0, -'.sql'.length)), digest: hash.digest('hex').slice(0, 16) };
}

/** A migration of a failed attempt, none of which was kept. */
export interface MigrationFailure {
  name: string;
  /** The database's error for the failing migration; "not run" or "rolled back" for the others. */
  reason: string;
}

/** Thrown by {@link migrateToLatest} when a migration fails; lists every migration of the attempt. */
export class MigrationError extends Error {
  readonly failures: readonly MigrationFailure[];

  constructor(failures: readonly MigrationFailure[], cause: unknown) {
    const lines = failures.map((failure) => `  ${failure.name}: ${failure.reason}`);
    const detail = lines.length > 0 ? lines.join('\n') : `  ${errorMessage(cause)}`;
    super(`warehouse migration failed (nothing from this attempt was kept):\n${detail}`, { cause });
    this.name = 'MigrationError';
    this.failures = failures;
  }
}

/** Options of {@link migrateToLatest}. */
export interface MigrateOptions {
  /** Folder of the `.sql` migrations; default: the project's `sql/` (see {@link findSqlFolder}). */
  folder?: string;
}

/**
 * Applies every migration not yet applied, in file-name order, in one transaction, and returns
 * the names it applied (empty when the warehouse was up to date).
 *
 * @throws {MigrationError} listing the failing migration and the ones it held back.
 * @example
 * const applied = await migrateToLatest(db); // ['0001_schemas', '0002_core_tables', ...]
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, options: MigrateOptions = {}): Promise<string[]> {
  const folder = options.folder ?? findSqlFolder();
  if (await allApplied(db, folder)) return [];
  const migrator = new Migrator({
    db,
    provider: new SqlFolderMigrationProvider(folder),
    // Tables are numbered 0001.., metric views 0101..: a table migration added later (0007)
    // sorts before views applied earlier, so the order check must allow such late arrivals.
    allowUnorderedMigrations: true,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    // All pending migrations run in one transaction, so the ones that succeeded were undone too.
    const reasons = {
      Error: errorMessage(error),
      NotExecuted: 'not run (an earlier migration failed)',
      Success: 'rolled back with the failed migration',
    } as const;
    const failures = results.map((result) => ({ name: result.migrationName, reason: reasons[result.status] }));
    throw new MigrationError(failures, error);
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * Whether every migration of `folder` is recorded as applied. Why ask before running the
 * Migrator: to learn the same, it first introspects every column of every table, which on PGlite
 * takes a few hundred milliseconds — paid on each open of an up-to-date warehouse. Two small
 * queries answer it here; anything pending (or any doubt) goes through the Migrator as before.
 */
async function allApplied<DB>(db: Kysely<DB>, folder: string): Promise<boolean> {
  const names = (await readdir(folder)).filter((file) => MIGRATION_FILE.test(file)).map((file) => file.slice(0, -'.sql'.length));
  const table = await sql<{ found: string | null }>`SELECT to_regclass(${DEFAULT_MIGRATION_TABLE})::text AS found`.execute(db);
  if (table.rows[0]?.found == null) return false;
  const applied = await sql<{ name: string }>`SELECT name FROM ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
  const appliedNames = new Set(applied.rows.map((row) => row.name));
  return names.every((name) => appliedNames.has(name));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
