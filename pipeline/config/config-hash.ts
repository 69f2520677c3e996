import { createHash } from 'node:crypto';
import type { ResolvedConfig } from './types.js';

/**
 * JSON with object keys sorted at every level, so equal values always give equal text
 * whatever order their keys were written in. Array order is kept (it is meaningful: the first
 * matching rule wins).
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

// Bump when the set of hashed settings changes, so old and new hashes never collide.
const HASH_LAYOUT_VERSION = 2;

/** Sorted copy, by canonical JSON, for lists whose order carries no meaning. */
function sortedCanonically<T>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const left = canonicalJson(a);
    const right = canonicalJson(b);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

/**
 * The settings that change metric values: weights, thresholds, calendar, identity rules, the
 * roster (people, teams, memberships, ownership, inline overrides), link rules, each
 * repository's classification rules and owning team (by repository name), and how each HTTP
 * source maps what it collects (issue types, phases, defect and production rules). Where data
 * lives (paths, URLs, the warehouse, credentials' variable names, page sizes) and how it is shown
 * (dashboard, privacy, schedule) are left out, so moving a clone or a server does not change the
 * hash. Roster and override *files* are read at run time; their contents are not hashed.
 */
function metricSettings(config: ResolvedConfig): unknown {
  return {
    layout: HASH_LAYOUT_VERSION,
    weights: { ...config.weights, preset: undefined },
    thresholds: config.thresholds,
    calendar: config.calendar,
    agents: config.agents,
    people: sortedCanonically(
      config.people.map((person) => ({
        name: person.name,
        kind: person.kind,
        emails: [...person.emails].sort(),
        github: [...person.github].sort(),
        jira: [...person.jira].sort(),
        memberships: sortedCanonically(person.memberships),
      })),
    ),
    teams: sortedCanonically(
      config.teams.map((team) => ({ ...team, repos: [...team.repos].sort(), paths: sortedCanonically(team.paths) })),
    ),
    identityOverrides: sortedCanonically(config.identities.overrides),
    links: { jiraProjects: [...config.links.jiraProjects].sort() },
    sources: {
      github: sortedCanonically(
        config.sources.github.map((source) => ({
          name: source.name,
          issues: source.issues,
          productionEnvironments: source.productionEnvironments,
          releasesAreProduction: source.releasesAreProduction,
          repoMap: source.repoMap,
        })),
      ),
      jira: sortedCanonically(
        config.sources.jira.map((source) => ({
          name: source.name,
          projects: [...source.projects].sort(),
          jql: source.jql,
          fields: source.fields,
          types: source.types,
          phases: source.phases,
          excludedResolutions: source.excludedResolutions,
          escaped: source.escaped,
        })),
      ),
    },
    repos: [...config.repos]
      .map((repo) => ({
        name: repo.name,
        stack: repo.stack,
        team: repo.team,
        releaseTagPattern: repo.releaseTagPattern,
        kinds: repo.kinds,
        stacks: repo.stacks,
        exclude: repo.exclude,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * SHA-256 (hex) of everything in the configuration that affects metric values, stored with
 * every computed figure so numbers from different settings are never mixed.
 *
 * @example
 * configHash(parseConfig('weights: { preset: raw }', { baseDir })) !== configHash(defaultConfig({ baseDir })); // true
 */
export function configHash(config: ResolvedConfig): string {
  return createHash('sha256').update(canonicalJson(metricSettings(config))).digest('hex');
}
