import type { Kysely } from 'kysely';
import type { Database } from '../warehouse/database.js';
import { formatCsv, formatTable } from '../warehouse/format-result.js';
import { rosterPersonId } from './link-people.js';
import type { Roster } from './load-roster.js';

/** One identity as the report lists it. */
export interface ReportedIdentity {
  identityId: string;
  provider: string;
  name: string | null;
  email: string | null;
  login: string | null;
  personId: string | null;
  personName: string | null;
  rule: string | null;
  lastSeenAt: string | null;
}

/** An identity whose facts also point at another person. */
export interface AmbiguousIdentity extends ReportedIdentity {
  otherPersonId: string;
  otherPersonName: string | null;
  otherRule: string;
  evidence: string | null;
}

/** What `codeledger identities` reports. */
export interface IdentityReport {
  /** True when a roster lists people or teams; only then are identities "unmatched". */
  rosterConfigured: boolean;
  identities: number;
  people: { total: number; human: number; ai_agent: number; bot: number };
  teams: number;
  memberships: number;
  /** Identities per provider and link rule. */
  links: { provider: string; rule: string; identities: number }[];
  /** Identities whose person is neither in the roster nor placed by an override (empty without a roster). */
  unmatched: ReportedIdentity[];
  ambiguous: AmbiguousIdentity[];
  /** Every identity, by provider and id. */
  all: ReportedIdentity[];
}

/**
 * Gather the identity report from the warehouse: link counts per provider and rule, identities
 * that no roster entry or override accounts for, and ambiguous identities with both candidates.
 *
 * @example
 * const report = await buildIdentityReport(db, await loadRoster(config));
 * process.stdout.write(formatIdentityReport(report));
 */
export async function buildIdentityReport(db: Kysely<Database>, roster: Roster): Promise<IdentityReport> {
  const rows = await db
    .selectFrom('core.identities as i')
    .leftJoin('core.people as p', 'p.person_id', 'i.person_id')
    .select(['i.identity_id', 'i.provider', 'i.name', 'i.email', 'i.login', 'i.person_id', 'i.link_rule', 'i.last_seen_at', 'p.display_name'])
    .orderBy('i.provider')
    .orderBy('i.identity_id')
    .execute();
  const people = await db.selectFrom('core.people').select(['person_id', 'display_name', 'kind']).execute();
  const conflicts = await db.selectFrom('core.identity_conflicts').selectAll().orderBy('identity_id').orderBy('other_person_id').execute();
  const teams = await db.selectFrom('core.teams').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
  const memberships = await db.selectFrom('core.team_memberships').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();

  const reported = (row: (typeof rows)[number]): ReportedIdentity => ({
    identityId: row.identity_id,
    provider: row.provider,
    name: row.name,
    email: row.email,
    login: row.login,
    personId: row.person_id,
    personName: row.display_name,
    rule: row.link_rule,
    lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
  });

  const links = new Map<string, { provider: string; rule: string; identities: number }>();
  for (const row of rows) {
    const rule = row.link_rule ?? '(unlinked)';
    const key = `${row.provider}\u0000${rule}`;
    const entry = links.get(key) ?? { provider: row.provider, rule, identities: 0 };
    entry.identities += 1;
    links.set(key, entry);
  }

  // A person counts as accounted for when the roster lists them or an override placed one of their identities.
  const accounted = new Set(roster.people.map((person) => rosterPersonId(person.name)));
  for (const row of rows) if (row.link_rule === 'override' && row.person_id) accounted.add(row.person_id);
  const unmatched = roster.configured ? rows.filter((row) => !row.person_id || !accounted.has(row.person_id)).map(reported) : [];

  const byId = new Map(rows.map((row) => [row.identity_id, row]));
  const nameOf = new Map(people.map((person) => [person.person_id, person.display_name]));
  const ambiguous: AmbiguousIdentity[] = conflicts.flatMap((conflict) => {
    const row = byId.get(conflict.identity_id);
    if (!row) return [];
    return [
      {
        ...reported(row),
        otherPersonId: conflict.other_person_id,
        otherPersonName: nameOf.get(conflict.other_person_id) ?? null,
        otherRule: conflict.other_rule,
        evidence: conflict.evidence,
      },
    ];
  });

  const kindCount = (kind: string) => people.filter((person) => person.kind === kind).length;
  return {
    rosterConfigured: roster.configured,
    identities: rows.length,
    people: { total: people.length, human: kindCount('human'), ai_agent: kindCount('ai_agent'), bot: kindCount('bot') },
    teams: Number(teams?.count ?? 0),
    memberships: Number(memberships?.count ?? 0),
    links: [...links.values()].sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : ruleOrder(a.rule) - ruleOrder(b.rule))),
    unmatched,
    ambiguous,
    all: rows.map(reported),
  };
}

