import { z } from 'zod';
import { resolveUserPath } from './locations.js';
import { PERSON_KINDS, type PersonConfig, type PersonKind } from './types.js';

/*
 * The roster sections of codeledger.yaml: `people` (identities, kind and dated team
 * memberships), `teams` (nested, owning repositories and paths) and `identities` (a separate
 * roster file, and overrides of the automatic identity linking). The same schemas and checks
 * validate a separate roster file (see pipeline/identities/roster-file.ts), so the rules live here
 * once. Checks that span sections (a membership naming an undeclared team, a parent cycle) are
 * in {@link rosterReferenceProblems}, run on the whole file.
 */

const nonEmptyText = z.string().trim().min(1);

const emailAddress = z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+$/, { error: 'expected an e-mail address' });

// GitHub logins are letters, digits and dashes (managed users add `_<shortcode>`); app accounts
// end in `[bot]`.
const githubLogin = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(?:\[bot\])?$/, { error: 'expected a GitHub login (letters, digits, - and _)' });

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

const calendarDate = z
  .string()
  .trim()
  .refine(isCalendarDate, { error: 'expected a date written YYYY-MM-DD' });

const fteShare = z.number().min(0).max(1);

/** An identity as the override list names it: `<provider>:<id>`, e.g. `git:ann@example.com`. */
const identityKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]*:\S.*$/i, { error: 'expected <provider>:<id>, e.g. git:ann@example.com, github:ann-lee or jira:5b10a2844c20165700ede21g' });

/** Schema of one dated team membership of a person, as written. */
export function membershipSchema() {
  return z
    .strictObject({
      team: nonEmptyText,
      role: nonEmptyText.nullish(),
      fte: fteShare.nullish(),
      from: calendarDate.nullish(),
      to: calendarDate.nullish(),
    })
    .superRefine((membership, ctx) => {
      if (membership.from && membership.to && membership.to < membership.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `ends (${membership.to}) before it starts (${membership.from})` });
      }
    });
}

/** Schema of one `people` entry as written. */
export function personSchema() {
  return z
    .strictObject({
      name: nonEmptyText,
      emails: z.array(emailAddress).min(1).nullish(),
      github: z.array(githubLogin).min(1).nullish(),
      jira: z.array(nonEmptyText).min(1).nullish(),
      kind: z.enum(PERSON_KINDS).nullish(),
      memberships: z.array(membershipSchema()).nullish(),
    })
    .superRefine((person, ctx) => {
      for (const problem of membershipProblems(person.kind ?? 'human', person.memberships ?? [])) {
        ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      }
    });
}

export type PersonInput = z.output<ReturnType<typeof personSchema>>;
export type MembershipInput = z.output<ReturnType<typeof membershipSchema>>;

/**
 * Schema of the `people` list: each e-mail, GitHub login and Jira account belongs to one person,
 * and names are unique (they are part of person ids).
 */
export function peopleSchema() {
  return z.array(personSchema()).superRefine((list, ctx) => {
    for (const problem of peopleListProblems(list)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
}

/**
 * Schema of one row of a CSV roster after its cells are split into lists and numbers: a
 * person's identities and, when `team` is given, one membership. A person may span many rows.
 */
export function rosterRowSchema() {
  return z
    .strictObject({
      person: nonEmptyText,
      emails: z.array(emailAddress),
      github: z.array(githubLogin),
      jira: z.array(nonEmptyText),
      kind: z.enum(PERSON_KINDS).nullish(),
      team: nonEmptyText.nullish(),
      role: nonEmptyText.nullish(),
      fte: fteShare.nullish(),
      from: calendarDate.nullish(),
      to: calendarDate.nullish(),
    })
    .superRefine((row, ctx) => {
      if (!row.team) {
        for (const field of ['role', 'fte', 'from', 'to'] as const) {
          if (row[field] != null) ctx.addIssue({ code: 'custom', path: [field], message: 'belongs to a membership; give the team too' });
        }
      } else if (row.from && row.to && row.to < row.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `ends (${row.to}) before it starts (${row.from})` });
      }
    });
}

export type RosterRowInput = z.output<ReturnType<typeof rosterRowSchema>>;

/** Schema of one `teams` entry as written. */
export function teamSchema() {
  return z.strictObject({
    name: nonEmptyText,
    parent: nonEmptyText.nullish(),
    repos: z.array(nonEmptyText).nullish(),
    paths: z.array(z.strictObject({ repo: nonEmptyText, glob: nonEmptyText })).nullish(),
  });
}

/** Schema of one identity override as written. */
export function overrideSchema() {
  return z
    .strictObject({
      identity: identityKey,
      person: nonEmptyText.nullish(),
      separate: z.boolean().nullish(),
    })
    .superRefine((override, ctx) => {
      if (override.person && override.separate) {
        ctx.addIssue({ code: 'custom', message: 'give either person or separate: true, not both' });
      } else if (!override.person && !override.separate) {
        ctx.addIssue({ code: 'custom', message: 'give the person the identity belongs to, or separate: true to keep it apart' });
      }
    });
}

/** Schema of a list of overrides: each identity overridden once. */
export function overridesSchema() {
  return z.array(overrideSchema()).superRefine((list, ctx) => {
    const first = new Map<string, number>();
    list.forEach((override, index) => {
      const key = override.identity.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'identity'], message: `${key} is already overridden by [${earlier}]` });
    });
  });
}

