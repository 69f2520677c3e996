import pg from 'pg';

/*
 * How column values come back, identical on both backends:
 * - int8 (count(*), sum(int), bigserial) and numeric (weights, sums of weights) as JS numbers.
 *   Both drivers default to strings (or bigint) to avoid precision loss; our figures stay far
 *   below 2^53 and analysts' code expects numbers, so numbers it is.
 * - date as the 'YYYY-MM-DD' text PostgreSQL sends. `pg` would build a Date at local midnight
 *   and PGlite one at UTC midnight, so a week_start would differ between backends and machines.
 * Arrays of those types follow their elements.
 */

/** PostgreSQL type oids whose text form we parse ourselves. */
export const OVERRIDDEN_TYPE_OIDS = Object.freeze({
  int8: 20,
  numeric: 1700,
  date: 1082,
  int8Array: 1016,
  numericArray: 1231,
  dateArray: 1182,
});

type TextParser = (text: string) => unknown;

const parseNumber: TextParser = (text) => Number(text);
const keepText: TextParser = (text) => text;

/**
 * Parsers for PGlite's `parsers` option. PGlite derives array parsers from the element parsers,
 * so only element types are listed.
 *
 * @example
 * const pglite = new PGlite({ parsers: PGLITE_PARSERS });
 */
export const PGLITE_PARSERS: Readonly<Record<number, TextParser>> = Object.freeze({
  [OVERRIDDEN_TYPE_OIDS.int8]: parseNumber,
  [OVERRIDDEN_TYPE_OIDS.numeric]: parseNumber,
  [OVERRIDDEN_TYPE_OIDS.date]: keepText,
});

/** What `pg` accepts as a per-client `types` option. */
export interface PgTypeParsers {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown;
}

/**
 * Per-pool type parsers for `pg`: our overrides first, `pg`'s defaults for everything else. Passing
 * them to one Pool leaves the process-wide defaults of `pg` untouched for other code.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: url, types: createPgTypeParsers() });
 */
export function createPgTypeParsers(): PgTypeParsers {
  // pg's parser for text[] (oid 1009) splits any array literal into (nested) strings and nulls.
  const splitArray = defaultParser(1009, 'text');
  const overrides = new Map<number, (value: string) => unknown>([
    [OVERRIDDEN_TYPE_OIDS.int8, parseNumber],
    [OVERRIDDEN_TYPE_OIDS.numeric, parseNumber],
    [OVERRIDDEN_TYPE_OIDS.date, keepText],
    [OVERRIDDEN_TYPE_OIDS.int8Array, (value) => mapArrayLeaves(splitArray(value), parseNumber)],
    [OVERRIDDEN_TYPE_OIDS.numericArray, (value) => mapArrayLeaves(splitArray(value), parseNumber)],
    [OVERRIDDEN_TYPE_OIDS.dateArray, (value) => splitArray(value)],
  ]);
  return {
    getTypeParser(oid, format = 'text') {
      const override = format === 'text' ? overrides.get(oid) : undefined;
      return override ?? defaultParser(oid, format);
    },
  };
}

/** pg's own parser for a type (its typings only list the built-in oids by name). */
const defaultParser = pg.types.getTypeParser as (oid: number, format: 'text' | 'binary') => (value: string) => unknown;

function mapArrayLeaves(value: unknown, parse: TextParser): unknown {
  if (Array.isArray(value)) return value.map((item) => mapArrayLeaves(item, parse));
  return typeof value === 'string' ? parse(value) : value;
}
