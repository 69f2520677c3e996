import path from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { formatPath } from '../config/format-issues.js';
import {
  peopleListProblems,
  resolveTeams,
  rosterReferenceProblems,
  type IdentityOverride,
  type TeamConfig,
} from '../config/roster-config.js';
import type { PersonConfig, ResolvedConfig } from '../config/types.js';
import { readOverridesFile, readRosterFile, type Locate } from './roster-file.js';

/** The whole roster: the config's `people`/`teams`, the roster file, and the identity overrides. */
export interface Roster {
  readonly people: readonly PersonConfig[];
  /** Declared teams; when none is declared, every team name used (memberships, `repos[].team`). */
  readonly teams: readonly TeamConfig[];
  readonly overrides: readonly IdentityOverride[];
  /** Whole repositories owned through `repos[].team`. */
  readonly repoTeams: readonly { readonly repo: string; readonly team: string }[];
  /** True when people or teams are listed anywhere: identities outside the roster are then "unmatched". */
  readonly configured: boolean;
}

/**
 * Read and check the roster: the config's `people` and `teams`, plus `identities.rosterFile`
 * and `identities.overridesFile` when set. Names used across sources are checked together
 * (a person listed twice, a team no one declared, an identity overridden twice); team names
 * are normalised to their declared spelling.
 *
 * @example
 * const roster = await loadRoster(config);
 * roster.people.map((person) => person.name);
 * @throws ConfigError listing every problem, each located in the config or the file it is in
 */
export async function loadRoster(config: ResolvedConfig): Promise<Roster> {
  const label = (file: string) => path.relative(config.baseDir, file) || file;
  const configPath = (section: string, index: number): Locate => (inner) => formatPath([section, index, ...inner]);

  const people = config.people.map((person, index) => ({ person, locate: configPath('people', index), fromFile: false }));
  const teams = config.teams.map((team: TeamConfig, index) => ({ team, locate: configPath('teams', index), fromFile: false }));
  const overrides = config.identities.overrides.map((override, index) => ({
    override,
    locate: (inner: readonly (string | number)[]) => formatPath(['identities', 'overrides', index, ...inner]),
    fromFile: false,
  }));
  const sources: string[] = [];
  const problems: string[] = [];
  if (config.identities.rosterFile) {
    sources.push(label(config.identities.rosterFile));
    const content = await readRosterFile(config.identities.rosterFile, label(config.identities.rosterFile));
    problems.push(...content.problems);
    people.push(...content.people.map((entry) => ({ ...entry, fromFile: true })));
    teams.push(...resolveTeams(content.teams.map((entry) => entry.team)).map((team, i) => ({ team, locate: content.teams[i]!.locate, fromFile: true })));
  }
  if (config.identities.overridesFile) {
    sources.push(label(config.identities.overridesFile));
    const read = await readOverridesFile(config.identities.overridesFile, label(config.identities.overridesFile));
    overrides.push(...read.map((entry) => ({ ...entry, fromFile: true })));
  }

  // The config file was checked on its own when it was parsed; report what only the union shows.
  const report = (locate: Locate, inner: readonly (string | number)[], message: string) => problems.push(`${locate(inner)}: ${message}`);
  for (const problem of peopleListProblems(people.map((entry) => entry.person), (index) => people[index]!.locate([]))) {
    const [index, ...inner] = problem.path as [number, ...(string | number)[]];
    const entry = people[index]!;
    if (entry.fromFile) report(entry.locate, inner, problem.message);
  }
  const firstTeam = new Map<string, number>();
  teams.forEach((entry, index) => {
    const key = entry.team.name.toLowerCase();
    const earlier = firstTeam.get(key);
    if (earlier === undefined) firstTeam.set(key, index);
    else if (entry.fromFile) report(entry.locate, ['name'], `duplicate team name "${entry.team.name}" (also ${teams[earlier]!.locate([])})`);
  });
  const firstOverride = new Map<string, number>();
  overrides.forEach((entry, index) => {
    const earlier = firstOverride.get(entry.override.identity);
    if (earlier === undefined) firstOverride.set(entry.override.identity, index);
    else if (entry.fromFile) report(entry.locate, ['identity'], `${entry.override.identity} is already overridden by ${overrides[earlier]!.locate([])}`);
  });
  if (sources.length > 0) {
    const references = rosterReferenceProblems({
      people: people.map((entry) => ({ memberships: entry.person.memberships })),
      teams: teams.map((entry) => entry.team),
      repos: config.repos,
      repoNames: null,
      moreTeamsElsewhere: false,
    });
    for (const problem of references) {
      const [section, index, ...inner] = problem.path as [string, number, ...(string | number)[]];
      if (section === 'people') report(people[index]!.locate, inner, problem.message);
      else if (section === 'teams') report(teams[index]!.locate, inner, problem.message);
      else problems.push(`${formatPath(problem.path)}: ${problem.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems, sources.join(', ') || undefined);

  const declared = teams.map((entry) => entry.team);
  const resolvedTeams = declared.length > 0 ? declared : implicitTeams(people.map((entry) => entry.person), config);
  const spelling = new Map(resolvedTeams.map((team) => [team.name.toLowerCase(), team.name]));
  const canonical = (name: string) => spelling.get(name.toLowerCase()) ?? name;
  return {
    people: people.map(({ person }) => ({ ...person, memberships: person.memberships.map((m) => ({ ...m, team: canonical(m.team) })) })),
    teams: resolvedTeams.map((team) => ({ ...team, parent: team.parent ? canonical(team.parent) : null })),
    overrides: overrides.map((entry) => entry.override),
    repoTeams: config.repos.filter((repo) => repo.team).map((repo) => ({ repo: repo.name, team: canonical(repo.team!) })),
    configured: people.length > 0 || declared.length > 0,
  };
}

/** Without declared teams, the team names people and repositories use become top-level teams. */
function implicitTeams(people: readonly PersonConfig[], config: ResolvedConfig): TeamConfig[] {
  const names = new Map<string, string>();
  const use = (name: string) => {
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  };
  for (const person of people) for (const membership of person.memberships) use(membership.team);
  for (const repo of config.repos) if (repo.team) use(repo.team);
  return [...names.values()].map((name) => ({ name, parent: null, repos: [], paths: [] }));
}