/** Schema of the `identities` section as written. */
export function identitiesSchema() {
  return z.strictObject({
    rosterFile: nonEmptyText.nullish(),
    overridesFile: nonEmptyText.nullish(),
    overrides: overridesSchema().nullish(),
  });
}

export type TeamInput = z.output<ReturnType<typeof teamSchema>>;
export type IdentitiesInput = z.output<ReturnType<typeof identitiesSchema>>;
export type OverrideInput = z.output<ReturnType<typeof overrideSchema>>;

/** One dated membership of a person in a team. */
export interface MembershipConfig {
  /** Team name as declared (letter case of the declaration). */
  readonly team: string;
  readonly role: string | null;
  /** Share of a full-time equivalent given to this team, 0..1 (0 for AI agents and bots). */
  readonly fte: number;
  /** First day, inclusive (`YYYY-MM-DD`); null: since always. */
  readonly from: string | null;
  /** Last day, inclusive; null: still a member. */
  readonly to: string | null;
}

/** Paths of one repository owned by a team. */
export interface TeamPathConfig {
  /** Repository name (as in `repos[].name`). */
  readonly repo: string;
  /** picomatch glob relative to the repository root. */
  readonly glob: string;
}

/** One resolved team. */
export interface TeamConfig {
  readonly name: string;
  /** Enclosing team, or null for a top-level team. */
  readonly parent: string | null;
  /** Repositories the team owns as a whole. */
  readonly repos: readonly string[];
  /** Parts of repositories the team owns. */
  readonly paths: readonly TeamPathConfig[];
}

/** A decision about one identity that wins over every automatic rule. */
export interface IdentityOverride {
  /** `<provider>:<id>`, lower case (matched against `core.identities.identity_id`). */
  readonly identity: string;
  /** The person: a roster name, a person id (`person:…`) or a new name. Null when `separate`. */
  readonly person: string | null;
  /** Keep the identity as a person of its own: no rule may merge it with anyone. */
  readonly separate: boolean;
}

/** How identities are merged into people beyond the built-in rules. */
export interface IdentitiesConfig {
  /** Absolute path of a YAML or CSV roster read in addition to `people`/`teams`; null when none. */
  readonly rosterFile: string | null;
  /** Absolute path of a YAML or CSV override list read in addition to `overrides`; null when none. */
  readonly overridesFile: string | null;
  readonly overrides: readonly IdentityOverride[];
}

/** A problem found by a roster check: a path relative to what was checked, and a message. */
export interface RosterProblem {
  path: (string | number)[];
  message: string;
}

const NO_START = '0000-01-01';

function covers(membership: { from?: string | null; to?: string | null }, date: string): boolean {
  return (membership.from ?? NO_START) <= date && (membership.to == null || date <= membership.to);
}

function overlaps(a: { from?: string | null; to?: string | null }, b: { from?: string | null; to?: string | null }): boolean {
  return covers(a, b.from ?? NO_START) || covers(b, a.from ?? NO_START);
}

