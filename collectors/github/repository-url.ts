/**
 * `owner/name` of a git remote URL whose path is exactly `/<owner>/<name>` (github.com or
 * GitHub Enterprise Server, over https, ssh or scp-like syntax), or null for anything else
 * (local paths, `file://`, deeper paths). The host is not checked: `repoMap` settles the rare
 * case of two hosts with the same `owner/name`.
 *
 * @example
 * repositoryFromUrl('https://github.com/acme/web.git'); // 'acme/web'
 * repositoryFromUrl('git@github.example.com:acme/api.git'); // 'acme/api'
 * repositoryFromUrl('/srv/git/web'); // null
 */
export function repositoryFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  const scpLike = /^[\w.-]+@[\w.-]+:\/?([^/\s]+)\/([^/\s]+?)\/?$/.exec(trimmed);
  if (scpLike) return ownerAndName(scpLike[1]!, scpLike[2]!);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || parsed.host === '') return null;
  const segments = parsed.pathname.split('/').filter(Boolean);
  return segments.length === 2 ? ownerAndName(segments[0]!, segments[1]!) : null;
}

function ownerAndName(owner: string, name: string): string | null {
  const bare = name.replace(/\.git$/, '');
  return /^[A-Za-z0-9_.-]+$/.test(owner) && /^[A-Za-z0-9_.-]+$/.test(bare) ? `${owner}/${bare}` : null;
}
