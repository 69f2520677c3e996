import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultConfig,
  loadConfig,
  parseConfig,
  readRequiredEnv,
  resolveWarehouseUrl,
} from '../../pipeline/config/index.js';
import { problemsOf, temporaryDirectory } from './problems.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function tempDir(): string {
  const { dir, remove } = temporaryDirectory('codeledger-env-');
  cleanups.push(remove);
  return realpathSync(dir);
}

async function loadProblems(options: Parameters<typeof loadConfig>[0]): Promise<string[]> {
  try {
    await loadConfig(options);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('secrets', () => {
  it('rejects literal secrets and points to the environment-variable form', () => {
    expect(problemsOf('warehouse: { password: hunter2 }\ngithubToken: abc\napiKey: xyz')).toEqual([
      "warehouse.password: secrets must not be written in the config file; put it in an environment variable and give that variable's name in urlEnv",
      "githubToken: secrets must not be written in the config file; put it in an environment variable and give that variable's name as githubTokenEnv",
      "apiKey: secrets must not be written in the config file; put it in an environment variable and give that variable's name as apiKeyEnv",
    ]);
  });

  it('rejects a warehouse URL carrying a password without echoing it', () => {
    const problems = problemsOf('warehouse: { url: "postgres://metrics:s3cret@db.example.com/metrics" }');
    expect(problems).toEqual([
      'warehouse.url: contains a password; put the whole URL in an environment variable and give its name in urlEnv',
    ]);
    expect(problems.join('\n')).not.toContain('s3cret');
    expect(problemsOf('warehouse: { url: "postgres://db.example.com/metrics?password=s3cret" }')).toHaveLength(1);
  });

  it('rejects clone URLs with credentials, and a pasted URL where a variable name belongs, without echoing them', () => {
    const problems = problemsOf(
      [
        'warehouse: { urlEnv: "postgres://metrics:s3cret@db/metrics" }',
        'repos:',
        '  - url: https://x-access-token:s3cret@github.com/acme/web.git',
        '  - url: https://ghp_s3cret@github.com/acme/api.git',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'warehouse.urlEnv: expected the name of an environment variable (letters, digits and _) (this looks like the value itself; put it in the environment instead)',
      "repos[0].url: contains credentials; remove them and let git's credential helper or an SSH key provide access",
      "repos[1].url: contains credentials; remove them and let git's credential helper or an SSH key provide access",
    ]);
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('accepts a warehouse URL without a password', () => {
    expect(parseConfig('warehouse: { url: "postgresql://metrics@db.example.com:5432/metrics" }', { baseDir: '.' }).warehouse.url).toBe(
      'postgresql://metrics@db.example.com:5432/metrics',
    );
    expect(problemsOf('warehouse: { url: "mysql://db/metrics" }')).toEqual([
      'warehouse.url: expected a postgres:// or postgresql:// URL',
    ]);
  });
});

describe('warehouse URL resolution', () => {
  const base = { baseDir: '.' };

  it('prefers the literal url, then the environment variable, then the embedded warehouse', () => {
    const literal = parseConfig('warehouse: { url: "postgres://db/a" }', base);
    expect(resolveWarehouseUrl(literal, { DATABASE_URL: 'postgres://db/b' })).toBe('postgres://db/a');

    const defaults = defaultConfig(base);
    expect(resolveWarehouseUrl(defaults, { DATABASE_URL: 'postgres://db/b' })).toBe('postgres://db/b');
    expect(resolveWarehouseUrl(defaults, {})).toBeNull();
    expect(resolveWarehouseUrl(defaults, { DATABASE_URL: '' })).toBeNull();
  });

  it('reads the variable the file names, and fails naming it and what needs it when it is unset', () => {
    const config = parseConfig('warehouse: { urlEnv: METRICS_DB_URL }', base);
    expect(config.warehouse).toMatchObject({ urlEnv: 'METRICS_DB_URL', urlEnvRequired: true });
    expect(resolveWarehouseUrl(config, { METRICS_DB_URL: 'postgres://db/m', DATABASE_URL: 'postgres://db/other' })).toBe(
      'postgres://db/m',
    );
    expect(() => resolveWarehouseUrl(config, { DATABASE_URL: 'postgres://db/other' })).toThrowError(
      /warehouse\.urlEnv: environment variable METRICS_DB_URL is not set; the warehouse connection needs it/,
    );
  });

  it('readRequiredEnv names the variable, the config path and the consumer', () => {
    const need = { variable: 'GITHUB_TOKEN', configPath: 'github.tokenEnv', neededFor: 'the GitHub collector' };
    expect(readRequiredEnv({ GITHUB_TOKEN: 't' }, need)).toBe('t');
    try {
      readRequiredEnv({}, need);
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'github.tokenEnv: environment variable GITHUB_TOKEN is not set; the GitHub collector needs it',
      ]);
    }
  });
});

describe('loadConfig', () => {
  it('returns the defaults and no file when the working directory has no codeledger.yaml', async () => {
    const cwd = tempDir();
    const { config, file } = await loadConfig({ cwd, env: {} });
    expect(file).toBeNull();
    expect(config).toEqual(defaultConfig({ baseDir: cwd }));
  });

  it('reads codeledger.yaml from the working directory', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'codeledger.yaml'), 'weights: { preset: gitclear }\nrepos: [{ path: ../web }]\n');
    const { config, file } = await loadConfig({ cwd, env: {} });
    expect(file).toBe(path.join(cwd, 'codeledger.yaml'));
    expect(config.weights.ops.delete).toBe(2.5);
    expect(config.repos[0]!.path).toBe(path.resolve(cwd, '../web'));
  });

  it('resolves paths in a named file against that file, and names the file in problems', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'conf'));
    writeFileSync(path.join(cwd, 'conf', 'team.yaml'), 'cacheDir: cache\n');
    const { config, file } = await loadConfig({ cwd, file: 'conf/team.yaml', env: {} });
    expect(file).toBe(path.join(cwd, 'conf', 'team.yaml'));
    expect(config.cacheDir).toBe(path.join(cwd, 'conf', 'cache'));
    expect(config.baseDir).toBe(path.join(cwd, 'conf'));

    writeFileSync(path.join(cwd, 'conf', 'broken.yaml'), 'privacy: {\n');
    await expect(loadConfig({ cwd, file: 'conf/broken.yaml', env: {} })).rejects.toThrowError(/conf\/broken\.yaml:2:1: /);
  });

  it('fails when a named file does not exist', async () => {
    const cwd = tempDir();
    expect(await loadProblems({ cwd, file: 'missing.yaml', env: {} })).toEqual([
      `missing.yaml: config file not found (looked for ${path.join(cwd, 'missing.yaml')})`,
    ]);
  });

  it('fails fast when a variable the file names is not set', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'codeledger.yaml'), 'warehouse:\n  urlEnv: METRICS_DB_URL\n');
    expect(await loadProblems({ cwd, env: {} })).toEqual([
      'warehouse.urlEnv: environment variable METRICS_DB_URL is not set; the warehouse connection needs it',
    ]);
    const { config } = await loadConfig({ cwd, env: { METRICS_DB_URL: 'postgres://db/m' } });
    expect(config.warehouse.urlEnv).toBe('METRICS_DB_URL');
  });
});