function formatShare(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * What is wrong with one person's memberships: an FTE on an AI agent or bot, two memberships
 * of the same team that overlap, or more than one FTE in total on some day (a person counts
 * once in total). Paths are relative to the person (`memberships[1].fte`).
 *
 * @example
 * membershipProblems('human', [{ team: 'web', fte: 0.8 }, { team: 'api', fte: 0.5 }]);
 * // [{ path: ['memberships', 0, 'fte'], message: 'total FTE from the start is 1.3; a person counts at most 1 FTE across teams' }]
 */
export function membershipProblems(
  kind: PersonKind,
  memberships: readonly { team: string; fte?: number | null; from?: string | null; to?: string | null }[],
): RosterProblem[] {
  const problems: RosterProblem[] = [];
  memberships.forEach((membership, index) => {
    if (kind !== 'human' && (membership.fte ?? 0) > 0) {
      problems.push({
        path: ['memberships', index, 'fte'],
        message: `${kind === 'bot' ? 'a bot' : 'an AI agent'} has no FTE; leave fte out or set it to 0`,
      });
    }
    for (let earlier = 0; earlier < index; earlier++) {
      const other = memberships[earlier]!;
      if (other.team.toLowerCase() === membership.team.toLowerCase() && overlaps(other, membership)) {
        problems.push({
          path: ['memberships', index],
          message: `overlaps memberships[${earlier}] in team "${membership.team}"; end one before the other starts`,
        });
      }
    }
  });
  if (kind === 'human') {
    // The total is a step function that only rises where a membership starts, so checking every
    // start date (earliest first) finds the first day it exceeds 1.
    const byStart = memberships.map((_, index) => index).sort((a, b) => ((memberships[a]!.from ?? NO_START) < (memberships[b]!.from ?? NO_START) ? -1 : 1));
    for (const index of byStart) {
      const start = memberships[index]!.from ?? NO_START;
      const total = memberships.filter((m) => covers(m, start)).reduce((sum, m) => sum + (m.fte ?? 1), 0);
      if (total > 1 + 1e-9) {
        const day = start === NO_START ? 'from the start' : `on ${start}`;
        problems.push({
          path: ['memberships', index, 'fte'],
          message: `total FTE ${day} is ${formatShare(total)}; a person counts at most 1 FTE across teams`,
        });
        break;
      }
    }
  }
  return problems;
}

/**
 * The slug a person id is made of: lower case, accents removed, runs of anything but letters
 * and digits turned into `-`.
 *
 * @example
 * personSlug('Zoë  Ålund-Berg'); // 'zoe-alund-berg'
 */
export function personSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The people of a list that share a name (by slug), an e-mail, a GitHub login or a Jira account. */
export function peopleListProblems(
  list: readonly { name: string; emails?: readonly string[] | null; github?: readonly string[] | null; jira?: readonly string[] | null }[],
  label: (index: number) => string = (index) => `people[${index}]`,
): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const owners = { name: new Map<string, number>(), emails: new Map<string, number>(), github: new Map<string, number>(), jira: new Map<string, number>() };
  list.forEach((person, index) => {
    const slug = personSlug(person.name);
    if (slug === '') {
      problems.push({ path: [index, 'name'], message: 'must contain a letter or a digit (it is part of the person id)' });
    } else {
      const earlier = owners.name.get(slug);
      if (earlier === undefined) owners.name.set(slug, index);
      else problems.push({ path: [index, 'name'], message: `duplicate person name "${person.name}" (also ${label(earlier)})` });
    }
    for (const field of ['emails', 'github', 'jira'] as const) {
      (person[field] ?? []).forEach((value, valueIndex) => {
        const key = value.trim().toLowerCase();
        const owner = owners[field].get(key);
        if (owner === undefined) owners[field].set(key, index);
        else if (owner !== index) {
          problems.push({ path: [index, field, valueIndex], message: `${key} is already listed for ${label(owner)} (${list[owner]!.name})` });
        }
      });
    }
  });
  return problems;
}

/** What {@link rosterReferenceProblems} checks: the parts of a config file that name teams. */
export interface RosterReferences {
  people?: readonly { memberships?: readonly { team: string }[] | null }[] | null;
  teams?: readonly { name: string; parent?: string | null; repos?: readonly string[] | null; paths?: readonly { repo: string }[] | null }[] | null;
  repos?: readonly { team?: string | null }[] | null;
  /** Names of the configured repositories; null when the file lists none (any name goes). */
  repoNames: readonly string[] | null;
  /** True when a roster file may declare more teams (then team names are checked when it is read). */
  moreTeamsElsewhere: boolean;
}

/**
 * Cross-references of a config file: team parents exist and form no cycle; when teams are
 * declared, memberships and `repos[].team` name declared teams (when no team is declared, the
 * names used become teams); ownership names configured repositories. Paths are from the top of
 * the file.
 *
 * @example
 * rosterReferenceProblems({ teams: [{ name: 'web', parent: 'eng' }], repoNames: null, moreTeamsElsewhere: false });
 * // [{ path: ['teams', 0, 'parent'], message: 'unknown team "eng"; declare it under teams' }]
 */
