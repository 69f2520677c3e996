import type { Kysely } from 'kysely';
import type { ResolvedConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../warehouse/database.js';

/**
 * Link every identity in the warehouse (git, GitHub, Jira) to a person and write the roster's
 * teams and memberships. Returns the rows written.
 * (Skeleton: the identities and teams work replaces this.)
 */
export async function resolvePeople(
  _db: Kysely<Database>,
  _config: ResolvedConfig,
  _options: { logger: Logger; now: Date },
): Promise<number> {
  return 0;
}
