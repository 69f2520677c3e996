import { identityKind, parseGithubNoreply } from '../attribution/ai-attribution.js';

/** A roster entry from the config: one person with their e-mails. */
export interface RosterPerson {
  name: string;
  emails: readonly string[];
  kind: 'human' | 'ai_agent' | 'bot';
}

/** A git identity seen in history. */
export interface ObservedIdentity {
  email: string;
  name: string;
  firstSeen: number;
  lastSeen: number;
}

export interface PersonRow {
  person_id: string;
  display_name: string;
  kind: 'human' | 'ai_agent' | 'bot';
}

export interface IdentityRow {
  identity_id: string;
  provider: 'git';
  external_id: string;
  name: string;
  email: string;
  person_id: string;
  link_rule: 'roster' | 'noreply_id' | 'exact_email';
  kind_evidence: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

/** The stable id of a git identity: its e-mail, lower-cased (after `.mailmap`). */
export function gitIdentityId(email: string): string {
  return `git:${email.trim().toLowerCase()}`;
}

/** Collects author and committer identities while history streams by. */
export class IdentityCollector {
  private readonly seen = new Map<string, ObservedIdentity>();

  observe(name: string, email: string, time: number): void {
    const key = email.trim().toLowerCase();
    const existing = this.seen.get(key);
    if (existing) {
      existing.lastSeen = Math.max(existing.lastSeen, time);
      existing.firstSeen = Math.min(existing.firstSeen, time);
      existing.name = name || existing.name;
    } else {
      this.seen.set(key, { email: key, name, firstSeen: time, lastSeen: time });
    }
  }

  identities(): ObservedIdentity[] {
    return [...this.seen.values()];
  }
}

/**
 * Link git identities to people by rules, recorded on each link so it can be audited:
 * 1. `roster` — the e-mail is listed for a person in the config roster (kind from the roster);
 * 2. `noreply_id` — GitHub noreply addresses (`123+login@users.noreply.github.com` and the older
 *    `login@users.noreply.github.com`) of the same login are one person;
 * 3. `exact_email` — otherwise one person per e-mail (`.mailmap` has already merged aliases).
 * Names alone never merge people: two people can share a name.
 */
export function linkIdentities(
  identities: readonly ObservedIdentity[],
  roster: readonly RosterPerson[],
): { people: PersonRow[]; identities: IdentityRow[] } {
  const rosterByEmail = new Map<string, { id: string; person: RosterPerson }>();
  for (const person of roster) {
    const id = `person:${slug(person.name)}`;
    for (const email of person.emails) rosterByEmail.set(email.trim().toLowerCase(), { id, person });
  }
  const people = new Map<string, PersonRow>();
  const rows: IdentityRow[] = [];
  for (const identity of identities) {
    const kind = identityKind(identity.name, identity.email);
    let personId: string;
    let rule: IdentityRow['link_rule'];
    let personKind = kind.kind;
    let displayName = identity.name || identity.email;
    const rostered = rosterByEmail.get(identity.email);
    const noreply = parseGithubNoreply(identity.email);
    if (rostered) {
      personId = rostered.id;
      rule = 'roster';
      personKind = rostered.person.kind;
      displayName = rostered.person.name;
    } else if (noreply) {
      personId = `person:github:${noreply.login.toLowerCase()}`;
      rule = 'noreply_id';
    } else {
      personId = `person:${identity.email}`;
      rule = 'exact_email';
    }
    if (!people.has(personId)) people.set(personId, { person_id: personId, display_name: displayName, kind: personKind });
    rows.push({
      identity_id: gitIdentityId(identity.email),
      provider: 'git',
      external_id: identity.email,
      name: identity.name,
      email: identity.email,
      person_id: personId,
      link_rule: rule,
      kind_evidence: kind.evidence,
      first_seen_at: new Date(identity.firstSeen * 1000),
      last_seen_at: new Date(identity.lastSeen * 1000),
    });
  }
  return { people: [...people.values()], identities: rows };
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
