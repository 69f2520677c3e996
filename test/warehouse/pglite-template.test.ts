import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateName } from '../../pipeline/warehouse/pglite-template.js';
import { PGliteWorkerClient } from '../../pipeline/warehouse/pglite-worker-client.js';

/** The gzip magic number: what a packed cluster starts with. */
const GZIP_MAGIC = [0x1f, 0x8b];

describe('fresh PGlite databases from cached templates', () => {
  let folder: string;
  let cacheDir: string;
  let clusterTarball: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'codeledger-template-'));
    cacheDir = join(folder, 'cache');
    clusterTarball = join(cacheDir, templateName('cluster', 'tarball'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Starts a client on the test's cache, runs `work`, and always closes it. */
  async function withClient<T>(options: { dataDir?: string; preferredTemplate?: string }, work: (client: PGliteWorkerClient) => Promise<T>) {
    const client = await PGliteWorkerClient.start({ ...options, templateCacheDir: cacheDir });
    try {
      return await work(client);
    } finally {
      await client.close();
    }
  }

  const tableExists = async (client: PGliteWorkerClient, table: string) =>
    (await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table])).rows[0]!.found !== null;

  it('names templates after the PGlite version, the variant and the form', () => {
    expect(templateName('cluster', 'tarball')).toMatch(/^pglite-\d+\.\d+\.\d+[\w.-]*-cluster-v1\.tar\.gz$/);
    expect(templateName('schema-0123', 'folder')).toMatch(/^pglite-\d+\.\d+\.\d+[\w.-]*-schema-0123-v1$/);
  });

  it('runs initdb for the first fresh database, replacing a damaged template, and packs the result', async () => {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(clusterTarball, 'not a tarball');
    await withClient({}, async (first) => {
      expect(first.origin).toBe('initdb');
      expect((await first.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      expect([...(await readFile(clusterTarball)).subarray(0, 2)]).toEqual(GZIP_MAGIC);
      // Written after the template was taken, so it must not reach later databases.
      await first.exec('CREATE TABLE only_in_first (id int)');
    });
  });

  it('copies later fresh databases from it, in memory and on disk, each starting empty', async () => {
    await withClient({}, async (inMemory) => {
      expect([inMemory.origin, inMemory.template]).toEqual(['template', 'cluster']);
      expect(await tableExists(inMemory, 'only_in_first')).toBe(false);
    });

    const dataDir = join(folder, 'disk', 'warehouse');
    await withClient({ dataDir }, async (onDisk) => {
      expect([onDisk.origin, onDisk.template]).toEqual(['template', 'cluster']);
      await onDisk.exec('CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    // Started from the tarball for want of a folder, it left the folder form for the next one.
    const clusterFolder = join(cacheDir, templateName('cluster', 'folder'));
    expect(existsSync(join(clusterFolder, 'PG_VERSION'))).toBe(true);
    await withClient({ dataDir: join(folder, 'disk', 'second') }, async (second) => {
      expect([second.origin, second.template]).toEqual(['template', 'cluster']);
      expect(await tableExists(second, 'kept')).toBe(false);
    });
    await withClient({ dataDir }, async (reopened) => {
      expect([reopened.origin, reopened.template]).toEqual(['existing', undefined]);
      expect((await reopened.query('SELECT id FROM kept')).rows).toEqual([{ id: 7 }]);
    });
  });

  it('saves a database on disk as a folder template that later fresh databases on disk prefer', async () => {
    const source = join(folder, 'schema-source');
    await withClient({ dataDir: source }, async (client) => {
      await client.exec('CREATE TABLE core_like (id int); INSERT INTO core_like VALUES (1)');
      await client.saveTemplate('schema-test');
    });
    const saved = join(cacheDir, templateName('schema-test', 'folder'));
    expect(existsSync(join(saved, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(saved, 'postmaster.pid'))).toBe(false);

    await withClient({ dataDir: join(folder, 'from-schema'), preferredTemplate: 'schema-test' }, async (copy) => {
      expect([copy.origin, copy.template]).toEqual(['template', 'schema-test']);
      expect((await copy.query('SELECT id FROM core_like')).rows).toEqual([{ id: 1 }]);
    });
    // In memory only a tarball will do, and there is none of that variant: the cluster it is.
    await withClient({ preferredTemplate: 'schema-test' }, async (inMemory) => {
      expect([inMemory.origin, inMemory.template]).toEqual(['template', 'cluster']);
    });
  });

  it('keeps one schema template per form: saving another removes the older', async () => {
    await withClient({ dataDir: join(folder, 'newer-schema') }, (client) => client.saveTemplate('schema-newer'));
    expect(existsSync(join(cacheDir, templateName('schema-newer', 'folder')))).toBe(true);
    expect(existsSync(join(cacheDir, templateName('schema-test', 'folder')))).toBe(false);
    expect(existsSync(clusterTarball)).toBe(true);
  });

  it('ignores a cache folder other users could write to, since a template becomes a whole database', async () => {
    const shared = join(folder, 'shared-cache');
    await mkdir(shared);
    await chmod(shared, 0o777);
    await copyFile(clusterTarball, join(shared, templateName('cluster', 'tarball')));
    const client = await PGliteWorkerClient.start({ templateCacheDir: shared });
    try {
      expect(client.origin).toBe('initdb');
    } finally {
      await client.close();
    }
    expect(await readdir(shared)).toEqual([templateName('cluster', 'tarball')]);
  });

  it('leaves a folder holding other files to PGlite, copying nothing over it', async () => {
    const dataDir = join(folder, 'occupied');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'notes.txt'), 'mine');
    await withClient({ dataDir }, async (client) => {
      expect(client.origin).toBe('initdb');
    });
    expect(await readFile(join(dataDir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
