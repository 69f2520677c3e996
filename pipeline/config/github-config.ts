import { z } from 'zod';

/*
 * The `sources.github` section of codeledger.yaml: one entry per GitHub organisation or list of
 * repositories (github.com or GitHub Enterprise Server). Credentials are never written here, only
 * the names of the environment variables that hold them.
 */

/** Where the public GitHub API lives; GitHub Enterprise Server uses `https://<host>/api/v3`. */
export const GITHUB_DEFAULT_BASE_URL = 'https://api.github.com';

/** Defaults of one `sources.github` entry. */
export const GITHUB_SOURCE_DEFAULTS = Object.freeze({
  baseUrl: GITHUB_DEFAULT_BASE_URL,
  tokenEnv: 'GITHUB_TOKEN',
  includeArchived: false,
  includeForks: false,
  productionEnvironments: Object.freeze(['production', 'prod']),
  releasesAreProduction: true,
  pageSize: 100,
  issues: Object.freeze({
    bugLabels: Object.freeze(['bug']),
    incidentLabels: Object.freeze(['incident']),
    requirementLabels: Object.freeze(['enhancement', 'feature']),
    escapedLabels: Object.freeze(['production', 'escaped']),
  }),
});

const nonEmptyText = z.string().trim().min(1);
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const fullName = z.string().trim().regex(FULL_NAME, { error: 'expected owner/name, e.g. acme/web' });

const environmentVariableName = z.string().superRefine((value, ctx) => {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return;
  // Never echo the value: when this check fails it is often the secret itself pasted in.
  ctx.addIssue({ code: 'custom', message: 'expected the name of an environment variable (letters, digits and _)' });
});

const apiUrl = z.string().superRefine((value, ctx) => {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an http:// or https:// URL, e.g. https://github.example.com/api/v3' });
    return;
  }
  // Plain http is allowed: GitHub Enterprise Server inside a private network is often served so.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: 'expected an http:// or https:// URL, e.g. https://github.example.com/api/v3' });
  } else if (parsed.username || parsed.password) {
    ctx.addIssue({ code: 'custom', message: 'contains credentials; give the token in an environment variable named by tokenEnv' });
  }
});

const labelList = z.array(nonEmptyText);

/** Schema of one `sources.github` entry as written. */
export function githubSourceSchema() {
  return z
    .strictObject({
      name: nonEmptyText,
      baseUrl: apiUrl.nullish(),
      org: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected an organisation or user login' })
        .nullish(),
      repos: z.array(fullName).min(1).nullish(),
      include: z.array(nonEmptyText).nullish(),
      exclude: z.array(nonEmptyText).nullish(),
      includeArchived: z.boolean().nullish(),
      includeForks: z.boolean().nullish(),
      tokenEnv: environmentVariableName.nullish(),
      app: z
        .strictObject({
          appIdEnv: environmentVariableName,
          privateKeyEnv: environmentVariableName,
          installationId: z.number().int().min(1),
        })
        .nullish(),
      issues: z
        .strictObject({
          bugLabels: labelList.nullish(),
          incidentLabels: labelList.nullish(),
          requirementLabels: labelList.nullish(),
          escapedLabels: labelList.nullish(),
        })
        .nullish(),
      productionEnvironments: z.array(nonEmptyText).nullish(),
      releasesAreProduction: z.boolean().nullish(),
      repoMap: z.record(fullName, nonEmptyText).nullish(),
      pageSize: z.number().int().min(1).max(100).nullish(),
    })
    .superRefine((entry, ctx) => {
      if (entry.org && entry.repos) {
        ctx.addIssue({ code: 'custom', message: 'give either org or repos, not both' });
      } else if (!entry.org && !entry.repos) {
        ctx.addIssue({ code: 'custom', message: 'one of org or repos is required' });
      }
      if (entry.app && entry.tokenEnv) {
        ctx.addIssue({ code: 'custom', path: ['tokenEnv'], message: 'give either tokenEnv or app, not both' });
      }
    });
}