const RULE_ORDER = ['override', 'roster', 'noreply_id', 'exact_email', 'login', 'new'];
function ruleOrder(rule: string): number {
  const index = RULE_ORDER.indexOf(rule);
  return index < 0 ? RULE_ORDER.length : index;
}

function personLabel(id: string | null, name: string | null): string {
  if (!id) return '';
  return name ? `${name} (${id})` : id;
}

/**
 * The report as text: totals, a table of links per provider and rule, then the unmatched and
 * ambiguous identities, each with what to do about them.
 *
 * @example
 * formatIdentityReport(report).split('\n')[0]; // 'identities: 12 linked to 7 people (6 human, 1 ai_agent, 0 bot)'
 */
export function formatIdentityReport(report: IdentityReport): string {
  const parts: string[] = [];
  parts.push(
    `identities: ${report.identities} linked to ${report.people.total} people (${report.people.human} human, ${report.people.ai_agent} ai_agent, ${report.people.bot} bot)`,
  );
  parts.push(
    report.rosterConfigured
      ? `roster: ${report.teams} teams, ${report.memberships} memberships`
      : 'roster: none configured; every person was derived from identities (list people under people: to match them)',
  );
  parts.push('', 'links per provider and rule');
  parts.push(formatTable({ columns: ['provider', 'rule', 'identities'], rows: report.links.map((link) => [link.provider, link.rule, link.identities]) }).trimEnd());
  if (report.rosterConfigured) {
    parts.push('', `not matched to the roster: ${report.unmatched.length}`);
    if (report.unmatched.length > 0) {
      parts.push(
        formatTable({
          columns: ['identity', 'name', 'person', 'rule', 'last seen'],
          rows: report.unmatched.map((item) => [item.identityId, item.name, personLabel(item.personId, item.personName), item.rule, item.lastSeenAt?.slice(0, 10) ?? null]),
        }).trimEnd(),
        'add them to a person in the roster (emails, github, jira), or map them in the identity override file',
      );
    }
  }
  parts.push('', `ambiguous: ${report.ambiguous.length}`);
  if (report.ambiguous.length > 0) {
    parts.push(
      formatTable({
        columns: ['identity', 'linked to', 'by', 'also points at', 'by', 'evidence'],
        rows: report.ambiguous.map((item) => [
          item.identityId,
          personLabel(item.personId, item.personName),
          item.rule,
          personLabel(item.otherPersonId, item.otherPersonName),
          item.otherRule,
          item.evidence,
        ]),
      }).trimEnd(),
      'the stronger rule won; settle each in the identity override file (person: … or separate: true)',
    );
  }
  return `${parts.join('\n')}\n`;
}

/**
 * The report as CSV, one row per identity (one per competing person for ambiguous ones), with
 * a status of `linked`, `unmatched` or `ambiguous`.
 *
 * @example
 * identityReportCsv(report).split('\n')[0]; // 'identity_id,provider,name,email,login,person_id,person_name,link_rule,status,other_person_id,other_rule,evidence'
 */
export function identityReportCsv(report: IdentityReport): string {
  const unmatched = new Set(report.unmatched.map((item) => item.identityId));
  const ambiguous = new Map<string, AmbiguousIdentity[]>();
  for (const item of report.ambiguous) ambiguous.set(item.identityId, [...(ambiguous.get(item.identityId) ?? []), item]);
  const rows: unknown[][] = [];
  for (const item of report.all) {
    const base = [item.identityId, item.provider, item.name, item.email, item.login, item.personId, item.personName, item.rule];
    const competing = ambiguous.get(item.identityId);
    if (competing) for (const other of competing) rows.push([...base, 'ambiguous', other.otherPersonId, other.otherRule, other.evidence]);
    else rows.push([...base, unmatched.has(item.identityId) ? 'unmatched' : 'linked', null, null, null]);
  }
  return formatCsv({
    columns: ['identity_id', 'provider', 'name', 'email', 'login', 'person_id', 'person_name', 'link_rule', 'status', 'other_person_id', 'other_rule', 'evidence'],
    rows,
  });
}
