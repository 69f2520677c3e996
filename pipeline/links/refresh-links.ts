import type { Kysely } from 'kysely';
import type { ResolvedConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../warehouse/database.js';

/**
 * Rebuild core.links from ticket keys and references in branches, titles, bodies and commit
 * messages. Returns the rows written.
 * (Skeleton: the links work replaces this.)
 */
export async function refreshLinks(
  _db: Kysely<Database>,
  _config: ResolvedConfig,
  _options: { logger: Logger },
): Promise<number> {
  return 0;
}
