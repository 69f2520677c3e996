/**
 * Locating the repository to analyse: a local working copy or bare repository as it is, or a
 * remote one as a bare clone kept in a cache directory and refreshed incrementally.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { gitClient } from './git-command.js';
import type { Logger } from './logger.js';
import { SILENT_LOGGER } from './logger.js';

/** The repository could not be opened, or has nothing to analyse. The message names it. */
export class RepositoryError extends Error {
  override readonly name = 'RepositoryError';
}

export interface OpenRepositoryOptions {
  /** Where clones of remote repositories are kept between runs. */
  cacheDir: string;
  logger?: Logger;
  /** Abandon a clone or fetch that shows no progress for this long (default {@link DEFAULT_NETWORK_STALL_MS}). */
  networkStallMs?: number;
}

/**
 * Ten minutes without a byte of progress: long enough for a server preparing a very large pack,
 * short enough that a scheduled run stuck on an unreachable host or a credential prompt ends.
 */
export const DEFAULT_NETWORK_STALL_MS = 10 * 60 * 1000;

export interface OpenedRepository {
  /** Repository name: the last path segment without `.git`. */
  name: string;
  /** Directory git commands run in: a working copy's top level, or a bare repository. */
  path: string;
  /** Where the repository comes from (credentials removed): the given URL, or a local copy's `origin`; null if none. */
  url: string | null;
  /** Whether `path` is a clone this module manages in the cache directory (rather than the caller's own copy). */
  cloned: boolean;
}

export interface DefaultBranch {
  /** Full ref name (`refs/heads/main`, `refs/remotes/origin/main`), or `HEAD` when detached. */
  ref: string;
  /** Short branch name (`main`). */
  name: string;
  /** Commit the branch points at. */
  sha: string;
}

/** `scheme://…` URLs, and scp-like `user@host:path`. */
const REMOTE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|[^/\s@]+@[^/\s:]+:)/i;

/**
 * Opens a repository for analysis.
 * - A local path resolves to its working copy's top level (or to the bare repository itself).
 * - A URL (https, ssh, git, file://, scp-like), or a local path ending in `.git` that is a bare
 *   repository, is cloned (bare, heads and tags only) into `cacheDir` on the first call and
 *   fetched (`--prune --tags`) on later calls.
 *
 * @example
 * const repo = await openRepository('https://github.com/acme/web.git', { cacheDir: '.codeledger/repos' });
 * // { name: 'web', path: '.codeledger/repos/web-1a2b3c4d5e6f', url: 'https://github.com/acme/web.git', cloned: true }
 */
export async function openRepository(pathOrUrl: string, options: OpenRepositoryOptions): Promise<OpenedRepository> {
  const logger = options.logger ?? SILENT_LOGGER;
  const stallMs = options.networkStallMs ?? DEFAULT_NETWORK_STALL_MS;
  if (REMOTE_URL.test(pathOrUrl)) return openCachedClone(pathOrUrl, options.cacheDir, stallMs, logger);
  const absolute = resolve(pathOrUrl);
  const info = await stat(absolute).catch(() => null);
  if (info === null || !info.isDirectory()) throw new RepositoryError(`Repository path does not exist or is not a directory: ${absolute}`);
  const bare = await isBareRepository(absolute);
  if (bare === null) throw new RepositoryError(`Not a git repository: ${absolute}`);
  if (bare && absolute.endsWith('.git')) return openCachedClone(absolute, options.cacheDir, stallMs, logger);
  const path = bare
    ? (await gitClient(absolute).revparse(['--absolute-git-dir'])).trim()
    : (await gitClient(absolute).revparse(['--show-toplevel'])).trim();
  const origin = (await gitClient(path).raw(['config', '--get', 'remote.origin.url']).catch(() => '')).trim();
  return { name: repositoryName(path), path, url: origin ? redactCredentials(origin) : null, cloned: false };
}

/** true for a bare repository, false for a working copy, null when `directory` is not in a repository. */
async function isBareRepository(directory: string): Promise<boolean | null> {
  try {
    const answer = (await gitClient(directory).revparse(['--is-bare-repository'])).trim();
    return answer === 'true';
  } catch {
    return null;
  }
}

/**
 * The repository's name from a path or URL: its last segment without `.git`.
 *
 * @example
 * repositoryName('git@github.com:acme/web.git') // 'web'
 */
export function repositoryName(pathOrUrl: string): string {
  const trimmed = pathOrUrl.replace(/[/\\]+$/, '').replace(/\/\.git$/, '');
  const lastSegment = trimmed.split(/[/\\:]/).pop() ?? trimmed;
  return basename(lastSegment).replace(/\.git$/, '') || 'repository';
}

/**
 * Removes credentials from a URL so it can be stored and shown: user and password for http(s),
 * the password for other schemes (an ssh user such as `git@` is not a secret). Non-URL strings
 * (paths, scp-like addresses) are returned as they are.
 *
 * @example
 * redactCredentials('https://x-access-token:abc@github.com/acme/web.git') // 'https://github.com/acme/web.git'
 */
