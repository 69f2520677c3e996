import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openWarehouse, type Warehouse } from '../../pipeline/warehouse/open-warehouse.js';

/**
 * The warehouse backends every warehouse test runs against:
 *
 *     describe.each(backends)('bulk insert on $name', ({ open }) => { … });
 *
 * - `pglite`: a fresh in-memory PGlite.
 * - `postgres`: a fresh database `codeledger_test_<random>` on the server named by
 *   TEST_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 *   dropped again by `close()`.
 *
 * Both are migrated unless `open({ migrate: false })`. Set CODELEDGER_TEST_BACKENDS=pglite to
 * run without a PostgreSQL server.
 */
export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(options?: { migrate?: boolean }): Promise<Warehouse>;
}

/** The server the postgres backend creates its throw-away databases on. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const allBackends: TestBackend[] = [
  { name: 'pglite', open: (options = {}) => openWarehouse({ migrate: options.migrate }) },
  { name: 'postgres', open: openFreshPostgresWarehouse },
];

const selected = process.env.CODELEDGER_TEST_BACKENDS?.split(',').map((name) => name.trim());

export const backends: TestBackend[] = selected ? allBackends.filter((backend) => selected.includes(backend.name)) : allBackends;

async function openFreshPostgresWarehouse(options: { migrate?: boolean } = {}): Promise<Warehouse> {
  const name = `codeledger_test_${randomBytes(6).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  let warehouse: Warehouse;
  try {
    warehouse = await openWarehouse({ url: url.toString(), migrate: options.migrate });
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
  const inner = warehouse;
  return {
    db: inner.db,
    backend: inner.backend,
    describe: () => inner.describe(),
    withSession: (task) => inner.withSession(task),
    async close() {
      try {
        await inner.close();
      } finally {
        await dropDatabase(name);
      }
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

async function withServer<T>(task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}
