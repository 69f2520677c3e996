import { open, readFile, rm } from 'node:fs/promises';
import type { Warehouse } from '../warehouse/open-warehouse.js';

/**
 * Key of the PostgreSQL advisory lock every codeledger run holds. Any fixed 64-bit number works;
 * this one is the first eight bytes of sha1("codeledger run") so it will not collide with a
 * lock another application picked by hand.
 */
export const RUN_LOCK_KEY = '4622374108760337611';

/** Another run holds the warehouse. */
export class RunLockedError extends Error {
  constructor(readonly holder: string) {
    super(`another codeledger run is using this warehouse (${holder}); try again when it has finished`);
    this.name = 'RunLockedError';
  }
}

/** Where the lock lives. */
export interface RunLockOptions {
  /** For an embedded warehouse kept on disk: its data directory (the lock file sits next to it). */
  dataDir?: string | null;
}

/**
 * Run `task` while holding the warehouse's run lock, so two runs (two schedulers, a scheduler and
 * a manual run) never collect and compute into the same warehouse at once — overlapping runs
 * would fetch the same pages twice and race on the cursors.
 *
 * - PostgreSQL: a session-level advisory lock on a connection of its own, released when the task
 *   ends or the process dies (the server drops the session).
 * - Embedded warehouse on disk: a lock file next to the data directory holding the owner's pid; a
 *   file left by a process that no longer exists is taken over.
 * - Embedded warehouse in memory: nothing can share it, so no lock.
 *
 * @throws RunLockedError when another run holds the lock
 * @example
 * await withRunLock(warehouse, { dataDir }, () => analyseEverything());
 */
export async function withRunLock<T>(warehouse: Warehouse, options: RunLockOptions, task: () => Promise<T>): Promise<T> {
  if (warehouse.backend === 'postgres') return withAdvisoryLock(warehouse, task);
  if (options.dataDir) return withLockFile(`${options.dataDir.replace(/[/\\]+$/, '')}.lock`, task);
  return task();
}

async function withAdvisoryLock<T>(warehouse: Warehouse, task: () => Promise<T>): Promise<T> {
  return warehouse.withSession(async (session) => {
    const attempt = await session.query(`SELECT pg_try_advisory_lock(${RUN_LOCK_KEY}) AS locked`);
    if (attempt.rows[0]?.[0] !== true) {
      const holder = await session.query(
        `SELECT coalesce(max(a.application_name || ' pid ' || l.pid), 'unknown') FROM pg_locks AS l
           LEFT JOIN pg_stat_activity AS a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted
            AND ((l.classid::bigint << 32) | l.objid::bigint) = ${RUN_LOCK_KEY}::bigint`,
      );
      throw new RunLockedError(`PostgreSQL session: ${String(holder.rows[0]?.[0] ?? 'unknown')}`);
    }
    try {
      return await task();
    } finally {
      await session.query(`SELECT pg_advisory_unlock(${RUN_LOCK_KEY})`).catch(() => undefined);
    }
  });
}

async function withLockFile<T>(path: string, task: () => Promise<T>): Promise<T> {
  await takeLockFile(path);
  try {
    return await task();
  } finally {
    await rm(path, { force: true });
  }
}

async function takeLockFile(path: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pidText = '', since = ''] = (await readFile(path, 'utf8').catch(() => '')).split('\n');
    const pid = Number(pidText);
    if (Number.isInteger(pid) && pid > 0 && processExists(pid)) {
      throw new RunLockedError(`process ${pid} since ${since || 'an unknown time'}, lock file ${path}`);
    }
    // The owner is gone (killed, machine restarted): the lock is stale.
    await rm(path, { force: true });
  }
  throw new RunLockedError(`lock file ${path}`);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
