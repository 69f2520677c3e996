import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CapturedCli } from '../helpers/cli.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const cli = (cwd: string, ...args: string[]): Promise<CapturedCli> => runCli(args, { cwd });

describe('codeledger identities', () => {
  let repo: TestRepo;
  let work: string;

  beforeAll(async () => {
    repo = await createTestRepo();
    const people = [
      { name: 'Ann Lee', email: 'ann@corp.example' },
      { name: 'Ann Lee', email: 'ann@home.example' },
      { name: 'Bo Berg', email: '7+bo-gh@users.noreply.github.com' },
      { name: 'Bo Berg', email: 'bo@corp.example' },
      { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    ];
    for (const [i, author] of people.entries()) {
      await repo.write(`src/file${i}.ts`, `export const value${i} = compute(input${i}, factor${i});\n`);
      await repo.commit(`feat: change ${i}`, { author });
    }
    work = await mkdtemp(join(tmpdir(), 'codeledger-identities-cli-'));
    await writeFile(
      join(work, 'codeledger.yaml'),
      [
        `repos: [{ name: web, path: ${JSON.stringify(repo.path)}, team: web }]`,
        'warehouse: { dataDir: warehouse }',
        'dashboard: { enabled: false }',
        'people:',
        // Bo's no-reply address was put on Ann's entry by mistake.
        '  - { name: Ann Lee, emails: [ann@corp.example, 7+bo-gh@users.noreply.github.com], memberships: [{ team: web }] }',
        '  - { name: Bo Berg, emails: [bo@corp.example], github: [bo-gh], memberships: [{ team: web }] }',
        'identities: { overridesFile: overrides.yaml }',
      ].join('\n'),
    );
    await writeFile(join(work, 'overrides.yaml'), 'overrides: []\n');
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  it('reports links per provider and rule, unmatched and ambiguous identities, then settles them with overrides', async () => {
    const run = await cli(work, 'run');
    expect(run.stderr).not.toContain('"level":50');
    expect(run.code).toBe(0);

    const report = await cli(work, 'identities');
    expect(report.code).toBe(0);
    const text = report.stdout;
    expect(text).toContain('identities: 5 linked to 4 people (3 human, 0 ai_agent, 1 bot)');
    expect(text).toContain('roster: 1 teams, 2 memberships');
    expect(text).toMatch(/git\s+\|\s+roster\s+\|\s+3/);
    expect(text).toMatch(/git\s+\|\s+new\s+\|\s+2/);
    expect(text).toContain('not matched to the roster: 2');
    expect(text).toMatch(/git:ann@home\.example\s+\|\s+Ann Lee\s+\|\s+Ann Lee \(person:ann@home\.example\)\s+\|\s+new/);
    expect(text).toContain('git:49699333+dependabot[bot]@users.noreply.github.com');
    expect(text).toContain('ambiguous: 1');
    expect(text).toMatch(/git:7\+bo-gh@users\.noreply\.github\.com\s+\|\s+Ann Lee \(person:ann-lee\)\s+\|\s+roster\s+\|\s+Bo Berg \(person:bo-berg\)\s+\|\s+noreply_id/);

    const csv = await cli(work, 'identities', '--csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('identity_id,provider,name,email,login,person_id,person_name,link_rule,status,other_person_id,other_rule,evidence');
    expect(lines).toHaveLength(6);
    expect(lines).toContain('git:ann@home.example,git,Ann Lee,ann@home.example,,person:ann@home.example,Ann Lee,new,unmatched,,,');
    expect(lines.find((line) => line.startsWith('git:7+bo-gh'))).toContain(',ambiguous,person:bo-berg,noreply_id,');

    const json = JSON.parse((await cli(work, 'identities', '--json')).stdout) as { people: unknown; unmatched: unknown[]; ambiguous: unknown[]; links: unknown[] };
    expect(json.people).toEqual({ total: 4, human: 3, ai_agent: 0, bot: 1 });
    expect(json.unmatched).toHaveLength(2);
    expect(json.ambiguous).toEqual([
      expect.objectContaining({ identityId: 'git:7+bo-gh@users.noreply.github.com', personId: 'person:ann-lee', otherPersonId: 'person:bo-berg', otherRule: 'noreply_id' }),
    ]);

    await writeFile(
      join(work, 'overrides.yaml'),
      [
        'overrides:',
        '  - { identity: git:ann@home.example, person: Ann Lee }',
        "  - { identity: 'git:7+bo-gh@users.noreply.github.com', person: Bo Berg }",
        "  - { identity: 'git:49699333+dependabot[bot]@users.noreply.github.com', person: Dependabot }",
      ].join('\n'),
    );
    const settled = await cli(work, 'identities', '--relink');
    expect(settled.code).toBe(0);
    expect(settled.stdout).toContain('identities: 5 linked to 3 people (2 human, 0 ai_agent, 1 bot)');
    expect(settled.stdout).toMatch(/git\s+\|\s+override\s+\|\s+3/);
    expect(settled.stdout).toContain('not matched to the roster: 0');
    expect(settled.stdout).toContain('ambiguous: 0');
  });

  it('reports a broken override file as a configuration problem with its place', async () => {
    await writeFile(join(work, 'overrides.yaml'), 'overrides:\n  - { identity: ann@home.example, person: Ann Lee }\n');
    const result = await cli(work, 'identities');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid configuration');
    expect(result.stderr).toContain('overrides.yaml: [0].identity: expected <provider>:<id>');
  });

  it('is listed in the help', async () => {
    const result = await cli(work, '--help');
    expect(result.stdout).toContain('identities');
  });
});
