import { sql, type Kysely } from 'kysely';
import { createIdentityMatcher, type IdentityRules } from '../../../pipeline/attribution/identity-matcher.js';
import type { Database } from '../../../pipeline/warehouse/database.js';
import { bulkInsert } from '../../../pipeline/warehouse/bulk-insert.js';

/** A GitHub account as one API answer shows it. */
export interface GithubAccount {
  login: string;
  /** Numeric account id. */
  id?: number | null;
  /** `User`, `Bot`, `Organization`, `Mannequin` (REST `type`, GraphQL `__typename`). */
  type?: string | null;
  /** Git name and e-mail, when the account authored a commit. */
  name?: string | null;
  email?: string | null;
  /** When the account was seen acting (for first/last seen). */
  at?: string | null;
}

/**
 * The identity id of a GitHub login.
 *
 * @example
 * githubIdentityId('Octocat'); // 'github:octocat'
 */
export function githubIdentityId(login: string): string {
  return `github:${login.toLowerCase()}`;
}

/**
 * GraphQL names app accounts without the `[bot]` suffix REST shows (`dependabot` vs
 * `dependabot[bot]`); ids must agree whichever API saw the account, so the REST form is used.
 *
 * @example
 * restLogin('dependabot', 'Bot'); // 'dependabot[bot]'
 */
export function restLogin(login: string, type: string | null | undefined): string {
  return type === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}

interface Entry {
  login: string;
  id: number | null;
  type: string | null;
  name: string | null;
  email: string | null;
  first: number | null;
  last: number | null;
}

/**
 * Collects the GitHub accounts seen while extracting a batch of pages, merges what each answer
 * tells about them, classifies them (human, bot, AI agent, with evidence) and writes them to
 * core.identities. The person link (`person_id`, `link_rule`) is never written here: people are
 * resolved by another step, and its links must survive re-extraction.
 */
export class IdentityBook {
  private readonly entries = new Map<string, Entry>();
  private readonly match: ReturnType<typeof createIdentityMatcher>;

  constructor(
    private readonly sourceId: string,
    rules: IdentityRules,
  ) {
    this.match = createIdentityMatcher(rules);
  }

  /** Record an account; returns its identity id, or null when there is no account (deleted user). */
  see(account: GithubAccount | null): string | null {
    if (!account || !account.login) return null;
    const login = restLogin(account.login, account.type);
    const key = githubIdentityId(login);
    const at = account.at ? Date.parse(account.at) : Number.NaN;
    const entry = this.entries.get(key) ?? { login, id: null, type: null, name: null, email: null, first: null, last: null };
    entry.login = login;
    entry.id = account.id ?? entry.id;
    entry.type = account.type ?? entry.type;
    entry.name = account.name || entry.name;
    entry.email = account.email || entry.email;
    if (!Number.isNaN(at)) {
      entry.first = entry.first === null ? at : Math.min(entry.first, at);
      entry.last = entry.last === null ? at : Math.max(entry.last, at);
    }
    this.entries.set(key, entry);
    return key;
  }

  /** Whether an account is automation (a bot or an AI agent), for review pickup rules. */
  isAutomation(account: GithubAccount | null): boolean {
    if (!account || !account.login) return false;
    return this.kindEvidence(account) !== null;
  }

  /** The login as REST spells it (see {@link restLogin}). */
  loginOf(account: GithubAccount): string {
    return restLogin(account.login, account.type);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Write the accounts seen (upsert by identity id; first/last seen only ever widen). */
  async write(db: Kysely<Database>): Promise<number> {
    if (this.entries.size === 0) return 0;
    const rows = [...this.entries].map(([identityId, entry]) => ({
      identity_id: identityId,
      provider: 'github',
      external_id: entry.id === null ? entry.login : String(entry.id),
      login: entry.login,
      source_id: this.sourceId,
      // Left out when unknown, so a name or e-mail learned earlier is kept.
      name: entry.name ?? undefined,
      email: entry.email ?? undefined,
      kind_evidence: this.kindEvidence({ login: entry.login, type: entry.type, name: entry.name, email: entry.email }),
    }));
    const written = await bulkInsert(db, 'core.identities', rows, { conflict: 'update', key: ['identity_id'] });
    const seen = [...this.entries].filter(([, entry]) => entry.first !== null);
    if (seen.length > 0) {
      const ids = seen.map(([identityId]) => identityId);
      const firsts = seen.map(([, entry]) => new Date(entry.first!).toISOString());
      const lasts = seen.map(([, entry]) => new Date(entry.last!).toISOString());
      await sql`
        UPDATE core.identities AS i
           SET first_seen_at = least(i.first_seen_at, v.first_seen),
               last_seen_at = greatest(i.last_seen_at, v.last_seen)
          FROM unnest(${ids}::text[], ${firsts}::timestamptz[], ${lasts}::timestamptz[]) AS v(identity_id, first_seen, last_seen)
         WHERE i.identity_id = v.identity_id
           AND (i.first_seen_at IS DISTINCT FROM least(i.first_seen_at, v.first_seen)
                OR i.last_seen_at IS DISTINCT FROM greatest(i.last_seen_at, v.last_seen))`.execute(db);
    }
    return written;
  }

  private kindEvidence(account: GithubAccount): string | null {
    const login = restLogin(account.login, account.type);
    const match = this.match({ name: account.name ?? null, email: account.email ?? null, login });
    if (match) return `${match.rule}: ${match.value}`;
    // Why: GitHub marks app and machine accounts with type Bot even when the login does not say so.
    if (account.type === 'Bot') return `type: Bot (${login})`;
    return null;
  }
}
