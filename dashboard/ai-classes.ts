import type { AiClassRow } from './types.js';
import { AI_SHARE_MEASURES, type AiShareMeasure, type AiShareWeekClass } from './view-rows.js';

/** Classes in the order the AI table lists them; classes the pipeline adds later follow alphabetically. */
const AI_CLASS_ORDER = ['human', 'ai_assisted', 'ai_agent', 'bot', 'unknown'];

function aiClassRank(aiClass: string): number {
  const rank = AI_CLASS_ORDER.indexOf(aiClass);
  return rank === -1 ? AI_CLASS_ORDER.length : rank;
}

/**
 * Sums `metrics.ai_share_weekly` per class over the weeks from `from` to `to` (inclusive) and
 * recomputes the shares from the sums: averaging the view's per-repository-week shares would
 * weigh a quiet week like a busy one.
 *
 * @example
 * buildAiClassRows(aiWeeks, '2024-12-16', '2025-03-03')[0].aiClass // 'human'
 */
export function buildAiClassRows(rows: readonly AiShareWeekClass[], from: string, to: string): AiClassRow[] {
  const byClass = new Map<string, Record<AiShareMeasure, number>>();
  for (const row of rows) {
    if (row.week_start < from || row.week_start > to) continue;
    let sums = byClass.get(row.ai_class);
    if (!sums) {
      sums = { commits: 0, lines_added: 0, lines_deleted: 0, ec_merged: 0, ec_durable: 0, churned_lines: 0 };
      byClass.set(row.ai_class, sums);
    }
    for (const measure of AI_SHARE_MEASURES) sums[measure] += row[measure];
  }
  let allCommits = 0;
  let allEcMerged = 0;
  for (const sums of byClass.values()) {
    allCommits += sums.commits;
    allEcMerged += sums.ec_merged;
  }
  return [...byClass.entries()]
    .sort(([a], [b]) => aiClassRank(a) - aiClassRank(b) || a.localeCompare(b))
    .map(([aiClass, sums]) => ({
      aiClass,
      commits: sums.commits,
      linesAdded: sums.lines_added,
      linesDeleted: sums.lines_deleted,
      ecMerged: sums.ec_merged,
      ecDurable: sums.ec_durable,
      churnedLines: sums.churned_lines,
      commitShare: allCommits === 0 ? null : sums.commits / allCommits,
      ecMergedShare: allEcMerged === 0 ? null : sums.ec_merged / allEcMerged,
      churnRate: sums.lines_added === 0 ? null : sums.churned_lines / sums.lines_added,
    }));
}
