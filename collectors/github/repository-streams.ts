import type { JsonValue } from '../../pipeline/warehouse/database.js';
import type { CollectSession } from './collect-session.js';
import { deploymentSettled, fetchDeploymentStatuses, fetchPullDetails, fetchReleaseCommits } from './fetch-details.js';
import { isObject, runListStream, type JsonObject, type ListStreamSpec, type PassState } from './list-stream.js';
import { repositoryStream } from './streams.js';

/*
 * The list streams of one repository. Each says how its pass starts, where it may stop and what
 * its cursor is afterwards; list-stream.ts pages, stores and resumes.
 */

/** Deployments younger than this keep having their statuses re-read until they settle. */
export const PENDING_DEPLOYMENT_DAYS = 30;

/**
 * Collect every stream of one repository, in order. Each stream resumes where its cursor stands.
 *
 * @example
 * await collectRepositoryStreams(session, 'acme/web');
 */
export async function collectRepositoryStreams(session: CollectSession, fullName: string): Promise<void> {
  await runListStream(session, pullsSpec(session, fullName));
  await runListStream(session, openPullsSpec(session, fullName));
  await runListStream(session, sinceSpec(session, fullName, 'review-comments', `/repos/${fullName}/pulls/comments`));
  await runListStream(session, sinceSpec(session, fullName, 'issue-comments', `/repos/${fullName}/issues/comments`));
  await runListStream(session, sinceSpec(session, fullName, 'issues', `/repos/${fullName}/issues`, { state: 'all' }));
  await runListStream(session, releasesSpec(session, fullName));
  const settledThisRun = new Set<string>();
  await runListStream(session, deploymentsSpec(session, fullName, settledThisRun));
  await refreshPendingDeployments(session, fullName, settledThisRun);
}

/**
 * Pull requests, most recently updated first; a pass stops at the first one older than the last
 * pass's newest, and fetches the details of every pull request it reads.
 */
function pullsSpec(session: CollectSession, fullName: string): ListStreamSpec {
  return {
    stream: repositoryStream(fullName, 'pulls'),
    conditional: true,
    firstUrl: () =>
      session.client.url(`/repos/${fullName}/pulls`, { state: 'all', sort: 'updated', direction: 'desc', per_page: session.config.pageSize }),
    startPass: (stored) => ({ since: stored.cursor, high: null }),
    async onPage(items, pass) {
      const since = typeof pass.since === 'string' ? Date.parse(pass.since) : null;
      const read: JsonObject[] = [];
      let stop = false;
      for (const pull of items) {
        const updated = Date.parse(String(pull.updated_at));
        // Equal times are read again: several pull requests can share the last second.
        if (since !== null && updated < since) {
          stop = true;
          break;
        }
        read.push(pull);
        raiseHigh(pass, pull.updated_at);
      }
      return { stop, extraPages: await fetchPullDetails(session, fullName, nodeIdsOf(read)) };
    },
    finishPass: (pass, stored) => timeCursor(pass.high, stored.cursor),
  };
}

/**
 * Pull requests still open: when any changed (the first page's ETag moved), re-read them all and
 * refresh the details of those not already refreshed in this run.
 */
function openPullsSpec(session: CollectSession, fullName: string): ListStreamSpec {
  return {
    stream: repositoryStream(fullName, 'open-pulls'),
    conditional: true,
    firstUrl: () =>
      session.client.url(`/repos/${fullName}/pulls`, { state: 'open', sort: 'updated', direction: 'desc', per_page: session.config.pageSize }),
    startPass: () => ({}),
    async onPage(items) {
      const missing = nodeIdsOf(items).filter((id) => !session.detailedPulls.has(id));
      return { stop: false, extraPages: await fetchPullDetails(session, fullName, missing) };
    },
    finishPass: () => ({ cursor: null, cursorTime: null }),
  };
}

/**
 * A list asked `since` the newest update of the last pass, oldest first, read to its end: issues
 * (pull requests among them are stored and skipped by extraction), review comments and
 * conversation comments.
 */
function sinceSpec(
  session: CollectSession,
  fullName: string,
  kind: 'issues' | 'review-comments' | 'issue-comments',
  path: string,
  extraQuery: Record<string, string> = {},
): ListStreamSpec {
  return {
    stream: repositoryStream(fullName, kind),
    conditional: true,
    firstUrl: (stored) =>
      session.client.url(path, {
        ...extraQuery,
        sort: 'updated',
        direction: 'asc',
        per_page: session.config.pageSize,
        ...(stored.cursor ? { since: stored.cursor } : {}),
      }),
    startPass: () => ({ high: null }),
    async onPage(items, pass) {
      for (const item of items) raiseHigh(pass, item.updated_at);
      return { stop: false };
    },
    finishPass: (pass, stored) => timeCursor(pass.high, stored.cursor),
  };
}

/**
 * Releases, read whole whenever the first page changed (there are few, and any can be edited or
 * published late). The tag commit of each release not seen before, or published since it was
 * last seen as a draft, is asked with GraphQL.
 */
