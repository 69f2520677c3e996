import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { gitUrlHasCredentials, isGitUrl, REPO_NAME_PATTERN, repoNameFrom } from './locations.js';
import { githubSourceSchema } from './github-config.js';
import { jiraSourceSchema } from './jira-config.js';
import { linksSchema } from './links-config.js';
import { identitiesSchema, peopleSchema, rosterReferenceProblems, teamSchema } from './roster-config.js';
import { urlHasPassword } from './secrets.js';
import { canonicalTimeZone, suggestTimeZone } from './time-zones.js';
import {
  FILE_KINDS,
  GATE_NAMES,
  LINE_OPS,
  STACKS,
  WEEKDAYS,
  WEIGHT_PRESET_NAMES,
  WORK_TYPES,
} from './types.js';

/*
 * The schema of `codeledger.yaml` as written: every key optional, `null` meaning "use the
 * default", unknown keys rejected. Messages for the common problem kinds (wrong type, out of
 * range, unknown value or key) are worded in one place, format-issues.ts; the checks here only
 * carry messages of their own where the generic wording would not help.
 */

const nonNegative = z.number().min(0);
const nonNegativeInteger = z.number().int().min(0);
const positiveInteger = z.number().int().min(1);
const fraction = z.number().min(0).max(1);
const nonEmptyText = z.string().trim().min(1);

const environmentVariableName = z.string().superRefine((value, ctx) => {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return;
  // Never echo the value: when this check fails it is often the secret itself pasted in.
  const hint = /:\/\//.test(value) ? ' (this looks like the value itself; put it in the environment instead)' : '';
  ctx.addIssue({ code: 'custom', message: `expected the name of an environment variable (letters, digits and _)${hint}` });
});

const warehouseUrl = z.string().superRefine((value, ctx) => {
  if (urlHasPassword(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'contains a password; put the whole URL in an environment variable and give its name in urlEnv',
    });
    return;
  }
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    ctx.addIssue({ code: 'custom', message: 'expected a postgres:// or postgresql:// URL' });
  }
});

const gitUrl = z.string().superRefine((value, ctx) => {
  if (gitUrlHasCredentials(value)) {
    ctx.addIssue({
      code: 'custom',
      message: "contains credentials; remove them and let git's credential helper or an SSH key provide access",
    });
  } else if (!isGitUrl(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'expected a URL git can clone (https://…, ssh://…, file://… or git@host:owner/repo.git); for a local clone use path',
    });
  }
});

const timeZone = z.string().superRefine((value, ctx) => {
  if (canonicalTimeZone(value) !== null) return;
  const suggestion = suggestTimeZone(value);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '; expected an IANA name such as "Europe/Berlin" or "UTC"';
  ctx.addIssue({ code: 'custom', message: `unknown time zone "${value}"${hint}` });
});

const cronExpression = z.string().superRefine((value, ctx) => {
  const result = validateDetailed(value);
  if (result.valid) return;
  const reasons = result.errors.map((error) =>
    error.field === 'expression' ? error.message : `${error.field} field "${error.value ?? ''}" is out of range`,
  );
  ctx.addIssue({ code: 'custom', message: `invalid cron expression "${value}": ${reasons.join('; ')}` });
});

const identityPattern = z
  .strictObject({
    email: nonEmptyText.nullish(),
    name: nonEmptyText.nullish(),
    login: nonEmptyText.nullish(),
  })
  .superRefine((pattern, ctx) => {
    if (!pattern.email && !pattern.name && !pattern.login) {
      ctx.addIssue({ code: 'custom', message: 'give at least one of email, name or login' });
    }
  });

function repoSchema() {
  return z
    .strictObject({
      name: z
        .string()
        .regex(REPO_NAME_PATTERN, {
          error: 'use letters, digits, ".", "_", "-" or "/", starting with a letter or digit (the name is part of ids)',
        })
        .nullish(),
      path: nonEmptyText.nullish(),
      url: gitUrl.nullish(),
      branch: nonEmptyText.nullish(),
      stack: z.enum(STACKS).nullish(),
      team: nonEmptyText.nullish(),
      releaseTagPattern: nonEmptyText.nullish(),
      kinds: z.array(z.strictObject({ glob: nonEmptyText, kind: z.enum(FILE_KINDS) })).nullish(),
      stacks: z.array(z.strictObject({ glob: nonEmptyText, stack: z.enum(STACKS) })).nullish(),
      exclude: z.array(nonEmptyText).nullish(),
    })
    .superRefine((repo, ctx) => {
      if (repo.path && repo.url) {
        ctx.addIssue({ code: 'custom', message: 'give either path or url, not both' });
      } else if (!repo.path && !repo.url) {
        ctx.addIssue({ code: 'custom', message: 'one of path or url is required' });
      }
    });
}

