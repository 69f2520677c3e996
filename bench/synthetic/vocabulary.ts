/**
 * Words the synthetic code base is written with. A deliberately small vocabulary makes the
 * same identifiers recur across files, as they do in a real product, so find/replace and
 * copy/paste have something to find.
 */

import type { SeededRandom } from './seeded-random.js';

/** Domain nouns of an imaginary commerce product. */
export const NOUNS = [
  'order', 'invoice', 'payment', 'account', 'session', 'cart', 'product', 'shipment', 'report',
  'metric', 'event', 'ticket', 'customer', 'address', 'price', 'discount', 'token', 'profile',
  'plan', 'subscription', 'inventory', 'warehouse', 'region', 'currency', 'ledger', 'batch',
  'job', 'queue', 'schedule', 'refund', 'coupon', 'vendor', 'catalog', 'supplier', 'receipt',
  'tax', 'rate', 'quote', 'contract', 'user', 'team', 'role', 'permission', 'audit', 'webhook',
  'notification', 'channel', 'transfer', 'upload', 'record', 'item', 'line', 'entry', 'balance',
] as const;

/** Verbs for function names. */
export const VERBS = [
  'get', 'load', 'fetch', 'update', 'create', 'delete', 'validate', 'compute', 'build', 'parse',
  'format', 'render', 'sync', 'apply', 'resolve', 'merge', 'filter', 'sort', 'map', 'normalize',
  'handle', 'process', 'emit', 'notify', 'retry', 'schedule', 'find', 'save', 'check', 'calculate',
  'refresh', 'archive', 'export', 'import', 'reconcile', 'assign', 'cancel', 'approve',
] as const;

/** Qualifiers for variable names. */
export const ADJECTIVES = [
  'active', 'pending', 'total', 'current', 'next', 'previous', 'default', 'cached', 'raw',
  'valid', 'expired', 'open', 'closed', 'primary', 'remote', 'local', 'last', 'first', 'max',
  'min', 'base', 'net', 'gross', 'daily', 'monthly', 'unpaid', 'overdue', 'visible',
] as const;

/** Status-like string literals. */
export const STATES = [
  'pending', 'active', 'paid', 'failed', 'cancelled', 'draft', 'shipped', 'refunded', 'expired',
  'archived', 'open', 'closed', 'queued', 'running', 'done',
] as const;

/** Words for prose: commit bodies, comments, documentation. */
export const PROSE = [
  'the', 'a', 'when', 'after', 'before', 'each', 'every', 'so', 'that', 'we', 'now', 'no', 'longer',
  'keeps', 'returns', 'checks', 'value', 'list', 'request', 'response', 'client', 'server', 'cache',
  'retries', 'timeout', 'limit', 'page', 'query', 'field', 'state', 'error', 'edge', 'case',
  'handles', 'missing', 'empty', 'duplicate', 'stale', 'slow', 'large', 'small', 'rounding',
  'currency', 'timezone', 'totals', 'batch', 'export', 'report', 'customer', 'order', 'invoice',
  'payment', 'is', 'are', 'with', 'without', 'from', 'into', 'for', 'on', 'in', 'of', 'to',
] as const;

/** English plural of a noun: `order` → `orders`, `tax` → `taxes`, `currency` → `currencies`. */
export function plural(noun: string): string {
  if (noun.endsWith('y') && !'aeiou'.includes(noun.charAt(noun.length - 2))) return `${noun.slice(0, -1)}ies`;
  if (noun.endsWith('s') || noun.endsWith('x') || noun.endsWith('ch') || noun.endsWith('sh')) return `${noun}es`;
  return `${noun}s`;
}

/** The -ing form of a verb: `map` → `mapping`, `create` → `creating`, `sync` → `syncing`. */
export function gerund(verb: string): string {
  if (verb.endsWith('e') && !verb.endsWith('ee')) return `${verb.slice(0, -1)}ing`;
  const last = verb.charAt(verb.length - 1);
  const beforeLast = verb.charAt(verb.length - 2);
  // Short consonant-vowel-consonant verbs double the final consonant (get → getting).
  if (verb.length <= 3 && !'aeiouwxy'.includes(last) && 'aeiou'.includes(beforeLast)) return `${verb}${last}ing`;
  return `${verb}ing`;
}

/** {@link NOUNS} in the plural, for collections. */
export const PLURAL_NOUNS: readonly string[] = NOUNS.map(plural);

/** Capitalises the first letter: `order` → `Order`. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Joins words in camelCase: `['load', 'order']` → `loadOrder`. */
export function camelCase(words: readonly string[]): string {
  let result = words[0] ?? '';
  for (let i = 1; i < words.length; i++) result += capitalize(words[i]!);
  return result;
}

/** Joins words in PascalCase: `['order', 'service']` → `OrderService`. */
export function pascalCase(words: readonly string[]): string {
  let result = '';
  for (const word of words) result += capitalize(word);
  return result;
}

/** Joins words in snake_case: `['load', 'order']` → `load_order`. */
export function snakeCase(words: readonly string[]): string {
  return words.join('_');
}

/** Joins words in kebab-case: `['order', 'list']` → `order-list`. */
export function kebabCase(words: readonly string[]): string {
  return words.join('-');
}

/** A sentence of `min`–`max` prose words, capitalised, without a final period. */
export function sentence(random: SeededRandom, min: number, max: number): string {
  const count = random.int(min, max);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(random.pick(PROSE));
  return capitalize(words.join(' '));
}
