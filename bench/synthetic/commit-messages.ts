/**
 * Commit messages as teams write them: mostly conventional-commit subjects with scopes,
 * some free-form ones, ticket keys, PR numbers from squash merges, bodies and trailers.
 */

import type { SeededRandom } from './seeded-random.js';
import { ADJECTIVES, NOUNS, STATES, VERBS, camelCase, capitalize, gerund, plural, sentence } from './vocabulary.js';

/** Conventional-commit types the generator uses. */
export type CommitType = 'feat' | 'fix' | 'refactor' | 'perf' | 'test' | 'docs' | 'style' | 'chore' | 'ci' | 'build';

/** What a commit did, before it is worded. */
export interface CommitIntent {
  type: CommitType;
  scope?: string;
  /** Lower-case description without a trailing period. */
  description: string;
  /** Exact subject and body, for tools whose messages have a fixed format (bots, releases). */
  subject?: string;
  body?: string;
}

const NON_SLUG = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-|-$/g;

/** Ticket project key used in subjects and branch names. */
export const TICKET_PROJECT = 'SHOP';

function thing(random: SeededRandom): string {
  return random.pick(['filter', 'export', 'summary', 'validation', 'pagination', 'retry policy', 'cache', 'totals', 'search', 'webhook', 'audit log']);
}

/** A description for a commit of `type`. */
export function describe(random: SeededRandom, type: CommitType): string {
  const noun = random.pick(NOUNS);
  const fn = camelCase([random.pick(VERBS), random.pick(NOUNS)]);
  switch (type) {
    case 'feat': return random.pick([`add ${noun} ${thing(random)}`, `support ${random.pick(ADJECTIVES)} ${plural(noun)}`, `show ${noun} ${thing(random)} on dashboard`, `allow ${gerund(random.pick(VERBS))} ${plural(noun)} in bulk`]);
    case 'fix': return random.pick([`handle ${random.pick(ADJECTIVES)} ${noun} in ${fn}`, `avoid duplicate ${noun} ${thing(random)}`, `correct ${noun} rounding`, `prevent crash when ${noun} list is empty`, `keep ${noun} status ${random.pick(STATES)} after retry`]);
    case 'refactor': return random.pick([`extract ${noun} ${thing(random)}`, `simplify ${fn}`, `split ${noun} service`, `rename ${fn} helpers`]);
    case 'perf': return random.pick([`cache ${noun} lookups`, `batch ${noun} queries`, `avoid n+1 queries in ${fn}`]);
    case 'test': return random.pick([`cover ${random.pick(ADJECTIVES)} ${noun} case`, `add tests for ${fn}`, `stabilise flaky ${noun} test`]);
    case 'docs': return random.pick([`document ${noun} ${thing(random)}`, `update README for ${plural(noun)}`, `explain ${noun} lifecycle`]);
    case 'style': return `reformat ${noun} code`;
    case 'chore': return random.pick([`tidy ${noun} module`, `remove unused ${noun} helpers`, `update ${noun} fixtures`]);
    case 'ci': return random.pick([`cache dependencies in ${noun} workflow`, `run ${noun} tests in parallel`, `pin runner image`]);
    case 'build': return random.pick([`update ${noun} build config`, 'bump node to 20 in Dockerfile', 'enable incremental builds']);
  }
}

/** A ticket key such as `SHOP-412`, growing slowly over the history. */
export function ticketKey(random: SeededRandom, progress: number): string {
  return `${TICKET_PROJECT}-${Math.max(1, Math.round(progress * 2400) + random.int(-40, 40))}`;
}

/**
 * A subject line: conventional most of the time, free-form now and then, sometimes with a
 * ticket key.
 */
export function subjectFor(random: SeededRandom, intent: CommitIntent, progress: number): string {
  const ticket = random.chance(0.25) ? ` (${ticketKey(random, progress)})` : '';
  if (random.chance(0.12)) {
    return random.pick([`${capitalize(intent.description)}${ticket}`, `${capitalize(intent.description)}`, 'WIP', 'Address review comments', `Fix ${random.pick(NOUNS)} typo`]);
  }
  const scope = intent.scope ? `(${intent.scope})` : '';
  return `${intent.type}${scope}: ${intent.description}${ticket}`;
}

/** An optional body of one or two short paragraphs. */
export function bodyFor(random: SeededRandom): string {
  if (!random.chance(0.35)) return '';
  const first = `${sentence(random, 6, 16)}. ${sentence(random, 5, 12)}.`;
  return random.chance(0.3) ? `${first}\n\n${sentence(random, 6, 14)}.` : first;
}

/** Joins subject, body and trailers into a full message ending with a newline. */
export function joinMessage(subject: string, body: string, trailers: readonly string[]): string {
  let message = subject;
  if (body) message += `\n\n${body}`;
  if (trailers.length > 0) message += `\n\n${trailers.join('\n')}`;
  return `${message}\n`;
}

/** A branch name for a pull request, e.g. `feature/SHOP-412-refund-filter`. */
export function branchName(random: SeededRandom, intent: CommitIntent, progress: number, prefix?: string): string {
  const slug = intent.description.toLowerCase().replace(NON_SLUG, '-').replace(EDGE_DASHES, '').slice(0, 40);
  if (prefix) return `${prefix}${slug}`;
  const kind = intent.type === 'fix' ? 'fix' : intent.type === 'feat' ? 'feature' : 'chore';
  return random.chance(0.6) ? `${kind}/${ticketKey(random, progress)}-${slug}` : `${kind}/${slug}`;
}
