import { describe, expect, it } from 'vitest';
import { classifyWorkType, parseRevert } from '../../pipeline/attribution/index.js';
import { DEFAULT_WORK_TYPE_WEIGHTS } from '../../pipeline/config/index.js';

const weights: Record<string, number> = { ...DEFAULT_WORK_TYPE_WEIGHTS };

describe('classifyWorkType', () => {
  it.each([
    ['feat: add CSV export', 'feat', 'conventional', 1],
    ['feat(api)!: drop the v1 endpoints', 'feat', 'conventional', 1],
    ['fix(auth): refresh expired tokens', 'fix', 'conventional', 1],
    ['perf: cache parsed templates', 'perf', 'conventional', 1],
    ['refactor(billing): split invoice builder', 'refactor', 'conventional', 1],
    ['test: cover leap years', 'test', 'conventional', 0.5],
    ['build: switch to esbuild', 'build', 'conventional', 0.3],
    ['ci: cache node_modules', 'ci', 'conventional', 0.3],
    ['config: raise pool size', 'config', 'conventional', 0.3],
    ['style: apply prettier', 'style', 'conventional', 0],
    ['docs(readme): explain presets', 'docs', 'conventional', 0],
    ['chore: rename internal helpers', 'chore', 'conventional', 1],
    ['chore(deps): update dependency vitest to v4', 'chore(deps)', 'conventional', 0],
    ['build(deps): bump lodash from 4.17.20 to 4.17.21', 'chore(deps)', 'conventional', 0],
    ['chore(deps-dev): bump @types/node from 20.1.0 to 20.2.0', 'chore(deps)', 'conventional', 0],
    ['build(deps-dev): bump typescript', 'chore(deps)', 'conventional', 0],
    ['ci(deps): bump actions/checkout from 3 to 4', 'chore(deps)', 'conventional', 0],
    ['fix(deps): pin openssl to a patched release', 'fix', 'conventional', 1],
    ['revert: feat: add CSV export', 'revert', 'conventional', 0],
    ['FEAT: shout the type', 'feat', 'conventional', 1],
    ['Fix(Parser): mixed case', 'fix', 'conventional', 1],
    ['Chore(Deps): bump x', 'chore(deps)', 'conventional', 0],
    ['feature: the long spelling', 'feat', 'conventional', 1],
    ['hotfix: patch the outage', 'fix', 'conventional', 1],
    ['wip: half done', 'untyped', 'default', 1],
    ['Add CSV export', 'untyped', 'default', 1],
    ['feat:missing space', 'untyped', 'default', 1],
    ['Update README.md', 'untyped', 'default', 1],
    ['', 'untyped', 'default', 1],
  ] as const)('%j → %s', (message, type, source, weight) => {
    expect(classifyWorkType(message, weights)).toEqual({ type, source, weight });
  });

  it('reads the type from the first line only', () => {
    expect(classifyWorkType('Tidy\n\nfeat: this line is body text', weights).type).toBe('untyped');
    expect(classifyWorkType('\n\n  docs: leading blank lines\n', weights).type).toBe('docs');
  });

  it('reads the PR title of GitHub and GitLab merge commits', () => {
    expect(classifyWorkType('Merge pull request #42 from acme/csv-export\n\nfeat: add CSV export', weights)).toEqual({
      type: 'feat',
      source: 'conventional',
      weight: 1,
    });
    expect(classifyWorkType("Merge branch 'fix-login' into 'main'\n\nfix: login loop\n\nSee merge request acme/web!7", weights).type).toBe('fix');
    expect(classifyWorkType('Merge pull request #42 from acme/csv-export', weights).type).toBe('untyped');
    expect(classifyWorkType("Merge branch 'main' into feature\n\nfeat: not a PR title", weights).type).toBe('untyped');
  });

  it('classifies git reverts as revert whatever the reverted subject was', () => {
    expect(classifyWorkType('Revert "feat: add CSV export"\n\nThis reverts commit 4f2a9c1e5b7d8a0c3e6f9b2d4a7c0e3f5b8d1a4c.', weights)).toEqual({
      type: 'revert',
      source: 'revert',
      weight: 0,
    });
    expect(classifyWorkType('Revert "Add export" (#124)\n\nReverts acme/web#120', weights).source).toBe('revert');
    expect(classifyWorkType('fix: undo the cache change\n\nThis reverts commit 4f2a9c1.', weights).type).toBe('revert');
  });

  it('uses the weights it is given', () => {
    expect(classifyWorkType('docs: x', { ...weights, docs: 0.2 }).weight).toBe(0.2);
    expect(() => classifyWorkType('docs: x', { feat: 1 })).toThrowError('No weight configured for work type "docs"');
  });
});

describe('parseRevert', () => {
  it('finds full and abbreviated reverted shas', () => {
    const full = '4f2a9c1e5b7d8a0c3e6f9b2d4a7c0e3f5b8d1a4c';
    expect(parseRevert(`Revert "Add export"\n\nThis reverts commit ${full}.`)).toEqual({ revertedSha: full, revertedShas: [full] });
    expect(parseRevert('Revert "Add export"\n\nThis reverts commit 4F2A9C1.')).toEqual({ revertedSha: '4f2a9c1', revertedShas: ['4f2a9c1'] });
  });

  it('lists every commit of a multi-commit revert', () => {
    const message = 'Revert two commits\n\nThis reverts commit aaaaaaa1.\nThis reverts commit bbbbbbb2.';
    expect(parseRevert(message)).toEqual({ revertedSha: 'aaaaaaa1', revertedShas: ['aaaaaaa1', 'bbbbbbb2'] });
  });

  it('recognises reverts without a sha', () => {
    expect(parseRevert('Revert "Add export" (#124)\n\nReverts acme/web#120')).toEqual({ revertedSha: null, revertedShas: [] });
    expect(parseRevert('Reapply "Add export"')).toEqual({ revertedSha: null, revertedShas: [] });
    expect(parseRevert('revert(api): restore v1 endpoints')).toEqual({ revertedSha: null, revertedShas: [] });
  });

  it('ignores ordinary commits, including ones that talk about reverting', () => {
    expect(parseRevert('Add export')).toBeNull();
    expect(parseRevert('Make the revert button red')).toBeNull();
    expect(parseRevert('Revert to the old logo colour')).toBeNull();
    expect(parseRevert('Docs: This reverts commit history? No.')).toBeNull();
  });
});
