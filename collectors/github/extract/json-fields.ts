import type { JsonValue } from '../../../pipeline/warehouse/database.js';
import { isObject, type JsonObject } from '../list-stream.js';

/*
 * Tolerant readers of API JSON: a field of the wrong type reads as null instead of throwing, so
 * one odd entry never stops an extraction.
 */

export function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export function integer(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
}

export function object(value: JsonValue | undefined): JsonObject | null {
  return isObject(value) ? value : null;
}

export function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A timestamp as ISO text, or null when absent or unparseable. */
export function time(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/** Label names of an issue or pull request. */
export function labelNames(value: JsonValue | undefined): string[] {
  return objects(value)
    .map((label) => text(label.name))
    .filter((name): name is string => name !== null);
}

/** A full 40-hex commit sha, or null (branch names and short shas are not). */
export function fullSha(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && /^[0-9a-f]{40}$/i.test(value) ? value.toLowerCase() : null;
}

/** The trailing number of an API URL (`…/pulls/12` → 12). */
export function trailingNumber(value: JsonValue | undefined): number | null {
  const match = typeof value === 'string' ? /\/(\d+)$/.exec(value) : null;
  return match ? Number(match[1]) : null;
}
