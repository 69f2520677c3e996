import { sql, type Kysely } from 'kysely';
import type { Database } from '../warehouse/database.js';

/** A git identity seen in history. */
export interface ObservedIdentity {
  email: string;
  name: string;
  firstSeen: number;
  lastSeen: number;
}

/** The stable id of a git identity: its e-mail, lower-cased (after `.mailmap`). */
export function gitIdentityId(email: string): string {
  return `git:${email.trim().toLowerCase()}`;
}

/** Collects author and committer identities while history streams by. */
export class IdentityCollector {
  private readonly seen = new Map<string, ObservedIdentity>();

  observe(name: string, email: string, time: number): void {
    const key = email.trim().toLowerCase();
    const existing = this.seen.get(key);
    if (existing) {
      existing.lastSeen = Math.max(existing.lastSeen, time);
      existing.firstSeen = Math.min(existing.firstSeen, time);
      existing.name = name || existing.name;
    } else {
      this.seen.set(key, { email: key, name, firstSeen: time, lastSeen: time });
    }
  }

  identities(): ObservedIdentity[] {
    return [...this.seen.values()];
  }
}

// Rows per statement: 7 parameters each stays far below PostgreSQL's 65,535-parameter limit.
const CHUNK = 2_000;

/**
 * Upsert the git identities seen in this run into core.identities. Links to people are left as
 * they are: resolvePeople sets them for every identity once all sources are collected.
 * First and last seen times only ever widen, since an incremental run sees only new commits.
 * Returns the rows written.
 *
 * @example
 * const rows = await writeGitIdentities(db, collector);
 */
export async function writeGitIdentities(db: Kysely<Database>, collector: IdentityCollector): Promise<number> {
  const observed = collector.identities().sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  let written = 0;
  for (let start = 0; start < observed.length; start += CHUNK) {
    const rows = observed.slice(start, start + CHUNK).map((identity) => ({
      identity_id: gitIdentityId(identity.email),
      provider: 'git',
      external_id: identity.email,
      name: identity.name,
      email: identity.email,
      first_seen_at: new Date(identity.firstSeen * 1000),
      last_seen_at: new Date(identity.lastSeen * 1000),
    }));
    const result = await db
      .insertInto('core.identities')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('identity_id').doUpdateSet({
          name: (eb) => eb.ref('excluded.name'),
          email: (eb) => eb.ref('excluded.email'),
          first_seen_at: sql`least(core.identities.first_seen_at, excluded.first_seen_at)`,
          last_seen_at: sql`greatest(core.identities.last_seen_at, excluded.last_seen_at)`,
        }),
      )
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}
