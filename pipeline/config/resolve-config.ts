import { deepFreeze } from './deep-freeze.js';
import {
  DEFAULT_CALENDAR,
  DEFAULT_LOCATIONS,
  DEFAULT_PRIVACY,
  DEFAULT_SCHEDULE,
  DEFAULT_THRESHOLDS,
  WEIGHT_PRESETS,
} from './defaults.js';
import { findGitRoot } from './find-git-root.js';
import { resolveGithubSource } from './github-config.js';
import { resolveJiraSource } from './jira-config.js';
import { resolveLinks } from './links-config.js';
import { resolveIdentities, resolvePerson, resolveTeams } from './roster-config.js';
import { repoNameFrom, resolveUserPath } from './locations.js';
import type { ConfigInput } from './schema.js';
import { canonicalTimeZone } from './time-zones.js';
import type { IdentityPattern, PersonConfig, RepoConfig, ResolvedConfig, Weights } from './types.js';

/** Where relative paths point: the config file's directory, and the directory the tool runs in. */
export interface ResolveContext {
  baseDir: string;
  cwd: string;
}

type Nullish<T> = { [K in keyof T]?: T[K] | null };

/** `base` with every non-null value of `overrides` applied on top. */
function withOverrides<T extends object>(base: T, overrides: Nullish<T> | null | undefined): T {
  const merged: T = { ...base };
  if (!overrides) return merged;
  for (const key of Object.keys(overrides) as (keyof T)[]) {
    const value = overrides[key];
    if (value !== null && value !== undefined) merged[key] = value as T[keyof T];
  }
  return merged;
}

function resolveWeights(input: ConfigInput['weights']): Weights {
  const preset = WEIGHT_PRESETS[input?.preset ?? 'default'];
  return {
    preset: preset.preset,
    ops: withOverrides(preset.ops, input?.ops),
    complexity: withOverrides(preset.complexity, input?.complexity),
    workTypes: withOverrides(preset.workTypes, input?.workTypes),
    testFileWeight: input?.testFileWeight ?? preset.testFileWeight,
    bulk: withOverrides(preset.bulk, input?.bulk),
    durability: withOverrides(preset.durability, input?.durability),
    phases: withOverrides(preset.phases, input?.phases),
    gates: withOverrides(preset.gates, input?.gates),
  };
}

function resolveRepos(input: ConfigInput['repos'], context: ResolveContext): RepoConfig[] {
  if (!input) {
    // No repositories configured: analyse the one the tool stands in.
    const root = findGitRoot(context.cwd) ?? context.cwd;
    return [emptyRepo(repoNameFrom({ path: root }, root), root)];
  }
  return input.map((repo) => ({
    name: repo.name ?? repoNameFrom(repo, context.baseDir),
    path: repo.path ? resolveUserPath(context.baseDir, repo.path) : null,
    url: repo.url ?? null,
    branch: repo.branch ?? null,
    stack: repo.stack ?? null,
    team: repo.team ?? null,
    releaseTagPattern: repo.releaseTagPattern ?? DEFAULT_LOCATIONS.releaseTagPattern,
    kinds: (repo.kinds ?? []).map(({ glob, kind }) => ({ glob, kind })),
    stacks: (repo.stacks ?? []).map(({ glob, stack }) => ({ glob, stack })),
    exclude: [...(repo.exclude ?? [])],
  }));
}

function emptyRepo(name: string, repoPath: string): RepoConfig {
  return {
    name,
    path: repoPath,
    url: null,
    branch: null,
    stack: null,
    team: null,
    releaseTagPattern: DEFAULT_LOCATIONS.releaseTagPattern,
    kinds: [],
    stacks: [],
    exclude: [],
  };
}

function resolvePeople(input: ConfigInput['people']): PersonConfig[] {
  return (input ?? []).map(resolvePerson);
}

function resolvePatterns(input: readonly Nullish<IdentityPattern>[] | null | undefined): IdentityPattern[] {
  return (input ?? []).map((pattern) => {
    const resolved: { email?: string; name?: string; login?: string } = {};
    if (pattern.email) resolved.email = pattern.email;
    if (pattern.name) resolved.name = pattern.name;
    if (pattern.login) resolved.login = pattern.login;
    return resolved;
  });
}

/**
 * Apply defaults and presets to a validated config file and resolve its paths. The result is
 * deeply frozen.
 */
export function resolveConfig(input: ConfigInput, context: ResolveContext): ResolvedConfig {
  const { baseDir } = context;
  const calendar = withOverrides(DEFAULT_CALENDAR, input.calendar);
  return deepFreeze({
    version: 1,
    baseDir,
    warehouse: {
      url: input.warehouse?.url ?? null,
      urlEnv: input.warehouse?.urlEnv ?? DEFAULT_LOCATIONS.warehouseUrlEnv,
      urlEnvRequired: Boolean(input.warehouse?.urlEnv),
      dataDir: resolveUserPath(baseDir, input.warehouse?.dataDir ?? DEFAULT_LOCATIONS.warehouseDataDir),
    },
    cacheDir: resolveUserPath(baseDir, input.cacheDir ?? DEFAULT_LOCATIONS.cacheDir),
    dashboard: {
      outDir: resolveUserPath(baseDir, input.dashboard?.outDir ?? DEFAULT_LOCATIONS.dashboardOutDir),
      enabled: input.dashboard?.enabled ?? true,
    },
    repos: resolveRepos(input.repos, context),
    people: resolvePeople(input.people),
    teams: resolveTeams(input.teams),
    identities: resolveIdentities(input.identities, { baseDir }),
    sources: {
      github: (input.sources?.github ?? []).map(resolveGithubSource),
      jira: (input.sources?.jira ?? []).map(resolveJiraSource),
    },
    links: resolveLinks(input.links),
    agents: {
      extraBots: resolvePatterns(input.agents?.extraBots),
      extraAgents: resolvePatterns(input.agents?.extraAgents),
    },
    calendar: { ...calendar, timezone: canonicalTimeZone(calendar.timezone) ?? calendar.timezone },
    privacy: withOverrides(DEFAULT_PRIVACY, input.privacy),
    weights: resolveWeights(input.weights),
    thresholds: withOverrides(DEFAULT_THRESHOLDS, input.thresholds),
    schedule: withOverrides(DEFAULT_SCHEDULE, input.schedule),
  });
}
