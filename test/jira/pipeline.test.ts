import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../pipeline/run/progress.js';
import { runPipeline } from '../../pipeline/run/run-pipeline.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { backends } from '../helpers/warehouses.js';
import type { FakeJira } from './fake-jira.js';
import { capturingLogger, CREDENTIALS, ENV, startFakeJira } from './harness.js';

describe.each(backends)('codeledger run with a Jira source on $name', ({ open }) => {
  let repo: TestRepo;
  let fake: FakeJira;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.write('src/cart.ts', 'export function total(items: number[]): number {\n  return items.reduce((sum, item) => sum + item, 0);\n}\n');
    await repo.commit('feat: ABC-1 cart totals');
    fake = await startFakeJira('cloud');
    dir = await mkdtemp(join(tmpdir(), 'codeledger-jira-run-'));
    configFile = join(dir, 'codeledger.yaml');
    await writeFile(
      configFile,
      [
        'repos:',
        `  - path: ${JSON.stringify(repo.path)}`,
        'dashboard: { enabled: false }',
        'sources:',
        '  jira:',
        '    - name: acme',
        `      url: ${fake.url}`,
        '      emailEnv: JIRA_EMAIL',
        '      apiTokenEnv: JIRA_API_TOKEN',
        '      projects: [ABC, OPS]',
        '      fields: { storyPoints: customfield_10016, severity: customfield_10060, foundInEnvironment: customfield_10050 }',
        '      phases: { default: { "10101": review } }',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await fake?.stop();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('collects the site after the repositories, and records a refused credential as a partial run', async () => {
    const warehouse = await open();
    try {
      const run = (env: NodeJS.ProcessEnv, logger = capturingLogger()) =>
        runPipeline({ configFile, cwd: dir, env, logger, progress: silentProgress, warehouse, replayMode: 'inline', dashboard: false });

      const logger = capturingLogger();
      const summary = await run(ENV, logger);
      expect(summary.status).toBe('succeeded');
      expect(summary.commits).toBe(1);
      expect(summary.sources).toEqual([
        expect.objectContaining({ sourceId: 'jira:acme', status: 'succeeded', collect: expect.objectContaining({ pages: fake.requests.length }) }),
      ]);
      const tickets = await warehouse.db.selectFrom('core.tickets').select(['key', 'phase']).orderBy('key').execute();
      expect(tickets.map((ticket) => ticket.key)).toEqual(['ABC-1', 'ABC-10', 'ABC-2', 'ABC-3', 'ABC-4', 'ABC-5', 'ABC-6', 'OPS-1']);
      expect(tickets.find((ticket) => ticket.key === 'ABC-4')?.phase).toBe('review');
      expect(await warehouse.db.selectFrom('core.sources').select(['source_id', 'kind', 'name']).where('kind', '=', 'jira').execute()).toEqual([
        { source_id: 'jira:acme', kind: 'jira', name: 'acme' },
      ]);
      // Unmapped statuses and types reach the run log as warnings.
      expect(logger.lines.filter((line) => line.startsWith('warn Jira issue types with no mapping'))).toHaveLength(1);

      const refusedLogger = capturingLogger();
      const refused = await run({ ...ENV, JIRA_API_TOKEN: 'revoked-token-0001' }, refusedLogger);
      expect(refused.status).toBe('partial');
      expect(refused.failures).toEqual([
        { target: 'jira:acme', error: expect.stringMatching(/^the credential in environment variable JIRA_EMAIL and JIRA_API_TOKEN was refused \(HTTP 401/) },
      ]);
      const log = refusedLogger.lines.join('\n');
      expect(log).toContain('source failed; continuing with the others');
      expect(log).not.toContain('revoked-token-0001');
      expect(log).not.toContain(CREDENTIALS.apiToken);
    } finally {
      await warehouse.close();
    }
  });
});