function releasesSpec(session: CollectSession, fullName: string): ListStreamSpec {
  return {
    stream: repositoryStream(fullName, 'releases'),
    conditional: true,
    firstUrl: () => session.client.url(`/repos/${fullName}/releases`, { per_page: session.config.pageSize }),
    startPass: () => ({ high: null, drafts: [] }),
    async onPage(items, pass, stored) {
      const seenBefore = stored.cursor === null ? 0 : Number(stored.cursor);
      const trackedDrafts = new Set(Array.isArray(stored.details.drafts) ? stored.details.drafts.map(Number) : []);
      const needCommit: JsonObject[] = [];
      for (const release of items) {
        const id = Number(release.id);
        if (release.draft === true) (pass.drafts as JsonValue[]).push(id);
        else if (id > seenBefore || trackedDrafts.has(id)) needCommit.push(release);
        if (pass.high === null || id > Number(pass.high)) pass.high = id;
      }
      return { stop: false, extraPages: await fetchReleaseCommits(session, fullName, nodeIdsOf(needCommit)) };
    },
    finishPass: (pass, stored) => ({
      cursor: pass.high === null ? stored.cursor : String(Math.max(Number(pass.high), Number(stored.cursor ?? 0))),
      cursorTime: null,
      details: { drafts: pass.drafts ?? [] },
    }),
  };
}

/**
 * Deployments, newest first; a pass stops at the first one already seen. Statuses of the new
 * ones are asked with GraphQL; those not yet settled are remembered for {@link refreshPendingDeployments}.
 */
function deploymentsSpec(session: CollectSession, fullName: string, settledThisRun: Set<string>): ListStreamSpec {
  return {
    stream: repositoryStream(fullName, 'deployments'),
    conditional: true,
    firstUrl: () => session.client.url(`/repos/${fullName}/deployments`, { per_page: session.config.pageSize }),
    startPass: (stored) => ({ since: stored.cursor, high: null, pending: [] }),
    async onPage(items, pass) {
      const since = typeof pass.since === 'string' ? Number(pass.since) : null;
      const fresh: JsonObject[] = [];
      let stop = false;
      for (const deployment of items) {
        const id = Number(deployment.id);
        if (since !== null && id <= since) {
          stop = true;
          break;
        }
        fresh.push(deployment);
        if (pass.high === null || id > Number(pass.high)) pass.high = id;
      }
      const { pages, nodes } = await fetchDeploymentStatuses(session, fullName, nodeIdsOf(fresh));
      const createdAt = new Map(fresh.map((deployment) => [String(deployment.node_id), String(deployment.created_at)]));
      for (const node of nodes) {
        const id = String(node.id);
        settledThisRun.add(id);
        if (!deploymentSettled(node)) (pass.pending as JsonValue[]).push({ id, createdAt: createdAt.get(id) ?? null });
      }
      return { stop, extraPages: pages };
    },
    finishPass: (pass, stored) => ({
      cursor: pass.high === null ? stored.cursor : String(pass.high),
      cursorTime: null,
      details: { pending: [...pendingOf(stored.details), ...pendingOf(pass)] },
    }),
  };
}

/**
 * Re-read the statuses of deployments that had not settled (no final status yet), younger than
 * {@link PENDING_DEPLOYMENT_DAYS}; each answer is stored with the shortened pending list.
 */
async function refreshPendingDeployments(session: CollectSession, fullName: string, settledThisRun: ReadonlySet<string>): Promise<void> {
  const stream = repositoryStream(fullName, 'deployments');
  const stored = await session.cursor(stream);
  const all = pendingOf(stored.details);
  const oldest = session.now().getTime() - PENDING_DEPLOYMENT_DAYS * 86_400_000;
  let pending = all.filter((entry) => entry.createdAt === null || Date.parse(entry.createdAt) >= oldest);
  const toRead = pending.filter((entry) => !settledThisRun.has(entry.id)).map((entry) => entry.id);
  if (toRead.length === 0) {
    if (pending.length !== all.length) await session.store([], [{ stream, ...stored, details: { ...stored.details, pending } }]);
    return;
  }
  const { pages, nodes } = await fetchDeploymentStatuses(session, fullName, toRead);
  const settled = new Set(nodes.filter(deploymentSettled).map((node) => String(node.id)));
  const answered = new Set(nodes.map((node) => String(node.id)));
  // Deployments GitHub no longer knows (deleted) are dropped too.
  pending = pending.filter((entry) => !settled.has(entry.id) && (answered.has(entry.id) || !toRead.includes(entry.id)));
  await session.store(pages, [{ stream, ...stored, details: { ...stored.details, pending } }]);
}

type PendingDeployment = { id: string; createdAt: string | null };

function pendingOf(holder: Record<string, JsonValue> | PassState): PendingDeployment[] {
  const list = holder.pending;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((entry) => ({ id: String(entry.id), createdAt: typeof entry.createdAt === 'string' ? entry.createdAt : null }));
}

function nodeIdsOf(items: readonly JsonObject[]): string[] {
  return items.map((item) => item.node_id).filter((id): id is string => typeof id === 'string');
}

/** Keep the newest `updated_at` of a pass. */
function raiseHigh(pass: PassState, value: JsonValue | undefined): void {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return;
  if (typeof pass.high !== 'string' || Date.parse(value) > Date.parse(pass.high)) pass.high = value;
}

function timeCursor(high: JsonValue | undefined, previous: string | null): { cursor: string | null; cursorTime: Date | null } {
  const cursor = typeof high === 'string' ? high : previous;
  return { cursor, cursorTime: cursor ? new Date(cursor) : null };
}
