import { z } from 'zod';

/*
 * The `sources.jira` section of codeledger.yaml: one entry per Jira site (Cloud or Data Center).
 * Credentials are never written here, only the names of the environment variables holding them.
 */

/** Canonical ticket types (core.tickets.type). */
export const TICKET_TYPES = Object.freeze(['requirement', 'bug', 'incident', 'task', 'subtask', 'other'] as const);
export type CanonicalTicketType = (typeof TICKET_TYPES)[number];

/** Canonical delivery phases a status maps to (metrics §5). */
export const TICKET_PHASES = Object.freeze(['backlog', 'clarify', 'develop', 'review', 'test', 'release', 'blocked', 'done'] as const);
export type TicketPhase = (typeof TICKET_PHASES)[number];

/** How the collector talks to the site: decided from `/rest/api/2/serverInfo` when `auto`. */
export const JIRA_DEPLOYMENTS = Object.freeze(['auto', 'cloud', 'datacenter'] as const);
export type JiraDeployment = (typeof JIRA_DEPLOYMENTS)[number];

/**
 * Resolutions that do not make a bug a defect (compared without letter case, straight and curly
 * apostrophes alike). Why these: they say the report was not a fault of the product.
 */
export const DEFAULT_EXCLUDED_RESOLUTIONS: readonly string[] = Object.freeze([
  'Duplicate',
  "Won't Fix",
  "Won't Do",
  'Not a Bug',
  'Cannot Reproduce',
  "Can't Reproduce",
  'Works as Designed',
  'Working as Intended',
  'Invalid',
  'Declined',
  'Rejected',
  'Obsolete',
]);

/** Values of the found-in field (or environment) that mean "found in production". */
export const DEFAULT_ESCAPED_VALUES: readonly string[] = Object.freeze(['production', 'prod', 'live']);
/** Labels that mark a defect as escaped to production. */
export const DEFAULT_ESCAPED_LABELS: readonly string[] = Object.freeze(['production', 'found-in-production', 'escaped']);

export const JIRA_DEFAULTS = Object.freeze({
  deployment: 'auto' as JiraDeployment,
  fullRefreshDays: 7,
  pageSize: 50,
  timeoutSeconds: 60,
});

const text = z.string().trim().min(1);

const environmentVariableName = z.string().superRefine((value, ctx) => {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return;
  // Never echo the value: when this check fails it is often the secret itself pasted in.
  ctx.addIssue({ code: 'custom', message: 'expected the name of an environment variable (letters, digits and _), not its value' });
});

const siteUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected the address of the Jira site, e.g. https://acme.atlassian.net' });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: 'expected an http:// or https:// address' });
  } else if (url.username !== '' || url.password !== '') {
    ctx.addIssue({ code: 'custom', message: 'contains credentials; remove them and name the environment variables in emailEnv/apiTokenEnv or tokenEnv' });
  } else if (url.search !== '' || url.hash !== '') {
    ctx.addIssue({ code: 'custom', message: 'give the site address only, without a query or fragment' });
  }
});

// Project keys: an upper-case letter, then upper-case letters, digits or underscores.
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]+$/, { error: 'expected a Jira project key such as ABC' });
// Field ids: system ids (`environment`) or custom ones (`customfield_10016`).
const fieldId = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, { error: 'expected a Jira field id such as customfield_10016' });
const names = z.array(text);
const phaseByStatus = z.record(text, z.enum(TICKET_PHASES));

