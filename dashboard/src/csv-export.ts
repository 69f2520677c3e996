import { csvFormat } from 'd3';

/** A column of an exported table: its CSV header and how to read a row's value. */
export interface CsvColumn<Row> {
  key: string;
  value: (row: Row) => string | number | null;
}

/** Decimals kept for fractional numbers: effective lines are weighted sums with float noise. */
const CSV_DECIMALS = 4;
const CSV_SCALE = 10 ** CSV_DECIMALS;

function csvValue(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number' && !Number.isInteger(value)) return Math.round(value * CSV_SCALE) / CSV_SCALE;
  return value;
}

/**
 * Formats rows as CSV with one column per `columns` entry, headed by its key. Values are raw
 * numbers (not the page's formatted text), so spreadsheets can compute with them.
 *
 * @example
 * toCsv([{ key: 'week_start', value: (w) => w.weekStart }], weeks) // 'week_start\n2025-03-03\n…'
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const records = rows.map((row) => {
    const record: Record<string, string | number> = {};
    for (const column of columns) record[column.key] = csvValue(column.value(row));
    return record;
  });
  return csvFormat(
    records,
    columns.map((column) => column.key),
  );
}

/**
 * Offers text as a file download (works on `file://` pages: no server involved).
 *
 * @example
 * downloadText('weekly.csv', csv, 'text/csv');
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download may not have started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
