import { z } from 'zod';

/*
 * The `links` section of codeledger.yaml: how ticket references in branches, titles and commit
 * messages are recognised.
 */

// A Jira project key: a letter, then letters, digits or `_` (at least two characters).
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]+$/;

/** Schema of the `links` section as written. */
export function linksSchema() {
  return z.strictObject({
    jiraProjects: z
      .array(
        z
          .string()
          .trim()
          .regex(PROJECT_KEY, { error: 'expected a Jira project key such as ABC (a letter, then letters, digits or _)' }),
      )
      .nullish(),
  });
}

export type LinksInput = z.output<ReturnType<typeof linksSchema>>;

/** How references to tickets are recognised. */
export interface LinksConfig {
  /**
   * Jira project keys (upper case) whose issue keys are linked even when no Jira source collects
   * them. Projects of collected Jira tickets are always accepted; keys of any other project
   * (`UTF-8`, `SHA-256`) never are.
   */
  readonly jiraProjects: readonly string[];
}

/** Defaults: no extra Jira projects. */
export function resolveLinks(input: LinksInput | null | undefined): LinksConfig {
  const projects = (input?.jiraProjects ?? []).map((project) => project.toUpperCase());
  return { jiraProjects: [...new Set(projects)] };
}
