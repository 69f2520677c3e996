import { parseGithubNoreply } from '../attribution/github-noreply.js';

/** An identity row as the linker reads it from `core.identities`. */
export interface IdentityRecord {
  identityId: string;
  /** git, github, jira, … */
  provider: string;
  /** The id within the provider: e-mail (git), numeric user id (GitHub), account id (Jira). */
  externalId: string;
  name: string | null;
  email: string | null;
  /** GitHub login, Jira Data Center user name, or the GitHub login a host tied a git e-mail to. */
  login: string | null;
  lastSeenAt?: Date | null;
}

/** What an identity says about who it is, normalised for matching (all lower case). */
export interface IdentityFacts {
  /** E-mail address, when the identity has one. */
  email: string | null;
  /** For GitHub identities: the login. */
  githubLogin: string | null;
  /** For GitHub identities: the numeric account id, when known. */
  githubId: string | null;
  /** For other identities with a GitHub no-reply address: the account it names. */
  noreply: { id: string | null; login: string } | null;
  /** For Jira identities: the account id (Cloud) or user key/name (Data Center). */
  jiraAccount: string | null;
  /** For Jira identities: the Data Center user name, when different from the account. */
  jiraLogin: string | null;
  /** For identities of other providers: the GitHub login a host tied them to (e.g. a commit e-mail's account). */
  githubAccountLogin: string | null;
}

function lower(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

function suffixAfterPrefix(identityId: string, prefix: string): string | null {
  return identityId.toLowerCase().startsWith(prefix) ? lower(identityId.slice(prefix.length)) : null;
}

/**
 * The matching facts of one identity. Names are never among them: two people can share a name,
 * and "Claude" is also a person's name.
 *
 * @example
 * identityFacts({ identityId: 'git:12+ann@users.noreply.github.com', provider: 'git', externalId: '12+ann@users.noreply.github.com', name: 'Ann', email: '12+ann@users.noreply.github.com', login: null }).noreply;
 * // { id: '12', login: 'ann' }
 */
export function identityFacts(identity: IdentityRecord): IdentityFacts {
  const provider = identity.provider.toLowerCase();
  const email = lower(identity.email) ?? (provider === 'git' ? lower(identity.externalId) : null);
  const facts: IdentityFacts = {
    email: email && email.includes('@') ? email : null,
    githubLogin: null,
    githubId: null,
    noreply: null,
    jiraAccount: null,
    jiraLogin: null,
    githubAccountLogin: null,
  };
  if (provider === 'github') {
    facts.githubLogin = lower(identity.login) ?? suffixAfterPrefix(identity.identityId, 'github:');
    facts.githubId = /^\d+$/.test(identity.externalId.trim()) ? identity.externalId.trim() : null;
    return facts;
  }
  if (provider === 'jira') {
    facts.jiraAccount = suffixAfterPrefix(identity.identityId, 'jira:') ?? lower(identity.externalId);
    const login = lower(identity.login);
    facts.jiraLogin = login !== facts.jiraAccount ? login : null;
    return facts;
  }
  const noreply = facts.email ? parseGithubNoreply(facts.email) : null;
  if (noreply) facts.noreply = { id: noreply.id === null ? null : String(noreply.id), login: noreply.login.toLowerCase() };
  facts.githubAccountLogin = lower(identity.login);
  return facts;
}
