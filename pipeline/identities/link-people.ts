import type { IdentityKind } from '../attribution/ai-attribution.js';
import { personSlug, type IdentityOverride } from '../config/roster-config.js';
import type { PersonConfig, PersonKind } from '../config/types.js';
import { identityFacts, type IdentityFacts, type IdentityRecord } from './identity-facts.js';

/** The rule that linked an identity to its person, in priority order (`new`: no rule matched). */
export type LinkRule = 'override' | 'roster' | 'noreply_id' | 'exact_email' | 'login' | 'new';

/** Rules that can link two things, strongest first: the first match wins. */
export const LINK_RULES = ['override', 'roster', 'noreply_id', 'exact_email', 'login'] as const;
type EdgeRule = (typeof LINK_RULES)[number];
const RANK: Record<EdgeRule, number> = { override: 0, roster: 1, noreply_id: 2, exact_email: 3, login: 4 };

/** A host's word that a git identity belongs to a GitHub login (e.g. a PR commit's author login). */
export interface LoginEvidence {
  identityId: string;
  login: string;
}

/** What {@link linkPeople} works from. */
export interface LinkInput {
  identities: readonly IdentityRecord[];
  loginEvidence?: readonly LoginEvidence[];
  people: readonly PersonConfig[];
  overrides: readonly IdentityOverride[];
  /** Bot and AI-agent recognition for one identity (see createIdentityClassifier). */
  classify: (name: string, email: string, login: string | null) => IdentityKind;
}

/** Where a person row comes from. */
export type PersonOrigin = 'roster' | 'override' | 'identities';

export interface LinkedPerson {
  personId: string;
  displayName: string;
  kind: PersonKind;
  origin: PersonOrigin;
}

export interface LinkedIdentity {
  identityId: string;
  personId: string;
  rule: LinkRule;
  /** Why the person is an AI agent or bot (this identity's evidence); null for humans. */
  kindEvidence: string | null;
}

/** An identity whose facts also point at another person than the one it was linked to. */
export interface IdentityConflict {
  identityId: string;
  personId: string;
  rule: LinkRule;
  otherPersonId: string;
  otherRule: EdgeRule;
  evidence: string;
}

export interface LinkResult {
  people: LinkedPerson[];
  identities: LinkedIdentity[];
  conflicts: IdentityConflict[];
}

/** The id of a roster person (or of a person an override names): `person:<name slug>`. */
export function rosterPersonId(name: string): string {
  return `person:${personSlug(name)}`;
}

interface Anchor {
  personId: string;
  displayName: string | null;
  kind: PersonKind | null;
  origin: PersonOrigin;
}

interface Edge {
  a: number;
  b: number;
  rule: EdgeRule;
  /** Order among edges of one rule: an identity's own key before its secondary facts. */
  subrank: number;
  evidence: string;
}

/** Union-find over identities and anchors (people fixed in advance); a set holds at most one anchor. */
class PersonSets {
  private readonly parent: number[];
  private readonly anchorOf: (Anchor | null)[];

  constructor(size: number, anchors: ReadonlyMap<number, Anchor>) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.anchorOf = Array.from({ length: size }, (_, i) => anchors.get(i) ?? null);
  }

  find(node: number): number {
    let root = node;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let current = node; this.parent[current] !== root; ) {
      const next = this.parent[current]!;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }

  anchor(node: number): Anchor | null {
    return this.anchorOf[this.find(node)]!;
  }

  /** Join two sets unless they hold different anchors; returns the anchors that clashed, if any. */
  join(a: number, b: number): { clash: [Anchor, Anchor] } | null {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return null;
    const anchorA = this.anchorOf[rootA]!;
    const anchorB = this.anchorOf[rootB]!;
    if (anchorA && anchorB && anchorA.personId !== anchorB.personId) return { clash: [anchorA, anchorB] };
    const [root, child] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent[child] = root;
    this.anchorOf[root] = anchorA ?? anchorB;
    return null;
  }
}

const PROVIDER_ORDER: Record<string, number> = { github: 0, git: 1, jira: 2 };
const KIND_STRENGTH: Record<PersonKind, number> = { human: 0, bot: 1, ai_agent: 2 };

