import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorshipRulesFromConfig, classifyWorkType, createAuthorshipClassifier } from '../../pipeline/attribution/index.js';
import { parseConfig } from '../../pipeline/config/index.js';

interface Signature {
  name: string;
  email: string;
}

const ANN: Signature = { name: 'Ann Smith', email: 'ann@example.com' };
const WEB_FLOW: Signature = { name: 'GitHub', email: 'noreply@github.com' };

let repo = '';
let tick = 0;

function git(args: string[], env: Record<string, string> = {}, input?: string): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: repo,
    encoding: 'utf8',
    input,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
  });
}

/** Commit one file change as `author`, committed by `committer`, at a fixed, increasing time. */
function commit(message: string, author: Signature, committer: Signature = author): string {
  tick += 1;
  writeFileSync(path.join(repo, 'file.txt'), `change ${tick}\n`);
  git(['add', 'file.txt']);
  const date = `2024-01-${String(tick).padStart(2, '0')}T10:00:00Z`;
  git(['commit', '-q', '--cleanup=strip', '-F', '-'], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: date,
  }, message);
  return git(['rev-parse', 'HEAD']).trim();
}

interface LoggedCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  message: string;
  aiNote: string | null;
}

/** Every commit as git reports it, with its note under refs/notes/ai. */
function readLog(): LoggedCommit[] {
  const output = git(['log', '--notes=ai', '--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B%x00%N%x1e']);
  return output
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => {
      const [sha, authorName, authorEmail, committerName, committerEmail, message, note] = record.split('\x00');
      return {
        sha: sha!,
        authorName: authorName!,
        authorEmail: authorEmail!,
        committerName: committerName!,
        committerEmail: committerEmail!,
        message: message!,
        aiNote: note!.trim() === '' ? null : note!,
      };
    });
}

const shas: Record<string, string> = {};

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'codeledger-attribution-'));
  git(['init', '-q', '-b', 'main']);
  shas.human = commit('feat: add login form\n', ANN);
  shas.assisted = commit(
    'fix: handle empty cart\n\nThe total was NaN.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
    ANN,
  );
  shas.bot = commit(
    'build(deps): bump lodash from 4.17.20 to 4.17.21\n\nBumps lodash.\n\nSigned-off-by: dependabot[bot] <support@github.com>\n',
    { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
    WEB_FLOW,
  );
  shas.agent = commit('Add retry to upload client (#311)\n\nCo-authored-by: Ann Smith <ann@example.com>\n', {
    name: 'Copilot',
    email: '198982749+Copilot@users.noreply.github.com',
  }, WEB_FLOW);
  shas.noted = commit('refactor: split session store\n', ANN);
  git(['notes', '--ref=ai', 'add', '-m', 'tool: aider 0.80 (claude-sonnet-4)', shas.noted!], {
    GIT_COMMITTER_NAME: ANN.name,
    GIT_COMMITTER_EMAIL: ANN.email,
  });
  shas.claudeHuman = commit('docs: credit the painter\n\nCo-authored-by: Claude Monet <claude@monet.example>\n', {
    name: 'Claude Renoir',
    email: 'claude@renoir.example',
  }, WEB_FLOW);
  shas.revert = commit(`Revert "fix: handle empty cart"\n\nThis reverts commit ${shas.assisted}.\n`, ANN);
  shas.ciBot = commit('chore: publish nightly\n', { name: 'Deploy', email: 'deploy@ci.example.com' });
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('attribution of commits read back from a real repository', () => {
  it('classifies every commit and its work type from what git reports', () => {
    const config = parseConfig("agents: { extraBots: [{ email: '*@ci.example.com' }] }", { baseDir: repo });
    const classify = createAuthorshipClassifier(authorshipRulesFromConfig(config));
    const bySha = new Map(readLog().map((entry) => [entry.sha, entry]));
    const result = (sha: string) => {
      const entry = bySha.get(sha)!;
      return { ...classify(entry), workType: classifyWorkType(entry.message, config.weights.workTypes).type };
    };

    expect(result(shas.human!)).toEqual({ class: 'human', evidence: null, workType: 'feat' });
    expect(result(shas.assisted!)).toEqual({ class: 'ai_assisted', evidence: 'co-authored-by: noreply@anthropic.com', workType: 'fix' });
    expect(result(shas.bot!)).toEqual({ class: 'bot', evidence: 'author login: dependabot[bot]', workType: 'chore(deps)' });
    expect(result(shas.agent!)).toEqual({ class: 'ai_agent', evidence: 'author login: copilot', workType: 'untyped' });
    expect(result(shas.noted!)).toEqual({ class: 'ai_assisted', evidence: 'git-note: tool: aider 0.80 (claude-sonnet-4)', workType: 'refactor' });
    expect(result(shas.claudeHuman!)).toEqual({ class: 'human', evidence: null, workType: 'docs' });
    expect(result(shas.revert!)).toEqual({ class: 'human', evidence: null, workType: 'revert' });
    expect(result(shas.ciBot!)).toEqual({ class: 'bot', evidence: 'author pattern: email=*@ci.example.com', workType: 'chore' });
  });
});
