import { describe, expect, it } from 'vitest';
import { createIdentityClassifier } from '../../pipeline/attribution/index.js';
import { resolveOverride } from '../../pipeline/config/roster-config.js';
import type { PersonConfig } from '../../pipeline/config/types.js';
import type { IdentityRecord } from '../../pipeline/identities/identity-facts.js';
import { linkPeople, type LinkInput, type LinkResult } from '../../pipeline/identities/link-people.js';

const git = (email: string, name = 'Someone'): IdentityRecord => ({
  identityId: `git:${email.toLowerCase()}`,
  provider: 'git',
  externalId: email.toLowerCase(),
  name,
  email: email.toLowerCase(),
  login: null,
});
const github = (login: string, id: number | null, extra: Partial<IdentityRecord> = {}): IdentityRecord => ({
  identityId: `github:${login.toLowerCase()}`,
  provider: 'github',
  externalId: id === null ? login : String(id),
  name: null,
  email: null,
  login,
  ...extra,
});
const jira = (account: string, extra: Partial<IdentityRecord> = {}): IdentityRecord => ({
  identityId: `jira:${account}`,
  provider: 'jira',
  externalId: account,
  name: null,
  email: null,
  login: null,
  ...extra,
});
const person = (name: string, parts: Partial<PersonConfig> = {}): PersonConfig => ({
  name,
  emails: [],
  github: [],
  jira: [],
  kind: 'human',
  memberships: [],
  ...parts,
});

function link(identities: IdentityRecord[], extra: Partial<LinkInput> = {}): LinkResult {
  return linkPeople({ identities, people: [], overrides: [], classify: createIdentityClassifier(), ...extra });
}

/** identity id → [person id, rule], for compact expectations. */
function links(result: LinkResult): Record<string, [string, string]> {
  return Object.fromEntries(result.identities.map((identity) => [identity.identityId, [identity.personId, identity.rule]]));
}

