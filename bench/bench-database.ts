/**
 * The PostgreSQL run's own database: created fresh on the given server so every benchmark
 * starts from an empty warehouse, and dropped afterwards.
 */

import pg from 'pg';

/** Name of the benchmark database of this process: `codeledger_bench_<pid>`. */
export function benchDatabaseName(pid: number = process.pid): string {
  return `codeledger_bench_${pid}`;
}

/** `serverUrl` pointing at database `name` instead (credentials, host and options kept). */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server (dropping a leftover of the same name first) and
 * returns its URL.
 *
 * @example
 * const url = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres', benchDatabaseName());
 */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  await onServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrlFor(serverUrl, name);
}

/** Drops database `name` (closing any sessions still connected to it). */
export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Whether database `name` exists on the server. */
export async function benchDatabaseExists(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}
