import { csvFormatRows } from 'd3';
import type { TabularResult } from './warehouse.js';

/**
 * A result as an aligned text table for a terminal: a header, a rule, one line per row
 * (numbers right-aligned, NULL shown empty) and a row count.
 *
 * @example
 * formatTable({ columns: ['repo', 'commits'], rows: [['web', 12]] });
 * // repo | commits
 * // -----+--------
 * // web  |      12
 * // (1 row)
 */
export function formatTable(result: TabularResult): string {
  const { columns, rows } = result;
  const cells = rows.map((row) => columns.map((_, index) => cellText(row[index]).replace(LINE_BREAKS, '\\n')));
  const numeric = columns.map(
    (_, index) => rows.length > 0 && rows.every((row) => row[index] === null || row[index] === undefined || typeof row[index] === 'number'),
  );
  const widths = columns.map((name, index) => cells.reduce((width, row) => Math.max(width, row[index]!.length), name.length));
  const line = (values: readonly string[], alignRight: readonly boolean[]) =>
    values.map((value, index) => (alignRight[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!))).join(' | ').trimEnd();
  const header = line(columns, columns.map(() => false));
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const body = cells.map((row) => line(row, numeric));
  const count = `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`;
  return [header, rule, ...body, count].join('\n') + '\n';
}

/**
 * A result as CSV (RFC 4180 quoting, via d3-dsv): a header line, then one line per row; NULL
 * is an empty field, dates are ISO 8601, JSON values are JSON text.
 *
 * @example
 * formatCsv({ columns: ['repo', 'note'], rows: [['web', 'a, b']] }); // 'repo,note\nweb,"a, b"\n'
 */
export function formatCsv(result: TabularResult): string {
  const lines = [result.columns, ...result.rows.map((row) => result.columns.map((_, index) => cellText(row[index])))];
  return `${csvFormatRows(lines)}\n`;
}

const LINE_BREAKS = /\r?\n/g;

/** A value as text: NULL empty, dates ISO 8601, arrays and objects as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
