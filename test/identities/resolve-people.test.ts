import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../pipeline/config/index.js';
import { IdentityCollector, writeGitIdentities } from '../../pipeline/identities/git-identities.js';
import { resolvePeople } from '../../pipeline/identities/resolve-people.js';
import { silentLogger } from '../../pipeline/logging/logger.js';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';

const now = new Date('2024-06-01T00:00:00Z');

/** Identity rows the way the git writer and the GitHub and Jira collectors leave them (no person yet). */
const IDENTITIES = [
  { identity_id: 'git:ann@corp.example', provider: 'git', external_id: 'ann@corp.example', name: 'Ann Lee', email: 'ann@corp.example' },
  { identity_id: 'git:101+ann-lee@users.noreply.github.com', provider: 'git', external_id: '101+ann-lee@users.noreply.github.com', name: 'Ann Lee', email: '101+ann-lee@users.noreply.github.com' },
  { identity_id: 'github:ann-lee', provider: 'github', external_id: '101', login: 'ann-lee', name: 'Ann L.', source_id: 'github:acme' },
  { identity_id: 'jira:5b10ac8d82e05b22cc7d4ef5', provider: 'jira', external_id: '5b10ac8d82e05b22cc7d4ef5', name: 'Ann Lee', email: 'ann@corp.example', source_id: 'jira:acme' },
  { identity_id: 'git:bo@corp.example', provider: 'git', external_id: 'bo@corp.example', name: 'Bo', email: 'bo@corp.example' },
  { identity_id: 'github:bo-gh', provider: 'github', external_id: '202', login: 'bo-gh', email: 'ann@corp.example', source_id: 'github:acme' },
  { identity_id: 'git:49699333+dependabot[bot]@users.noreply.github.com', provider: 'git', external_id: '49699333+dependabot[bot]@users.noreply.github.com', name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
  { identity_id: 'git:shared@corp.example', provider: 'git', external_id: 'shared@corp.example', name: 'Build account', email: 'shared@corp.example' },
];

const COMMITS = [
  { commit_id: 'git:web@a1', repo_id: 'git:web', sha: 'a1', author_identity_id: 'git:ann@corp.example' },
  { commit_id: 'git:web@a2', repo_id: 'git:web', sha: 'a2', author_identity_id: 'git:101+ann-lee@users.noreply.github.com' },
  { commit_id: 'git:web@b1', repo_id: 'git:web', sha: 'b1', author_identity_id: 'git:bo@corp.example' },
  { commit_id: 'git:web@d1', repo_id: 'git:web', sha: 'd1', author_identity_id: 'git:49699333+dependabot[bot]@users.noreply.github.com' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows compared as plain objects
type Row = Record<string, any>;

async function snapshot(warehouse: Warehouse) {
  const people = await sql<Row>`SELECT person_id, display_name, kind FROM core.people ORDER BY person_id`.execute(warehouse.db);
  const identities = await sql<Row>`SELECT identity_id, person_id, link_rule, kind_evidence FROM core.identities ORDER BY identity_id`.execute(warehouse.db);
  const commits = await sql<Row>`SELECT commit_id, author_person_id FROM core.commits ORDER BY commit_id`.execute(warehouse.db);
  const conflicts = await sql<Row>`SELECT * FROM core.identity_conflicts ORDER BY identity_id, other_person_id`.execute(warehouse.db);
  const teams = await sql<Row>`SELECT * FROM core.teams ORDER BY team_id`.execute(warehouse.db);
  const memberships = await sql<Row>`SELECT * FROM core.team_memberships ORDER BY membership_id`.execute(warehouse.db);
  const ownership = await sql<Row>`SELECT * FROM core.team_ownership ORDER BY team_id, repo_id, path_glob`.execute(warehouse.db);
  return {
    people: people.rows,
    identities: identities.rows,
    commits: commits.rows,
    conflicts: conflicts.rows,
    teams: teams.rows.map((row): Row => ({ ...row, updated_at: undefined })),
    memberships: memberships.rows,
    ownership: ownership.rows,
  };
}

describe.each(backends)('resolving people on $name', ({ open }) => {
  let warehouse: Warehouse;
  let dir: string;

  beforeAll(async () => {
    warehouse = await open();
    dir = await mkdtemp(join(tmpdir(), 'codeledger-people-'));
  });
  afterAll(async () => {
    await warehouse?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await sql`TRUNCATE core.people, core.identities, core.commits, core.identity_conflicts, core.teams, core.team_memberships, core.team_ownership, core.pr_commits`.execute(warehouse.db);
    await bulkInsert(warehouse.db, 'core.commits', COMMITS, { conflict: 'update', key: ['commit_id'] });
  });

  const insertIdentities = (rows: readonly object[]) => bulkInsert(warehouse.db, 'core.identities', rows, { conflict: 'update', key: ['identity_id'] });
  const config = (yaml: string) => parseConfig(yaml, { baseDir: dir });
  const ROSTER = [
    'repos: [{ name: web, path: ., team: web }]',
    'people:',
    '  - { name: Ann Lee, emails: [ann@corp.example], github: [ann-lee], memberships: [{ team: web, role: frontend, fte: 0.5, from: 2024-01-01 }, { team: api, fte: 0.5, from: 2024-01-01, to: 2024-12-31 }] }',
    '  - { name: Bo, github: [bo-gh], memberships: [{ team: api }] }',
    '  - { name: Release robot, emails: [release@ci.example], kind: bot }',
    'teams:',
    '  - { name: engineering }',
    '  - { name: web, parent: engineering }',
    "  - { name: api, parent: engineering, paths: [{ repo: web, glob: 'src/api/**' }] }",
  ].join('\n');

  it('links git, GitHub and Jira identities to roster people, moves commits, and records the ambiguous one', async () => {
    await insertIdentities(IDENTITIES);
    const rows = await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    expect(rows).toBeGreaterThan(0);
    const state = await snapshot(warehouse);
    expect(state.people).toEqual([
      { person_id: 'person:ann-lee', display_name: 'Ann Lee', kind: 'human' },
      { person_id: 'person:bo', display_name: 'Bo', kind: 'human' },
      { person_id: 'person:bo@corp.example', display_name: 'Bo', kind: 'human' },
      { person_id: 'person:github:dependabot[bot]', display_name: 'dependabot[bot]', kind: 'bot' },
      { person_id: 'person:release-robot', display_name: 'Release robot', kind: 'bot' },
      { person_id: 'person:shared@corp.example', display_name: 'Build account', kind: 'human' },
    ]);
    expect(state.identities).toEqual([
      { identity_id: 'git:101+ann-lee@users.noreply.github.com', person_id: 'person:ann-lee', link_rule: 'noreply_id', kind_evidence: null },
      { identity_id: 'git:49699333+dependabot[bot]@users.noreply.github.com', person_id: 'person:github:dependabot[bot]', link_rule: 'new', kind_evidence: 'login: dependabot[bot]' },
      { identity_id: 'git:ann@corp.example', person_id: 'person:ann-lee', link_rule: 'roster', kind_evidence: null },
      { identity_id: 'git:bo@corp.example', person_id: 'person:bo@corp.example', link_rule: 'new', kind_evidence: null },
      { identity_id: 'git:shared@corp.example', person_id: 'person:shared@corp.example', link_rule: 'new', kind_evidence: null },
      { identity_id: 'github:ann-lee', person_id: 'person:ann-lee', link_rule: 'roster', kind_evidence: null },
      { identity_id: 'github:bo-gh', person_id: 'person:bo', link_rule: 'roster', kind_evidence: null },
      { identity_id: 'jira:5b10ac8d82e05b22cc7d4ef5', person_id: 'person:ann-lee', link_rule: 'roster', kind_evidence: null },
    ]);
    expect(state.commits).toEqual([
      { commit_id: 'git:web@a1', author_person_id: 'person:ann-lee' },
      { commit_id: 'git:web@a2', author_person_id: 'person:ann-lee' },
      { commit_id: 'git:web@b1', author_person_id: 'person:bo@corp.example' },
      { commit_id: 'git:web@d1', author_person_id: 'person:github:dependabot[bot]' },
    ]);
    // Bo's GitHub profile shows Ann's e-mail: Bo's login wins for github:bo-gh, and all three sides are reported.
    expect(state.conflicts).toEqual([
      {
        identity_id: 'git:ann@corp.example',
        person_id: 'person:ann-lee',
        link_rule: 'roster',
        other_person_id: 'person:bo',
        other_rule: 'exact_email',
        evidence: 'e-mail ann@corp.example is used by git:ann@corp.example and github:bo-gh',
      },
      {
        identity_id: 'github:bo-gh',
        person_id: 'person:bo',
        link_rule: 'roster',
        other_person_id: 'person:ann-lee',
        other_rule: 'roster',
        evidence: 'e-mail ann@corp.example is listed for Ann Lee in the roster',
      },
      {
        identity_id: 'jira:5b10ac8d82e05b22cc7d4ef5',
        person_id: 'person:ann-lee',
        link_rule: 'roster',
        other_person_id: 'person:bo',
        other_rule: 'exact_email',
        evidence: 'e-mail ann@corp.example is used by github:bo-gh and jira:5b10ac8d82e05b22cc7d4ef5',
      },
    ]);
    expect(state.teams).toEqual([
      { team_id: 'team:api', name: 'api', parent_team_id: 'team:engineering', updated_at: undefined },
      { team_id: 'team:engineering', name: 'engineering', parent_team_id: null, updated_at: undefined },
      { team_id: 'team:web', name: 'web', parent_team_id: 'team:engineering', updated_at: undefined },
    ]);
    expect(state.memberships).toEqual([
      { membership_id: 'team:api/person:ann-lee/2024-01-01', team_id: 'team:api', person_id: 'person:ann-lee', role: null, fte: 0.5, valid_from: '2024-01-01', valid_to: '2024-12-31' },
      { membership_id: 'team:api/person:bo/start', team_id: 'team:api', person_id: 'person:bo', role: null, fte: 1, valid_from: null, valid_to: null },
      { membership_id: 'team:web/person:ann-lee/2024-01-01', team_id: 'team:web', person_id: 'person:ann-lee', role: 'frontend', fte: 0.5, valid_from: '2024-01-01', valid_to: null },
    ]);
    expect(state.ownership).toHaveLength(2);
    expect(state.ownership[1]).toEqual({ team_id: 'team:web', repo_id: 'git:web', path_glob: '**', path_regex: null });
    const owned = state.ownership[0] as { team_id: string; path_glob: string; path_regex: string };
    expect(owned).toMatchObject({ team_id: 'team:api', path_glob: 'src/api/**' });
    // The stored expression is usable by the database itself.
    const matches = await sql<{ hit: boolean; miss: boolean }>`
      SELECT 'src/api/v1/orders.ts' ~ ${owned.path_regex} AS hit, 'src/apiary.ts' ~ ${owned.path_regex} AS miss`.execute(warehouse.db);
    expect(matches.rows[0]).toEqual({ hit: true, miss: false });
  });

  it('writes identical rows on every run and whatever order identities were stored in', async () => {
    await insertIdentities(IDENTITIES);
    await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    const first = await snapshot(warehouse);
    await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    expect(await snapshot(warehouse)).toEqual(first);

    await sql`TRUNCATE core.people, core.identities, core.identity_conflicts`.execute(warehouse.db);
    await sql`UPDATE core.commits SET author_person_id = NULL`.execute(warehouse.db);
    for (const row of [...IDENTITIES].reverse()) await insertIdentities([row]);
    await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    expect(await snapshot(warehouse)).toEqual(first);
  });

  it('merges people when new evidence arrives: identities and commits move, the orphaned person goes', async () => {
    const withoutGithub = IDENTITIES.filter((row) => ['git:ann@corp.example', 'git:101+ann-lee@users.noreply.github.com'].includes(row.identity_id));
    await insertIdentities(withoutGithub);
    await resolvePeople(warehouse.db, config(''), { logger: silentLogger, now });
    let state = await snapshot(warehouse);
    expect(state.people.map((p) => p.person_id)).toEqual(['person:ann@corp.example', 'person:github:ann-lee']);

    // The GitHub collector saw commit a1 (authored as ann@corp.example) in a pull request, made by login ann-lee.
    await insertIdentities(IDENTITIES.filter((row) => row.identity_id === 'github:ann-lee'));
    await bulkInsert(warehouse.db, 'core.pr_commits', [{ pr_id: 'github:acme/web#1', sha: 'a1', author_identity_id: 'github:ann-lee', author_login: 'ann-lee' }], {
      conflict: 'update',
      key: ['pr_id', 'sha'],
    });
    await resolvePeople(warehouse.db, config(''), { logger: silentLogger, now });
    state = await snapshot(warehouse);
    expect(state.people).toEqual([{ person_id: 'person:github:ann-lee', display_name: 'Ann L.', kind: 'human' }]);
    expect(state.identities.map((i) => [i.identity_id, i.link_rule])).toEqual([
      ['git:101+ann-lee@users.noreply.github.com', 'noreply_id'],
      ['git:ann@corp.example', 'login'],
      ['github:ann-lee', 'noreply_id'],
    ]);
    expect(new Set(state.commits.slice(0, 2).map((c) => c.author_person_id))).toEqual(new Set(['person:github:ann-lee']));
    expect(state.teams).toEqual([]);
  });

  it('reads a CSV roster and a CSV override file: the override wins and can split an identity off', async () => {
    await insertIdentities(IDENTITIES);
    await writeFile(
      join(dir, 'roster.csv'),
      [
        'person,email,github,jira,team,role,fte,from,to,kind',
        'Ann Lee,ann@corp.example,ann-lee,,web,frontend,0.5,2024-01-01,,',
        'Ann Lee,,,,api,backend,0.5,2024-01-01,2024-12-31,',
        'Bo,,bo-gh,,api,,1,,,',
        'Dependabot,,dependabot[bot],,,,,,,bot',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'overrides.csv'),
      ['identity,person,separate', 'github:bo-gh,Bo,', 'git:bo@corp.example,Bo,', 'git:101+ann-lee@users.noreply.github.com,,yes'].join('\n'),
    );
    await resolvePeople(warehouse.db, config('identities: { rosterFile: roster.csv, overridesFile: overrides.csv }'), { logger: silentLogger, now });
    const state = await snapshot(warehouse);
    const links = Object.fromEntries(state.identities.map((i) => [i.identity_id, [i.person_id, i.link_rule]]));
    expect(links['git:bo@corp.example']).toEqual(['person:bo', 'override']);
    expect(links['github:bo-gh']).toEqual(['person:bo', 'override']);
    expect(links['git:101+ann-lee@users.noreply.github.com']).toEqual(['person:git:101+ann-lee@users.noreply.github.com', 'override']);
    expect(links['github:ann-lee']).toEqual(['person:ann-lee', 'roster']);
    expect(links['git:49699333+dependabot[bot]@users.noreply.github.com']).toEqual(['person:dependabot', 'noreply_id']);
    expect(state.people.find((p) => p.person_id === 'person:dependabot')).toEqual({ person_id: 'person:dependabot', display_name: 'Dependabot', kind: 'bot' });
    // Overridden identities are settled: only what no override decided stays ambiguous.
    expect(state.conflicts.map((c) => c.identity_id)).not.toContain('github:bo-gh');
    expect(state.teams.map((t) => t.team_id)).toEqual(['team:api', 'team:web']);
    expect(state.memberships.map((m) => m.membership_id)).toEqual([
      'team:api/person:ann-lee/2024-01-01',
      'team:api/person:bo/start',
      'team:web/person:ann-lee/2024-01-01',
    ]);
    expect(state.ownership).toEqual([]);
  });

  it('replaces the roster rows when the roster changes', async () => {
    await insertIdentities(IDENTITIES);
    await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    await writeFile(join(dir, 'roster.yaml'), ['people:', '  - { name: Ann Lee, emails: [ann@corp.example], memberships: [{ team: mobile }] }', 'teams: [{ name: mobile }]'].join('\n'));
    await resolvePeople(warehouse.db, config('identities: { rosterFile: roster.yaml }'), { logger: silentLogger, now });
    const state = await snapshot(warehouse);
    expect(state.teams.map((t) => t.team_id)).toEqual(['team:mobile']);
    expect(state.memberships.map((m) => m.membership_id)).toEqual(['team:mobile/person:ann-lee/start']);
    expect(state.ownership).toEqual([]);
    expect(state.people.map((p) => p.person_id)).not.toContain('person:bo');
  });

  it('reports every problem of a roster file with its line, and changes nothing', async () => {
    await insertIdentities(IDENTITIES);
    await resolvePeople(warehouse.db, config(ROSTER), { logger: silentLogger, now });
    const before = await snapshot(warehouse);
    await writeFile(
      join(dir, 'bad-roster.csv'),
      [
        'person,email,github,team,fte,from,to,kind',
        'Ann Lee,ann@corp.example,,web,1,,,',
        'Bo,bo@corp.example,,web,0.8,2024-01-01,,',
        'Bo,,,api,0.5,2024-03-01,,',
        'Cy,ann@corp.example,,,,,,',
        'Dee,,,web,0.2,,,robot',
        'Eve,,,web,1.5,,,',
      ].join('\n'),
    );
    const attempt = resolvePeople(warehouse.db, config('identities: { rosterFile: bad-roster.csv }'), { logger: silentLogger, now });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    const error = (await attempt.catch((e: unknown) => e)) as ConfigError;
    expect(error.problems).toEqual([
      'bad-roster.csv:6: kind: "robot" is not one of human, ai_agent, bot',
      'bad-roster.csv:7: fte: must be at most 1, got 1.5',
      'bad-roster.csv:4: fte: total FTE on 2024-03-01 is 1.3; a person counts at most 1 FTE across teams',
      'bad-roster.csv:5: email: ann@corp.example is already listed for bad-roster.csv:2 (Ann Lee)',
    ]);
    await writeFile(join(dir, 'dup-roster.csv'), ['person,email,team', 'Ann Lee,ann@corp.example,web', 'Cy,ANN@corp.example,web'].join('\n'));
    const duplicate = (await resolvePeople(warehouse.db, config(ROSTER.replace('repos:', 'identities: { rosterFile: dup-roster.csv }\nrepos:')), { logger: silentLogger, now }).catch(
      (e: unknown) => e,
    )) as ConfigError;
    expect(duplicate.problems).toEqual([
      'dup-roster.csv:2: name: duplicate person name "Ann Lee" (also people[0])',
      'dup-roster.csv:2: email: ann@corp.example is already listed for people[0] (Ann Lee)',
      'dup-roster.csv:3: email: ann@corp.example is already listed for people[0] (Ann Lee)',
    ]);
    expect(await snapshot(warehouse)).toEqual(before);
  });

  it('keeps first and last seen times widening over incremental runs', async () => {
    const early = new IdentityCollector();
    early.observe('Ann', 'Ann@Corp.example', 1_700_000_000);
    early.observe('Ann', 'ann@corp.example', 1_700_100_000);
    await writeGitIdentities(warehouse.db, early);
    const later = new IdentityCollector();
    later.observe('Ann Lee', 'ann@corp.example', 1_710_000_000);
    expect(await writeGitIdentities(warehouse.db, later)).toBe(1);
    const row = await warehouse.db.selectFrom('core.identities').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ identity_id: 'git:ann@corp.example', name: 'Ann Lee', provider: 'git' });
    expect(row.first_seen_at?.toISOString()).toBe(new Date(1_700_000_000_000).toISOString());
    expect(row.last_seen_at?.toISOString()).toBe(new Date(1_710_000_000_000).toISOString());
  });
});
