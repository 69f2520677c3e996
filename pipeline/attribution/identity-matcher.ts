import picomatch from 'picomatch';
import type { IdentityPattern, PersonKind } from '../config/types.js';
import { parseGithubNoreply } from './github-noreply.js';
import { KNOWN_AGENTS, KNOWN_BOTS, type KnownIdentity } from './known-identities.js';

/** What is known about one identity (any field may be missing). */
export interface IdentityFacts {
  name?: string | null;
  email?: string | null;
  /** GitHub login, when an API told us. */
  login?: string | null;
}

/** Why an identity is an AI agent or a bot. */
export interface IdentityMatch {
  kind: 'ai_agent' | 'bot';
  /** Which fact matched: `login`, `email`, `noreply id`, `name`, `pattern` or `roster`. */
  rule: string;
  /** The matched value, e.g. `claude[bot]` or `noreply@anthropic.com`. */
  value: string;
}

/** Rules on top of the built-in rosters, usually from the config file. */
export interface IdentityRules {
  /** Identities to treat as non-AI bots. */
  extraBots?: readonly IdentityPattern[];
  /** Identities to treat as AI agents. */
  extraAgents?: readonly IdentityPattern[];
  /** The people roster: its e-mails are classified as the roster says, before any other rule. */
  people?: readonly { emails: readonly string[]; kind: PersonKind }[];
}

interface KnownLookup {
  byLogin: Map<string, KnownIdentity>;
  byId: Map<number, KnownIdentity>;
  byEmail: Map<string, KnownIdentity>;
  byDomain: Map<string, KnownIdentity>;
}

function lookupOf(identities: readonly KnownIdentity[]): KnownLookup {
  const lookup: KnownLookup = { byLogin: new Map(), byId: new Map(), byEmail: new Map(), byDomain: new Map() };
  for (const identity of identities) {
    for (const login of identity.logins) lookup.byLogin.set(login, identity);
    for (const id of identity.ids) lookup.byId.set(id, identity);
    for (const email of identity.emails) lookup.byEmail.set(email, identity);
    for (const domain of identity.domains) lookup.byDomain.set(domain, identity);
  }
  return lookup;
}

const AGENTS = lookupOf(KNOWN_AGENTS);
const BOTS = lookupOf(KNOWN_BOTS);
const GITHUB_APP_SUFFIX = '[bot]';

/** Normalised facts, computed once per identity. */
interface Facts {
  name: string;
  email: string;
  /** Lower-cased logins from the API and the no-reply address. */
  logins: string[];
  /** Lower-cased display name when it has the `…[bot]` form GitHub reserves for apps. */
  appName: string | null;
  /** github.com account id from the no-reply address. */
  githubId: number | null;
}

function normalise(facts: IdentityFacts): Facts {
  const name = (facts.name ?? '').trim();
  const email = (facts.email ?? '').trim().toLowerCase();
  const logins: string[] = [];
  if (facts.login) logins.push(facts.login.trim().toLowerCase());
  const noreply = parseGithubNoreply(email);
  if (noreply) logins.push(noreply.login.toLowerCase());
  const lowerName = name.toLowerCase();
  return {
    name,
    email,
    logins,
    appName: lowerName.endsWith(GITHUB_APP_SUFFIX) ? lowerName : null,
    // Account ids are per GitHub instance; the tables hold github.com ids only.
    githubId: noreply && noreply.host === 'github.com' ? noreply.id : null,
  };
}

