import { describe, expect, it } from 'vitest';
import { canonicalJson, configHash, parseConfig } from '../../pipeline/config/index.js';

const hashOf = (yamlText: string, baseDir = '/srv/metrics') => configHash(parseConfig(yamlText, { baseDir }));

const reference = [
  'weights:',
  '  preset: default',
  '  ops: { add: 1, delete: 1.5 }',
  'calendar: { timezone: Europe/Berlin, weekStart: monday }',
  'repos:',
  "  - { name: web, path: ../web, stack: frontend, releaseTagPattern: 'v*', kinds: [{ glob: 'gen/**', kind: generated }] }",
  '  - { name: api, url: https://github.com/acme/api.git, exclude: [fixtures/**] }',
].join('\n');

describe('configHash', () => {
  it('is a sha256 hex digest and stable for the same settings', () => {
    const hash = hashOf(reference);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(reference)).toBe(hash);
  });

  it('does not depend on key order, repository order or the preset name when values agree', () => {
    const reordered = [
      'repos:',
      '  - { exclude: [fixtures/**], url: https://github.com/acme/api.git, name: api }',
      "  - { kinds: [{ kind: generated, glob: 'gen/**' }], releaseTagPattern: 'v*', stack: frontend, path: ../web, name: web }",
      'calendar: { weekStart: monday, timezone: Europe/Berlin }',
      'weights:',
      '  ops: { delete: 1.5, add: 1 }',
    ].join('\n');
    expect(hashOf(reordered)).toBe(hashOf(reference));
    expect(hashOf('weights: { preset: gitclear, ops: { delete: 1 } }')).toBe(hashOf(''));
  });

  it('ignores where things are: paths, URLs, the warehouse, the dashboard and the schedule', () => {
    const moved = reference
      .replace('path: ../web', 'path: /elsewhere/web')
      .replace('https://github.com/acme/api.git', 'git@github.com:acme/api.git');
    const extras = `${moved}\nwarehouse: { dataDir: /data, urlEnv: OTHER_URL }\ncacheDir: /cache\ndashboard: { outDir: /site }\nschedule: { cron: '0 5 * * *' }\nprivacy: { minGroupSize: 5 }`;
    expect(hashOf(extras, '/somewhere/else')).toBe(hashOf(reference));
    const github = (baseUrl: string, tokenEnv: string) =>
      hashOf(`${reference}\nsources: { github: [{ name: acme, org: acme, baseUrl: '${baseUrl}', tokenEnv: ${tokenEnv} }] }`);
    expect(github('https://api.github.com', 'GITHUB_TOKEN')).toBe(github('https://ghe.example.com/api/v3', 'GHE_TOKEN'));
  });

  it('changes when a weight, threshold, calendar setting, identity rule or repository rule changes', () => {
    const base = hashOf(reference);
    const variants = [
      reference.replace('delete: 1.5', 'delete: 2'),
      `${reference}\nthresholds: { moveMinAlphanumeric: 10 }`,
      reference.replace('weekStart: monday', 'weekStart: sunday'),
      `${reference}\nagents: { extraBots: [{ email: '*@ci.example.com' }] }`,
      `${reference}\npeople: [{ name: Deploy, emails: [deploy@example.com], kind: bot }]`,
      reference.replace("releaseTagPattern: 'v*'", "releaseTagPattern: 'release-*'"),
      reference.replace("glob: 'gen/**'", "glob: 'generated/**'"),
      reference.replace('exclude: [fixtures/**]', 'exclude: [fixtures/**, vendor/**]'),
      reference.replace('stack: frontend', 'stack: mobile'),
      `${reference}\nteams: [{ name: web }]\npeople: [{ name: Ann, emails: [ann@example.com], memberships: [{ team: web, fte: 0.5 }] }]`,
      `${reference}\npeople: [{ name: Ann, emails: [ann@example.com], github: [ann-gh] }]`,
      `${reference}\nlinks: { jiraProjects: [ABC] }`,
      `${reference}\nsources: { jira: [{ name: acme, url: 'https://acme.example.com', projects: [ABC], tokenEnv: JIRA_TOKEN }] }`,
      `${reference}\nsources: { github: [{ name: acme, org: acme, productionEnvironments: [live] }] }`,
    ];
    const hashes = variants.map((text) => hashOf(text));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: undefined, f: null })).toBe('{"a":[2,{"c":4,"d":3}],"b":1,"f":null}');
    expect(canonicalJson([3, 1])).not.toBe(canonicalJson([1, 3]));
  });
});
