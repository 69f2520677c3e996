import { CompiledQuery, type Kysely } from 'kysely';
import { COLUMN_TYPES, type ColumnSqlType } from './column-types.js';
import type { Database } from './database.js';

/** Options of {@link bulkInsert}. */
export interface BulkInsertOptions {
  /** On a key conflict: keep the stored row (`ignore`) or overwrite its other columns (`update`). */
  conflict: 'ignore' | 'update';
  /** Columns of the primary key or unique constraint that decides conflicts. */
  key: readonly string[];
  /** Rows per statement (default {@link DEFAULT_BULK_INSERT.chunkSize}). */
  chunkSize?: number;
  /**
   * Columns the server computes from each row as it is written: SQL expressions over the
   * written values, named `u.<column>` (every row must then give the columns they read). A row's
   * own value for a derived column is ignored. Trusted SQL only: it is not escaped.
   */
  derived?: Readonly<Record<string, string>>;
}

/**
 * Defaults of {@link bulkInsert}. Why 5,000 rows: a statement then carries a few megabytes of
 * arrays — large enough that per-statement overhead vanishes, small enough that memory stays
 * flat and a failure names a small batch.
 */
export const DEFAULT_BULK_INSERT = Object.freeze({ chunkSize: 5_000 });

/**
 * Inserts many rows with one statement per chunk, whatever the row count:
 * `INSERT INTO t (cols) SELECT … FROM unnest($1::text[], $2::int[], …) ON CONFLICT (key) …`.
 * Each column travels as one array parameter, typed from {@link COLUMN_TYPES}, so there are no
 * per-row parameters and no 65,535-parameter limit.
 *
 * A column a row leaves out (or sets to `undefined`) gets its default on insert and keeps its
 * stored value on update; `null` writes NULL. Rows that leave out different columns are written
 * by one statement per set of columns (usually there is just one). `Date`s are sent as ISO 8601,
 * jsonb values as JSON text (strings are taken to be JSON text already), text[] values as
 * arrays of strings. With `conflict: 'update'`, rows repeating a key within a chunk are
 * collapsed to the last one (PostgreSQL refuses to update a row twice in one statement).
 *
 * Returns the number of rows inserted or updated (ignored conflicts are not counted).
 *
 * @throws when a row has a column the table does not have, or no value at all.
 * @example
 * await bulkInsert(db, 'core.commit_files', files, { conflict: 'update', key: ['commit_id', 'file_path'] });
 */
export async function bulkInsert(
  db: Kysely<Database>,
  table: keyof Database & string,
  rows: readonly object[],
  options: BulkInsertOptions,
): Promise<number> {
  const layout = tableLayout(table);
  for (const key of options.key) {
    if (!layout.index.has(key)) throw new Error(`bulkInsert into ${table}: key column "${key}" is not a column of the table`);
  }
  for (const column of Object.keys(options.derived ?? {})) {
    if (!layout.index.has(column)) throw new Error(`bulkInsert into ${table}: derived column "${column}" is not a column of the table`);
  }
  const chunkSize = options.chunkSize ?? DEFAULT_BULK_INSERT.chunkSize;
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new Error(`bulkInsert: chunkSize must be a positive integer, got ${chunkSize}`);
  let written = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.length <= chunkSize ? rows : rows.slice(start, start + chunkSize);
    written += await insertChunk(db, layout, chunk as ReadonlyArray<Row>, options);
  }
  return written;
}

type Row = Record<string, unknown>;

/** What bulk writes need to know about a table, computed once per table. */
interface TableLayout {
  table: string;
  types: Readonly<Record<string, ColumnSqlType>>;
  /** Column names in table order. */
  columns: readonly string[];
  /** Position of each column, which is also its bit in a row's shape mask. */
  index: ReadonlyMap<string, number>;
}

/** A row's shape is a bit mask of its columns; plain numbers keep 52 bits exactly. */
const MAX_COLUMNS = 52;

const layouts = new Map<string, TableLayout>();

function tableLayout(table: string): TableLayout {
  const cached = layouts.get(table);
  if (cached) return cached;
  const types = (COLUMN_TYPES as Readonly<Record<string, Readonly<Record<string, ColumnSqlType>>>>)[table];
  if (!types) throw new Error(`bulkInsert: ${table} is not a table of the warehouse (views cannot be written)`);
  const columns = Object.keys(types);
  if (columns.length > MAX_COLUMNS) throw new Error(`bulkInsert: ${table} has more than ${MAX_COLUMNS} columns`);
  const layout = { table, types, columns, index: new Map(columns.map((column, i) => [column, i])) };
  layouts.set(table, layout);
  return layout;
}

async function insertChunk(db: Kysely<Database>, layout: TableLayout, chunk: ReadonlyArray<Row>, options: BulkInsertOptions): Promise<number> {
  const rows = options.conflict === 'update' ? lastRowPerKey(chunk, options.key) : chunk;
  let written = 0;
  for (const [mask, group] of groupByShape(layout, rows)) {
    const derived = options.derived;
    const columns = layout.columns.filter((column, i) => Math.floor(mask / 2 ** i) % 2 === 1 && derived?.[column] === undefined);
    const parameters = columns.map((column) => encodeColumn(group, column, layout.types[column]!));
    const statement = insertStatement(layout, columns, options);
    const result = await db.executeQuery(CompiledQuery.raw(statement, parameters));
    written += Number(result.numAffectedRows ?? 0);
  }
  return written;
}

