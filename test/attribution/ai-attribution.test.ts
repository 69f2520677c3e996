import { describe, expect, it } from 'vitest';
import {
  createAuthorshipClassifier,
  type AttributionInput,
  type AuthorClass,
} from '../../pipeline/attribution/index.js';

const HUMAN: AttributionInput = {
  authorName: 'Ann Smith',
  authorEmail: 'ann@example.com',
  committerName: 'Ann Smith',
  committerEmail: 'ann@example.com',
  message: 'Add login form',
};
const WEB_FLOW = { committerName: 'GitHub', committerEmail: 'noreply@github.com' };

interface Case {
  name: string;
  input: Partial<AttributionInput>;
  expected: AuthorClass;
  evidence: string | null;
}

const cases: Case[] = [
  // ---- bots: by the author only ----
  {
    name: 'Dependabot by its no-reply address',
    input: {
      authorName: 'dependabot[bot]',
      authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
      ...WEB_FLOW,
      message: 'build(deps): bump lodash from 4.17.20 to 4.17.21\n\nSigned-off-by: dependabot[bot] <support@github.com>',
    },
    expected: 'bot',
    evidence: 'author login: dependabot[bot]',
  },
  {
    name: 'Renovate',
    input: { authorName: 'renovate[bot]', authorEmail: '29139614+renovate[bot]@users.noreply.github.com', message: 'chore(deps): update dependency vitest to v4' },
    expected: 'bot',
    evidence: 'author login: renovate[bot]',
  },
  {
    name: 'self-hosted Renovate by its e-mail',
    input: { authorName: 'Renovate Bot', authorEmail: 'bot@renovateapp.com', message: 'Update dependency eslint to v9' },
    expected: 'bot',
    evidence: 'author email: bot@renovateapp.com',
  },
  {
    name: 'GitHub Actions app account',
    input: {
      authorName: 'github-actions[bot]',
      authorEmail: '41898282+github-actions[bot]@users.noreply.github.com',
      committerName: 'github-actions[bot]',
      committerEmail: '41898282+github-actions[bot]@users.noreply.github.com',
      message: 'Update generated API docs',
    },
    expected: 'bot',
    evidence: 'author login: github-actions[bot]',
  },
  {
    name: 'a workflow committing as "GitHub Action <action@github.com>"',
    input: { authorName: 'GitHub Action', authorEmail: 'action@github.com', message: 'Bump version to 1.4.2' },
    expected: 'bot',
    evidence: 'author email: action@github.com',
  },
  {
    name: 'Greenkeeper',
    input: { authorName: 'greenkeeper[bot]', authorEmail: 'support@greenkeeper.io', message: 'chore(package): update mocha to version 6.0.0' },
    expected: 'bot',
    evidence: 'author name: greenkeeper[bot]',
  },
  {
    name: 'Snyk',
    input: { authorName: 'snyk-bot', authorEmail: 'snyk-bot@snyk.io', message: 'fix: upgrade axios from 0.21.1 to 0.21.4' },
    expected: 'bot',
    evidence: 'author email: snyk-bot@snyk.io',
  },
  {
    name: 'pre-commit.ci autofix',
    input: { authorName: 'pre-commit-ci[bot]', authorEmail: '66853113+pre-commit-ci[bot]@users.noreply.github.com', message: '[pre-commit.ci] auto fixes from pre-commit.com hooks' },
    expected: 'bot',
    evidence: 'author login: pre-commit-ci[bot]',
  },
  {
    name: 'semantic-release',
    input: { authorName: 'semantic-release-bot', authorEmail: 'semantic-release-bot@martynus.net', message: 'chore(release): 2.3.0 [skip ci]' },
    expected: 'bot',
    evidence: 'author email: semantic-release-bot@martynus.net',
  },
  {
    name: 'ImgBot by its e-mail, case-insensitively',
    input: { authorName: 'ImgBotApp', authorEmail: 'ImgBotHelp@gmail.com', message: '[ImgBot] Optimize images' },
    expected: 'bot',
    evidence: 'author email: imgbothelp@gmail.com',
  },
  {
    name: 'an unknown GitHub App is a bot by its [bot] login',
    input: { authorName: 'release-please[bot]', authorEmail: '55107282+release-please[bot]@users.noreply.github.com', message: 'chore(main): release 1.2.0' },
    expected: 'bot',
    evidence: 'author login: release-please[bot]',
  },
  {
    name: 'a bot by the GitHub login the API reported',
    input: { authorName: 'Mergify', authorEmail: 'noreply@mergify.com', githubLogin: 'mergify[bot]', message: 'Merge queue: embarking main' },
    expected: 'bot',
    evidence: 'author login: mergify[bot]',
  },
  {
    name: 'a bot by its github.com account id when the login part was changed',
    input: { authorName: 'deps', authorEmail: '49699333+deps-updater@users.noreply.github.com', message: 'Bump express' },
    expected: 'bot',
    evidence: 'author noreply id: 49699333',
  },
  {
    name: 'a bot author outranks an AI co-author',
    input: {
      authorName: 'github-actions[bot]',
      authorEmail: '41898282+github-actions[bot]@users.noreply.github.com',
      message: 'Apply formatting\n\nCo-authored-by: Claude <noreply@anthropic.com>',
    },
    expected: 'bot',
    evidence: 'author login: github-actions[bot]',
  },
  {
    name: 'a bot with no e-mail at all is still a bot by its app name',
    input: { authorName: 'dependabot[bot]', authorEmail: '', message: 'Bump x' },
    expected: 'bot',
    evidence: 'author name: dependabot[bot]',
  },

  // ---- AI agents: by author or committer ----
  {
    name: 'Claude GitHub app as author',
    input: { authorName: 'claude[bot]', authorEmail: '209825114+claude[bot]@users.noreply.github.com', ...WEB_FLOW, message: 'fix: handle empty cart\n\nCo-authored-by: Ann Smith <ann@example.com>' },
    expected: 'ai_agent',
    evidence: 'author login: claude[bot]',
  },
  {
    name: 'Copilot coding agent (Copilot account no-reply address)',
    input: { authorName: 'Copilot', authorEmail: '198982749+Copilot@users.noreply.github.com', ...WEB_FLOW, message: 'Add retry to upload client (#311)' },
    expected: 'ai_agent',
    evidence: 'author login: copilot',
  },
  {
    name: 'copilot-swe-agent[bot] by the API login',
    input: { authorName: 'copilot-swe-agent[bot]', authorEmail: 'noreply@example.com', githubLogin: 'copilot-swe-agent[bot]', message: 'Initial plan' },
    expected: 'ai_agent',
    evidence: 'author login: copilot-swe-agent[bot]',
  },
  {
    name: 'Cursor app account',
    input: { authorName: 'cursor[bot]', authorEmail: '206951365+cursor[bot]@users.noreply.github.com', message: 'Fix flaky date test' },
    expected: 'ai_agent',
    evidence: 'author login: cursor[bot]',
  },
  {
    name: 'Cursor background agent by its e-mail',
    input: { authorName: 'Cursor Agent', authorEmail: 'cursoragent@cursor.com', message: 'Refactor invoice totals' },
    expected: 'ai_agent',
    evidence: 'author email: cursoragent@cursor.com',
  },
  {
    name: 'Devin',
    input: { authorName: 'devin-ai-integration[bot]', authorEmail: '158243242+devin-ai-integration[bot]@users.noreply.github.com', message: 'Add CSV export' },
    expected: 'ai_agent',
    evidence: 'author login: devin-ai-integration[bot]',
  },
  {
    name: 'OpenAI Codex via ChatGPT',
    input: { authorName: 'chatgpt-codex-connector[bot]', authorEmail: '199175422+chatgpt-codex-connector[bot]@users.noreply.github.com', message: 'Fix pagination off-by-one' },
    expected: 'ai_agent',
    evidence: 'author login: chatgpt-codex-connector[bot]',
  },
  {
    name: 'Google Jules',
    input: { authorName: 'google-labs-jules[bot]', authorEmail: '161369871+google-labs-jules[bot]@users.noreply.github.com', message: 'Upgrade to Node 20' },
    expected: 'ai_agent',
    evidence: 'author login: google-labs-jules[bot]',
  },
  {
    name: 'Sweep with the id-less no-reply form',
    input: { authorName: 'sweep-ai[bot]', authorEmail: 'sweep-ai[bot]@users.noreply.github.com', message: 'Sweep: add type hints' },
    expected: 'ai_agent',
    evidence: 'author login: sweep-ai[bot]',
  },
  {
    name: "an agent login beats another account's id (GitHub Actions' id with Claude's login)",
    input: { authorName: 'claude[bot]', authorEmail: '41898282+claude[bot]@users.noreply.github.com', message: 'Update docs' },
    expected: 'ai_agent',
    evidence: 'author login: claude[bot]',
  },
  {
    name: 'an agent as committer of a human-authored commit',
    input: { committerName: 'Claude', committerEmail: 'noreply@anthropic.com', message: 'Split the billing module' },
    expected: 'ai_agent',
    evidence: 'committer email: noreply@anthropic.com',
  },
  {
    name: 'any address at aider.chat as author',
    input: { authorName: 'aider', authorEmail: 'aider@aider.chat', message: 'Add unit tests for parser' },
    expected: 'ai_agent',
    evidence: 'author email: aider@aider.chat',
  },

  // ---- AI-assisted: evidence in the message, branch or notes ----
  {
    name: 'Claude Code trailer and footer (the trailer is named)',
    input: {
      message:
        'Add rate limiting to the API\n\nUses a token bucket per client.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n',
    },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: noreply@anthropic.com',
  },
  {
    name: 'Claude Code footer alone',
    input: { message: 'Add rate limiting\n\n🤖 Generated with [Claude Code](https://claude.ai/code)' },
    expected: 'ai_assisted',
    evidence: 'footer: 🤖 Generated with [Claude Code]',
  },
  {
    name: 'another tool writing the robot footer',
    input: { message: 'Tidy imports\n\n🤖 Generated with [Codex](https://openai.com/codex)' },
    expected: 'ai_assisted',
    evidence: 'footer: 🤖 Generated with [Codex]',
  },
  {
    name: 'Cursor agent co-author',
    input: { message: 'Fix dark mode contrast\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>' },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: cursoragent@cursor.com',
  },
  {
    name: 'Copilot co-author by its no-reply id form',
    input: { message: 'Add health endpoint\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>' },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: 175728472+copilot@users.noreply.github.com',
  },
  {
    name: 'Copilot co-author by copilot@github.com',
    input: { message: 'Handle timeouts\n\nCo-authored-by: GitHub Copilot <copilot@github.com>' },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: copilot@github.com',
  },
  {
    name: 'aider co-author (any address at aider.chat)',
    input: { message: 'Add retries\n\nCo-authored-by: aider (anthropic/claude-sonnet) <noreply@aider.chat>' },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: noreply@aider.chat',
  },
  {
    name: 'agent app as co-author of a squash merge, after human co-authors',
    input: {
      ...WEB_FLOW,
      message:
        'Add SSO (#88)\n\n* Add SAML client\n\n* Fix tests\n\n---------\n\nCo-authored-by: Bob Jones <bob@example.com>\nCo-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>',
    },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: 209825114+claude[bot]@users.noreply.github.com',
  },
  {
    name: 'Assisted-by trailer naming a tool',
    input: { message: 'Speed up diff parsing\n\nAssisted-by: GitHub Copilot' },
    expected: 'ai_assisted',
    evidence: 'assisted-by: GitHub Copilot',
  },
  {
    name: 'kernel-style Assisted-by with agent and model',
    input: { message: 'mm: fix off-by-one in page walker\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse\nSigned-off-by: Ann Smith <ann@example.com>' },
    expected: 'ai_assisted',
    evidence: 'assisted-by: Claude:claude-3-opus coccinelle sparse',
  },
  {
    name: 'Generated-by trailer naming an AI model',
    input: { message: 'Add SQL for churn view\n\nGenerated-by: ChatGPT (GPT-4o)' },
    expected: 'ai_assisted',
    evidence: 'generated-by: ChatGPT (GPT-4o)',
  },
  {
    name: 'Made-with trailer naming Cursor',
    input: { message: 'Polish settings page\n\nMade-with: Cursor' },
    expected: 'ai_assisted',
    evidence: 'made-with: Cursor',
  },
  {
    name: 'aider subject prefix',
    input: { message: 'aider: Added input validation to the signup form' },
    expected: 'ai_assisted',
    evidence: 'subject: aider:',
  },
  {
    name: "aider's (aider) author-name suffix",
    input: { authorName: 'Ann Smith (aider)', committerName: 'Ann Smith (aider)', message: 'feat: add dark mode toggle' },
    expected: 'ai_assisted',
    evidence: 'author name: Ann Smith (aider)',
  },
  {
    name: 'agent branch prefix',
    input: { branch: 'copilot/fix-login-redirect', message: 'Fix login redirect' },
    expected: 'ai_assisted',
    evidence: 'branch: copilot/fix-login-redirect',
  },
  {
    name: 'agent branch as a full ref',
    input: { branch: 'refs/heads/claude/issue-42-20250101', message: 'Fix #42' },
    expected: 'ai_assisted',
    evidence: 'branch: claude/issue-42-20250101',
  },
  {
    name: 'git note under refs/notes/ai',
    input: { aiNote: 'agent: claude-code 1.0.3\nmodel: claude-sonnet-4\n', message: 'Refactor session store' },
    expected: 'ai_assisted',
    evidence: 'git-note: agent: claude-code 1.0.3',
  },

  // ---- humans, including the false-positive traps ----
  { name: 'a plain human commit', input: {}, expected: 'human', evidence: null },
  {
    name: 'a human named Claude',
    input: { authorName: 'Claude Monet', authorEmail: 'claude@monet.example', committerName: 'Claude Monet', committerEmail: 'claude@monet.example' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a human co-author named Claude',
    input: { message: 'Improve chart labels\n\nCo-authored-by: Claude Shannon <claude@bell-labs.example>' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'humans named Devin and Cursor Johnson',
    input: {
      authorName: 'Devin Smith',
      authorEmail: 'devin@example.com',
      message: 'Pair on checkout\n\nCo-authored-by: Cursor Johnson <cj@example.com>\nCo-authored-by: Copilot Jones <copilot.jones@example.com>',
    },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'the word cursor in the subject',
    input: { message: 'Fix cursor position after paste in the editor' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'the web-flow committer of a web merge',
    input: { ...WEB_FLOW, message: 'Merge pull request #12 from acme/feature-x\n\nAdd feature x' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a bot as committer only',
    input: { committerName: 'github-actions[bot]', committerEmail: '41898282+github-actions[bot]@users.noreply.github.com' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a bot as co-author',
    input: { message: 'Add rate limiter\n\nCo-authored-by: pre-commit-ci[bot] <66853113+pre-commit-ci[bot]@users.noreply.github.com>' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a human committing with their own GitHub no-reply address',
    input: { authorName: 'The Octocat', authorEmail: '583231+octocat@users.noreply.github.com' },
    expected: 'human',
    evidence: null,
  },
  {
    name: "'Generated with Claude Code' in prose, without the footer form",
    input: { message: 'Document the stub generator\n\nThe old stubs were generated with Claude Code by a contractor;\nGenerated with Claude Code is no longer allowed here.' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a trailer-like line in the subject paragraph',
    input: { message: 'Co-authored-by: Claude <noreply@anthropic.com>' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'a quoted trailer in a body paragraph that is not the last',
    input: { message: 'Explain attribution in docs\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\nis how the tool marks its commits.' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'branches that merely contain an agent word',
    input: { branch: 'feature/cursor-blink', message: 'Blink the cursor' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'Generated-by naming an ordinary code generator',
    input: { message: 'Regenerate protobuf stubs\n\nGenerated-by: protoc 25.1' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'Assisted-by naming a person',
    input: { message: 'Fix race in scheduler\n\nAssisted-by: Jane Doe <jane@example.com>' },
    expected: 'human',
    evidence: null,
  },
  {
    name: 'an Assisted-by trailer saying no',
    input: { message: 'Fix race in scheduler\n\nAssisted-by: none' },
    expected: 'human',
    evidence: null,
  },

  // ---- unknown ----
  {
    name: 'an empty author e-mail',
    input: { authorName: 'root', authorEmail: '' },
    expected: 'unknown',
    evidence: 'author email: (empty)',
  },
  {
    name: 'a malformed author e-mail',
    input: { authorName: 'ann', authorEmail: 'ann' },
    expected: 'unknown',
    evidence: 'author email: ann',
  },
  {
    name: 'a malformed e-mail with AI evidence is still AI-assisted',
    input: { authorEmail: 'ann@', message: 'Add parser\n\nCo-authored-by: Claude <noreply@anthropic.com>' },
    expected: 'ai_assisted',
    evidence: 'co-authored-by: noreply@anthropic.com',
  },
];

describe('createAuthorshipClassifier', () => {
  const classify = createAuthorshipClassifier();

  it('has a realistic case for every class', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const classes = new Set(cases.map((testCase) => testCase.expected));
    expect([...classes].sort()).toEqual(['ai_agent', 'ai_assisted', 'bot', 'human', 'unknown']);
  });

  it.each(cases)('$name → $expected', ({ input, expected, evidence }) => {
    expect(classify({ ...HUMAN, ...input })).toEqual({ class: expected, evidence });
  });

  it('separates dependabot and Copilot no-reply ids', () => {
    expect(classify({ ...HUMAN, authorEmail: '49699333+dependabot[bot]@users.noreply.github.com' }).class).toBe('bot');
    expect(classify({ ...HUMAN, authorEmail: '198982749+Copilot@users.noreply.github.com' }).class).toBe('ai_agent');
    // The account ids alone, behind logins we do not know, still decide.
    expect(classify({ ...HUMAN, authorEmail: '49699333+renamed@users.noreply.github.com' }).class).toBe('bot');
    expect(classify({ ...HUMAN, authorEmail: '198982749+renamed@users.noreply.github.com' }).class).toBe('ai_agent');
    // Ids belong to github.com: the same number on a GitHub Enterprise host is someone else.
    expect(classify({ ...HUMAN, authorEmail: '49699333+ann@users.noreply.git.acme.example' }).class).toBe('human');
  });

  it('applies extra bot and agent patterns from the configuration', () => {
    const withExtras = createAuthorshipClassifier({
      extraBots: [{ email: '*@ci.example.com' }, { login: 'acme-release' }],
      extraAgents: [{ name: 'Acme Coder*', email: '*@agents.example.com' }],
    });
    expect(withExtras({ ...HUMAN, authorName: 'Deploy', authorEmail: 'Deploy@CI.example.com' })).toEqual({
      class: 'bot',
      evidence: 'author pattern: email=*@ci.example.com',
    });
    expect(withExtras({ ...HUMAN, authorEmail: '9999+acme-release@users.noreply.github.com' })).toEqual({
      class: 'bot',
      evidence: 'author pattern: login=acme-release',
    });
    expect(withExtras({ ...HUMAN, authorName: 'Acme Coder v2', authorEmail: 'run-17@agents.example.com' })).toEqual({
      class: 'ai_agent',
      evidence: 'author pattern: name=Acme Coder* email=*@agents.example.com',
    });
    // Both fields must match.
    expect(withExtras({ ...HUMAN, authorName: 'Ann', authorEmail: 'ann@agents.example.com' }).class).toBe('human');
    // An extra agent pattern also recognises the agent as a co-author.
    expect(
      withExtras({ ...HUMAN, message: 'Fix\n\nCo-authored-by: Acme Coder <x@agents.example.com>' }),
    ).toEqual({ class: 'ai_assisted', evidence: 'co-authored-by: x@agents.example.com' });
  });

  it('follows the people roster before the built-in rules', () => {
    const withRoster = createAuthorshipClassifier({
      people: [
        { emails: ['release@acme.example'], kind: 'bot' },
        { emails: ['helper@acme.example'], kind: 'ai_agent' },
        { emails: ['imgbothelp@gmail.com'], kind: 'human' },
      ],
    });
    expect(withRoster({ ...HUMAN, authorEmail: 'Release@acme.example' })).toEqual({ class: 'bot', evidence: 'author roster: release@acme.example' });
    expect(withRoster({ ...HUMAN, authorEmail: 'helper@acme.example' }).class).toBe('ai_agent');
    expect(withRoster({ ...HUMAN, authorName: 'ImgBotApp', authorEmail: 'ImgBotHelp@gmail.com' }).class).toBe('human');
  });

  it('lets the agent branch prefixes be replaced', () => {
    const custom = createAuthorshipClassifier({ agentBranchPrefixes: ['ai/'] });
    expect(custom({ ...HUMAN, branch: 'ai/task-7' })).toEqual({ class: 'ai_assisted', evidence: 'branch: ai/task-7' });
    expect(custom({ ...HUMAN, branch: 'copilot/task-7' }).class).toBe('human');
  });

  it('keeps evidence short', () => {
    const longNote = `agent: ${'x'.repeat(500)}`;
    const { evidence } = classify({ ...HUMAN, aiNote: longNote });
    expect(evidence!.length).toBeLessThanOrEqual('git-note: '.length + 120);
    expect(evidence!.endsWith('…')).toBe(true);
  });
});
