import { homedir } from 'node:os';
import path from 'node:path';
import { urlHasPassword } from './secrets.js';

const URL_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'file:']);
// scp-like syntax git accepts for SSH remotes: `user@host:owner/repo.git`.
const SCP_LIKE = /^[\w.-]+@[\w.-]+:[^\s]+$/;
// Host tokens people paste into clone URLs (GitHub classic and fine-grained, GitLab).
const TOKEN_USERNAME = /^(gh[pousr]_|github_pat_|glpat-)/;

/**
 * Whether `text` is a remote git can clone: `https://`, `http://`, `ssh://`, `git://`, `file://`
 * or the scp-like `user@host:path`.
 *
 * @example
 * isGitUrl('git@github.com:acme/web.git'); // true
 * isGitUrl('../web'); // false
 */
export function isGitUrl(text: string): boolean {
  if (SCP_LIKE.test(text)) return true;
  try {
    const url = new URL(text);
    return URL_SCHEMES.has(url.protocol) && (url.protocol === 'file:' || url.host !== '');
  } catch {
    return false;
  }
}

/** Whether a clone URL carries a password or an access token as its user name. */
export function gitUrlHasCredentials(text: string): boolean {
  if (urlHasPassword(text)) return true;
  try {
    return TOKEN_USERNAME.test(decodeURIComponent(new URL(text).username));
  } catch {
    return false;
  }
}

/** Expand a leading `~` and resolve a relative path against `baseDir`. */
export function resolveUserPath(baseDir: string, written: string): string {
  if (written === '~' || written.startsWith('~/')) return path.join(homedir(), written.slice(1));
  return path.resolve(baseDir, written);
}

/**
 * The default name of a repository: the last segment of its path or URL, without `.git`,
 * with characters that cannot appear in ids replaced by `-`.
 *
 * @example
 * repoNameFrom({ url: 'git@github.com:acme/web.git' }, '/srv'); // 'web'
 * repoNameFrom({ path: '.' }, '/home/me/api'); // 'api'
 */
export function repoNameFrom(location: { path?: string | null; url?: string | null }, baseDir: string): string {
  let last: string;
  if (location.path) {
    last = path.basename(resolveUserPath(baseDir, location.path));
  } else {
    const trimmed = (location.url ?? '').replace(/[/\\]+$/, '');
    last = trimmed.split(/[/:\\]/).pop() ?? '';
  }
  const name = last.replace(/\.git$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return name === '' ? 'repo' : name;
}

/** Letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit: safe inside `git:<name>@<sha>`. */
export const REPO_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
