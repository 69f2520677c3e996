import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CapturedCli } from '../helpers/cli.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import type { FakeGithub } from './fake-github.js';
import { startScenario, TOKEN } from './scenario.js';

const cli = (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CapturedCli> => runCli(args, { cwd, env });

describe('codeledger run with a GitHub source', () => {
  let github: FakeGithub;
  let repo: TestRepo;
  let work: string;

  beforeAll(async () => {
    github = await startScenario();
    repo = await createTestRepo();
    await repo.write('src/a.ts', 'export const a = (x: number) => x * 2;\n');
    await repo.commit('feat: a');
    work = await mkdtemp(join(tmpdir(), 'codeledger-github-cli-'));
    await writeFile(
      join(work, 'codeledger.yaml'),
      [
        'repos:',
        `  - { name: web, path: ${JSON.stringify(repo.path)} }`,
        'sources:',
        '  github:',
        `    - { name: acme, baseUrl: ${JSON.stringify(github.baseUrl)}, repos: [acme/api], pageSize: 5 }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await github?.close();
    await repo?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('collects the source with the token from the environment and reports it', async () => {
    const result = await cli(work, { GITHUB_TOKEN: TOKEN, CODELEDGER_REPLAY: 'inline' }, 'run', '--no-dashboard', '--data-dir', join(work, 'warehouse'));
    expect(result.stderr).not.toContain('"level":50');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('codeledger succeeded');
    expect(result.stderr).toContain('"msg":"source done"');
    expect(result.stderr).not.toContain(TOKEN);
    const count = await cli(work, {}, 'sql', 'select count(*) as pulls from core.pull_requests', '--data-dir', join(work, 'warehouse'));
    expect(count.stdout).toMatch(/pulls\s*\n-+\s*\n\s*3\s*\n/);
  });

  it('reports a refused token as a partial run naming the source and the variable, without the value', async () => {
    const result = await cli(work, { GITHUB_TOKEN: 'ghp_not_the_right_one', CODELEDGER_REPLAY: 'inline' }, 'run', '--no-dashboard', '--data-dir', join(work, 'warehouse'));
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^failed: github:acme: the credential in environment variable GITHUB_TOKEN was refused \(401 from GET /m);
    expect(result.stdout + result.stderr).not.toContain('ghp_not_the_right_one');
  });
});
