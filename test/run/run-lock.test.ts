import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunLockedError, withRunLock } from '../../pipeline/run/run-lock.js';
import { openWarehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends, TEST_SERVER_URL } from '../helpers/warehouses.js';

// Advisory locks belong to one database: both warehouses must open the same one.
const postgres = backends.some((backend) => backend.name === 'postgres')
  ? { open: () => openWarehouse({ url: TEST_SERVER_URL, migrate: false }) }
  : undefined;

describe.skipIf(!postgres)('the run lock on PostgreSQL', () => {
  it('refuses a second holder while the first runs, and frees the lock afterwards', async () => {
    const first = await postgres!.open();
    const second = await postgres!.open();
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const running = withRunLock(first, {}, async () => {
        entered();
        await held;
        return 'first done';
      });
      await inside;
      await expect(withRunLock(second, {}, async () => 'second ran')).rejects.toThrow(RunLockedError);
      await expect(withRunLock(second, {}, async () => 'second ran')).rejects.toThrow(/another codeledger run is using this warehouse/);
      release();
      expect(await running).toBe('first done');
      expect(await withRunLock(second, {}, async () => 'second ran')).toBe('second ran');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('releases the lock when the task fails', async () => {
    const warehouse = await postgres!.open();
    try {
      await expect(withRunLock(warehouse, {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await withRunLock(warehouse, {}, async () => 'again')).toBe('again');
    } finally {
      await warehouse.close();
    }
  });
});

describe('the run lock on an embedded warehouse kept on disk', () => {
  const cleanups: string[] = [];
  afterEach(async () => {
    for (const dir of cleanups.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function dataDir(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'codeledger-lock-'));
    cleanups.push(dir);
    return join(dir, 'warehouse');
  }

  it('holds a lock file next to the data directory for the length of the task', async () => {
    const dir = await dataDir();
    const warehouse = await openWarehouse({ migrate: false });
    try {
      const seen = await withRunLock(warehouse, { dataDir: dir }, async () => {
        expect(existsSync(`${dir}.lock`)).toBe(true);
        await expect(withRunLock(warehouse, { dataDir: dir }, async () => 'nested')).rejects.toThrow(RunLockedError);
        return 'ran';
      });
      expect(seen).toBe('ran');
      expect(existsSync(`${dir}.lock`)).toBe(false);
    } finally {
      await warehouse.close();
    }
  });

  it('takes over a lock file left by a process that no longer exists', async () => {
    const dir = await dataDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${dir}.lock`, `${gone.stdout}\n2026-01-01T00:00:00.000Z\n`);
    const warehouse = await openWarehouse({ migrate: false });
    try {
      expect(await withRunLock(warehouse, { dataDir: dir }, async () => 'ran')).toBe('ran');
      expect(existsSync(`${dir}.lock`)).toBe(false);
    } finally {
      await warehouse.close();
    }
  });

  it('does not lock an in-memory warehouse (nothing else can reach it)', async () => {
    const warehouse = await openWarehouse({ migrate: false });
    try {
      const nested = await withRunLock(warehouse, {}, () => withRunLock(warehouse, {}, async () => 'both ran'));
      expect(nested).toBe('both ran');
    } finally {
      await warehouse.close();
    }
  });
});
