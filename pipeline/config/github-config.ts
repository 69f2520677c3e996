import { z } from 'zod';

/*
 * The `sources.github` section of codeledger.yaml: one entry per GitHub organisation or list of
 * repositories (github.com or GitHub Enterprise Server).
 * (Skeleton: the GitHub collector fills in the fields it reads.)
 */

/** Schema of one `sources.github` entry as written. */
export function githubSourceSchema() {
  return z.strictObject({
    name: z.string().trim().min(1),
  });
}

export type GithubSourceInput = z.output<ReturnType<typeof githubSourceSchema>>;

/** One resolved GitHub source. */
export interface GithubSourceConfig {
  /** Unique among GitHub sources; the source id is `github:<name>`. */
  readonly name: string;
}

/** Apply defaults to one validated `sources.github` entry. */
export function resolveGithubSource(input: GithubSourceInput): GithubSourceConfig {
  return { name: input.name };
}
