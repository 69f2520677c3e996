import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PGliteDialect, type PGliteClient } from '../../pipeline/warehouse/pglite-dialect.js';
import { PGliteWorkerClient } from '../../pipeline/warehouse/pglite-worker-client.js';

interface TestDatabase {
  counters: { id: string; value: number };
}

/** The dialect must behave the same over PGlite in this thread and PGlite in its worker thread. */
const clients: Array<{ name: string; open: () => Promise<PGliteClient> }> = [
  { name: 'PGlite in process', open: async () => PGlite.create() },
  { name: 'PGlite in a worker thread', open: () => PGliteWorkerClient.start() },
];

describe.each(clients)('PGliteDialect over $name', ({ open }) => {
  let db: Kysely<TestDatabase>;

  beforeAll(async () => {
    db = new Kysely<TestDatabase>({ dialect: new PGliteDialect({ pglite: open }) });
    await sql`CREATE TABLE counters (id text PRIMARY KEY, value int NOT NULL)`.execute(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await db.deleteFrom('counters').execute();
    await db.insertInto('counters').values({ id: 'a', value: 0 }).execute();
  });

  const valueOf = async (id: string) => (await db.selectFrom('counters').select('value').where('id', '=', id).executeTakeFirst())?.value;

  it('runs parameterised queries and reports affected rows', async () => {
    const result = await db.updateTable('counters').set({ value: 5 }).where('id', '=', 'a').executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
    expect(await valueOf('a')).toBe(5);
  });

  it('runs parameterless text of several statements, returning the last result', async () => {
    const result = await sql<{ total: number }>`
      INSERT INTO counters VALUES ('b', 2);
      INSERT INTO counters VALUES ('c', 3);
      SELECT sum(value)::int AS total FROM counters`.execute(db);
    expect(result.rows).toEqual([{ total: 5 }]);
  });

  it('commits and rolls back transactions', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('counters').set({ value: 1 }).execute();
    });
    expect(await valueOf('a')).toBe(1);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('counters').set({ value: 99 }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await valueOf('a')).toBe(1);
  });

  it('serialises concurrent transactions, so read-modify-write loses no update', async () => {
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('counters').select('value').where('id', '=', 'a').executeTakeFirstOrThrow();
        // Yield to the event loop: without the driver's lock the other transactions would run here.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await trx.updateTable('counters').set({ value: current.value + 1 }).where('id', '=', 'a').execute();
      });
    await Promise.all([increment(), increment(), increment(), db.selectFrom('counters').selectAll().execute(), increment()]);
    expect(await valueOf('a')).toBe(4);
  });

  it('supports isolation and access modes and savepoints', async () => {
    await expect(
      db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => trx.updateTable('counters').set({ value: 7 }).execute()),
    ).rejects.toThrow(/read-only transaction/);

    const trx = await db.startTransaction().setIsolationLevel('serializable').execute();
    await trx.insertInto('counters').values({ id: 'kept', value: 1 }).execute();
    const savepoint = await trx.savepoint('before "b"').execute();
    await savepoint.insertInto('counters').values({ id: 'undone', value: 2 }).execute();
    await savepoint.rollbackToSavepoint('before "b"').execute();
    await trx.commit().execute();
    expect(await valueOf('kept')).toBe(1);
    expect(await valueOf('undone')).toBeUndefined();
  });

  it('streams every row of a result', async () => {
    await sql`INSERT INTO counters SELECT 'n' || i, i FROM generate_series(1, 25) AS i`.execute(db);
    let total = 0;
    for await (const row of db.selectFrom('counters').selectAll().stream(10)) total += row.value;
    expect(total).toBe(325);
  });
});