/** Schema of one `sources.jira` entry as written. */
export function jiraSourceSchema() {
  return z
    .strictObject({
      name: text,
      url: siteUrl,
      deployment: z.enum(JIRA_DEPLOYMENTS).nullish(),
      emailEnv: environmentVariableName.nullish(),
      apiTokenEnv: environmentVariableName.nullish(),
      tokenEnv: environmentVariableName.nullish(),
      projects: z.array(projectKey).nullish(),
      jql: text.nullish(),
      fields: z
        .strictObject({
          storyPoints: fieldId.nullish(),
          severity: fieldId.nullish(),
          epicLink: fieldId.nullish(),
          foundInEnvironment: fieldId.nullish(),
        })
        .nullish(),
      types: z
        .strictObject({
          requirement: names.nullish(),
          bug: names.nullish(),
          incident: names.nullish(),
          task: names.nullish(),
          subtask: names.nullish(),
          other: names.nullish(),
        })
        .nullish(),
      phases: z
        .strictObject({
          default: phaseByStatus.nullish(),
          projects: z.record(projectKey, phaseByStatus).nullish(),
        })
        .nullish(),
      excludedResolutions: names.nullish(),
      escaped: z
        .strictObject({
          field: fieldId.nullish(),
          values: names.nullish(),
          labels: names.nullish(),
          priorities: names.nullish(),
        })
        .nullish(),
      fullRefreshDays: z.number().int().min(1).nullish(),
      pageSize: z.number().int().min(1).max(1000).nullish(),
      timeoutSeconds: z.number().gt(0).nullish(),
    })
    .superRefine(
      (entry, ctx) => {
        const basic = Boolean(entry.emailEnv) || Boolean(entry.apiTokenEnv);
        if (basic && entry.tokenEnv) {
          ctx.addIssue({ code: 'custom', path: ['tokenEnv'], message: 'give either emailEnv and apiTokenEnv (Cloud) or tokenEnv (Data Center), not both' });
        } else if (basic && !entry.emailEnv) {
          ctx.addIssue({ code: 'custom', path: ['emailEnv'], message: 'apiTokenEnv needs emailEnv too (Cloud signs in with e-mail and API token)' });
        } else if (basic && !entry.apiTokenEnv) {
          ctx.addIssue({ code: 'custom', path: ['apiTokenEnv'], message: 'emailEnv needs apiTokenEnv too (Cloud signs in with e-mail and API token)' });
        } else if (!basic && !entry.tokenEnv) {
          ctx.addIssue({ code: 'custom', path: ['tokenEnv'], message: 'name the credential: emailEnv and apiTokenEnv (Cloud) or tokenEnv (Data Center personal access token)' });
        }
        if (!(Array.isArray(entry.projects) && entry.projects.length > 0) && !entry.jql) {
          ctx.addIssue({ code: 'custom', path: ['projects'], message: 'list at least one project key, or give a jql filter' });
        }
        // The collector appends its own `updated >=` bound and ORDER BY to page stably.
        if (typeof entry.jql === 'string' && /\border\s+by\b/i.test(entry.jql)) {
          ctx.addIssue({ code: 'custom', path: ['jql'], message: 'leave ORDER BY out; the collector orders by updated and key itself' });
        }
      },
      // Also when other keys of the entry are wrong, so every problem is reported at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    );
}

export type JiraSourceInput = z.output<ReturnType<typeof jiraSourceSchema>>;

/** How requests are signed; only environment-variable names, never values. */
export type JiraAuthConfig =
  | { readonly kind: 'basic'; readonly emailEnv: string; readonly apiTokenEnv: string }
  | { readonly kind: 'bearer'; readonly tokenEnv: string };

/** Ids of the custom fields the collector reads (null: not collected). */
export interface JiraFieldIds {
  readonly storyPoints: string | null;
  readonly severity: string | null;
  readonly epicLink: string | null;
  readonly foundInEnvironment: string | null;
}

/** When a defect counts as escaped to production; incidents always do. */
export interface JiraEscapedRule {
  /** Field whose value says where the defect was found (defaults to fields.foundInEnvironment). */
  readonly field: string | null;
  /** Values of that field meaning production (compared without letter case). */
  readonly values: readonly string[];
  readonly labels: readonly string[];
  readonly priorities: readonly string[];
}

/** One resolved Jira source. */
export interface JiraSourceConfig {
  /** Unique among Jira sources; the source id is `jira:<name>`. */
  readonly name: string;
  /** Site address without a trailing slash (http allowed for in-house servers). */
  readonly url: string;
  readonly deployment: JiraDeployment;
  readonly auth: JiraAuthConfig;
  readonly projects: readonly string[];
  readonly jql: string | null;
  readonly fields: JiraFieldIds;
  /** Issue type names (or ids) per canonical type, checked before the built-in name rules. */
  readonly types: { readonly [type in CanonicalTicketType]: readonly string[] };
  /** Status name (or id) → phase, for the whole site and per project key. */
  readonly phases: {
    readonly default: Readonly<Record<string, TicketPhase>>;
    readonly projects: Readonly<Record<string, Readonly<Record<string, TicketPhase>>>>;
  };
  readonly excludedResolutions: readonly string[];
  readonly escaped: JiraEscapedRule;
  readonly fullRefreshDays: number;
  readonly pageSize: number;
  readonly timeoutSeconds: number;
}

/**
 * Apply defaults to one validated `sources.jira` entry.
 *
 * @example
 * resolveJiraSource({ name: 'acme', url: 'https://acme.atlassian.net/', emailEnv: 'JIRA_EMAIL', apiTokenEnv: 'JIRA_API_TOKEN', projects: ['ABC'] }).url;
 * // 'https://acme.atlassian.net'
 */
export function resolveJiraSource(input: JiraSourceInput): JiraSourceConfig {
  const auth: JiraAuthConfig = input.tokenEnv
    ? { kind: 'bearer', tokenEnv: input.tokenEnv }
    : { kind: 'basic', emailEnv: input.emailEnv ?? '', apiTokenEnv: input.apiTokenEnv ?? '' };
  const fields: JiraFieldIds = {
    storyPoints: input.fields?.storyPoints ?? null,
    severity: input.fields?.severity ?? null,
    epicLink: input.fields?.epicLink ?? null,
    foundInEnvironment: input.fields?.foundInEnvironment ?? null,
  };
  return {
    name: input.name,
    url: input.url.replace(/\/+$/, ''),
    deployment: input.deployment ?? JIRA_DEFAULTS.deployment,
    auth,
    projects: [...new Set(input.projects ?? [])],
    jql: input.jql ?? null,
    fields,
    types: {
      requirement: input.types?.requirement ?? [],
      bug: input.types?.bug ?? [],
      incident: input.types?.incident ?? [],
      task: input.types?.task ?? [],
      subtask: input.types?.subtask ?? [],
      other: input.types?.other ?? [],
    },
    phases: { default: { ...(input.phases?.default ?? {}) }, projects: { ...(input.phases?.projects ?? {}) } },
    excludedResolutions: input.excludedResolutions ?? DEFAULT_EXCLUDED_RESOLUTIONS,
    escaped: {
      field: input.escaped?.field ?? fields.foundInEnvironment,
      values: input.escaped?.values ?? DEFAULT_ESCAPED_VALUES,
      labels: input.escaped?.labels ?? DEFAULT_ESCAPED_LABELS,
      priorities: input.escaped?.priorities ?? [],
    },
    fullRefreshDays: input.fullRefreshDays ?? JIRA_DEFAULTS.fullRefreshDays,
    pageSize: input.pageSize ?? JIRA_DEFAULTS.pageSize,
    timeoutSeconds: input.timeoutSeconds ?? JIRA_DEFAULTS.timeoutSeconds,
  };
}