/** A list of named entries whose names must be unique (they are part of stable ids). */
function uniquelyNamed<Entry extends z.ZodType<{ name: string }>>(entry: Entry, what: string) {
  return z.array(entry).superRefine((list, ctx) => {
    const firstIndexByName = new Map<string, number>();
    list.forEach((item, index) => {
      const key = item.name.toLowerCase();
      const earlier = firstIndexByName.get(key);
      if (earlier === undefined) firstIndexByName.set(key, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate ${what} name "${item.name}" (also [${earlier}])` });
    });
  });
}

function objectOf<const Keys extends readonly string[], Value extends z.ZodType>(keys: Keys, value: Value) {
  const shape = Object.fromEntries(keys.map((key) => [key, value.nullish()]));
  return z.strictObject(shape as { [key in Keys[number]]: z.ZodOptional<z.ZodNullable<Value>> });
}

function weightsSchema() {
  return z.strictObject({
    preset: z.enum(WEIGHT_PRESET_NAMES).nullish(),
    ops: objectOf(LINE_OPS, nonNegative).nullish(),
    complexity: z
      .strictObject({
        enabled: z.boolean().nullish(),
        factor: nonNegative.nullish(),
        // A cap below 1 would make complex code count less than simple code.
        cap: z.number().min(1).nullish(),
      })
      .nullish(),
    workTypes: objectOf(WORK_TYPES, nonNegative).nullish(),
    testFileWeight: nonNegative.nullish(),
    bulk: z
      .strictObject({
        threshold: nonNegativeInteger.nullish(),
        // Bulk damps floods; a factor above 1 would reward them.
        factor: fraction.nullish(),
      })
      .nullish(),
    durability: z.strictObject({ windowDays: nonNegativeInteger.nullish(), required: z.boolean().nullish() }).nullish(),
    phases: z.strictObject({ merged: nonNegative.nullish(), released: nonNegative.nullish() }).nullish(),
    gates: objectOf(GATE_NAMES, z.boolean()).nullish(),
  });
}

function thresholdsSchema() {
  return z.strictObject({
    updateSimilarity: fraction.nullish(),
    moveMinAlphanumeric: nonNegativeInteger.nullish(),
    copyPasteMinLines: positiveInteger.nullish(),
    findReplaceMinLines: positiveInteger.nullish(),
    trivialMinAlphanumeric: nonNegativeInteger.nullish(),
    minifiedAverageLineLength: z.number().gt(0).nullish(),
  });
}

/**
 * The schema of a config file. Checks that depend on where the file is (default repository
 * names derived from relative paths) use `baseDir`.
 */
export function createConfigSchema(context: { baseDir: string }) {
  const repos = z
    .array(repoSchema())
    .min(1, { error: 'list at least one repository, or leave repos out to analyse the repository in the working directory' })
    .superRefine((list, ctx) => {
      const firstIndexByName = new Map<string, number>();
      list.forEach((repo, index) => {
        const name = repo.name ?? repoNameFrom(repo, context.baseDir);
        const earlier = firstIndexByName.get(name);
        if (earlier === undefined) firstIndexByName.set(name, index);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `duplicate repository name "${name}" (also repos[${earlier}]); give each repository its own name`,
          });
        }
      });
    });

  const people = peopleSchema();

  return z.strictObject({
    version: z.literal(1, { error: 'unsupported config version; this codeledger reads version 1' }).nullish(),
    warehouse: z
      .strictObject({
        url: warehouseUrl.nullish(),
        urlEnv: environmentVariableName.nullish(),
        dataDir: nonEmptyText.nullish(),
      })
      .nullish(),
    cacheDir: nonEmptyText.nullish(),
    dashboard: z.strictObject({ outDir: nonEmptyText.nullish(), enabled: z.boolean().nullish() }).nullish(),
    repos: repos.nullish(),
    people: people.nullish(),
    teams: uniquelyNamed(teamSchema(), 'team').nullish(),
    identities: identitiesSchema().nullish(),
    sources: z
      .strictObject({
        github: uniquelyNamed(githubSourceSchema(), 'GitHub source').nullish(),
        jira: uniquelyNamed(jiraSourceSchema(), 'Jira source').nullish(),
      })
      .nullish(),
    agents: z
      .strictObject({ extraBots: z.array(identityPattern).nullish(), extraAgents: z.array(identityPattern).nullish() })
      .nullish(),
    links: linksSchema().nullish(),
    calendar: z
      .strictObject({
        timezone: timeZone.nullish(),
        weekStart: z.enum(WEEKDAYS).nullish(),
        fiscalYearStartMonth: z.number().int().min(1).max(12).nullish(),
      })
      .nullish(),
    privacy: z.strictObject({ minGroupSize: positiveInteger.nullish() }).nullish(),
    weights: weightsSchema().nullish(),
    thresholds: thresholdsSchema().nullish(),
    schedule: z.strictObject({ cron: cronExpression.nullish() }).nullish(),
  }).superRefine((config, ctx) => {
    // Teams are named across sections (people, teams, repos); checked once the sections parse.
    const problems = rosterReferenceProblems({
      people: config.people,
      teams: config.teams,
      repos: config.repos,
      repoNames: config.repos ? config.repos.map((repo) => repo.name ?? repoNameFrom(repo, context.baseDir)) : null,
      moreTeamsElsewhere: Boolean(config.identities?.rosterFile),
    });
    for (const problem of problems) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
}

/** A config file after validation, before defaults are applied. */
export type ConfigInput = z.output<ReturnType<typeof createConfigSchema>>;
