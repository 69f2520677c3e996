import type { GithubSourceConfig } from '../../../pipeline/config/github-config.js';
import type { IdentityBook } from './identity-book.js';

/** What a row builder knows about the page it reads. */
export interface RowContext {
  readonly sourceId: string;
  /** `owner/name` of the repository the page belongs to. */
  readonly repository: string;
  readonly pageId: number;
  readonly identities: IdentityBook;
  readonly config: GithubSourceConfig;
}

/**
 * The stable id of a pull request or issue.
 *
 * @example
 * itemId('acme/web', 12); // 'github:acme/web#12'
 */
export function itemId(repository: string, number: number): string {
  return `github:${repository}#${number}`;
}
