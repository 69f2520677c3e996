/** The parts of a GitHub no-reply commit e-mail. */
export interface GithubNoreply {
  /** Numeric account id, when the address has the `<id>+<login>` form (accounts since 2017). */
  id: number | null;
  /** Login as written in the address, e.g. `dependabot[bot]`. */
  login: string;
  /** `github.com`, or the GitHub Enterprise host the address belongs to. */
  host: string;
}

// `<id>+<login>@users.noreply.<host>` or the older `<login>@users.noreply.<host>`; logins are
// letters, digits and dashes (managed enterprise users add `_<shortcode>`), and GitHub App
// accounts end in `[bot]`.
const NOREPLY = /^(?:(\d+)\+)?([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\[bot\])?)@users\.noreply\.([A-Za-z0-9.-]+)$/i;

/**
 * Parse a GitHub no-reply e-mail address, or return null for any other address.
 *
 * @example
 * parseGithubNoreply('49699333+dependabot[bot]@users.noreply.github.com');
 * // { id: 49699333, login: 'dependabot[bot]', host: 'github.com' }
 * parseGithubNoreply('octocat@users.noreply.github.com'); // { id: null, login: 'octocat', host: 'github.com' }
 * parseGithubNoreply('alice@example.com'); // null
 */
export function parseGithubNoreply(email: string): GithubNoreply | null {
  const match = NOREPLY.exec(email.trim());
  if (!match) return null;
  return { id: match[1] ? Number(match[1]) : null, login: match[2]!, host: match[3]!.toLowerCase() };
}
