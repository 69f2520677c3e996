import { authorshipRulesFromConfig } from '../../../pipeline/attribution/rules-from-config.js';
import type { GithubSourceConfig } from '../../../pipeline/config/github-config.js';
import { applyDeploymentReleases } from '../../../pipeline/run/deployment-releases.js';
import { engineSettingsFrom } from '../../../pipeline/run/engine-settings.js';
import { readCursor, readRawPages, writeCursor } from '../../../pipeline/warehouse/raw-pages.js';
import type { ExtractResult, SourceContext } from '../../source.js';
import { EXTRACT_STREAM } from '../streams.js';
import { analysedRepositories, assignRepositoryIds, refreshPullRequestTimes } from './derived-fields.js';
import { ExtractBatch } from './extract-batch.js';

/** Raw pages extracted and written per transaction. */
const PAGES_PER_BATCH = 200;

/**
 * Extract a GitHub source's raw pages into core tables, from the page after the last one
 * extracted (all of them after `--full-refresh`, which clears the `extract` cursor). Each batch
 * of pages is written with the moved `extract` cursor in one transaction; re-running over pages
 * already extracted writes the same rows again. Afterwards the rows are matched to analysed
 * repositories and the released phase is applied.
 *
 * @example
 * const result = await extractGithubSource(context, 'github:acme', config);
 */
export async function extractGithubSource(context: SourceContext, sourceId: string, config: GithubSourceConfig): Promise<ExtractResult> {
  const { db } = context;
  const stored = await readCursor(db, sourceId, EXTRACT_STREAM);
  const after = stored?.cursor ? Number(stored.cursor) : 0;
  const rules = authorshipRulesFromConfig(context.config);
  let rows = 0;
  let batch = new ExtractBatch(sourceId, config, rules);
  let lastPageId = after;
  let pagesRead = 0;
  const flush = async () => {
    const current = batch;
    const cursorAt = lastPageId;
    rows += await db.transaction().execute(async (trx) => {
      const written = await current.write(trx);
      await refreshPullRequestTimes(trx, [...current.touchedPulls]);
      await writeCursor(trx, sourceId, EXTRACT_STREAM, { cursor: String(cursorAt), cursorTime: null, details: {} });
      return written;
    });
    batch = new ExtractBatch(sourceId, config, rules);
  };
  for await (const page of readRawPages(db, { sourceId, afterPageId: after, batchSize: PAGES_PER_BATCH })) {
    batch.add(page);
    lastPageId = page.pageId;
    pagesRead += 1;
    if (batch.pages >= PAGES_PER_BATCH) await flush();
  }
  if (batch.pages > 0) await flush();

  await assignRepositoryIds(db, sourceId, await analysedRepositories(db, config.repoMap));
  const released = await applyDeploymentReleases(db, { sourceId, settings: engineSettingsFrom(context.config), now: context.now() });
  const warnings: string[] = [];
  if (released.skipped > 0) {
    warnings.push(
      `${released.skipped} release(s) or production deployment(s) shipped a commit that is not on the analysed default branch's first-parent history; they do not set the released phase`,
    );
  }
  context.logger.info('GitHub source extracted', {
    source: sourceId,
    pages: pagesRead,
    rows,
    releasedRepositories: released.repositories,
    commitsReleasedEarlier: released.commitsReleased,
  });
  return { rows, warnings };
}
