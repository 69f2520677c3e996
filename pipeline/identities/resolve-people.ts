import { sql, type Kysely } from 'kysely';
import { createIdentityClassifier } from '../attribution/ai-attribution.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import { bulkInsert } from '../warehouse/bulk-insert.js';
import type { Database } from '../warehouse/database.js';
import { linkPeople, type LinkResult } from './link-people.js';
import { loadRoster, type Roster } from './load-roster.js';
import { teamTableRows } from './team-rows.js';

/**
 * Link every identity in the warehouse (git, GitHub, Jira) to a person and write the roster's
 * teams, memberships and ownership. Everything is recomputed from all stored identities and
 * written in one transaction: core.people (people no identity or roster entry needs any more
 * are removed), core.identities' links, core.commits.author_person_id,
 * core.identity_conflicts, core.teams, core.team_memberships and core.team_ownership (the
 * roster is the source of truth for the last three). Returns the rows written.
 *
 * @example
 * const rows = await resolvePeople(db, config, { logger, now: new Date() });
 * @throws ConfigError when the roster file or the override file is missing or invalid
 */
export async function resolvePeople(db: Kysely<Database>, config: ResolvedConfig, options: { logger: Logger; now: Date }): Promise<number> {
  const roster = await loadRoster(config);
  const linked = await linkStoredIdentities(db, config, roster);
  const teams = teamTableRows(roster, options.now);
  for (const warning of teams.warnings) options.logger.warn('team ownership overlaps', { detail: warning });

  const stored = new Map(linked.records.map((record) => [record.identity_id, record]));
  const rows = await db.transaction().execute(async (trx) => {
    let written = await bulkInsert(
      trx,
      'core.people',
      linked.people.map((person) => ({ person_id: person.personId, display_name: person.displayName, kind: person.kind })),
      { conflict: 'update', key: ['person_id'] },
    );
    written += await bulkInsert(
      trx,
      'core.identities',
      linked.identities.map((link) => {
        const record = stored.get(link.identityId)!;
        return {
          identity_id: link.identityId,
          provider: record.provider,
          external_id: record.external_id,
          person_id: link.personId,
          link_rule: link.rule,
          kind_evidence: link.kindEvidence,
        };
      }),
      { conflict: 'update', key: ['identity_id'] },
    );
    const keep = linked.people.map((person) => person.personId);
    await sql`DELETE FROM core.people WHERE NOT (person_id = ANY(${keep}::text[]))`.execute(trx);
    await sql`
      UPDATE core.commits AS c SET author_person_id = i.person_id
        FROM core.identities AS i
       WHERE i.identity_id = c.author_identity_id
         AND c.author_person_id IS DISTINCT FROM i.person_id`.execute(trx);

    await trx.deleteFrom('core.identity_conflicts').execute();
    written += await bulkInsert(
      trx,
      'core.identity_conflicts',
      linked.conflicts.map((conflict) => ({
        identity_id: conflict.identityId,
        person_id: conflict.personId,
        link_rule: conflict.rule,
        other_person_id: conflict.otherPersonId,
        other_rule: conflict.otherRule,
        evidence: conflict.evidence,
      })),
      { conflict: 'update', key: ['identity_id', 'other_person_id'] },
    );

    await trx.deleteFrom('core.team_ownership').execute();
    await trx.deleteFrom('core.team_memberships').execute();
    await trx.deleteFrom('core.teams').execute();
    written += await bulkInsert(trx, 'core.teams', teams.teams, { conflict: 'update', key: ['team_id'] });
    written += await bulkInsert(trx, 'core.team_memberships', teams.memberships, { conflict: 'update', key: ['membership_id'] });
    written += await bulkInsert(trx, 'core.team_ownership', teams.ownership, { conflict: 'update', key: ['team_id', 'repo_id', 'path_glob'] });
    return written;
  });

  options.logger.info('people resolved', {
    people: linked.people.length,
    identities: linked.identities.length,
    teams: teams.teams.length,
    memberships: teams.memberships.length,
  });
  if (linked.conflicts.length > 0) {
    options.logger.warn('identities point at more than one person; the stronger rule won (see `codeledger identities`)', {
      identities: new Set(linked.conflicts.map((conflict) => conflict.identityId)).size,
    });
  }
  return rows;
}

/** Every stored identity linked to a person, with the rows it was computed from. */
async function linkStoredIdentities(
  db: Kysely<Database>,
  config: ResolvedConfig,
  roster: Roster,
): Promise<LinkResult & { records: { identity_id: string; provider: string; external_id: string }[] }> {
  const records = await db
    .selectFrom('core.identities')
    .select(['identity_id', 'provider', 'external_id', 'name', 'email', 'login', 'last_seen_at'])
    .execute();
  // A PR commit's author login is the host's own matching of the commit e-mail to an account:
  // it ties the commit's git identity (stored with the PR commit, or with the same commit on the
  // analysed branch) to that login.
  const evidence = await sql<{ author_identity_id: string; author_login: string }>`
    SELECT author_identity_id, author_login FROM core.pr_commits
     WHERE author_identity_id IS NOT NULL AND author_login IS NOT NULL
    UNION
    SELECT c.author_identity_id, pc.author_login
      FROM core.pr_commits pc JOIN core.commits c ON c.sha = pc.sha
     WHERE c.author_identity_id IS NOT NULL AND pc.author_login IS NOT NULL`.execute(db);
  const classify = createIdentityClassifier({
    extraBots: config.agents.extraBots,
    extraAgents: config.agents.extraAgents,
    people: roster.people,
  });
  const result = linkPeople({
    identities: records.map((record) => ({
      identityId: record.identity_id,
      provider: record.provider,
      externalId: record.external_id,
      name: record.name,
      email: record.email,
      login: record.login,
      lastSeenAt: record.last_seen_at,
    })),
    loginEvidence: evidence.rows.map((row) => ({ identityId: row.author_identity_id, login: row.author_login })),
    people: roster.people,
    overrides: roster.overrides,
    classify,
  });
  return { ...result, records };
}
