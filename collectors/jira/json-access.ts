/*
 * Small readers for JSON of unknown shape. Jira answers vary by deployment, version and field
 * configuration, so every value is checked where it is read instead of trusted by a cast.
 */

export type JsonRecord = Readonly<Record<string, unknown>>;

/**
 * The value as a plain object, or null.
 *
 * @example
 * asRecord({ a: 1 }); // { a: 1 }
 * asRecord([1]); // null
 */
export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

/**
 * The value as an array (empty when it is not one).
 *
 * @example
 * asArray(null); // []
 */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * An own property of an object as non-empty text (numbers are turned into text), or null.
 * Own properties only: changelog items have a `toString` key, which on an object lacking it
 * would otherwise read `Object.prototype.toString`.
 *
 * @example
 * ownText({ toString: 'Done' }, 'toString'); // 'Done'
 * ownText({}, 'toString'); // null
 */
export function ownText(record: JsonRecord | null, key: string): string | null {
  if (!record || !Object.hasOwn(record, key)) return null;
  const value = record[key];
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * An own property as a finite number (numeric text is accepted), or null.
 *
 * @example
 * ownNumber({ total: '12' }, 'total'); // 12
 */
export function ownNumber(record: JsonRecord | null, key: string): number | null {
  if (!record || !Object.hasOwn(record, key)) return null;
  const value = record[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/**
 * An own property that is an object, or null.
 *
 * @example
 * ownRecord({ fields: { summary: 'x' } }, 'fields'); // { summary: 'x' }
 */
export function ownRecord(record: JsonRecord | null, key: string): JsonRecord | null {
  if (!record || !Object.hasOwn(record, key)) return null;
  return asRecord(record[key]);
}
