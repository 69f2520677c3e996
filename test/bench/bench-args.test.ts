import { describe, expect, it } from 'vitest';
import { BenchUsageError, DEFAULT_BENCH_DATABASE_URL, parseBenchArgs } from '../../bench/bench-args.js';

describe('parseBenchArgs', () => {
  it('defaults to the synthetic repository and both backends', () => {
    expect(parseBenchArgs([])).toEqual({
      repo: null,
      json: false,
      commits: 12_000,
      patchMb: 450,
      seed: 1,
      backends: ['postgres', 'pglite'],
      databaseUrl: DEFAULT_BENCH_DATABASE_URL,
      keep: false,
    });
  });

  it('takes a repository, --json, --keep and a database URL', () => {
    const options = parseBenchArgs(['../shop', '--json', '--keep', '--database-url', 'postgres://bench@db.example:6543/admin']);
    expect(options.repo).toBe('../shop');
    expect(options.json).toBe(true);
    expect(options.keep).toBe(true);
    expect(options.databaseUrl).toBe('postgres://bench@db.example:6543/admin');
  });

  it('parses the synthetic size', () => {
    const options = parseBenchArgs(['--commits', '2000', '--patch-mb', '75.5']);
    expect(options.commits).toBe(2000);
    expect(options.patchMb).toBe(75.5);
  });

  it('keeps the backends in report order whatever order they are given in', () => {
    expect(parseBenchArgs(['--backends', 'pglite']).backends).toEqual(['pglite']);
    expect(parseBenchArgs(['--backends', 'pglite, postgres']).backends).toEqual(['postgres', 'pglite']);
  });

  it.each([
    [['--backends', 'mysql'], /unknown backend mysql/],
    [['--backends', ','], /unknown backend/],
    [['--commits', '0'], /--commits must be a positive integer/],
    [['--commits', '1.5'], /--commits must be a positive integer/],
    [['--patch-mb', 'lots'], /--patch-mb must be a positive number/],
    [['--database-url', 'not a url'], /--database-url is not a URL/],
    [['--frobnicate'], /unknown option/],
    [['a', 'b'], /too many arguments/],
  ])('rejects %j', (args, message) => {
    expect(() => parseBenchArgs(args)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(args)).toThrow(message);
  });
});
