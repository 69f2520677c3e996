import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { problemsOf } from '../config/problems.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('sources.github in codeledger.yaml', () => {
  it('applies the defaults to a minimal entry', () => {
    const config = parseConfig('sources: { github: [ { name: acme, org: acme } ] }', { baseDir: '/srv' });
    expect(config.sources.github).toEqual([
      {
        name: 'acme',
        baseUrl: 'https://api.github.com',
        org: 'acme',
        repos: null,
        include: [],
        exclude: [],
        includeArchived: false,
        includeForks: false,
        credentials: { kind: 'token', tokenEnv: 'GITHUB_TOKEN' },
        issues: { bugLabels: ['bug'], incidentLabels: ['incident'], requirementLabels: ['enhancement', 'feature'], escapedLabels: ['production', 'escaped'] },
        productionEnvironments: ['production', 'prod'],
        releasesAreProduction: true,
        repoMap: {},
        pageSize: 100,
      },
    ]);
    expect(Object.isFrozen(config.sources.github[0]!.credentials)).toBe(true);
  });

  it('reads GitHub Enterprise Server over plain http, a repository list, an App and every rule', () => {
    const config = parseConfig(
      [
        'sources:',
        '  github:',
        '    - name: ghe',
        '      baseUrl: http://ghe.internal/api/v3/',
        '      repos: [platform/web, platform/api]',
        '      include: ["platform/*"]',
        '      exclude: [api]',
        '      app: { appIdEnv: GHE_APP_ID, privateKeyEnv: GHE_APP_KEY, installationId: 7 }',
        '      issues: { bugLabels: [defect], escapedLabels: [prod-bug] }',
        '      productionEnvironments: ["prod-*"]',
        '      releasesAreProduction: false',
        '      repoMap: { platform/web: web-frontend }',
        '      pageSize: 50',
      ].join('\n'),
      { baseDir: '/srv' },
    );
    expect(config.sources.github[0]).toMatchObject({
      baseUrl: 'http://ghe.internal/api/v3',
      org: null,
      repos: ['platform/web', 'platform/api'],
      credentials: { kind: 'app', appIdEnv: 'GHE_APP_ID', privateKeyEnv: 'GHE_APP_KEY', installationId: 7 },
      issues: { bugLabels: ['defect'], incidentLabels: ['incident'], escapedLabels: ['prod-bug'] },
      productionEnvironments: ['prod-*'],
      releasesAreProduction: false,
      repoMap: { 'platform/web': 'web-frontend' },
      pageSize: 50,
    });
  });

  it('reports every problem with its path, never echoing a secret', () => {
    const problems = problemsOf(
      [
        'sources:',
        '  github:',
        '    - name: both',
        '      org: acme',
        '      repos: [acme/web]',
        '    - name: neither',
        '      baseUrl: ftp://ghe.internal',
        '      pageSize: 500',
        '    - name: bad',
        '      org: acme',
        '      repos: null',
        '      tokenEnv: ghp_abc123secretvalue-with-dash',
        '    - name: literal',
        '      org: acme',
        '      token: ghp_abc123',
        '    - name: shapes',
        '      repos: [not-a-full-name]',
        '      app: { appIdEnv: A, privateKeyEnv: B, installationId: 1 }',
        '      tokenEnv: GITHUB_TOKEN',
        '    - name: Both',
        '      org: other',
      ].join('\n'),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources.github[0]: give either org or repos, not both',
        'sources.github[1]: one of org or repos is required',
        expect.stringMatching(/^sources\.github\[1\]\.baseUrl: expected an http:\/\/ or https:\/\/ URL/),
        expect.stringMatching(/^sources\.github\[1\]\.pageSize: /),
        'sources.github[2].tokenEnv: expected the name of an environment variable (letters, digits and _)',
        expect.stringMatching(/^sources\.github\[3\]\.token: secrets must not be written in the config file/),
        'sources.github[4].repos[0]: expected owner/name, e.g. acme/web',
        'sources.github[4].tokenEnv: give either tokenEnv or app, not both',
        expect.stringMatching(/^sources\.github\[5\]\.name: duplicate GitHub source name "Both"/),
      ]),
    );
    expect(problems.join('\n')).not.toContain('ghp_abc123');
  });

  it('is shown in codeledger.example.yaml', () => {
    const config = parseConfig(readFileSync(path.join(repoRoot, 'codeledger.example.yaml'), 'utf8'), { baseDir: '/srv' });
    expect(config.sources.github.map((source) => [source.name, source.org, source.credentials.kind])).toEqual([['acme', 'acme', 'token']]);
  });
});