/** Rows grouped by which columns they give a value; rejects unknown columns and empty rows. */
function groupByShape(layout: TableLayout, rows: ReadonlyArray<Row>): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    let mask = 0;
    for (const key in row) {
      const position = layout.index.get(key);
      if (position === undefined) throw new Error(`bulkInsert into ${layout.table}: unknown column "${key}"`);
      if (row[key] !== undefined) mask += 2 ** position;
    }
    if (mask === 0) throw new Error(`bulkInsert into ${layout.table}: a row has no values`);
    const group = groups.get(mask);
    if (group) group.push(row);
    else groups.set(mask, [row]);
  }
  return groups;
}

/** Keeps the last row of each key, in first-seen order. Returns `rows` itself when keys are unique. */
function lastRowPerKey(rows: ReadonlyArray<Row>, key: readonly string[]): ReadonlyArray<Row> {
  const indexByKey = new Map<unknown, number>();
  const kept: Row[] = [];
  for (const row of rows) {
    // A single key column is used as is; composite keys are joined with a separator no id contains.
    let id: unknown = row[key[0]!];
    for (let k = 1; k < key.length; k++) id = `${String(id)}\u0000${String(row[key[k]!])}`;
    const index = indexByKey.get(id);
    if (index === undefined) {
      indexByKey.set(id, kept.length);
      kept.push(row);
    } else {
      kept[index] = row;
    }
  }
  return kept.length === rows.length ? rows : kept;
}

/**
 * One column of the chunk as the text of a PostgreSQL array literal (`{1,NULL,3}`), which the
 * statement casts to the column's array type. Why not let the driver turn a JS array into that
 * text: `pg` escapes element by element through several generic steps, and on wide tables that
 * took most of the time of a bulk write; a loop specialised per column type is several times
 * faster, and both backends then receive the same bytes.
 */
function encodeColumn(rows: ReadonlyArray<Row>, column: string, type: ColumnSqlType): string {
  const elements = new Array<string>(rows.length);
  const encode = ELEMENT_ENCODERS[type];
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i]![column];
    elements[i] = value === undefined || value === null ? 'NULL' : encode(value);
  }
  return `{${elements.join(',')}}`;
}

type ElementEncoder = (value: NonNullable<unknown>) => string;

const encodeNumber: ElementEncoder = (value) =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : quoteElement(String(value));

/** How a non-null value of each column type is written as an array element. */
const ELEMENT_ENCODERS: Readonly<Record<ColumnSqlType, ElementEncoder>> = {
  text: (value) => quoteElement(String(value)),
  int: encodeNumber,
  bigint: encodeNumber,
  numeric: encodeNumber,
  boolean: (value) => (value === true ? 't' : value === false ? 'f' : quoteElement(String(value))),
  // ISO 8601 text has no character that needs quoting.
  timestamptz: (value) => (value instanceof Date ? value.toISOString() : quoteElement(String(value))),
  date: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : quoteElement(String(value))),
  // A string is taken to be JSON text already (Kysely's insert type for jsonb is JSON text).
  jsonb: (value) => quoteElement(typeof value === 'string' ? value : JSON.stringify(value)),
  // A text[] value travels as its own array literal, quoted as one text element and cast back
  // per row: an array of arrays would otherwise be read as a two-dimensional array.
  'text[]': (value) => quoteElement(textArrayLiteral(value)),
};

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED_CHARACTERS = /["\\]/g;

/** A double-quoted array element; quoting keeps commas, braces, spaces and "NULL" literal. */
function quoteElement(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(ESCAPED_CHARACTERS, '\\$&')}"` : `"${text}"`;
}

function textArrayLiteral(value: unknown): string {
  if (!Array.isArray(value)) throw new Error(`bulkInsert: expected an array of strings, got ${typeof value}`);
  const elements = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    elements[i] = item === null || item === undefined ? 'NULL' : quoteElement(String(item));
  }
  return `{${elements.join(',')}}`;
}

/** SQL per table, column set and conflict rule; built once and reused. */
const statementCache = new Map<string, string>();

function insertStatement(layout: TableLayout, columns: readonly string[], options: BulkInsertOptions): string {
  const derived = Object.entries(options.derived ?? {});
  const cacheKey = `${layout.table}|${columns.join(',')}|${options.conflict}|${options.key.join(',')}|${JSON.stringify(derived)}`;
  const cached = statementCache.get(cacheKey);
  if (cached) return cached;
  const quoted = columns.map(quoteIdentifier);
  // `$n::text::type[]`: the parameter is literal text (see encodeColumn), parsed by the server.
  const unnestArguments = columns.map((column, i) => `$${i + 1}::text::${transportType(layout.types[column]!)}[]`);
  const selectList = columns.map((column, i) => (layout.types[column] === 'text[]' ? `u.${quoted[i]}::text[]` : `u.${quoted[i]}`));
  const written = [...quoted, ...derived.map(([column]) => quoteIdentifier(column))];
  for (const [, expression] of derived) selectList.push(expression);
  const keyList = options.key.map(quoteIdentifier).join(', ');
  const updatable = [...columns, ...derived.map(([column]) => column)].filter((column) => !options.key.includes(column));
  const onConflict =
    options.conflict === 'update' && updatable.length > 0
      ? `DO UPDATE SET ${updatable.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}`
      : 'DO NOTHING';
  const statement =
    `INSERT INTO ${quoteQualifiedName(layout.table)} (${written.join(', ')}) ` +
    `SELECT ${selectList.join(', ')} FROM unnest(${unnestArguments.join(', ')}) AS u(${quoted.join(', ')}) ` +
    `ON CONFLICT (${keyList}) ${onConflict}`;
  statementCache.set(cacheKey, statement);
  return statement;
}

/** The element type a column travels as: text[] values travel as array literals in text. */
function transportType(type: ColumnSqlType): string {
  return type === 'text[]' ? 'text' : type;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
