import type { AiClassRow } from '../../types.js';
import { formatLines, formatPercent } from '../format.js';
import { renderDataTable } from './data-table.js';
import { renderEmptyState } from './empty-state.js';

/** Readable names of the attribution classes. */
const AI_CLASS_NAMES: Readonly<Record<string, string>> = {
  human: 'Human',
  ai_assisted: 'AI-assisted',
  ai_agent: 'AI agent',
  bot: 'Bot',
  unknown: 'Unknown',
};

/**
 * The display name of an AI-attribution class.
 *
 * @example
 * aiClassName('ai_agent') // 'AI agent'
 */
export function aiClassName(aiClass: string): string {
  return AI_CLASS_NAMES[aiClass] ?? aiClass;
}

/**
 * Renders the AI-attribution table: per class, its commits and effective code with their shares,
 * and how much of what it added churned. Exports as CSV.
 *
 * @example
 * renderAiTable(section, data.ai);
 */
export function renderAiTable(parent: HTMLElement, rows: readonly AiClassRow[]): void {
  if (rows.length === 0) {
    renderEmptyState(parent, 'No attribution data', 'No commits in these weeks have an AI-attribution class yet.');
    return;
  }
  renderDataTable(parent, {
    caption: 'Commits and effective code per attribution class',
    rows,
    csvFileName: 'codeledger-ai-classes.csv',
    columns: [
      { key: 'ai_class', label: 'Class', value: (r) => r.aiClass, text: (r) => aiClassName(r.aiClass) },
      { key: 'commits', label: 'Commits', value: (r) => r.commits, text: (r) => formatLines(r.commits) },
      { key: 'commit_share', label: 'Share of commits', value: (r) => r.commitShare, text: (r) => formatPercent(r.commitShare), numeric: true },
      { key: 'lines_added', label: 'Lines added', value: (r) => r.linesAdded, text: (r) => formatLines(r.linesAdded) },
      { key: 'lines_deleted', label: 'Lines deleted', value: (r) => r.linesDeleted, text: (r) => formatLines(r.linesDeleted) },
      { key: 'ec_merged', label: 'EC merged', value: (r) => r.ecMerged, text: (r) => formatLines(r.ecMerged), title: 'Effective code merged' },
      {
        key: 'ec_merged_share',
        label: 'Share of EC merged',
        value: (r) => r.ecMergedShare,
        text: (r) => formatPercent(r.ecMergedShare),
        numeric: true,
      },
      { key: 'ec_durable', label: 'EC durable', value: (r) => r.ecDurable, text: (r) => formatLines(r.ecDurable), title: 'Effective code durable' },
      { key: 'churned_lines', label: 'Churned lines', value: (r) => r.churnedLines, text: (r) => formatLines(r.churnedLines) },
      {
        key: 'churn_rate',
        label: 'Churn rate',
        value: (r) => r.churnRate,
        text: (r) => formatPercent(r.churnRate),
        numeric: true,
        title: 'Churned lines ÷ lines added',
      },
    ],
  });
}
