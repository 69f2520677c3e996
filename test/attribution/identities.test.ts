import { describe, expect, it } from 'vitest';
import {
  createIdentityClassifier,
  identityKind,
  KNOWN_AGENTS,
  KNOWN_BOTS,
  parseGithubNoreply,
} from '../../pipeline/attribution/index.js';

describe('parseGithubNoreply', () => {
  it('parses the id+login form, the older login-only form and GitHub Enterprise hosts', () => {
    expect(parseGithubNoreply('49699333+dependabot[bot]@users.noreply.github.com')).toEqual({
      id: 49699333,
      login: 'dependabot[bot]',
      host: 'github.com',
    });
    expect(parseGithubNoreply('198982749+Copilot@users.noreply.github.com')).toEqual({ id: 198982749, login: 'Copilot', host: 'github.com' });
    expect(parseGithubNoreply('octocat@users.noreply.github.com')).toEqual({ id: null, login: 'octocat', host: 'github.com' });
    expect(parseGithubNoreply(' 12+ann-lee@USERS.NOREPLY.GITHUB.COM ')).toEqual({ id: 12, login: 'ann-lee', host: 'github.com' });
    expect(parseGithubNoreply('7+ann@users.noreply.git.acme.example')).toEqual({ id: 7, login: 'ann', host: 'git.acme.example' });
    expect(parseGithubNoreply('99+ann-lee_acme@users.noreply.github.com')).toEqual({ id: 99, login: 'ann-lee_acme', host: 'github.com' });
  });

  it('returns null for any other address', () => {
    for (const email of [
      'ann@example.com',
      'noreply@github.com',
      'users.noreply.github.com',
      '12+@users.noreply.github.com',
      '-ann@users.noreply.github.com',
      'ann+tag@example.com',
      '',
    ]) {
      expect(parseGithubNoreply(email), email).toBeNull();
    }
  });
});

describe('identityKind', () => {
  it.each([
    ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com', 'bot', 'login: dependabot[bot]'],
    ['GitHub Action', 'action@github.com', 'bot', 'email: action@github.com'],
    ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com', 'ai_agent', 'login: claude[bot]'],
    ['Claude', 'noreply@anthropic.com', 'ai_agent', 'email: noreply@anthropic.com'],
    ['Copilot', '175728472+Copilot@users.noreply.github.com', 'ai_agent', 'login: copilot'],
    ['OpenHands', 'openhands@all-hands.dev', 'ai_agent', 'email: openhands@all-hands.dev'],
    ['Claude Monet', 'claude@monet.example', 'human', null],
    ['Copilot', 'copilot@airline.example', 'human', null],
    ['GitHub', 'noreply@github.com', 'human', null],
    ['Abbott Robotics', 'abbott@robotics.example', 'human', null],
  ] as const)('%s <%s> is %s', (name, email, kind, evidence) => {
    expect(identityKind(name, email)).toEqual({ kind, evidence });
  });

  it('uses a GitHub login from an API', () => {
    expect(identityKind('Some Name', 'someone@example.com', 'renovate[bot]')).toEqual({ kind: 'bot', evidence: 'login: renovate[bot]' });
    expect(identityKind('Some Name', 'someone@example.com', 'Copilot')).toEqual({ kind: 'ai_agent', evidence: 'login: copilot' });
  });

  it('takes extra patterns and the roster through createIdentityClassifier', () => {
    const kindOf = createIdentityClassifier({
      extraAgents: [{ email: 'agent-*@tools.example.com' }],
      people: [{ emails: ['ops@example.com'], kind: 'bot' }],
    });
    expect(kindOf('Agent', 'agent-7@tools.example.com')).toEqual({ kind: 'ai_agent', evidence: 'pattern: email=agent-*@tools.example.com' });
    expect(kindOf('Ops', 'ops@example.com')).toEqual({ kind: 'bot', evidence: 'roster: ops@example.com' });
    expect(kindOf('Agent', 'agent-7@other.example.com')).toEqual({ kind: 'human', evidence: null });
  });
});

describe('built-in rosters', () => {
  it('never list the same login, id or e-mail for two identities', () => {
    const seen = new Map<string, string>();
    for (const identity of [...KNOWN_AGENTS, ...KNOWN_BOTS]) {
      const keys = [
        ...identity.logins.map((login) => `login:${login}`),
        ...identity.ids.map((id) => `id:${id}`),
        ...identity.emails.map((email) => `email:${email}`),
        ...identity.domains.map((domain) => `domain:${domain}`),
      ];
      for (const key of keys) {
        expect(seen.get(key), `${key} listed for ${identity.tool} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, identity.tool);
      }
    }
  });

  it('hold logins and e-mails in lower case, as the matcher compares them', () => {
    for (const identity of [...KNOWN_AGENTS, ...KNOWN_BOTS]) {
      for (const value of [...identity.logins, ...identity.emails, ...identity.domains]) expect(value).toBe(value.toLowerCase());
    }
  });
});
