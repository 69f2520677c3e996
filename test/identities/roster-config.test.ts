import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { problemsOf } from '../config/problems.js';

const lines = (...text: string[]) => text.join('\n');
const baseDir = path.join(tmpdir(), 'codeledger-roster-test');

describe('the roster in codeledger.yaml', () => {
  it('resolves people with identities and dated memberships, nested teams with ownership, and identity settings', () => {
    const config = parseConfig(
      lines(
        'repos:',
        '  - { name: web, path: ./web, team: web }',
        '  - { name: api, path: ./api }',
        'people:',
        '  - name: Ann Lee',
        '    emails: [Ann@Corp.example]',
        '    github: [Ann-Lee]',
        '    jira: [5b10ac8d82e05b22cc7d4ef5]',
        '    memberships:',
        '      - { team: Web, role: frontend, fte: 0.5, from: 2024-01-01 }',
        '      - { team: api, role: backend, fte: 0.5, from: 2024-01-01, to: 2024-06-30 }',
        '  - name: Review agent',
        "    github: ['review-agent[bot]']",
        '    kind: ai_agent',
        '    memberships: [{ team: web }]',
        'teams:',
        '  - { name: engineering }',
        '  - { name: web, parent: engineering }',
        "  - { name: api, parent: engineering, repos: [api], paths: [{ repo: web, glob: 'src/api-client/**' }] }",
        'identities:',
        '  rosterFile: people/roster.csv',
        '  overridesFile: identity-overrides.yaml',
        '  overrides:',
        '    - { identity: Git:Ann@Home.example, person: Ann Lee }',
        '    - { identity: git:team@corp.example, separate: true }',
      ),
      { baseDir },
    );
    expect(config.people).toEqual([
      {
        name: 'Ann Lee',
        emails: ['ann@corp.example'],
        github: ['ann-lee'],
        jira: ['5b10ac8d82e05b22cc7d4ef5'],
        kind: 'human',
        memberships: [
          { team: 'Web', role: 'frontend', fte: 0.5, from: '2024-01-01', to: null },
          { team: 'api', role: 'backend', fte: 0.5, from: '2024-01-01', to: '2024-06-30' },
        ],
      },
      { name: 'Review agent', emails: [], github: ['review-agent[bot]'], jira: [], kind: 'ai_agent', memberships: [{ team: 'web', role: null, fte: 0, from: null, to: null }] },
    ]);
    expect(config.teams).toEqual([
      { name: 'engineering', parent: null, repos: [], paths: [] },
      { name: 'web', parent: 'engineering', repos: [], paths: [] },
      { name: 'api', parent: 'engineering', repos: ['api'], paths: [{ repo: 'web', glob: 'src/api-client/**' }] },
    ]);
    expect(config.identities).toEqual({
      rosterFile: path.join(baseDir, 'people/roster.csv'),
      overridesFile: path.join(baseDir, 'identity-overrides.yaml'),
      overrides: [
        { identity: 'git:ann@home.example', person: 'Ann Lee', separate: false },
        { identity: 'git:team@corp.example', person: null, separate: true },
      ],
    });
  });

  it('keeps the e-mail-only roster of earlier versions working', () => {
    const config = parseConfig(lines('people:', '  - { name: Alice Doe, emails: [alice@example.com], kind: human }'), { baseDir });
    expect(config.people[0]).toMatchObject({ name: 'Alice Doe', emails: ['alice@example.com'], kind: 'human', memberships: [] });
  });

  it('reports overlapping memberships, more than one FTE, FTE on an agent and reversed dates', () => {
    expect(
      problemsOf(
        lines(
          'people:',
          '  - name: Ann',
          '    memberships:',
          '      - { team: web, fte: 0.6, from: 2024-01-01 }',
          '      - { team: web, fte: 0.2, from: 2024-03-01, to: 2024-04-30 }',
          '      - { team: api, fte: 0.5, from: 2024-02-01 }',
          '  - name: Bot',
          '    kind: bot',
          '    memberships: [{ team: web, fte: 0.3 }]',
          '  - name: Cy',
          '    memberships: [{ team: web, from: 2024-05-01, to: 2024-04-01 }, { team: api, from: 2024-02-30 }]',
        ),
      ),
    ).toEqual([
      'people[0].memberships[1]: overlaps memberships[0] in team "web"; end one before the other starts',
      'people[0].memberships[2].fte: total FTE on 2024-02-01 is 1.1; a person counts at most 1 FTE across teams',
      'people[1].memberships[0].fte: a bot has no FTE; leave fte out or set it to 0',
      'people[2].memberships[0].to: ends (2024-04-01) before it starts (2024-05-01)',
      'people[2].memberships[1].from: expected a date written YYYY-MM-DD',
    ]);
  });

  it('reports identities listed for two people and names that make the same id', () => {
    expect(
      problemsOf(
        lines(
          'people:',
          '  - { name: Ann Lee, github: [ann], jira: [acc-1] }',
          '  - { name: ann-lee, github: [ANN], jira: [acc-2, ACC-1] }',
        ),
      ),
    ).toEqual([
      'people[1].name: duplicate person name "ann-lee" (also people[0])',
      'people[1].github[0]: ann is already listed for people[0] (Ann Lee)',
      'people[1].jira[1]: acc-1 is already listed for people[0] (Ann Lee)',
    ]);
  });

  it('checks team references once teams are declared: memberships, parents, cycles, owning repositories', () => {
    expect(
      problemsOf(
        lines(
          'repos:',
          '  - { name: web, path: ./web, team: frontend }',
          'people:',
          '  - { name: Ann, memberships: [{ team: wbe }] }',
          'teams:',
          '  - { name: a, parent: b }',
          '  - { name: b, parent: a }',
          '  - { name: c, parent: nowhere }',
          '  - { name: d, parent: d, repos: [wbe], paths: [{ repo: web, glob: "src/**" }, { repo: api, glob: "x/**" }] }',
        ),
      ),
    ).toEqual([
      'teams[0].parent: parent "b" leads back to "a" (a cycle)',
      'teams[1].parent: parent "a" leads back to "b" (a cycle)',
      'teams[2].parent: unknown team "nowhere"; declare it under teams',
      'teams[3].parent: a team cannot be its own parent',
      'people[0].memberships[0].team: unknown team "wbe"; declare it under teams',
      'repos[0].team: unknown team "frontend"; declare it under teams',
      'teams[3].repos[0]: unknown repository "wbe"; expected one of web',
      'teams[3].paths[1].repo: unknown repository "api"; expected one of web',
    ]);
  });

  it('lets memberships and repositories name teams freely while no team is declared', () => {
    const config = parseConfig(lines('repos: [{ path: ., team: platform }]', 'people: [{ name: Ann, memberships: [{ team: web }] }]'), { baseDir });
    expect(config.teams).toEqual([]);
    expect(config.people[0]!.memberships[0]!.team).toBe('web');
  });

  it('checks identity overrides', () => {
    expect(
      problemsOf(
        lines(
          'identities:',
          '  overrides:',
          '    - { identity: ann@example.com, person: Ann }',
          '    - { identity: git:bo@example.com, person: Bo, separate: true }',
          '    - { identity: git:cy@example.com }',
          '    - { identity: GIT:Bo@example.com, separate: true }',
        ),
      ),
    ).toEqual([
      'identities.overrides[0].identity: expected <provider>:<id>, e.g. git:ann@example.com, github:ann-lee or jira:5b10a2844c20165700ede21g',
      'identities.overrides[1]: give either person or separate: true, not both',
      'identities.overrides[2]: give the person the identity belongs to, or separate: true to keep it apart',
      'identities.overrides[3].identity: git:bo@example.com is already overridden by [1]',
    ]);
  });
});
