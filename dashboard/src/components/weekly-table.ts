import { select } from 'd3';
import type { StackWeekRow, WeekRow } from '../../types.js';
import { stackName } from '../charts/stack-chart.js';
import { formatLines, formatPercent, formatWeek } from '../format.js';
import { renderDataTable, type TableColumn } from './data-table.js';

/** A row of the drill-down: a week, for all stacks or one. */
type WeeklyTableRow = WeekRow & { stack?: string };

/** Value of the stack filter meaning "every stack". */
const ALL_STACKS = 'all';

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function linesColumn(key: string, label: string, pick: (row: WeeklyTableRow) => number, title?: string): TableColumn<WeeklyTableRow> {
  return { key, label, value: pick, text: (row) => formatLines(pick(row)), title };
}

const COLUMNS: readonly TableColumn<WeeklyTableRow>[] = [
  { key: 'stack', label: 'Stack', value: (r) => r.stack ?? ALL_STACKS, text: (r) => (r.stack ? stackName(r.stack) : 'All') },
  { key: 'week_start', label: 'Week', value: (r) => r.weekStart, text: (r) => formatWeek(r.weekStart) },
  { key: 'fiscal_year', label: 'FY', value: (r) => r.fiscalYear, text: (r) => (r.fiscalYear === null ? '' : String(r.fiscalYear)), numeric: true, title: 'Fiscal year' },
  linesColumn('commits', 'Commits', (r) => r.commits),
  linesColumn('files', 'Files', (r) => r.files, 'File changes'),
  linesColumn('lines_added', 'Added', (r) => r.linesAdded, 'Lines added'),
  linesColumn('lines_deleted', 'Deleted', (r) => r.linesDeleted, 'Lines deleted'),
  linesColumn('raw_lines', 'Raw changed', (r) => r.rawLines, 'Lines added plus lines deleted'),
  linesColumn('counted_lines', 'Counted', (r) => r.countedLines, 'Lines left after every gate'),
  linesColumn('ec_base', 'EC base', (r) => r.ecBase, 'Effective code before churn and phase'),
  linesColumn('churned_ec', 'Churned EC', (r) => r.churnedEc, 'Effective code churned within the durability window'),
  linesColumn('ec_merged', 'EC merged', (r) => r.ecMerged, 'Effective code merged'),
  linesColumn('ec_durable', 'EC durable', (r) => r.ecDurable, 'Effective code durable'),
  linesColumn('ec_released', 'EC released', (r) => r.ecReleased, 'Effective code released'),
  linesColumn('ec_pending', 'EC pending', (r) => r.ecPending, 'Effective code still inside the durability window'),
  {
    key: 'merged_ratio',
    label: 'Merged ÷ raw',
    value: (r) => ratio(r.ecMerged, r.rawLines),
    text: (r) => formatPercent(ratio(r.ecMerged, r.rawLines)),
    numeric: true,
  },
];

/**
 * Renders the drill-down table behind the tiles: one row per week, newest first, filterable by
 * stack, exportable as CSV (the export holds the rows the filter shows).
 *
 * @example
 * renderWeeklyTable(section, data.weeks, data.stackWeeks);
 */
export function renderWeeklyTable(parent: HTMLElement, weeks: readonly WeekRow[], stackWeeks: readonly StackWeekRow[]): void {
  const newestFirst = <Row extends WeekRow>(rows: readonly Row[]): Row[] => [...rows].reverse();
  const allRows: WeeklyTableRow[] = newestFirst(weeks);
  const stacks = [...new Set(stackWeeks.map((row) => row.stack))];
  const table = renderDataTable(parent, {
    caption: 'Weekly figures, newest week first',
    rows: allRows,
    columns: COLUMNS,
    csvFileName: 'codeledger-weekly.csv',
  });
  if (stacks.length < 2) return;

  const label = select(table.toolbar).insert('label', ':first-child').attr('class', 'filter');
  label.append('span').text('Stack ');
  const options = [{ value: ALL_STACKS, text: 'All stacks' }, ...stacks.map((stack) => ({ value: stack, text: stackName(stack) }))];
  label
    .append('select')
    .attr('name', 'stack')
    .on('change', function () {
      const stack = (this as HTMLSelectElement).value;
      table.update(stack === ALL_STACKS ? allRows : newestFirst(stackWeeks.filter((row) => row.stack === stack)));
    })
    .selectAll('option')
    .data(options)
    .join('option')
    .attr('value', (o) => o.value)
    .text((o) => o.text);
}
