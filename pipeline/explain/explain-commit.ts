import type { Kysely } from 'kysely';
import { simpleGit } from 'simple-git';
import { hasNotesRef } from '../../collectors/git/notes.js';
import { openRepository, resolveDefaultBranch } from '../../collectors/git/repository.js';
import type { ResolvedConfig } from '../config/types.js';
import type { CommitOutcome } from '../effective-code/engine.js';
import type { ChurnEvent } from '../effective-code/survival.js';
import type { Logger } from '../logging/logger.js';
import { repositoriesToAnalyse } from '../run/run-pipeline.js';
import { createScoringEngine } from '../run/create-engine.js';
import { streamPreparedHistory } from '../run/prepared-history.js';
import { engineSettingsFrom } from '../run/engine-settings.js';
import type { Database } from '../warehouse/database.js';
import { formatExplanation, type StoredTotals } from './format-explanation.js';

/**
 * Recompute one commit's effective code line by line — the audit trail behind every number.
 *
 * The engine's state at a commit depends on all history before it (file contents, copy/paste
 * history, survival tags), so the first-parent history is replayed from the root to the commit,
 * and then on through the durability window to see which of its lines later commits churned.
 * The warehouse's stored totals are printed next to the recomputed ones.
 *
 * @example
 * process.stdout.write(await explainCommit({ revision: 'a1b2c3d', config, db, cwd, logger }));
 */
export async function explainCommit(options: {
  revision: string;
  repoName?: string;
  config: ResolvedConfig;
  db: Kysely<Database>;
  cwd: string;
  logger: Logger;
  width?: number;
}): Promise<string> {
  const { config, db } = options;
  const repo = await locateRepository(options);
  const settings = engineSettingsFrom(config);
  const sha = (await simpleGit(repo.path).raw(['rev-parse', '--verify', `${options.revision}^{commit}`])).trim();
  const branch = await resolveDefaultBranch(repo.path, repo.branch ?? undefined);
  const onFirstParent = (await simpleGit(repo.path).raw(['rev-list', '--first-parent', branch.sha])).split('\n').includes(sha);
  if (!onFirstParent) {
    return `${sha} is not on the first-parent history of ${branch.name}: only merged work counts, and its lines are counted in the merge commit that brought it in.\n`;
  }
  const repoId = `git:${repo.name}`;
  const engine = await createScoringEngine({ repoId, repoPath: repo.path, head: branch.sha, config, settings });
  const notes = await hasNotesRef(repo.path, 'refs/notes/ai');
  let target: CommitOutcome | null = null;
  const churn: ChurnEvent[] = [];
  const windowSeconds = settings.durability.windowDays * 86_400;
  let fpIndex = 0;
  const history = streamPreparedHistory({
    repoPath: repo.path,
    head: branch.sha,
    repo: repo.config,
    settings,
    notesRef: notes ? 'refs/notes/ai' : undefined,
    mode: 'inline',
    warn: (message, details) => options.logger.warn(message, details),
  });
  for await (const prepared of history) {
    const commit = prepared.commit;
    if (target && commit.committer.time - target.commit.merged_at.getTime() / 1000 >= windowSeconds) break;
    const outcome = engine.processCommit(prepared, fpIndex++, { explain: commit.sha === sha });
    if (commit.sha === sha) target = outcome;
    else if (target) churn.push(...outcome.churn.filter((event) => event.originCommitSha === sha));
  }
  if (!target) throw new Error(`commit ${sha} was not found while replaying ${branch.name}`);
  const stored = await storedTotals(db, `${repoId}@${sha}`);
  return formatExplanation({ outcome: target, churn, stored, settings, width: options.width ?? 60 });
}

async function locateRepository(options: { repoName?: string; config: ResolvedConfig; db: Kysely<Database>; cwd: string; logger: Logger }) {
  const configured = repositoriesToAnalyse(options.config, { cwd: options.cwd });
  const stored = await options.db.selectFrom('core.repos').select(['name', 'local_path', 'url']).execute();
  let choice = options.repoName ? configured.find((r) => r.name === options.repoName) : undefined;
  if (!choice && options.repoName) {
    const row = stored.find((r) => r.name === options.repoName);
    if (!row) {
      const known = [...new Set([...configured.map((r) => r.name), ...stored.map((r) => r.name)])].join(', ') || 'none';
      throw new Error(`no repository named "${options.repoName}" (known: ${known})`);
    }
    choice = { ...configured[0]!, name: row.name, path: row.local_path, url: row.url };
  }
  if (!choice) {
    if (configured.length > 1) {
      throw new Error(`several repositories are configured; choose one with --repo (${configured.map((r) => r.name).join(', ')})`);
    }
    choice = configured[0]!;
  }
  const opened = await openRepository(choice.url ?? choice.path ?? options.cwd, { cacheDir: options.config.cacheDir, logger: options.logger });
  return { name: choice.name, path: opened.path, branch: choice.branch, config: choice };
}

async function storedTotals(db: Kysely<Database>, commitId: string): Promise<StoredTotals[]> {
  const rows = await db
    .selectFrom('core.effective_code')
    .select(['file_path', 'ec_base', 'churned_lines', 'churned_ec', 'ec_merged', 'ec_durable', 'ec_released', 'durability', 'released_at'])
    .where('commit_id', '=', commitId)
    .execute();
  return rows.map((r) => ({
    path: r.file_path,
    ecBase: Number(r.ec_base),
    churnedLines: Number(r.churned_lines ?? 0),
    churnedEc: Number(r.churned_ec ?? 0),
    ecMerged: Number(r.ec_merged ?? 0),
    ecDurable: Number(r.ec_durable ?? 0),
    ecReleased: Number(r.ec_released ?? 0),
    durability: r.durability ?? null,
    releasedAt: r.released_at ? new Date(r.released_at) : null,
  }));
}
