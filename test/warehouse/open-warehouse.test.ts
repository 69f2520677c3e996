import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeMigrations, migrateToLatest } from '../../pipeline/warehouse/migrations.js';
import { openWarehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { templateName } from '../../pipeline/warehouse/pglite-template.js';
import { DEFAULT_TEMPLATE_CACHE_DIR } from '../../pipeline/warehouse/pglite-worker-client.js';
import { describePostgresUrl } from '../../pipeline/warehouse/postgres-backend.js';
import { backends } from '../helpers/warehouses.js';

function recordingLogger() {
  const entries: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  return {
    entries,
    info: (message: string, fields?: Record<string, unknown>) => entries.push({ level: 'info', message, fields }),
    warn: (message: string, fields?: Record<string, unknown>) => entries.push({ level: 'warn', message, fields }),
  };
}

describe('describePostgresUrl', () => {
  it('names host, port and database but never the credentials', () => {
    const described = describePostgresUrl('postgres://ledger_user:s3cret%21@db.internal:6432/ledger?sslmode=require');
    expect(described).toBe('postgres at db.internal:6432/ledger');
    expect(described).not.toMatch(/s3cret|ledger_user/);
    expect(describePostgresUrl('postgresql://localhost/metrics')).toBe('postgres at localhost:5432/metrics');
  });
});

describe('openWarehouse with PGlite on disk', () => {
  let folder: string;
  let cacheDir: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'codeledger-warehouse-'));
    // A cache of its own, so the first fresh warehouse is migrated here for certain. The plain
    // cluster template (no schema) is borrowed when there is one: it only spares initdb.
    cacheDir = join(folder, 'template-cache');
    const cluster = templateName('cluster', 'tarball');
    await mkdir(cacheDir);
    await copyFile(join(DEFAULT_TEMPLATE_CACHE_DIR, cluster), join(cacheDir, cluster)).catch(() => undefined);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('creates the folder, migrates once, and keeps data across reopening', async () => {
    const dataDir = join(folder, 'nested', 'warehouse');
    const firstLog = recordingLogger();
    const first = await openWarehouse({ dataDir, logger: firstLog, pgliteTemplateCacheDir: cacheDir });
    expect(first.backend).toBe('pglite');
    expect(first.describe()).toBe(`pglite at ${dataDir}`);
    expect(firstLog.entries).toEqual([
      { level: 'info', message: 'warehouse migrated', fields: { warehouse: `pglite at ${dataDir}`, applied: expect.arrayContaining(['0001_schemas']) } },
    ]);
    await first.db.insertInto('core.repos').values({ repo_id: 'git:web', name: 'web' }).execute();
    await first.close();

    const secondLog = recordingLogger();
    const second = await openWarehouse({ dataDir, logger: secondLog, pgliteTemplateCacheDir: cacheDir });
    try {
      expect(secondLog.entries).toEqual([]);
      expect(await second.db.selectFrom('core.repos').select('name').execute()).toEqual([{ name: 'web' }]);
    } finally {
      await second.close();
    }
  });

  it('starts the next fresh warehouse from the migrated template, without the first one\'s rows', async () => {
    const { names, digest } = await describeMigrations();
    const dataDir = join(folder, 'second-warehouse');
    const log = recordingLogger();
    const warehouse = await openWarehouse({ dataDir, logger: log, pgliteTemplateCacheDir: cacheDir });
    try {
      expect(log.entries).toEqual([
        { level: 'info', message: 'warehouse migrated', fields: { warehouse: `pglite at ${dataDir}`, applied: names, template: `schema-${digest}` } },
      ]);
      expect(await warehouse.db.selectFrom('core.repos').select('name').execute()).toEqual([]);
      expect(await migrateToLatest(warehouse.db)).toEqual([]);
    } finally {
      await warehouse.close();
    }
  });
});

describe.each(backends)('openWarehouse on $name', ({ name, open }) => {
  it('skips migrations when asked, and describes itself without credentials', async () => {
    const warehouse = await open({ migrate: false });
    try {
      expect(warehouse.backend).toBe(name);
      expect(warehouse.describe()).toMatch(name === 'pglite' ? /^pglite in memory$/ : /^postgres at [^@]+:\d+\/codeledger_test_\w+$/);
      const found = await sql<{ found: string | null }>`SELECT to_regclass('core.repos')::text AS found`.execute(warehouse.db);
      expect(found.rows).toEqual([{ found: null }]);
    } finally {
      await warehouse.close();
    }
  });
});
