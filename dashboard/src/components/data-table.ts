import { select, type Selection } from 'd3';
import { downloadText, toCsv, type CsvColumn } from '../csv-export.js';

/** A column of a data table. */
export interface TableColumn<Row> extends CsvColumn<Row> {
  /** Visible header. */
  label: string;
  /** Display text of the cell; defaults to the value as text. The CSV always gets the value. */
  text?: (row: Row) => string;
  /** Right-aligned with tabular figures. Defaults to true for number values. */
  numeric?: boolean;
  /** Tooltip of the header: what the column means. */
  title?: string;
}

interface TableCell<Row> {
  column: TableColumn<Row>;
  row: Row;
  value: string | number | null;
}

/** Whether a column holds numbers: as declared, else judged from its first value. */
function isNumericColumn<Row>(column: TableColumn<Row>, rows: readonly Row[]): boolean {
  if (column.numeric !== undefined) return column.numeric;
  return rows.length > 0 && typeof column.value(rows[0]!) === 'number';
}

/** Options of {@link renderDataTable}. */
export interface DataTableOptions<Row> {
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** When set, an "Export CSV" button downloads the rows shown under this file name. */
  csvFileName?: string;
}

/** A rendered table whose rows can be replaced (filters) and whose toolbar can take more controls. */
export interface DataTable<Row> {
  toolbar: HTMLElement;
  update(rows: readonly Row[]): void;
}

/**
 * Renders a table (scrolling sideways on narrow screens), optionally with CSV export of the rows
 * it shows. Every drill-down on the page uses it, so every table exports the same way.
 *
 * @example
 * renderDataTable(section, { caption: 'Weekly numbers', columns, rows: data.weeks, csvFileName: 'weekly.csv' });
 */
export function renderDataTable<Row>(container: HTMLElement, options: DataTableOptions<Row>): DataTable<Row> {
  let rows = options.rows;
  const toolbar = select(container).append('div').attr('class', 'table-toolbar');
  if (options.csvFileName) {
    const fileName = options.csvFileName;
    toolbar
      .append('button')
      .attr('type', 'button')
      .attr('class', 'button csv-export')
      .text('Export CSV')
      .on('click', () => downloadText(fileName, toCsv(options.columns, rows), 'text/csv'));
  }
  const table = select(container).append('div').attr('class', 'table-scroll').append('table').attr('class', 'data-table');
  table.append('caption').text(options.caption);
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(options.columns)
    .join('th')
    .attr('scope', 'col')
    .attr('title', (column) => column.title ?? null)
    .classed('numeric', (column) => isNumericColumn(column, rows))
    .text((column) => column.label);
  const body = table.append('tbody');

  const draw = (): void => {
    const tr = body.selectAll<HTMLTableRowElement, Row>('tr').data(rows).join('tr');
    tr.selectAll<HTMLTableCellElement, TableCell<Row>>('td')
      .data((row) => options.columns.map((column): TableCell<Row> => ({ column, row, value: column.value(row) })))
      .join('td')
      .classed('numeric', (cell) => cell.column.numeric ?? typeof cell.value === 'number')
      .text((cell) => (cell.column.text ? cell.column.text(cell.row) : String(cell.value ?? '')));
  };
  draw();
  return {
    toolbar: toolbar.node()!,
    update(next) {
      rows = next;
      draw();
    },
  };
}

/** Appends a `<details>` disclosure holding a chart's numbers as a table (the accessible fallback). */
export function appendTableDisclosure(container: HTMLElement, summary: string): Selection<HTMLDetailsElement, unknown, null, undefined> {
  const details = select(container).append('details').attr('class', 'chart-table');
  details.append('summary').text(summary);
  return details;
}
