/**
 * Command-line arguments of `npm run bench`, parsed with commander into a plain options
 * object (no side effects: errors are thrown, never printed or exited on).
 */

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

/** Warehouse backends the benchmark can run against. */
export type BenchBackend = 'postgres' | 'pglite';

/** Every backend, in report order. */
export const BENCH_BACKENDS: readonly BenchBackend[] = ['postgres', 'pglite'];

/** Server on which the PostgreSQL run creates (and later drops) its own database. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Size of the synthetic repository generated when no repository is given. */
export const DEFAULT_SYNTHETIC_SIZE = Object.freeze({ commits: 12_000, patchMb: 450, seed: 1 });

/** Parsed benchmark options. */
export interface BenchOptions {
  /** Repository to measure; null: generate the synthetic one. */
  repo: string | null;
  json: boolean;
  /** Synthetic repository size (ignored when `repo` is given). */
  commits: number;
  patchMb: number;
  seed: number;
  backends: BenchBackend[];
  /** Server URL the fresh benchmark database is created on. */
  databaseUrl: string;
  /** Keep the benchmark database and PGlite data directory instead of removing them. */
  keep: boolean;
}

/** Wrong arguments; the message says what and how to fix it. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

function positiveNumber(flag: string, integer: boolean) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
      throw new InvalidArgumentError(`${flag} must be a positive ${integer ? 'integer' : 'number'}`);
    }
    return parsed;
  };
}

function backendList(value: string): BenchBackend[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(BENCH_BACKENDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown backend ${unknown.join(', ') || '(none)'}; use ${BENCH_BACKENDS.join(',')}`);
  }
  return BENCH_BACKENDS.filter((backend) => names.includes(backend));
}

/** The commander definition (also used to print `--help`). */
export function benchCommand(): Command {
  return new Command('bench')
    .description(
      "Time git's own patch read of a repository's history (the floor) against codeledger's full analysis into the warehouse. " +
        'Without a repository, a deterministic synthetic one is generated first (and reused on later runs).',
    )
    .argument('[repo]', 'repository to measure (default: the synthetic repository)')
    .option('--json', 'print one JSON object instead of key: value lines')
    .option('--commits <n>', 'commits of the synthetic repository', positiveNumber('--commits', true), DEFAULT_SYNTHETIC_SIZE.commits)
    .option('--patch-mb <n>', 'patch volume of the synthetic repository in MB', positiveNumber('--patch-mb', false), DEFAULT_SYNTHETIC_SIZE.patchMb)
    .addOption(new Option('--seed <n>', 'seed of the synthetic repository').argParser(positiveNumber('--seed', true)).default(DEFAULT_SYNTHETIC_SIZE.seed).hideHelp())
    .addOption(new Option('--backends <list>', 'comma-separated warehouse backends').argParser(backendList).default([...BENCH_BACKENDS], BENCH_BACKENDS.join(',')))
    .option('--database-url <url>', 'PostgreSQL server to create the benchmark database on', DEFAULT_BENCH_DATABASE_URL)
    .option('--keep', 'keep the benchmark database and PGlite data directory')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
}

/**
 * Parses the user's arguments (without the `node script` prefix).
 *
 * @example
 * parseBenchArgs(['../shop', '--backends', 'pglite', '--json']);
 * // { repo: '../shop', backends: ['pglite'], json: true, … }
 */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const command = benchCommand();
  try {
    command.parse(args as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new BenchUsageError(error.message.replace(/^error: /, ''));
    throw error;
  }
  const options = command.opts<{ json?: boolean; commits: number; patchMb: number; seed: number; backends: BenchBackend[]; databaseUrl: string; keep?: boolean }>();
  try {
    new URL(options.databaseUrl);
  } catch {
    throw new BenchUsageError(`--database-url is not a URL: ${options.databaseUrl}`);
  }
  return {
    repo: command.args[0] ?? null,
    json: options.json ?? false,
    commits: options.commits,
    patchMb: options.patchMb,
    seed: options.seed,
    backends: options.backends,
    databaseUrl: options.databaseUrl,
    keep: options.keep ?? false,
  };
}