describe('linking identities to people', () => {
  it('links by the roster: e-mail, GitHub login and Jira account', () => {
    const result = link([git('ann@corp.example', 'Ann'), github('ann-lee', 101), jira('5b10ac8d82e05b22cc7d4ef5')], {
      people: [person('Ann Lee', { emails: ['ann@corp.example'], github: ['ann-lee'], jira: ['5b10ac8d82e05b22cc7d4ef5'] })],
    });
    expect(links(result)).toEqual({
      'git:ann@corp.example': ['person:ann-lee', 'roster'],
      'github:ann-lee': ['person:ann-lee', 'roster'],
      'jira:5b10ac8d82e05b22cc7d4ef5': ['person:ann-lee', 'roster'],
    });
    expect(result.people).toEqual([{ personId: 'person:ann-lee', displayName: 'Ann Lee', kind: 'human', origin: 'roster' }]);
  });

  it('links a no-reply address with a numeric id to the GitHub account by id, even after a rename', () => {
    const result = link([git('583231+octo-renamed@users.noreply.github.com', 'Octo'), github('octo-new', 583231)]);
    expect(links(result)).toEqual({
      'git:583231+octo-renamed@users.noreply.github.com': ['person:github:octo-new', 'noreply_id'],
      'github:octo-new': ['person:github:octo-new', 'noreply_id'],
    });
  });

  it('links a no-reply address without an id by login, and two addresses of one account', () => {
    const result = link([git('octo@users.noreply.github.com'), git('583231+octo@users.noreply.github.com'), github('octo', null)]);
    expect(new Set(result.identities.map((identity) => identity.personId))).toEqual(new Set(['person:github:octo']));
    expect(result.identities.every((identity) => identity.rule === 'noreply_id')).toBe(true);
  });

  it('does not link a no-reply id to an account that now has the login but another id', () => {
    const result = link([git('999+octo@users.noreply.github.com'), github('octo', 583231)]);
    const people = new Set(result.identities.map((identity) => identity.personId));
    expect(people.size).toBe(2);
    expect(result.identities.map((identity) => identity.rule)).toEqual(['new', 'new']);
  });

  it('links the same e-mail across providers, case-insensitively and trimmed', () => {
    const result = link([git('Bo@Corp.example'), jira('bo-account', { email: ' bo@corp.EXAMPLE ', name: 'Bo Jira' })]);
    expect(links(result)).toEqual({
      'git:bo@corp.example': ['person:bo@corp.example', 'exact_email'],
      'jira:bo-account': ['person:bo@corp.example', 'exact_email'],
    });
  });

  it('links a git identity to the GitHub login the host tied it to', () => {
    const result = link([git('cy@corp.example', 'Cy'), github('cy-dev', 77)], {
      loginEvidence: [{ identityId: 'git:cy@corp.example', login: 'Cy-Dev' }],
    });
    expect(links(result)).toEqual({
      'git:cy@corp.example': ['person:github:cy-dev', 'login'],
      'github:cy-dev': ['person:github:cy-dev', 'login'],
    });
  });

  it('makes one person of git, GitHub and Jira identities without a roster', () => {
    const result = link(
      [
        git('dee@corp.example', 'Dee Old Name'),
        git('4242+dee@users.noreply.github.com', 'Dee'),
        github('dee', 4242, { name: 'Dee Dev' }),
        jira('712020:abc-def', { email: 'dee@corp.example', name: 'Dee (Jira)' }),
      ],
      { loginEvidence: [{ identityId: 'git:dee@corp.example', login: 'dee' }] },
    );
    expect(links(result)).toEqual({
      'git:4242+dee@users.noreply.github.com': ['person:github:dee', 'noreply_id'],
      'git:dee@corp.example': ['person:github:dee', 'exact_email'],
      'github:dee': ['person:github:dee', 'noreply_id'],
      'jira:712020:abc-def': ['person:github:dee', 'exact_email'],
    });
    expect(result.people).toEqual([{ personId: 'person:github:dee', displayName: 'Dee Dev', kind: 'human', origin: 'identities' }]);
  });

  it('never links by name alone', () => {
    const result = link([git('claude@monet.example', 'Claude'), git('claude.other@example.com', 'Claude')]);
    expect(new Set(result.identities.map((identity) => identity.personId)).size).toBe(2);
    expect(result.people.every((p) => p.kind === 'human')).toBe(true);
  });

  it('keeps the stronger rule when facts point at two roster people, and reports the other', () => {
    // GitHub shows Bo's login with Ann's e-mail: the login is the account's own key and wins.
    const result = link([git('ann@corp.example', 'Ann'), github('bo-gh', 5, { email: 'ann@corp.example' })], {
      people: [person('Ann', { emails: ['ann@corp.example'] }), person('Bo', { github: ['bo-gh'] })],
    });
    expect(links(result)).toEqual({
      'git:ann@corp.example': ['person:ann', 'roster'],
      'github:bo-gh': ['person:bo', 'roster'],
    });
    expect(result.conflicts).toContainEqual({
      identityId: 'github:bo-gh',
      personId: 'person:bo',
      rule: 'roster',
      otherPersonId: 'person:ann',
      otherRule: 'roster',
      evidence: 'e-mail ann@corp.example is listed for Ann in the roster',
    });
  });

  it('reports an identity pulled two ways by weaker rules', () => {
    // One unrostered address shares an e-mail with Ann's Jira account and a login with Bo's GitHub account.
    const result = link([git('shared@corp.example'), jira('ann-jira', { email: 'shared@corp.example' }), github('bo-gh', 5)], {
      people: [person('Ann', { jira: ['ann-jira'] }), person('Bo', { github: ['bo-gh'] })],
      loginEvidence: [{ identityId: 'git:shared@corp.example', login: 'bo-gh' }],
    });
    expect(links(result)['git:shared@corp.example']).toEqual(['person:ann', 'exact_email']);
    expect(result.conflicts.filter((c) => c.identityId === 'git:shared@corp.example')).toEqual([
      {
        identityId: 'git:shared@corp.example',
        personId: 'person:ann',
        rule: 'exact_email',
        otherPersonId: 'person:bo',
        otherRule: 'login',
        evidence: 'GitHub ties git:shared@corp.example to login bo-gh',
      },
    ]);
  });

  it('lets an override win over the roster, merge identities under a new name, and split one off', () => {
    const identities = [git('ann@corp.example'), git('ann@home.example'), git('team@corp.example'), jira('team-account', { email: 'team@corp.example' })];
    const result = link(identities, {
      people: [person('Ann', { emails: ['ann@corp.example'] })],
      overrides: [
        resolveOverride({ identity: 'git:ann@corp.example', person: 'Pat Doe' }),
        resolveOverride({ identity: 'git:ann@home.example', person: 'Pat Doe' }),
        resolveOverride({ identity: 'git:team@corp.example', separate: true }),
      ],
    });
    expect(links(result)).toEqual({
      'git:ann@corp.example': ['person:pat-doe', 'override'],
      'git:ann@home.example': ['person:pat-doe', 'override'],
      'git:team@corp.example': ['person:git:team@corp.example', 'override'],
      'jira:team-account': ['person:team@corp.example', 'new'],
    });
    expect(result.people.find((p) => p.personId === 'person:pat-doe')).toEqual({ personId: 'person:pat-doe', displayName: 'Pat Doe', kind: 'human', origin: 'override' });
    // The roster person stays (with no identities); the override beat the roster without a conflict being invented.
    expect(result.people.find((p) => p.personId === 'person:ann')?.origin).toBe('roster');
    expect(result.conflicts).toEqual([]);
  });

  it('maps an override to a person id as reports show it', () => {
    const result = link([git('ann@home.example', 'Ann'), git('101+ann-lee@users.noreply.github.com', 'Ann'), github('ann-lee', 101, { name: 'Ann Lee' })], {
      overrides: [resolveOverride({ identity: 'git:ann@home.example', person: 'person:github:ann-lee' })],
    });
    expect(links(result)).toEqual({
      'git:101+ann-lee@users.noreply.github.com': ['person:github:ann-lee', 'noreply_id'],
      'git:ann@home.example': ['person:github:ann-lee', 'override'],
      'github:ann-lee': ['person:github:ann-lee', 'noreply_id'],
    });
    expect(result.people).toEqual([{ personId: 'person:github:ann-lee', displayName: 'Ann Lee', kind: 'human', origin: 'override' }]);
  });

  it('maps an override to a roster person by name', () => {
    const result = link([git('ann.old@corp.example')], { people: [person('Ann Lee')], overrides: [resolveOverride({ identity: 'git:ann.old@corp.example', person: 'ann lee' })] });
    expect(links(result)).toEqual({ 'git:ann.old@corp.example': ['person:ann-lee', 'override'] });
  });

  it('classes bots and AI agents with evidence, and takes the roster kind over recognition', () => {
    const result = link(
      [
        git('49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]'),
        github('dependabot[bot]', 49699333),
        git('209825114+claude[bot]@users.noreply.github.com', 'claude[bot]'),
        git('deploy@ci.example', 'Deploy'),
      ],
      { people: [person('Release robot', { emails: ['deploy@ci.example'], kind: 'bot' })] },
    );
    const kinds = Object.fromEntries(result.people.map((p) => [p.personId, p.kind]));
    expect(kinds).toEqual({ 'person:github:dependabot[bot]': 'bot', 'person:github:claude[bot]': 'ai_agent', 'person:release-robot': 'bot' });
    const evidence = Object.fromEntries(result.identities.map((identity) => [identity.identityId, identity.kindEvidence]));
    expect(evidence['github:dependabot[bot]']).toBe('login: dependabot[bot]');
    expect(evidence['git:209825114+claude[bot]@users.noreply.github.com']).toBe('login: claude[bot]');
    expect(evidence['git:deploy@ci.example']).toBe('roster: Release robot');
  });

  it('gives the same people, links and conflicts whatever order the identities come in', () => {
    const identities = [
      git('ann@corp.example', 'Ann'),
      git('4242+dee@users.noreply.github.com', 'Dee'),
      github('dee', 4242),
      jira('dee-jira', { email: 'dee@corp.example' }),
      git('dee@corp.example', 'Dee'),
      github('bo-gh', 5, { email: 'ann@corp.example' }),
      git('solo@example.com', 'Solo'),
    ];
    const options = { people: [person('Ann', { emails: ['ann@corp.example'] }), person('Bo', { github: ['bo-gh'] })] };
    const first = link(identities, options);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...identities].sort((a, b) => hash(a.identityId, seed) - hash(b.identityId, seed));
      const again = link(shuffled, options);
      expect(again.people).toEqual(first.people);
      expect(sortById(again.identities)).toEqual(sortById(first.identities));
      expect(sortConflicts(again.conflicts)).toEqual(sortConflicts(first.conflicts));
    }
  });
});

function hash(text: string, seed: number): number {
  let value = seed * 2654435761;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

function sortById<T extends { identityId: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.identityId < b.identityId ? -1 : 1));
}

function sortConflicts<T extends { identityId: string; otherPersonId: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (`${a.identityId} ${a.otherPersonId}` < `${b.identityId} ${b.otherPersonId}` ? -1 : 1));
}
