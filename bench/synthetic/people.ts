/**
 * Who commits to the synthetic repository: about forty humans (some under several names and
 * e-mails, as real people are), the usual automation bots and a few AI agents.
 */

import type { SeededRandom } from './seeded-random.js';

/** A git name and e-mail, plus the author's time zone for the date line. */
export interface Signature {
  name: string;
  email: string;
  /** `+HHMM` / `-HHMM` offset git prints after the timestamp. */
  timezone: string;
}

/** The part of the code base an engineer mostly works on. */
export type Focus = 'frontend' | 'java' | 'go' | 'data' | 'infra';

/** A human engineer and the identities they commit under. */
export interface HumanAuthor {
  /** First identity is the usual one; the others appear now and then (laptop, web UI, old address). */
  identities: Signature[];
  focus: Focus;
  /** Relative share of commits (a few people write much of the code). */
  activity: number;
  /** Fraction of the history (0–1) when the person joins and leaves. */
  activeFrom: number;
  activeUntil: number;
}

const FIRST_NAMES = [
  'Anna', 'Ben', 'Chloe', 'Daniel', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya',
  'Liam', 'Mei', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera',
  'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Arjun', 'Bianca', 'Carlos', 'Dana', 'Emeka', 'Freya',
  'Gustavo', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Mateo',
] as const;

const LAST_NAMES = [
  'Schmidt', 'Okafor', 'Nguyen', 'Rossi', 'Yilmaz', 'Haddad', 'Kim', 'Tanaka', 'Silva', 'Berg',
  'Iyer', 'Murphy', 'Chen', 'Cohen', 'Petrova', 'Alves', 'Walsh', 'Garcia', 'Virtanen', 'Singh',
  'Rahman', 'Novak', 'Zhang', 'Lopez', 'Demir', 'Fischer', 'Patel', 'Moretti', 'Santos', 'Levy',
  'Eze', 'Larsen', 'Ferreira', 'Sato', 'Ivanov', 'Weber', 'Mensah', 'Koch', 'Ruiz',
] as const;

const FOCUS_CYCLE: readonly Focus[] = ['frontend', 'java', 'go', 'data', 'frontend', 'java', 'go', 'infra'];
const TIMEZONES = ['+0100', '+0000', '-0500', '+0530', '+0900', '-0800', '+0200', '+0800'] as const;

/** The organisation's e-mail domain (a reserved example domain). */
export const COMPANY_DOMAIN = 'acme.example';

/** Committer of merges and squashes made through GitHub's web interface. */
export const GITHUB_WEB_COMMITTER: Signature = { name: 'GitHub', email: 'noreply@github.com', timezone: '+0000' };

/** Automation bots (a non-AI automation class). */
export const BOTS = {
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', timezone: '+0000' },
  renovate: { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com', timezone: '+0000' },
  githubActions: {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
    timezone: '+0000',
  },
} as const satisfies Record<string, Signature>;

/** AI agents that author commits themselves, each with the branch prefix its tool uses. */
export const AGENTS = [
  {
    signature: { name: 'claude[bot]', email: '209825114+claude[bot]@users.noreply.github.com', timezone: '+0000' },
    branchPrefix: 'claude/',
  },
  {
    signature: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com', timezone: '+0000' },
    branchPrefix: 'copilot/',
  },
  {
    signature: {
      name: 'devin-ai-integration[bot]',
      email: '158243242+devin-ai-integration[bot]@users.noreply.github.com',
      timezone: '+0000',
    },
    branchPrefix: 'devin/',
  },
] as const;

/** Trailers AI coding assistants add to commits they helped write. */
export const AI_CO_AUTHOR_TRAILERS = {
  claude: 'Co-authored-by: Claude <noreply@anthropic.com>',
  copilot: 'Co-authored-by: Copilot <copilot@github.com>',
  cursor: 'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
  aider: 'Co-authored-by: aider (gpt-4o) <noreply@aider.chat>',
} as const;

/** The assistant whose trailer a commit carries. */
export type AiAssistant = keyof typeof AI_CO_AUTHOR_TRAILERS;

function asciiHandle(first: string, last: string): string {
  return `${first}.${last}`.toLowerCase();
}

/**
 * Builds the human roster deterministically from the name lists.
 *
 * @example
 * const authors = buildHumanAuthors(random); // 40 people
 */
export function buildHumanAuthors(random: SeededRandom): HumanAuthor[] {
  const authors: HumanAuthor[] = [];
  for (let i = 0; i < FIRST_NAMES.length; i++) {
    const first = FIRST_NAMES[i]!;
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
    const timezone = TIMEZONES[i % TIMEZONES.length]!;
    const handle = asciiHandle(first, last);
    const identities: Signature[] = [{ name: `${first} ${last}`, email: `${handle}@${COMPANY_DOMAIN}`, timezone }];
    // Why: identity resolution must cope with the same person under several addresses.
    if (i % 4 === 0) identities.push({ name: `${first} ${last}`, email: `${first.toLowerCase()}${last.toLowerCase()}@gmail.com`, timezone });
    if (i % 6 === 1) {
      identities.push({ name: `${first.toLowerCase()}${last.charAt(0).toLowerCase()}`, email: `${31000 + i * 977}+${first.toLowerCase()}${last.toLowerCase()}@users.noreply.github.com`, timezone });
    }
    if (i % 9 === 2) identities.push({ name: `${first.charAt(0)}. ${last}`, email: `${handle}@${COMPANY_DOMAIN}`, timezone });
    // Zipf-like activity: a handful of very active people, a long tail of occasional ones.
    const activity = 1 / (1 + (i % 13)) + random.float() * 0.05;
    const joinsLate = i >= 30;
    const leavesEarly = i % 11 === 5;
    authors.push({
      identities,
      focus: FOCUS_CYCLE[i % FOCUS_CYCLE.length]!,
      activity,
      activeFrom: joinsLate ? 0.2 + random.float() * 0.6 : 0,
      activeUntil: leavesEarly ? 0.3 + random.float() * 0.5 : 1,
    });
  }
  // "Claude" is also a person's name: attribution must never match bare names.
  authors.push({
    identities: [{ name: 'Claude Martin', email: `claude.martin@${COMPANY_DOMAIN}`, timezone: '+0100' }],
    focus: 'java',
    activity: 0.3,
    activeFrom: 0,
    activeUntil: 1,
  });
  return authors;
}
