import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../pipeline/run/progress.js';
import { releaseRanges } from '../../pipeline/run/deployment-releases.js';
import { runPipeline } from '../../pipeline/run/run-pipeline.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { backends } from '../helpers/warehouses.js';
import { FakeGithub } from './fake-github.js';
import { recordingLogger } from './harness.js';
import { pull, TOKEN, USERS } from './scenario.js';

describe('release ranges', () => {
  it('gives every commit the earliest release at its index or later', () => {
    expect(
      releaseRanges([
        { fpIndex: 2, time: 800, label: 'v1.0' },
        { fpIndex: 4, time: 1000, label: 'deploy-a' },
        { fpIndex: 7, time: 900, label: 'deploy-b' },
        { fpIndex: 9, time: 2000, label: 'v2.0' },
      ]),
    ).toEqual([
      { lowExclusive: -1, high: 2, time: 800, label: 'v1.0' },
      // deploy-b at index 7 shipped 3..7 before deploy-a (index 4) did.
      { lowExclusive: 2, high: 7, time: 900, label: 'deploy-b' },
      { lowExclusive: 7, high: 9, time: 2000, label: 'v2.0' },
    ]);
  });

  it('breaks ties by label and merges events at one index', () => {
    expect(
      releaseRanges([
        { fpIndex: 3, time: 500, label: 'b' },
        { fpIndex: 3, time: 500, label: 'a' },
        { fpIndex: 1, time: 700, label: 'c' },
      ]),
    ).toEqual([{ lowExclusive: -1, high: 3, time: 500, label: 'a' }]);
    expect(releaseRanges([])).toEqual([]);
  });
});

