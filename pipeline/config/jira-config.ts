import { z } from 'zod';

/*
 * The `sources.jira` section of codeledger.yaml: one entry per Jira site (Cloud or Data Center).
 * (Skeleton: the Jira collector fills in the fields it reads.)
 */

/** Schema of one `sources.jira` entry as written. */
export function jiraSourceSchema() {
  return z.strictObject({
    name: z.string().trim().min(1),
  });
}

export type JiraSourceInput = z.output<ReturnType<typeof jiraSourceSchema>>;

/** One resolved Jira source. */
export interface JiraSourceConfig {
  /** Unique among Jira sources; the source id is `jira:<name>`. */
  readonly name: string;
}

/** Apply defaults to one validated `sources.jira` entry. */
export function resolveJiraSource(input: JiraSourceInput): JiraSourceConfig {
  return { name: input.name };
}
