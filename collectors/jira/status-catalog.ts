import type { StatusCategory } from '../../pipeline/warehouse/delivery-tables.js';
import { asArray, asRecord, ownRecord, ownText } from './json-access.js';
import { normaliseName } from './names.js';

/** Status id and name → category, from `/rest/api/2/status`. */
export interface StatusCatalog {
  categoryOf(status: { id: string | null; name: string | null }): StatusCategory | null;
}

const CATEGORIES: ReadonlySet<string> = new Set(['new', 'indeterminate', 'done']);

/**
 * A status category key as the warehouse stores it (`new`, `indeterminate`, `done`), or null
 * (Jira's `undefined` category and anything unknown).
 *
 * @example
 * statusCategoryOf('indeterminate'); // 'indeterminate'
 * statusCategoryOf('undefined'); // null
 */
export function statusCategoryOf(key: string | null): StatusCategory | null {
  return key !== null && CATEGORIES.has(key) ? (key as StatusCategory) : null;
}

/**
 * The catalog of a `/rest/api/2/status` answer. Ids win over names: team-managed projects can
 * have their own statuses with a shared name.
 *
 * @example
 * statusCatalog([{ id: '3', name: 'In Arbeit', statusCategory: { key: 'indeterminate' } }]).categoryOf({ id: '3', name: null }); // 'indeterminate'
 */
export function statusCatalog(body: unknown): StatusCatalog {
  const byId = new Map<string, StatusCategory>();
  const byName = new Map<string, StatusCategory>();
  for (const item of asArray(body)) {
    const status = asRecord(item);
    const category = statusCategoryOf(ownText(ownRecord(status, 'statusCategory'), 'key'));
    if (!category) continue;
    const id = ownText(status, 'id');
    const name = ownText(status, 'name');
    if (id !== null) byId.set(id, category);
    if (name !== null && !byName.has(normaliseName(name))) byName.set(normaliseName(name), category);
  }
  return {
    categoryOf({ id, name }) {
      return (id !== null ? byId.get(id) : undefined) ?? (name !== null ? byName.get(normaliseName(name)) : undefined) ?? null;
    },
  };
}