export function redactCredentials(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.username && !parsed.password) return url;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** Directory name of a cached clone: readable name plus a hash of the exact URL, so two remotes never share one. */
function cacheSlug(url: string): string {
  const digest = createHash('sha256').update(url).digest('hex').slice(0, 12);
  const name = repositoryName(url).replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${name}-${digest}`;
}

async function openCachedClone(url: string, cacheDir: string, stallMs: number, logger: Logger): Promise<OpenedRepository> {
  const cacheRoot = resolve(cacheDir);
  await mkdir(cacheRoot, { recursive: true });
  const path = join(cacheRoot, cacheSlug(url));
  const shownUrl = redactCredentials(url);
  const result: OpenedRepository = { name: repositoryName(url), path, url: shownUrl, cloned: true };

  if (existsSync(path)) {
    if ((await isBareRepository(path)) === true) {
      await refreshClone(path, shownUrl, stallMs, logger);
      return result;
    }
    logger.warn('Cached clone is damaged; cloning again', { url: shownUrl, path });
    await rm(path, { recursive: true, force: true });
  }

  logger.info('Cloning repository', { url: shownUrl, path });
  // Clone next to the final place and rename: an interrupted clone never looks like a valid cache.
  const staging = await mkdtemp(join(cacheRoot, '.clone-'));
  try {
    const target = join(staging, 'repo.git');
    // --progress keeps git talking while it works, so only a real stall hits the timeout.
    await gitClient(staging, stallMs).clone(url, target, ['--bare', '--progress']);
    const git = gitClient(target);
    // A bare clone has no fetch refspec; keep exactly heads and tags (not pull-request refs).
    await git.raw(['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*']);
    await git.raw(['config', '--add', 'remote.origin.fetch', '+refs/tags/*:refs/tags/*']);
    try {
      await rename(target, path);
    } catch (error) {
      // Another run cloned it meanwhile: use theirs.
      if ((await isBareRepository(path)) !== true) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return result;
}

async function refreshClone(path: string, shownUrl: string, stallMs: number, logger: Logger): Promise<void> {
  logger.info('Fetching repository', { url: shownUrl, path });
  const git = gitClient(path, stallMs);
  await git.fetch(['--prune', '--tags', '--progress', 'origin']);
  // Follow a change of the remote's default branch (HEAD), which fetch alone does not update.
  try {
    const answer = await git.raw(['ls-remote', '--symref', 'origin', 'HEAD']);
    const match = /^ref: (refs\/heads\/\S+)\tHEAD$/m.exec(answer);
    const target = match?.[1];
    if (target) {
      const exists = (await git.raw(['rev-parse', '--verify', '--quiet', target])).trim() !== '';
      if (exists) await git.raw(['symbolic-ref', 'HEAD', target]);
    }
  } catch (error) {
    logger.warn('Could not read the remote default branch', { url: shownUrl, error: String(error) });
  }
}

/**
 * Picks the branch to analyse: `configured` if given; else the remote's default branch
 * (`refs/remotes/origin/HEAD`); else, in a bare repository, what `HEAD` names; else `main` or
 * `master`; else whatever `HEAD` is.
 *
 * @example
 * await resolveDefaultBranch(repo.path) // { ref: 'refs/heads/main', name: 'main', sha: '5f1c…' }
 */
export async function resolveDefaultBranch(repoPath: string, configured?: string): Promise<DefaultBranch> {
  const git = gitClient(repoPath);
  const commitOf = async (ref: string): Promise<string | null> => {
    // --quiet: a missing ref exits 1 without a message, which simple-git returns as empty output.
    const sha = (await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    return sha === '' ? null : sha;
  };
  const symbolicTarget = async (ref: string): Promise<string | null> => {
    const target = (await git.raw(['symbolic-ref', '--quiet', ref])).trim();
    return target === '' ? null : target;
  };
  const found = async (ref: string): Promise<DefaultBranch | null> => {
    const sha = await commitOf(ref);
    return sha === null ? null : { ref, name: shortBranchName(ref), sha };
  };

  if (configured !== undefined && configured !== '') {
    const candidates = configured.startsWith('refs/')
      ? [configured]
      : [`refs/heads/${configured}`, `refs/remotes/origin/${configured}`];
    for (const candidate of candidates) {
      const branch = await found(candidate);
      if (branch) return { ...branch, name: configured.startsWith('refs/') ? branch.name : configured };
    }
    throw new RepositoryError(`Branch "${configured}" does not exist in ${repoPath}`);
  }

  const originHead = await symbolicTarget('refs/remotes/origin/HEAD');
  const fromOrigin = originHead === null ? null : await found(originHead);
  if (fromOrigin) return fromOrigin;

  if ((await isBareRepository(repoPath)) === true) {
    const head = await symbolicTarget('HEAD');
    const fromHead = head === null ? null : await found(head);
    if (fromHead) return fromHead;
  }

  for (const candidate of ['refs/heads/main', 'refs/heads/master']) {
    const branch = await found(candidate);
    if (branch) return branch;
  }

  const headSha = await commitOf('HEAD');
  if (headSha === null) throw new RepositoryError(`Repository ${repoPath} has no commits`);
  const headTarget = await symbolicTarget('HEAD');
  return headTarget === null ? { ref: 'HEAD', name: 'HEAD', sha: headSha } : { ref: headTarget, name: shortBranchName(headTarget), sha: headSha };
}

/** `refs/heads/x/y` → `x/y`; `refs/remotes/origin/x` → `x`. */
function shortBranchName(ref: string): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  const remote = /^refs\/remotes\/[^/]+\/(.+)$/.exec(ref);
  if (remote?.[1]) return remote[1];
  return ref;
}
