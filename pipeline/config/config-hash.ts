import { createHash } from 'node:crypto';
import type { ResolvedConfig } from './types.js';

/**
 * JSON with object keys sorted at every level, so equal values always give equal text
 * whatever order their keys were written in. Array order is kept (it is meaningful: the first
 * matching rule wins).
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

// Bump when the set of hashed settings changes, so old and new hashes never collide.
const HASH_LAYOUT_VERSION = 1;

/**
 * The settings that change metric values: weights, thresholds, calendar, identity rules, and each
 * repository's classification rules and owning team (by repository name). Where data lives (paths, URLs, the
 * warehouse) and how it is shown (dashboard, privacy, schedule) are left out, so moving a clone
 * does not change the hash.
 */
function metricSettings(config: ResolvedConfig): unknown {
  return {
    layout: HASH_LAYOUT_VERSION,
    weights: { ...config.weights, preset: undefined },
    thresholds: config.thresholds,
    calendar: config.calendar,
    agents: config.agents,
    people: [...config.people]
      .map((person) => ({ kind: person.kind, emails: [...person.emails].sort() }))
      .sort((a, b) => (a.emails[0]! < b.emails[0]! ? -1 : 1)),
    repos: [...config.repos]
      .map((repo) => ({
        name: repo.name,
        stack: repo.stack,
        team: repo.team,
        releaseTagPattern: repo.releaseTagPattern,
        kinds: repo.kinds,
        stacks: repo.stacks,
        exclude: repo.exclude,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/**
 * SHA-256 (hex) of everything in the configuration that affects metric values, stored with
 * every computed figure so numbers from different settings are never mixed.
 *
 * @example
 * configHash(parseConfig('weights: { preset: raw }', { baseDir })) !== configHash(defaultConfig({ baseDir })); // true
 */
export function configHash(config: ResolvedConfig): string {
  return createHash('sha256').update(canonicalJson(metricSettings(config))).digest('hex');
}
