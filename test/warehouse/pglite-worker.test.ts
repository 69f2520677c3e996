import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteWorkerClient } from '../../pipeline/warehouse/pglite-worker-client.js';
import { WarehouseWorkerError } from '../../pipeline/warehouse/pglite-worker-protocol.js';
import { compileWarehouseModules, projectRoot, removeCompiled } from './compiled-warehouse.js';

const run = promisify(execFile);

describe('PGliteWorkerClient', () => {
  let client: PGliteWorkerClient;

  beforeAll(async () => {
    client = await PGliteWorkerClient.start();
    await client.exec('CREATE TABLE items (id text PRIMARY KEY, added date, at timestamptz, size int8, doc jsonb)');
  });
  afterAll(async () => {
    await client?.close();
  });

  it('sends parameters and returns rows parsed in the worker: numbers, date text, Dates, JSON', async () => {
    const at = new Date('2024-03-01T10:15:00.250Z');
    await client.query('INSERT INTO items VALUES ($1, $2, $3, $4, $5)', ['a', '2024-03-01', at, 12, '{"tags": ["x"]}']);
    const result = await client.query<Record<string, unknown>>('SELECT id, added, at, size, doc FROM items WHERE id = $1', ['a']);
    expect(result.rows).toEqual([{ id: 'a', added: '2024-03-01', at, size: 12, doc: { tags: ['x'] } }]);
    expect(result.rows[0]!.at).toBeInstanceOf(Date);
    expect(result.fields.map((field) => field.name)).toEqual(['id', 'added', 'at', 'size', 'doc']);
    expect(result.command).toBe('SELECT');
  });

  it('returns rows as arrays on request, keeping duplicate column names', async () => {
    const result = await client.query<unknown[]>('SELECT 1::int8 AS n, 2::numeric AS n', [], { rowMode: 'array' });
    expect(result.rows).toEqual([[1, 2]]);
    expect(result.fields.map((field) => field.name)).toEqual(['n', 'n']);
  });

  it('runs parameterless text of several statements, reporting each', async () => {
    const results = await client.exec(`
      INSERT INTO items (id) VALUES ('b'), ('c');
      UPDATE items SET size = 1 WHERE id IN ('b', 'c');
      SELECT count(*) AS total FROM items`);
    expect(results.map((result) => [result.command, result.rowCount])).toEqual([
      ['INSERT', 2],
      ['UPDATE', 2],
      ['SELECT', 1],
    ]);
    expect(results.at(-1)!.rows).toEqual([{ total: 3 }]);
  });

  it('rebuilds database errors with their message, SQLSTATE, detail and constraint', async () => {
    const failure = await client.query("INSERT INTO items (id) VALUES ('a')").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WarehouseWorkerError);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      message: expect.stringMatching(/duplicate key value violates unique constraint "items_pkey"/),
      code: '23505',
      detail: 'Key (id)=(a) already exists.',
      constraint: 'items_pkey',
      table: 'items',
    });

    const syntax = await client.query('SELECT FROM WHERE').catch((error: unknown) => error);
    expect(syntax).toMatchObject({ code: '42601', position: expect.stringMatching(/^\d+$/) });
    // The session survives its errors.
    expect((await client.query('SELECT count(*) AS n FROM items')).rows).toEqual([{ n: 3 }]);
  });

  it('keeps one session: a transaction spans requests', async () => {
    await client.exec('BEGIN');
    await client.query('DELETE FROM items WHERE id = $1', ['c']);
    await client.exec('ROLLBACK');
    expect((await client.query("SELECT id FROM items WHERE id = 'c'")).rows).toEqual([{ id: 'c' }]);
  });
});

describe('PGliteWorkerClient lifecycle', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'codeledger-worker-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('refuses requests once closed; closing twice is harmless', async () => {
    const client = await PGliteWorkerClient.start();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.close();
    await client.close();
    await expect(client.query('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('fails to start, and stops the thread, when the database folder cannot be made', async () => {
    const file = join(folder, 'not-a-folder');
    await writeFile(file, 'plain file');
    await expect(PGliteWorkerClient.start({ dataDir: join(file, 'warehouse') })).rejects.toThrow(/ENOTDIR|not a directory/i);
  });
});

describe('the worker thread and the process', () => {
  let compiled: string;

  beforeAll(async () => {
    compiled = await compileWarehouseModules();
  });
  afterAll(async () => {
    await removeCompiled(compiled);
  });

  /** A program that opens the warehouse, runs one query, prints its rows and maybe closes. */
  const program = (clientModule: string, close: boolean) => `
    const { PGliteWorkerClient } = await import(${JSON.stringify(clientModule)});
    const client = await PGliteWorkerClient.start();
    const { rows } = await client.query('SELECT 40 + 2 AS answer');
    console.log(JSON.stringify(rows));
    ${close ? 'await client.close();' : ''}`;

  it.each([true, false])('loads the TypeScript worker under tsx, and the process exits by itself (close: %s)', async (close) => {
    const source = new URL('../../pipeline/warehouse/pglite-worker-client.ts', import.meta.url).href;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program(source, close)], {
      cwd: projectRoot,
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('[{"answer":42}]');
  });

  it('loads the compiled JavaScript worker without tsx', async () => {
    const compiledClient = new URL(`file://${join(compiled, 'pglite-worker-client.js')}`).href;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program(compiledClient, true)], { timeout: 60_000 });
    expect(stdout.trim()).toBe('[{"answer":42}]');
  });
});
