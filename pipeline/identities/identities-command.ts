import type { Kysely } from 'kysely';
import type { ResolvedConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../warehouse/database.js';
import { buildIdentityReport, formatIdentityReport, identityReportCsv } from './identity-report.js';
import { loadRoster } from './load-roster.js';
import { resolvePeople } from './resolve-people.js';

/** Options of `codeledger identities`. */
export interface IdentitiesCommandOptions {
  /** Link identities again with the current roster and override file before reporting. */
  relink?: boolean;
  format: 'text' | 'csv' | 'json';
  logger: Logger;
  now: Date;
}

/**
 * What `codeledger identities` prints: the identity report of the warehouse as text, CSV or JSON.
 * The roster and override file are read (and checked) first, so a problem in them is reported
 * even without `relink`.
 *
 * @example
 * io.stdout.write(await identitiesCommandOutput(warehouse.db, config, { format: 'text', logger, now: new Date() }));
 * @throws ConfigError when the roster file or override file is invalid
 */
export async function identitiesCommandOutput(db: Kysely<Database>, config: ResolvedConfig, options: IdentitiesCommandOptions): Promise<string> {
  const roster = await loadRoster(config);
  if (options.relink) await resolvePeople(db, config, { logger: options.logger, now: options.now });
  const report = await buildIdentityReport(db, roster);
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (options.format === 'csv') return identityReportCsv(report);
  return formatIdentityReport(report);
}
