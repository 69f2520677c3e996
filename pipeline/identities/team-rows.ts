import picomatch from 'picomatch';
import type { TeamMembershipRow, TeamOwnershipRow, TeamRow } from '../warehouse/delivery-tables.js';
import { rosterPersonId } from './link-people.js';
import type { Roster } from './load-roster.js';

/** The stable id of a team: `team:<name as declared>`. */
export function teamId(name: string): string {
  return `team:${name}`;
}

/** The id of a repository as core.repos stores it. */
function repoId(name: string): string {
  return `git:${name}`;
}

const WHOLE_REPOSITORY = '**';

/**
 * A glob as a regular expression PostgreSQL can match file paths with (`file_path ~ path_regex`);
 * null for the whole repository. picomatch's output uses only constructs PostgreSQL's regular
 * expressions share with JavaScript's (groups, look-ahead, lazy quantifiers).
 *
 * @example
 * pathRegex('src/web/**'); // '^(?:src\\/web(?:\\/…)$'
 * pathRegex('**'); // null
 */
export function pathRegex(glob: string): string | null {
  if (glob === WHOLE_REPOSITORY) return null;
  // dot: owned paths include dot-files such as .github/workflows.
  return picomatch.makeRe(glob, { dot: true }).source;
}

/** The rows of core.teams, core.team_memberships and core.team_ownership for a roster. */
export interface TeamTableRows {
  teams: TeamRow[];
  memberships: TeamMembershipRow[];
  ownership: TeamOwnershipRow[];
  /** Repositories owned as a whole by more than one team (the first team id wins in views). */
  warnings: string[];
}

/**
 * Turn the roster into team rows: each team with its parent, each membership of each person
 * (`<team_id>/<person_id>/<from or start>`), and ownership from `teams[].repos`,
 * `teams[].paths` and `repos[].team`.
 *
 * @example
 * const { teams, memberships, ownership } = teamTableRows(roster, new Date());
 */
export function teamTableRows(roster: Roster, now: Date): TeamTableRows {
  const teams: TeamRow[] = roster.teams.map((team) => ({
    team_id: teamId(team.name),
    name: team.name,
    parent_team_id: team.parent ? teamId(team.parent) : null,
    updated_at: now,
  }));
  const memberships: TeamMembershipRow[] = roster.people.flatMap((person) =>
    person.memberships.map((membership) => {
      const team = teamId(membership.team);
      const personId = rosterPersonId(person.name);
      return {
        membership_id: `${team}/${personId}/${membership.from ?? 'start'}`,
        team_id: team,
        person_id: personId,
        role: membership.role,
        fte: membership.fte,
        valid_from: membership.from,
        valid_to: membership.to,
      };
    }),
  );
  const ownership = new Map<string, TeamOwnershipRow>();
  const own = (team: string, repo: string, glob: string) => {
    const row = { team_id: teamId(team), repo_id: repoId(repo), path_glob: glob, path_regex: pathRegex(glob) };
    ownership.set(`${row.team_id}\u0000${row.repo_id}\u0000${glob}`, row);
  };
  for (const team of roster.teams) {
    for (const repo of team.repos) own(team.name, repo, WHOLE_REPOSITORY);
    for (const owned of team.paths) own(team.name, owned.repo, owned.glob);
  }
  for (const { repo, team } of roster.repoTeams) own(team, repo, WHOLE_REPOSITORY);

  const wholeOwners = new Map<string, string[]>();
  for (const row of ownership.values()) {
    if (row.path_glob !== WHOLE_REPOSITORY) continue;
    wholeOwners.set(row.repo_id, [...(wholeOwners.get(row.repo_id) ?? []), row.team_id]);
  }
  const warnings = [...wholeOwners]
    .filter(([, owners]) => owners.length > 1)
    .map(([repo, owners]) => `${repo} is owned as a whole by ${owners.sort().join(' and ')}; ${owners[0]} is used for unattributed work`);
  return { teams, memberships, ownership: [...ownership.values()], warnings };
}
