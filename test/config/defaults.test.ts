import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, type ResolvedConfig } from '../../pipeline/config/index.js';
import { temporaryDirectory } from './problems.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function tempDir(): string {
  const { dir, remove } = temporaryDirectory('codeledger-defaults-');
  cleanups.push(remove);
  return realpathSync(dir);
}

function expectedDefaults(baseDir: string, repoPath: string): ResolvedConfig {
  return {
    version: 1,
    baseDir,
    warehouse: { url: null, urlEnv: 'DATABASE_URL', urlEnvRequired: false, dataDir: path.join(baseDir, '.codeledger/warehouse') },
    cacheDir: path.join(baseDir, '.codeledger/cache'),
    dashboard: { outDir: path.join(baseDir, 'codeledger-dashboard'), enabled: true },
    repos: [
      {
        name: path.basename(repoPath),
        path: repoPath,
        url: null,
        branch: null,
        stack: null,
        team: null,
        releaseTagPattern: '*',
        kinds: [],
        stacks: [],
        exclude: [],
      },
    ],
    people: [],
    teams: [],
    identities: { rosterFile: null, overridesFile: null, overrides: [] },
    sources: { github: [], jira: [] },
    links: { jiraProjects: [] },
    agents: { extraBots: [], extraAgents: [] },
    calendar: { timezone: 'UTC', weekStart: 'monday', fiscalYearStartMonth: 1 },
    privacy: { minGroupSize: 3 },
    weights: {
      preset: 'default',
      ops: { add: 1, update: 1, delete: 1, findReplace: 0.3, move: 0, copyPaste: 0, noop: 0 },
      complexity: { enabled: true, factor: 0.25, cap: 2.5 },
      workTypes: {
        feat: 1,
        fix: 1,
        perf: 1,
        refactor: 1,
        untyped: 1,
        chore: 1,
        test: 0.5,
        build: 0.3,
        ci: 0.3,
        config: 0.3,
        style: 0,
        docs: 0,
        'chore(deps)': 0,
        revert: 0,
      },
      testFileWeight: 0.5,
      bulk: { threshold: 300, factor: 0.5 },
      durability: { windowDays: 21, required: true },
      phases: { merged: 0.5, released: 1 },
      gates: {
        whitespace: true,
        comments: true,
        trivial: true,
        generated: true,
        vendored: true,
        docs: true,
        data: true,
        duplicates: true,
        blameIgnoreRevs: true,
        bots: true,
        reverts: true,
      },
    },
    thresholds: {
      updateSimilarity: 0.5,
      moveMinAlphanumeric: 20,
      copyPasteMinLines: 5,
      findReplaceMinLines: 5,
      trivialMinAlphanumeric: 3,
      minifiedAverageLineLength: 110,
    },
    schedule: { cron: '0 2 * * *' },
  };
}

function expectDeeplyFrozen(value: unknown, where = 'config'): void {
  if (value === null || typeof value !== 'object') return;
  expect(Object.isFrozen(value), `${where} is frozen`).toBe(true);
  for (const [key, item] of Object.entries(value)) expectDeeplyFrozen(item, `${where}.${key}`);
}

describe('defaults', () => {
  it('fills every setting when there is no file, analysing the git repository around the working directory', () => {
    const root = tempDir();
    execFileSync('git', ['init', '-q', root]);
    const nested = path.join(root, 'src', 'app');
    mkdirSync(nested, { recursive: true });

    const config = defaultConfig({ baseDir: nested });

    expect(config).toEqual(expectedDefaults(nested, root));
  });

  it('uses the working directory itself when it is not inside a git repository', () => {
    const dir = tempDir();
    expect(defaultConfig({ baseDir: dir }).repos[0]).toMatchObject({ name: path.basename(dir), path: dir });
  });

  it('treats an empty file, a comment-only file and empty sections exactly like no file', () => {
    const dir = tempDir();
    const empty = defaultConfig({ baseDir: dir });
    expect(parseConfig('', { baseDir: dir })).toEqual(empty);
    expect(parseConfig('# nothing configured yet\n', { baseDir: dir })).toEqual(empty);
    expect(parseConfig('version: 1\nweights:\ncalendar: ~\nwarehouse: { url: null }\n', { baseDir: dir })).toEqual(empty);
  });

  it('freezes the whole resolved configuration', () => {
    const config = parseConfig("repos: [{ path: ., kinds: [{ glob: 'gen/**', kind: generated }] }]", { baseDir: tempDir() });
    expectDeeplyFrozen(config);
    expect(() => {
      (config.weights.ops as { add: number }).add = 5;
    }).toThrow(TypeError);
  });

  it('resolves relative paths against the base directory and expands ~', () => {
    const base = tempDir();
    const config = parseConfig(
      ['cacheDir: ../cache', 'warehouse: { dataDir: /var/lib/codeledger }', 'dashboard: { outDir: ~/site }', 'repos: [{ path: ./web }]'].join(
        '\n',
      ),
      { baseDir: base },
    );
    expect(config.cacheDir).toBe(path.resolve(base, '../cache'));
    expect(config.warehouse.dataDir).toBe('/var/lib/codeledger');
    expect(config.dashboard.outDir).toBe(path.join(homedir(), 'site'));
    expect(config.repos[0]).toMatchObject({ name: 'web', path: path.join(base, 'web'), url: null });
  });

  it('names repositories after their path or URL unless a name is given', () => {
    const base = tempDir();
    const config = parseConfig(
      [
        'repos:',
        '  - url: https://github.com/acme/web.git',
        '  - url: git@github.com:acme/api-server.git',
        '  - url: ssh://git@example.com/tools/cli/',
        '  - { path: ., name: platform/monorepo }',
      ].join('\n'),
      { baseDir: base },
    );
    expect(config.repos.map((repo) => repo.name)).toEqual(['web', 'api-server', 'cli', 'platform/monorepo']);
    expect(config.repos[3]!.path).toBe(base);
  });

  it('lower-cases roster e-mails, defaults people to human and keeps identity patterns as written', () => {
    const config = parseConfig(
      [
        'people:',
        '  - { name: Alice Doe, emails: [Alice@Example.com] }',
        '  - { name: Deploy, emails: [deploy@ci.example.com], kind: bot }',
        "agents: { extraAgents: [{ email: '*@agents.example.com', name: 'Helper*' }], extraBots: [{ login: release-bot }] }",
      ].join('\n'),
      { baseDir: tempDir() },
    );
    expect(config.people).toEqual([
      { name: 'Alice Doe', emails: ['alice@example.com'], github: [], jira: [], kind: 'human', memberships: [] },
      { name: 'Deploy', emails: ['deploy@ci.example.com'], github: [], jira: [], kind: 'bot', memberships: [] },
    ]);
    expect(config.agents).toEqual({
      extraAgents: [{ email: '*@agents.example.com', name: 'Helper*' }],
      extraBots: [{ login: 'release-bot' }],
    });
  });

  it('canonicalises the letter case of a time zone', () => {
    const config = parseConfig('calendar: { timezone: europe/berlin, weekStart: sunday, fiscalYearStartMonth: 4 }', {
      baseDir: tempDir(),
    });
    expect(config.calendar).toEqual({ timezone: 'Europe/Berlin', weekStart: 'sunday', fiscalYearStartMonth: 4 });
  });
});