export function rosterReferenceProblems(input: RosterReferences): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const teams = input.teams ?? [];
  const declared = new Map(teams.map((team) => [team.name.toLowerCase(), team]));
  const known = (name: string) => declared.has(name.toLowerCase());
  const checkTeams = teams.length > 0 && !input.moreTeamsElsewhere;
  const unknownTeam = (name: string) => `unknown team "${name}"; declare it under teams`;

  teams.forEach((team, index) => {
    if (!team.parent) return;
    if (team.parent.toLowerCase() === team.name.toLowerCase()) {
      problems.push({ path: ['teams', index, 'parent'], message: 'a team cannot be its own parent' });
    } else if (!known(team.parent)) {
      if (!input.moreTeamsElsewhere) problems.push({ path: ['teams', index, 'parent'], message: unknownTeam(team.parent) });
    } else if (parentCycle(team.name, declared)) {
      problems.push({ path: ['teams', index, 'parent'], message: `parent "${team.parent}" leads back to "${team.name}" (a cycle)` });
    }
  });
  if (checkTeams) {
    (input.people ?? []).forEach((person, personIndex) => {
      (person.memberships ?? []).forEach((membership, index) => {
        if (!known(membership.team)) problems.push({ path: ['people', personIndex, 'memberships', index, 'team'], message: unknownTeam(membership.team) });
      });
    });
    (input.repos ?? []).forEach((repo, index) => {
      if (repo.team && !known(repo.team)) problems.push({ path: ['repos', index, 'team'], message: unknownTeam(repo.team) });
    });
  }
  if (input.repoNames) {
    const repoNames = new Set(input.repoNames.map((name) => name.toLowerCase()));
    const unknownRepo = (name: string) => `unknown repository "${name}"; expected one of ${input.repoNames!.join(', ')}`;
    teams.forEach((team, teamIndex) => {
      (team.repos ?? []).forEach((repo, index) => {
        if (!repoNames.has(repo.toLowerCase())) problems.push({ path: ['teams', teamIndex, 'repos', index], message: unknownRepo(repo) });
      });
      (team.paths ?? []).forEach((owned, index) => {
        if (!repoNames.has(owned.repo.toLowerCase())) problems.push({ path: ['teams', teamIndex, 'paths', index, 'repo'], message: unknownRepo(owned.repo) });
      });
    });
  }
  return problems;
}

function parentCycle(start: string, declared: ReadonlyMap<string, { name: string; parent?: string | null }>): boolean {
  const seen = new Set<string>();
  let current = declared.get(start.toLowerCase());
  while (current?.parent) {
    const key = current.parent.toLowerCase();
    if (key === start.toLowerCase()) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    current = declared.get(key);
  }
  return false;
}

/**
 * Apply defaults to one validated `people` entry: e-mails, logins and Jira accounts lower-cased,
 * kind `human`, FTE 1 for humans and 0 for AI agents and bots.
 *
 * @example
 * resolvePerson({ name: 'Ann', emails: ['Ann@Example.com'], memberships: [{ team: 'web' }] }).memberships[0].fte; // 1
 */
export function resolvePerson(input: PersonInput): PersonConfig {
  const kind = input.kind ?? 'human';
  const lower = (values: readonly string[] | null | undefined) => (values ?? []).map((value) => value.trim().toLowerCase());
  return {
    name: input.name,
    emails: lower(input.emails),
    github: lower(input.github),
    jira: lower(input.jira),
    kind,
    memberships: (input.memberships ?? []).map((membership) => resolveMembership(membership, kind)),
  };
}

/** Apply defaults to one validated membership of a person of `kind`. */
export function resolveMembership(input: MembershipInput, kind: PersonKind): MembershipConfig {
  return {
    team: input.team,
    role: input.role ?? null,
    fte: kind === 'human' ? (input.fte ?? 1) : 0,
    from: input.from ?? null,
    to: input.to ?? null,
  };
}

/** Apply defaults to the validated `teams` list. */
export function resolveTeams(input: readonly TeamInput[] | null | undefined): TeamConfig[] {
  return (input ?? []).map((team) => ({
    name: team.name,
    parent: team.parent ?? null,
    repos: [...(team.repos ?? [])],
    paths: (team.paths ?? []).map(({ repo, glob }) => ({ repo, glob })),
  }));
}

/** Apply defaults to one validated override. */
export function resolveOverride(input: OverrideInput): IdentityOverride {
  return { identity: input.identity.toLowerCase(), person: input.person ?? null, separate: input.separate ?? false };
}

/**
 * Apply defaults to the validated `identities` section; file paths resolve against `baseDir`
 * (the config file's directory).
 *
 * @example
 * resolveIdentities({ rosterFile: 'roster.csv' }, { baseDir: '/srv/conf' }).rosterFile; // '/srv/conf/roster.csv'
 */
export function resolveIdentities(input: IdentitiesInput | null | undefined, context: { baseDir: string }): IdentitiesConfig {
  return {
    rosterFile: input?.rosterFile ? resolveUserPath(context.baseDir, input.rosterFile) : null,
    overridesFile: input?.overridesFile ? resolveUserPath(context.baseDir, input.overridesFile) : null,
    overrides: (input?.overrides ?? []).map(resolveOverride),
  };
}
