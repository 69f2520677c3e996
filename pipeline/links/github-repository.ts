/*
 * Which GitHub repository (`owner/name`) an analysed git repository is, from its remote URL, so a
 * bare `#12` in a commit message can be looked up among that repository's issues and pull
 * requests.
 */

// scp-like SSH remotes: `git@github.com:acme/web.git`.
const SCP_LIKE = /^[\w.-]+@[\w.-]+:\/?([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/;
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * `owner/name` of a remote on a GitHub-style host (github.com or GitHub Enterprise Server), or
 * null when the URL is not `<host>/<owner>/<name>` (local paths, `file://`, deeper paths).
 *
 * @example
 * githubRepositoryFromUrl('https://github.com/acme/web.git'); // 'acme/web'
 * githubRepositoryFromUrl('git@github.example.com:acme/api.git'); // 'acme/api'
 * githubRepositoryFromUrl('/srv/git/web'); // null
 */
export function githubRepositoryFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const text = url.trim();
  const scp = SCP_LIKE.exec(text);
  if (scp) return ownerAndName(scp[1]!, scp[2]!);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.host === '') return null;
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  if (segments.length !== 2) return null;
  return ownerAndName(segments[0]!, segments[1]!.replace(/\.git$/, ''));
}

function ownerAndName(owner: string, name: string): string | null {
  const cleanName = name.replace(/\.git$/, '');
  return SEGMENT.test(owner) && SEGMENT.test(cleanName) && cleanName !== '' ? `${owner}/${cleanName}` : null;
}
