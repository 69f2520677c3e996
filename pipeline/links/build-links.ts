import type { LinkEndType } from '../warehouse/delivery-tables.js';
import { findBodyReferences, findBranchReferences, findMessageReferences, findTextReferences, type FinderContext } from './find-references.js';
import type { EvidenceKind, FoundReference, ReferenceTarget } from './reference.js';

/*
 * From the references found in a pull request or commit to rows of core.links: each reference is
 * resolved against what the warehouse holds (a Jira project that is known, a GitHub issue or pull
 * request that was collected), and references to the same item with the same evidence kind are
 * merged into one row.
 */

/** One end of a link. */
export interface LinkEnd {
  readonly type: LinkEndType;
  readonly id: string;
}

/** What references are resolved against. */
export interface LinkTargets extends FinderContext {
  /** The collected GitHub issue (as a ticket) or pull request `owner/name#number`, if any. */
  githubItem(repo: string, number: number): LinkEnd | undefined;
  /** The GitHub repositories (`owner/name`) an analysed repository (`git:<name>`) is known as. */
  githubRepositoriesOf(repoId: string): readonly string[];
}

/** A row of core.links before it is written (created_at comes from the warehouse). */
export interface NewLink {
  readonly link_id: string;
  readonly from_type: LinkEndType;
  readonly from_id: string;
  readonly to_type: LinkEndType;
  readonly to_id: string;
  readonly evidence_kind: EvidenceKind;
  readonly evidence: string;
  readonly closes: boolean;
}

/** The text fields of a pull request that references are read from. */
export interface PullRequestText {
  readonly pr_id: string;
  readonly repo_full_name: string;
  readonly title: string | null;
  readonly body: string | null;
  readonly head_ref: string | null;
}

/** A commit of a pull request (core.pr_commits). */
export interface PrCommitText {
  readonly sha: string;
  readonly message: string | null;
}

/** A commit of the analysed history (core.commits). */
export interface CommitText {
  readonly commit_id: string;
  readonly repo_id: string;
  readonly sha: string;
  readonly message: string | null;
}

/** A `Fixes: <sha>` trailer, resolved later against core.commits of the same repository. */
export interface FixesCandidate {
  readonly fromCommitId: string;
  readonly repoId: string;
  /** Full or abbreviated sha, lower case. */
  readonly sha: string;
  readonly evidence: string;
}

/**
 * The stable id of a link: `<from_id>-><to_id>/<evidence_kind>`.
 *
 * @example
 * linkId('github:acme/web#12', 'jira:ABC-42', 'title'); // 'github:acme/web#12->jira:ABC-42/title'
 */
export function linkId(fromId: string, toId: string, kind: EvidenceKind): string {
  return `${fromId}->${toId}/${kind}`;
}

/**
 * The links of one pull request: its branch, title and description, and — for tickets only — the
 * messages of its commits (`message` or `trailer` evidence, prefixed with the commit's short sha).
 * Commit messages link only to tickets because a branch's commits often mention other pull
 * requests (merges of the base branch) that say nothing about this one's purpose.
 *
 * @example
 * pullRequestLinks({ pr_id: 'github:acme/web#5', repo_full_name: 'acme/web', title: 'ABC-1: login', body: null, head_ref: null }, [], targets);
 * // [{ link_id: 'github:acme/web#5->jira:ABC-1/title', from_type: 'pr', to_type: 'ticket', to_id: 'jira:ABC-1', … }]
 */
export function pullRequestLinks(pr: PullRequestText, commits: readonly PrCommitText[], targets: LinkTargets): NewLink[] {
  const links = new LinkCollector();
  const from: LinkEnd = { type: 'pr', id: pr.pr_id };
  const own = [
    ...findBranchReferences(pr.head_ref, targets),
    ...findTextReferences(pr.title, 'title', targets),
    ...findBodyReferences(pr.body, targets),
  ];
  for (const reference of own) {
    const to = resolve(reference.target, [pr.repo_full_name], targets);
    if (to && to.id !== pr.pr_id) links.add(from, to, reference);
  }
  for (const commit of commits) {
    for (const reference of findMessageReferences(commit.message, targets)) {
      const to = resolve(reference.target, [pr.repo_full_name], targets);
      if (to?.type === 'ticket') links.add(from, to, { ...reference, evidence: `${commit.sha.slice(0, 7)}: ${reference.evidence}` });
    }
  }
  return links.values();
}

/**
 * The links of one commit of the analysed history, and its `Fixes: <sha>` trailers (resolved in
 * bulk against core.commits afterwards). A bare `#12` is looked up in the GitHub repositories the
 * commit's repository is known as.
 *
 * @example
 * commitLinks({ commit_id: 'git:web@1a2b', repo_id: 'git:web', sha: '1a2b', message: 'Merge pull request #12 from acme/ABC-3-x' }, targets).links;
 * // commit → pr github:acme/web#12 and commit → ticket jira:ABC-3, both `message` evidence
 */
export function commitLinks(commit: CommitText, targets: LinkTargets): { links: NewLink[]; fixes: FixesCandidate[] } {
  const links = new LinkCollector();
  const fixes: FixesCandidate[] = [];
  const from: LinkEnd = { type: 'commit', id: commit.commit_id };
  const repositories = targets.githubRepositoriesOf(commit.repo_id);
  for (const reference of findMessageReferences(commit.message, targets)) {
    if (reference.target.kind === 'sha') {
      if (!commit.sha.toLowerCase().startsWith(reference.target.sha)) {
        fixes.push({ fromCommitId: commit.commit_id, repoId: commit.repo_id, sha: reference.target.sha, evidence: reference.evidence });
      }
      continue;
    }
    const to = resolve(reference.target, repositories, targets);
    if (to) links.add(from, to, reference);
  }
  return { links: links.values(), fixes };
}

/** Where a reference points, if the warehouse knows it; bare GitHub numbers try each repository in turn. */
function resolve(target: ReferenceTarget, repositories: readonly string[], targets: LinkTargets): LinkEnd | undefined {
  switch (target.kind) {
    case 'jira':
      return { type: 'ticket', id: `jira:${target.key}` };
    case 'github':
      for (const repo of target.repo ? [target.repo] : repositories) {
        const item = targets.githubItem(repo, target.number);
        if (item) return item;
      }
      return undefined;
    case 'sha':
      return undefined;
  }
}

/**
 * Links of one item, one per id: a second reference to the same item with the same evidence kind
 * only adds its closing keyword (and its evidence, when it is the first closing one).
 */
export class LinkCollector {
  readonly #links = new Map<string, NewLink>();

  add(from: LinkEnd, to: LinkEnd, reference: Pick<FoundReference, 'kind' | 'evidence' | 'closes'>): void {
    const id = linkId(from.id, to.id, reference.kind);
    const earlier = this.#links.get(id);
    if (earlier && (earlier.closes || !reference.closes)) return;
    this.#links.set(id, {
      link_id: id,
      from_type: from.type,
      from_id: from.id,
      to_type: to.type,
      to_id: to.id,
      evidence_kind: reference.kind,
      evidence: reference.evidence,
      closes: reference.closes,
    });
  }

  values(): NewLink[] {
    return [...this.#links.values()];
  }
}