describe.each(backends)('the released phase from GitHub releases and deployments on $name', ({ open }) => {
  let repo: TestRepo;
  let shas: string[];
  let sideSha: string;
  let github: FakeGithub;
  let warehouse: Warehouse;
  let work: string;
  let configFile: string;
  const now = new Date('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    // Six first-parent commits c0..c5 and one commit on a branch that is never merged.
    repo = await createTestRepo();
    await repo.git('remote', 'add', 'origin', 'https://github.com/acme/web.git');
    shas = [];
    for (let n = 0; n < 6; n++) {
      await repo.write(`src/module${n}.ts`, `export function compute${n}(input: number): number {\n  return input * ${n + 2} + ${n};\n}\n`);
      shas.push(await repo.commit(`feat: module ${n}`));
    }
    // A git tag on c0, earlier than anything on GitHub: the tag keeps c0.
    await repo.git('tag', 'v0.0', shas[0]!);
    await repo.branch('side');
    await repo.checkout('side');
    await repo.write('src/side.ts', 'export const side = "never merged into main";\n');
    sideSha = await repo.commit('feat: side work');
    await repo.checkout('main');

    github = new FakeGithub(TOKEN);
    github.organisations.add('acme');
    const web = {
      owner: 'acme',
      name: 'web',
      id: 1,
      defaultBranch: 'main',
      pulls: [pull(1, { author: USERS.alice })],
      reviewComments: [],
      issueComments: [],
      issues: [],
      releases: [
        { id: 1, tagName: 'v1.0', name: 'One', draft: false, prerelease: false, createdAt: '2024-01-08T00:00:00Z', publishedAt: '2024-01-08T00:00:00Z', targetCommitish: 'main', tagSha: shas[2]!, author: USERS.alice },
        { id: 2, tagName: 'v1.1-hotfix', name: null, draft: false, prerelease: false, createdAt: '2024-01-03T00:00:00Z', publishedAt: '2024-01-03T00:00:00Z', targetCommitish: 'side', tagSha: sideSha, author: USERS.alice },
        { id: 3, tagName: 'v2.0-rc', name: null, draft: false, prerelease: true, createdAt: '2024-01-04T00:00:00Z', publishedAt: '2024-01-04T00:00:00Z', targetCommitish: 'main', tagSha: shas[5]!, author: USERS.alice },
      ],
      deployments: [
        { id: 9001, sha: shas[4]!, ref: 'main', task: 'deploy', environment: 'production', createdAt: '2024-01-10T00:00:00Z', statuses: [{ state: 'success' as const, createdAt: '2024-01-10T00:05:00Z' }] },
        { id: 9002, sha: shas[5]!, ref: 'main', task: 'deploy', environment: 'staging', createdAt: '2024-01-05T00:00:00Z', statuses: [{ state: 'success' as const, createdAt: '2024-01-05T00:05:00Z' }] },
        { id: 9003, sha: shas[5]!, ref: 'main', task: 'deploy', environment: 'production', createdAt: '2024-01-06T00:00:00Z', statuses: [{ state: 'failure' as const, createdAt: '2024-01-06T00:05:00Z' }] },
      ],
    };
    github.repos.push(web);
    await github.start();
    warehouse = await open();
    work = await mkdtemp(join(tmpdir(), 'codeledger-github-'));
    configFile = join(work, 'codeledger.yaml');
    await writeFile(
      configFile,
      [
        'repos:',
        `  - { name: web, path: ${JSON.stringify(repo.path)} }`,
        'sources:',
        '  github:',
        `    - { name: acme, baseUrl: ${JSON.stringify(github.baseUrl)}, org: acme, pageSize: 5 }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await warehouse?.close();
    await github?.close();
    await repo?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function run(logger = recordingLogger()) {
    return runPipeline({
      configFile,
      cwd: work,
      env: { GITHUB_TOKEN: TOKEN },
      dashboard: false,
      now: () => now,
      logger,
      progress: silentProgress,
      warehouse,
      replayMode: 'inline',
    });
  }

  it('runs the pipeline with a GitHub source and releases commits by production deployments and published releases', async () => {
    const logger = recordingLogger();
    const summary = await run(logger);
    expect(summary.failures).toEqual([]);
    expect(summary.status).toBe('succeeded');
    expect(summary.sources.map((source) => [source.sourceId, source.status])).toEqual([['github:acme', 'succeeded']]);
    // The release of a commit off the default branch is skipped, and said so.
    expect(summary.sources[0]!.extract!.warnings).toEqual([expect.stringMatching(/^1 release\(s\) or production deployment\(s\) shipped a commit that is not on/)]);

    const commits = await sql<{ sha: string; released_at: Date | null; release_tag: string | null }>`
      SELECT sha, released_at, release_tag FROM core.commits WHERE repo_id = 'git:web' ORDER BY fp_index`.execute(warehouse.db);
    expect(commits.rows.map((row) => [row.sha, row.released_at?.toISOString() ?? null, row.release_tag])).toEqual([
      [shas[0], '2024-01-01T00:00:00.000Z', 'v0.0'],
      [shas[1], '2024-01-08T00:00:00.000Z', 'v1.0'],
      [shas[2], '2024-01-08T00:00:00.000Z', 'v1.0'],
      [shas[3], '2024-01-10T00:05:00.000Z', 'deployment:production/9001'],
      [shas[4], '2024-01-10T00:05:00.000Z', 'deployment:production/9001'],
      // Only a staging deployment, a failed production one and a prerelease reached c5.
      [shas[5], null, null],
    ]);

    const effective = await sql<{ sha: string; released_at: Date | null; ec_released: number; ec_durable: number }>`
      SELECT c.sha, e.released_at, sum(e.ec_released)::float8 AS ec_released, sum(e.ec_durable)::float8 AS ec_durable
        FROM core.effective_code e JOIN core.commits c ON c.commit_id = e.commit_id
       WHERE e.repo_id = 'git:web' GROUP BY c.sha, e.released_at, c.fp_index ORDER BY c.fp_index`.execute(warehouse.db);
    expect(effective.rows).toHaveLength(6);
    for (const row of effective.rows.slice(0, 5)) {
      expect(row.ec_durable).toBeGreaterThan(0);
      // Released and durable: the released weight (1.0) instead of the merged weight (0.5).
      expect(row.ec_released).toBeCloseTo(row.ec_durable * 2, 6);
    }
    expect(effective.rows[3]!.released_at).toEqual(new Date('2024-01-10T00:05:00Z'));
    expect(effective.rows[5]).toMatchObject({ released_at: null, ec_released: 0 });

    // The source's rows point at the analysed repository.
    const linked = await sql<{ table: string; repo_id: string | null }>`
      SELECT 'pulls' AS table, repo_id FROM core.pull_requests UNION ALL SELECT 'deployments', repo_id FROM core.deployments`.execute(warehouse.db);
    expect(new Set(linked.rows.map((row) => row.repo_id))).toEqual(new Set(['git:web']));
  });

  it('gives the same releases on the next run (git releases are refreshed first, then the deployments apply again)', async () => {
    const before = await sql`SELECT sha, released_at, release_tag FROM core.commits ORDER BY fp_index`.execute(warehouse.db);
    const summary = await run();
    expect(summary.status).toBe('succeeded');
    const after = await sql`SELECT sha, released_at, release_tag FROM core.commits ORDER BY fp_index`.execute(warehouse.db);
    expect(after.rows).toEqual(before.rows);
  });
});
