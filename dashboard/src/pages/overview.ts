import { select } from 'd3';
import type { DashboardData } from '../../types.js';
import { renderStackChart } from '../charts/stack-chart.js';
import type { Tooltip } from '../charts/tooltip.js';
import { renderWaterfallChart } from '../charts/waterfall-chart.js';
import { renderWeeklyChart } from '../charts/weekly-chart.js';
import { renderAiTable } from '../components/ai-table.js';
import { renderEmptyState } from '../components/empty-state.js';
import { renderNotesList } from '../components/notes-list.js';
import { renderPageHeader } from '../components/page-header.js';
import { appendSection } from '../components/section.js';
import { renderTileGrid } from '../components/tile-grid.js';
import { renderWeeklyTable } from '../components/weekly-table.js';
import { formatDate, formatWeekEnd } from '../format.js';

/**
 * Renders the overview page: header, headline tiles, weekly chart, waterfall, stack split, AI
 * table, the weekly drill-down and the notes. With no data, it says so instead of drawing empty
 * charts.
 *
 * @example
 * renderOverviewPage(document.getElementById('app')!, data, createTooltip(document.body));
 */
export function renderOverviewPage(root: HTMLElement, data: DashboardData, tooltip: Tooltip): void {
  renderPageHeader(root, data);
  const main = select(root).append('main').attr('class', 'content').node()!;
  const period = data.period;

  if (!period || data.weeks.length === 0) {
    const section = appendSection(main, { id: 'no-data', title: 'No data yet' });
    renderEmptyState(
      section,
      'Nothing to show yet',
      'The warehouse holds no effective-code figures for complete weeks. Charts appear after the first run over merged commits.',
    );
    renderNotesList(section, data.notes);
    return;
  }

  const windowText = `the last ${period.windowWeeks} complete weeks (${formatDate(period.windowStart)} to ${formatWeekEnd(period.lastCompleteWeek)})`;

  const tiles = appendSection(main, { id: 'headline', title: 'Headline figures', className: 'card-plain' });
  renderTileGrid(tiles, data.tiles, period.windowWeeks);

  renderWeeklyChart(
    appendSection(main, {
      id: 'weekly-chart',
      title: 'Effective versus raw code per week',
      lead: 'Raw changed lines (bars) against effective code merged, durable and released (lines), on one scale.',
    }),
    data.weeks,
    tooltip,
  );

  const pair = select(main).append('div').attr('class', 'card-pair').node()!;
  const waterfall = appendSection(pair, {
    id: 'waterfall',
    title: 'From raw changed lines to effective code',
    lead: `Over ${windowText}: what each rule removes or weighs.`,
  });
  renderWaterfallChart(waterfall, data.waterfall, data.waterfallMarks, tooltip);

  const stacks = appendSection(pair, { id: 'stacks', title: 'By stack', lead: `Over ${windowText}.` });
  if (data.stacks.length === 0) renderEmptyState(stacks, 'No changes', 'No stack changed in these weeks.');
  else renderStackChart(stacks, data.stacks, tooltip);

  renderAiTable(
    appendSection(main, {
      id: 'ai',
      title: 'AI attribution',
      lead: `Over ${windowText}. A diagnostic, never a target; the AI share found in git history is a lower bound, since inline completions leave no trace.`,
    }),
    data.ai,
  );

  renderWeeklyTable(
    appendSection(main, { id: 'weekly-table', title: 'Weekly numbers', lead: 'The figures behind the tiles and charts.' }),
    data.weeks,
    data.stackWeeks,
  );

  renderNotesList(appendSection(main, { id: 'notes', title: 'About these numbers' }), data.notes);
}