/**
 * Merge identities (git e-mails, GitHub logins, Jira accounts) into people. Rules, strongest
 * first, each recorded on the link:
 * 1. `override` — the override list maps the identity to a person, or keeps it `separate`;
 * 2. `roster` — the roster lists the identity's e-mail, GitHub login or Jira account;
 * 3. `noreply_id` — a GitHub no-reply address (`ID+login@users.noreply.github.com`, or the older
 *    `login@…`) and the GitHub account it names (by numeric id, else by login);
 * 4. `exact_email` — the same e-mail on several identities (trimmed, case-insensitive);
 * 5. `login` — a GitHub login a host tied an identity to (e.g. a PR commit's author login);
 * otherwise `new`: a person of its own. A name alone never links anything.
 *
 * When an identity's facts point at two different fixed people (roster or override), the
 * stronger rule wins and the other candidate is returned as a conflict. Person ids do not depend
 * on input order: roster and override people are `person:<name slug>`; others are named after
 * their GitHub login (`person:github:<login>`), else their smallest e-mail (`person:<e-mail>`),
 * else their Jira account (`person:jira:<account>`).
 *
 * @example
 * const { people, identities } = linkPeople({ identities: rows, people: config.people, overrides: [], classify: identityKind });
 */
export function linkPeople(input: LinkInput): LinkResult {
  const records = [...input.identities].sort((a, b) => compareText(a.identityId, b.identityId));
  const facts = records.map(identityFacts);
  const index = new Map(records.map((record, i) => [record.identityId.toLowerCase(), i]));

  // Anchors: roster people, then people named by overrides, after the identities.
  const anchors = new Map<number, Anchor>();
  const anchorNode = new Map<string, number>();
  const addAnchor = (anchor: Anchor): number => {
    const existing = anchorNode.get(anchor.personId);
    if (existing !== undefined) return existing;
    const node = records.length + anchorNode.size;
    anchorNode.set(anchor.personId, node);
    anchors.set(node, anchor);
    return node;
  };
  const rosterNodes = new Map<string, number>();
  const rosterByEmail = new Map<string, PersonConfig>();
  const rosterByGithub = new Map<string, PersonConfig>();
  const rosterByJira = new Map<string, PersonConfig>();
  for (const person of input.people) {
    rosterNodes.set(person.name, addAnchor({ personId: rosterPersonId(person.name), displayName: person.name, kind: person.kind, origin: 'roster' }));
    for (const email of person.emails) rosterByEmail.set(email, person);
    for (const login of person.github) rosterByGithub.set(login, person);
    for (const account of person.jira) rosterByJira.set(account, person);
  }
  const rosterBySlug = new Map(input.people.map((person) => [personSlug(person.name), person]));

  const edges: Edge[] = [];
  const separated = new Set<number>();
  const overrideAnchors = new Map<number, Anchor>();
  for (const override of input.overrides) {
    const node = index.get(override.identity);
    if (node === undefined) continue;
    if (override.separate) {
      separated.add(node);
      overrideAnchors.set(node, { personId: `person:${records[node]!.identityId.toLowerCase()}`, displayName: null, kind: null, origin: 'override' });
      continue;
    }
    const named = override.person!;
    const rostered = rosterBySlug.get(personSlug(named));
    const anchorNodeId = rostered
      ? rosterNodes.get(rostered.name)!
      : named.startsWith('person:')
        ? addAnchor({ personId: named, displayName: null, kind: null, origin: 'override' })
        : addAnchor({ personId: rosterPersonId(named), displayName: named, kind: null, origin: 'override' });
    edges.push({ a: node, b: anchorNodeId, rule: 'override', subrank: 0, evidence: `override: ${override.identity} belongs to ${named}` });
  }
  for (const [node, anchor] of overrideAnchors) anchors.set(node, anchor);

  const toRoster = (node: number, person: PersonConfig | undefined, rule: EdgeRule, subrank: number, fact: string) => {
    if (person) edges.push({ a: node, b: rosterNodes.get(person.name)!, rule, subrank, evidence: `${fact} is listed for ${person.name} in the roster` });
  };
  facts.forEach((fact, node) => {
    const provider = records[node]!.provider.toLowerCase();
    if (fact.githubLogin) toRoster(node, rosterByGithub.get(fact.githubLogin), 'roster', 0, `GitHub login ${fact.githubLogin}`);
    if (fact.jiraAccount) toRoster(node, rosterByJira.get(fact.jiraAccount), 'roster', 0, `Jira account ${fact.jiraAccount}`);
    if (fact.jiraLogin) toRoster(node, rosterByJira.get(fact.jiraLogin), 'roster', 1, `Jira user ${fact.jiraLogin}`);
    if (fact.email) toRoster(node, rosterByEmail.get(fact.email), 'roster', provider === 'git' ? 0 : 1, `e-mail ${fact.email}`);
    if (fact.noreply) {
      toRoster(node, rosterByGithub.get(fact.noreply.login), 'noreply_id', 1, `GitHub login ${fact.noreply.login} of no-reply address ${fact.email}`);
    }
    if (fact.githubAccountLogin) toRoster(node, rosterByGithub.get(fact.githubAccountLogin), 'login', 1, `GitHub login ${fact.githubAccountLogin}`);
  });

  edges.push(...noreplyEdges(records, facts), ...sharedValueEdges(records, facts, input.loginEvidence ?? [], index));

  // Strongest rule first; within a rule a stable order, so the result never depends on input order.
  edges.sort((x, y) => RANK[x.rule] - RANK[y.rule] || x.subrank - y.subrank || x.a - y.a || x.b - y.b);

  const sets = new PersonSets(records.length + anchorNode.size, anchors);
  const bestRule = new Map<number, EdgeRule>();
  const clashes: { node: number; other: Anchor; rule: EdgeRule; evidence: string }[] = [];
  for (const edge of edges) {
    if (edge.rule !== 'override' && (separated.has(edge.a) || separated.has(edge.b))) continue;
    const outcome = sets.join(edge.a, edge.b);
    if (outcome) {
      const [anchorA, anchorB] = outcome.clash;
      clashes.push({ node: edge.a, other: anchorB, rule: edge.rule, evidence: edge.evidence });
      if (edge.b < records.length) clashes.push({ node: edge.b, other: anchorA, rule: edge.rule, evidence: edge.evidence });
      continue;
    }
    for (const node of [edge.a, edge.b]) {
      if (node < records.length && !bestRule.has(node)) bestRule.set(node, edge.rule);
    }
  }
  for (const node of separated) bestRule.set(node, 'override');

  const explicitIds = new Set([...anchors.values()].filter((anchor) => anchor.origin === 'override' && anchor.displayName === null).map((anchor) => anchor.personId));
  const personOfRoot = assignPersonIds(records, facts, sets, new Set(anchorNode.keys()), explicitIds);
  const kinds = records.map((record, node) => input.classify(record.name ?? '', facts[node]!.email ?? '', kindLogin(record, facts[node]!)));

  // Group identities per person to settle names and kinds.
  const members = new Map<string, number[]>();
  records.forEach((_, node) => {
    const personId = personOfRoot.get(sets.find(node))!;
    const list = members.get(personId);
    if (list) list.push(node);
    else members.set(personId, [node]);
  });

  const people = new Map<string, LinkedPerson>();
  for (const anchor of anchors.values()) {
    if (anchor.origin === 'roster') people.set(anchor.personId, { personId: anchor.personId, displayName: anchor.displayName!, kind: anchor.kind!, origin: 'roster' });
  }
  for (const [personId, nodes] of members) {
    const anchor = nodes.map((node) => sets.anchor(node)).find((found) => found !== null) ?? null;
    if (anchor?.origin === 'roster') continue;
    const strongest = nodes.map((node) => kinds[node]!).reduce((best, kind) => (KIND_STRENGTH[kind.kind] > KIND_STRENGTH[best.kind] ? kind : best));
    people.set(personId, {
      personId,
      displayName: anchor?.displayName ?? displayNameOf(nodes.map((node) => records[node]!)),
      kind: strongest.kind,
      origin: anchor ? 'override' : 'identities',
    });
  }

  const identities: LinkedIdentity[] = records.map((record, node) => {
    const personId = personOfRoot.get(sets.find(node))!;
    const person = people.get(personId)!;
    const kindEvidence =
      person.origin === 'roster' ? (person.kind === 'human' ? null : `roster: ${person.displayName}`) : kinds[node]!.evidence;
    return { identityId: record.identityId, personId, rule: bestRule.get(node) ?? 'new', kindEvidence };
  });

  const conflicts = new Map<string, IdentityConflict>();
  for (const clash of clashes) {
    const linked = identities[clash.node]!;
    // An override is the user's decision: it settles the identity, so it is not reported again.
    if (clash.other.personId === linked.personId || linked.rule === 'override') continue;
    const key = `${linked.identityId}\u0000${clash.other.personId}`;
    if (conflicts.has(key)) continue;
    conflicts.set(key, {
      identityId: linked.identityId,
      personId: linked.personId,
      rule: linked.rule,
      otherPersonId: clash.other.personId,
      otherRule: clash.rule,
      evidence: clash.evidence,
    });
  }

  return {
    people: [...people.values()].sort((a, b) => compareText(a.personId, b.personId)),
    identities,
    conflicts: [...conflicts.values()],
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The login the bot/agent recognition should see for an identity. */
function kindLogin(record: IdentityRecord, fact: IdentityFacts): string | null {
  return fact.githubLogin ?? fact.githubAccountLogin ?? (record.provider === 'github' ? record.login : null);
}

/** Edges between GitHub no-reply addresses and the GitHub accounts they name. */
function noreplyEdges(records: readonly IdentityRecord[], facts: readonly IdentityFacts[]): Edge[] {
  const edges: Edge[] = [];
  const githubById = new Map<string, number[]>();
  const githubByLogin = new Map<string, number[]>();
  const noreplyByLogin = new Map<string, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, node: number) => {
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  };
  facts.forEach((fact, node) => {
    if (fact.githubId) push(githubById, fact.githubId, node);
    if (fact.githubLogin) push(githubByLogin, fact.githubLogin, node);
    if (fact.noreply) push(noreplyByLogin, fact.noreply.login, node);
  });
  facts.forEach((fact, node) => {
    const noreply = fact.noreply;
    if (!noreply) return;
    const address = fact.email!;
    // Why the id first: logins can be renamed and later taken by someone else; the id cannot.
    const byId = noreply.id ? (githubById.get(noreply.id) ?? []) : [];
    const targets = byId.length > 0 ? byId : (githubByLogin.get(noreply.login) ?? []).filter((target) => !noreply.id || !facts[target]!.githubId);
    for (const target of targets) {
      edges.push({ a: node, b: target, rule: 'noreply_id', subrank: 0, evidence: `no-reply address ${address} names GitHub account ${noreply.id ?? noreply.login} (${records[target]!.identityId})` });
    }
    // Other no-reply addresses of the same account: same id, or the same login where one has no id.
    for (const other of noreplyByLogin.get(noreply.login) ?? []) {
      if (other <= node) continue;
      const otherId = facts[other]!.noreply!.id;
      if (noreply.id && otherId && noreply.id !== otherId) continue;
      edges.push({ a: node, b: other, rule: 'noreply_id', subrank: 0, evidence: `no-reply addresses ${address} and ${facts[other]!.email} name GitHub account ${noreply.login}` });
    }
  });
  const byIdOnly = new Map<string, number[]>();
  facts.forEach((fact, node) => {
    if (fact.noreply?.id) push(byIdOnly, fact.noreply.id, node);
  });
  for (const [id, nodes] of byIdOnly) {
    // A renamed account keeps its id: `12+old@…` and `12+new@…` are one account.
    for (let i = 1; i < nodes.length; i++) {
      if (facts[nodes[i - 1]!]!.noreply!.login === facts[nodes[i]!]!.noreply!.login) continue;
      edges.push({ a: nodes[i - 1]!, b: nodes[i]!, rule: 'noreply_id', subrank: 0, evidence: `no-reply addresses ${facts[nodes[i - 1]!]!.email} and ${facts[nodes[i]!]!.email} share GitHub account id ${id}` });
    }
  }
  return edges;
}

/** Edges between identities sharing an e-mail, and between identities tied to one GitHub login. */
function sharedValueEdges(
  records: readonly IdentityRecord[],
  facts: readonly IdentityFacts[],
  loginEvidence: readonly LoginEvidence[],
  index: ReadonlyMap<string, number>,
): Edge[] {
  const edges: Edge[] = [];
  const byEmail = new Map<string, number[]>();
  facts.forEach((fact, node) => {
    if (!fact.email) return;
    const list = byEmail.get(fact.email);
    if (list) list.push(node);
    else byEmail.set(fact.email, [node]);
  });
  for (const [email, nodes] of byEmail) {
    for (let i = 1; i < nodes.length; i++) {
      edges.push({ a: nodes[i - 1]!, b: nodes[i]!, rule: 'exact_email', subrank: 0, evidence: `e-mail ${email} is used by ${records[nodes[i - 1]!]!.identityId} and ${records[nodes[i]!]!.identityId}` });
    }
  }

  // GitHub login → identities the host tied to it (its own identity first, when collected).
  const byLogin = new Map<string, Set<number>>();
  const tie = (login: string, node: number) => {
    const set = byLogin.get(login);
    if (set) set.add(node);
    else byLogin.set(login, new Set([node]));
  };
  facts.forEach((fact, node) => {
    if (fact.githubAccountLogin) tie(fact.githubAccountLogin, node);
  });
  for (const evidence of loginEvidence) {
    const node = index.get(evidence.identityId.toLowerCase());
    const login = evidence.login.trim().toLowerCase();
    if (node !== undefined && login && records[node]!.provider.toLowerCase() !== 'github') tie(login, node);
  }
  for (const [login, tied] of byLogin) {
    const account = index.get(`github:${login}`);
    const nodes = [...tied].sort((a, b) => a - b);
    if (account !== undefined) nodes.unshift(account);
    for (let i = 1; i < nodes.length; i++) {
      edges.push({ a: nodes[i - 1]!, b: nodes[i]!, rule: 'login', subrank: 0, evidence: `GitHub ties ${records[nodes[i]!]!.identityId} to login ${login}` });
    }
  }
  return edges;
}

/**
 * The person id of every set: its anchor's, else one derived from its identities — GitHub login,
 * else smallest e-mail, else Jira account, else the smallest identity id when that is taken. A
 * set whose derived id an override names explicitly (`person: person:github:ann`) joins that
 * person: the override pointed at the person as reports show it.
 */
function assignPersonIds(
  records: readonly IdentityRecord[],
  facts: readonly IdentityFacts[],
  sets: PersonSets,
  anchorIds: ReadonlySet<string>,
  explicitIds: ReadonlySet<string>,
): Map<number, string> {
  const byRoot = new Map<number, number[]>();
  records.forEach((_, node) => {
    const root = sets.find(node);
    const list = byRoot.get(root);
    if (list) list.push(node);
    else byRoot.set(root, [node]);
  });
  const taken = new Set(anchorIds);
  const result = new Map<number, string>();
  const free: [number, number[]][] = [];
  for (const [root, nodes] of byRoot) {
    const anchor = sets.anchor(root);
    if (anchor) {
      result.set(root, anchor.personId);
      taken.add(anchor.personId);
    } else free.push([root, nodes]);
  }
  // Records are sorted by id, so a set's first node is its smallest identity id: a stable order.
  free.sort((x, y) => x[1][0]! - y[1][0]!);
  for (const [root, nodes] of free) {
    const smallest = (values: (string | null)[]) => values.filter((value): value is string => Boolean(value)).sort(compareText)[0];
    const githubLogin = smallest(nodes.map((node) => facts[node]!.githubLogin)) ?? smallest(nodes.map((node) => facts[node]!.noreply?.login ?? null));
    const email = smallest(nodes.map((node) => facts[node]!.email));
    const jira = smallest(nodes.map((node) => facts[node]!.jiraAccount));
    const candidate = githubLogin ? `person:github:${githubLogin}` : email ? `person:${email}` : jira ? `person:jira:${jira}` : null;
    if (candidate && explicitIds.has(candidate)) {
      result.set(root, candidate);
      continue;
    }
    let personId = candidate && !taken.has(candidate) ? candidate : `person:${records[nodes[0]!]!.identityId.toLowerCase()}`;
    for (let n = 2; taken.has(personId); n++) personId = `person:${records[nodes[0]!]!.identityId.toLowerCase()}#${n}`;
    taken.add(personId);
    result.set(root, personId);
  }
  return result;
}

/** A readable name for a person made of identities: GitHub's, else the latest git name, else Jira's. */
function displayNameOf(identities: readonly IdentityRecord[]): string {
  const ordered = [...identities].sort(
    (a, b) =>
      (PROVIDER_ORDER[a.provider] ?? 3) - (PROVIDER_ORDER[b.provider] ?? 3) ||
      (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0) ||
      compareText(a.identityId, b.identityId),
  );
  for (const identity of ordered) if (identity.name?.trim()) return identity.name.trim();
  for (const identity of ordered) if (identity.login?.trim()) return identity.login.trim();
  for (const identity of ordered) if (identity.email?.trim()) return identity.email.trim();
  return ordered[0]?.identityId ?? 'unknown';
}