// Stronger facts first: a login names the account exactly, an id only through our tables. So a
// misconfigured `41898282+claude[bot]` (GitHub Actions' id, Claude's login) is Claude.
const KNOWN_STAGES: readonly ((facts: Facts, lookup: KnownLookup) => Omit<IdentityMatch, 'kind'> | null)[] = [
  (facts, lookup) => {
    const login = facts.logins.find((candidate) => lookup.byLogin.has(candidate));
    return login ? { rule: 'login', value: login } : null;
  },
  (facts, lookup) => (facts.appName && lookup.byLogin.has(facts.appName) ? { rule: 'name', value: facts.name } : null),
  (facts, lookup) => {
    if (lookup.byEmail.has(facts.email)) return { rule: 'email', value: facts.email };
    const at = facts.email.lastIndexOf('@');
    return at > 0 && lookup.byDomain.has(facts.email.slice(at + 1)) ? { rule: 'email', value: facts.email } : null;
  },
  (facts, lookup) =>
    facts.githubId !== null && lookup.byId.has(facts.githubId) ? { rule: 'noreply id', value: String(facts.githubId) } : null,
];

function matchKnown(facts: Facts): IdentityMatch | null {
  for (const stage of KNOWN_STAGES) {
    const agent = stage(facts, AGENTS);
    if (agent) return { kind: 'ai_agent', ...agent };
    const bot = stage(facts, BOTS);
    if (bot) return { kind: 'bot', ...bot };
  }
  return null;
}

type CompiledPattern = { describe: string; matches: (facts: Facts) => boolean };

function compilePattern(pattern: IdentityPattern): CompiledPattern {
  const options = { nocase: true, dot: true };
  const email = pattern.email ? picomatch(pattern.email.toLowerCase(), options) : null;
  const name = pattern.name ? picomatch(pattern.name, options) : null;
  const login = pattern.login ? pattern.login.toLowerCase() : null;
  const describe = Object.entries(pattern)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value as string}`)
    .join(' ');
  return {
    describe,
    matches: (facts) =>
      (email === null || email(facts.email)) &&
      (name === null || name(facts.name)) &&
      (login === null || facts.logins.includes(login)),
  };
}

/**
 * Build a function telling whether an identity is an AI agent or a bot, and why (null for a
 * human). Rules are tried in this order: the roster; the extra bot, then extra agent patterns;
 * the built-in rosters (by login, then app-form name, then e-mail or domain, then github.com
 * account id; at each step agents before bots); finally any other GitHub App (`…[bot]`) is a
 * bot. The built-in agents come before the generic app rule because agent apps carry the
 * `[bot]` suffix too.
 *
 * @example
 * const match = createIdentityMatcher({ extraBots: [{ email: '*@ci.example.com' }] });
 * match({ name: 'CI', email: 'deploy@ci.example.com' }); // { kind: 'bot', rule: 'pattern', value: 'email=*@ci.example.com' }
 */
export function createIdentityMatcher(rules: IdentityRules = {}): (identity: IdentityFacts) => IdentityMatch | null {
  const roster = new Map<string, PersonKind>();
  for (const person of rules.people ?? []) for (const email of person.emails) roster.set(email.toLowerCase(), person.kind);
  const extraBots = (rules.extraBots ?? []).map(compilePattern);
  const extraAgents = (rules.extraAgents ?? []).map(compilePattern);

  return (identity) => {
    const facts = normalise(identity);
    const rosterKind = roster.get(facts.email);
    if (rosterKind === 'human') return null;
    if (rosterKind) return { kind: rosterKind, rule: 'roster', value: facts.email };
    for (const pattern of extraBots) if (pattern.matches(facts)) return { kind: 'bot', rule: 'pattern', value: pattern.describe };
    for (const pattern of extraAgents) {
      if (pattern.matches(facts)) return { kind: 'ai_agent', rule: 'pattern', value: pattern.describe };
    }
    const known = matchKnown(facts);
    if (known) return known;
    // Why: GitHub reserves the `[bot]` suffix for GitHub App accounts, so an unknown app is automation.
    const app = facts.logins.find((login) => login.endsWith(GITHUB_APP_SUFFIX));
    if (app) return { kind: 'bot', rule: 'login', value: app };
    if (facts.appName) return { kind: 'bot', rule: 'name', value: facts.name };
    return null;
  };
}