export type GithubSourceInput = z.output<ReturnType<typeof githubSourceSchema>>;

/** How a GitHub source authenticates: a token, or a GitHub App installation. */
export type GithubCredentials =
  | { readonly kind: 'token'; readonly tokenEnv: string }
  | { readonly kind: 'app'; readonly appIdEnv: string; readonly privateKeyEnv: string; readonly installationId: number };

/** Label rules that turn GitHub issues into canonical ticket types (metrics.md §4). */
export interface GithubIssueLabels {
  /** Labels that make an issue a bug. */
  readonly bugLabels: readonly string[];
  /** Labels that make an issue an incident (incidents always count as escaped). */
  readonly incidentLabels: readonly string[];
  /** Labels that make an issue a requirement (story, feature). */
  readonly requirementLabels: readonly string[];
  /** Labels that say a bug was found in production. */
  readonly escapedLabels: readonly string[];
}

/** One resolved GitHub source. */
export interface GithubSourceConfig {
  /** Unique among GitHub sources; the source id is `github:<name>`. */
  readonly name: string;
  /** REST API root: `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  readonly baseUrl: string;
  /** Organisation (or user) whose repositories are collected; null when `repos` lists them. */
  readonly org: string | null;
  /** Repositories as `owner/name`; null when `org` is given. */
  readonly repos: readonly string[] | null;
  /** Globs on `owner/name` (when they contain `/`) or on the name; empty means every repository. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly includeArchived: boolean;
  readonly includeForks: boolean;
  readonly credentials: GithubCredentials;
  readonly issues: GithubIssueLabels;
  /** Globs (case-insensitive) on deployment environment names that count as production. */
  readonly productionEnvironments: readonly string[];
  /** Whether published, non-prerelease GitHub releases count as production releases. */
  readonly releasesAreProduction: boolean;
  /** `owner/name` → name of an analysed repository, when its remote URL does not tell. */
  readonly repoMap: Readonly<Record<string, string>>;
  /** Items per page requested from list endpoints (1–100). */
  readonly pageSize: number;
}

/**
 * Apply defaults to one validated `sources.github` entry.
 *
 * @example
 * resolveGithubSource({ name: 'acme', org: 'acme' }).credentials; // { kind: 'token', tokenEnv: 'GITHUB_TOKEN' }
 */
export function resolveGithubSource(input: GithubSourceInput): GithubSourceConfig {
  const defaults = GITHUB_SOURCE_DEFAULTS;
  const credentials: GithubCredentials = input.app
    ? { kind: 'app', appIdEnv: input.app.appIdEnv, privateKeyEnv: input.app.privateKeyEnv, installationId: input.app.installationId }
    : { kind: 'token', tokenEnv: input.tokenEnv ?? defaults.tokenEnv };
  return {
    name: input.name,
    baseUrl: (input.baseUrl ?? defaults.baseUrl).replace(/\/+$/, ''),
    org: input.org ?? null,
    repos: input.repos ? [...input.repos] : null,
    include: [...(input.include ?? [])],
    exclude: [...(input.exclude ?? [])],
    includeArchived: input.includeArchived ?? defaults.includeArchived,
    includeForks: input.includeForks ?? defaults.includeForks,
    credentials,
    issues: {
      bugLabels: [...(input.issues?.bugLabels ?? defaults.issues.bugLabels)],
      incidentLabels: [...(input.issues?.incidentLabels ?? defaults.issues.incidentLabels)],
      requirementLabels: [...(input.issues?.requirementLabels ?? defaults.issues.requirementLabels)],
      escapedLabels: [...(input.issues?.escapedLabels ?? defaults.issues.escapedLabels)],
    },
    productionEnvironments: [...(input.productionEnvironments ?? defaults.productionEnvironments)],
    releasesAreProduction: input.releasesAreProduction ?? defaults.releasesAreProduction,
    repoMap: { ...(input.repoMap ?? {}) },
    pageSize: input.pageSize ?? defaults.pageSize,
  };
}
