import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeMigrations, findSqlFolder, MigrationError, migrateToLatest } from '../../pipeline/warehouse/migrations.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('findSqlFolder', () => {
  it('finds sql/ from the sources and from the compiled output folder', () => {
    expect(findSqlFolder()).toBe(join(projectRoot, 'sql'));
    expect(findSqlFolder(join(projectRoot, 'pipeline', 'warehouse'))).toBe(join(projectRoot, 'sql'));
    expect(findSqlFolder(join(projectRoot, 'dist', 'pipeline', 'warehouse'))).toBe(join(projectRoot, 'sql'));
  });

  it('fails clearly when no project folder lies above', () => {
    expect(() => findSqlFolder(tmpdir())).toThrow(/cannot find the sql\/ migrations folder/);
  });
});

describe('describeMigrations', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'codeledger-migration-set-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('names the migrations in order and fingerprints every name and text', async () => {
    await writeFile(join(folder, '0002_b.sql'), 'CREATE TABLE b (id int);');
    await writeFile(join(folder, '0001_a.sql'), 'CREATE TABLE a (id int);');
    await writeFile(join(folder, 'README.md'), 'not a migration');
    const first = await describeMigrations(folder);
    expect(first.names).toEqual(['0001_a', '0002_b']);
    expect(first.digest).toMatch(/^[0-9a-f]{16}$/);

    await writeFile(join(folder, 'README.md'), 'still not a migration');
    expect((await describeMigrations(folder)).digest).toBe(first.digest);
    await writeFile(join(folder, '0002_b.sql'), 'CREATE TABLE b (id bigint);');
    const edited = await describeMigrations(folder);
    expect(edited.digest).not.toBe(first.digest);
    await writeFile(join(folder, '0003_c.sql'), '');
    expect((await describeMigrations(folder)).digest).not.toBe(edited.digest);
  });
});

describe.each(backends)('migrations on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open({ migrate: false });
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('applies every sql/ file in name order, and nothing the second time', async () => {
    const files = (await readdir(join(projectRoot, 'sql'))).filter((file) => file.endsWith('.sql')).sort();
    const applied = await migrateToLatest(warehouse.db);
    expect(applied).toEqual(files.map((file) => file.replace(/\.sql$/, '')));
    expect(await migrateToLatest(warehouse.db)).toEqual([]);

    const schemas = await sql<{ nspname: string }>`
      SELECT nspname FROM pg_namespace WHERE nspname IN ('raw', 'core', 'metrics') ORDER BY nspname`.execute(warehouse.db);
    expect(schemas.rows.map((row) => row.nspname)).toEqual(['core', 'metrics', 'raw']);
    const views = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'metrics' ORDER BY 1`.execute(warehouse.db);
    expect(views.rows.map((row) => row.name)).toEqual(['ai_share_weekly', 'commit_tickets', 'effective_code_by_commit', 'effective_code_weekly', 'merged_pr_tickets', 'pr_ticket_coverage_weekly', 'team_effective_code_weekly']);
  });
});

describe.each(backends)('migrations from a folder on $name', ({ open }) => {
  let warehouse: Warehouse;
  let folder: string;

  beforeAll(async () => {
    warehouse = await open({ migrate: false });
    folder = await mkdtemp(join(tmpdir(), 'codeledger-migrations-'));
  });
  afterAll(async () => {
    await warehouse?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const tableExists = async (name: string) => {
    const result = await sql<{ found: string | null }>`SELECT to_regclass(${name})::text AS found`.execute(warehouse.db);
    return result.rows[0]?.found !== null;
  };

  it('applies a migration numbered before ones already applied (late table after views)', async () => {
    await writeFile(join(folder, '0001_first.sql'), 'CREATE TABLE first_table (id int);');
    await writeFile(join(folder, '0101_view.sql'), 'CREATE VIEW first_view AS SELECT id FROM first_table;');
    expect(await migrateToLatest(warehouse.db, { folder })).toEqual(['0001_first', '0101_view']);

    await writeFile(join(folder, '0002_late.sql'), 'CREATE TABLE late_table (id int); INSERT INTO late_table VALUES (1), (2);');
    expect(await migrateToLatest(warehouse.db, { folder })).toEqual(['0002_late']);
    expect(await tableExists('late_table')).toBe(true);
  });

  it('throws a MigrationError listing the failure, and keeps nothing of the attempt', async () => {
    await writeFile(join(folder, '0003_fine.sql'), 'CREATE TABLE fine_table (id int);');
    await writeFile(join(folder, '0004_broken.sql'), 'CREATE TABLE broken_table (id int);\nSELECT * FROM no_such_table;');
    await writeFile(join(folder, '0005_after.sql'), 'CREATE TABLE after_table (id int);');

    const failure = await migrateToLatest(warehouse.db, { folder }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    const error = failure as MigrationError;
    expect(error.failures.map((item) => item.name)).toEqual(['0003_fine', '0004_broken', '0005_after']);
    expect(error.failures[1]!.reason).toMatch(/no_such_table/);
    expect(error.failures[2]!.reason).toMatch(/not run/);
    expect(error.message).toMatch(/0004_broken: .*no_such_table/);
    expect(await tableExists('fine_table')).toBe(false);
    expect(await tableExists('broken_table')).toBe(false);
    expect(await tableExists('after_table')).toBe(false);
  });
});
