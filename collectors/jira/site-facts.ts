import type { JiraDeployment } from '../../pipeline/config/jira-config.js';
import type { JiraHttp } from './jira-http.js';
import { asRecord, ownRecord, ownText } from './json-access.js';
import type { RawPageWriter } from './raw-page-writer.js';
import type { Deployment } from './search-api.js';
import { isKnownTimeZone } from './site-time.js';
import { RAW_STREAM } from './streams.js';

/** What the collector needs to know about a site before searching it. */
export interface SiteFacts {
  deployment: Deployment;
  /** IANA zone JQL dates are read in. */
  timeZone: string;
  /** Where the zone came from, for the log. */
  timeZoneSource: 'user profile' | 'server default' | 'fallback UTC';
  /**
   * How far before the last seen update an incremental search starts: one minute (JQL has
   * minute precision), or fourteen hours more when the zone had to be guessed (no zone is
   * further than that from UTC), so a wrong guess fetches more, never less.
   */
  overlapMinutes: number;
  /** Problems worth a warning (a zone that had to be guessed). */
  warnings: string[];
}

/**
 * Ask the site what it is and which time zone its JQL uses, storing both answers as raw pages.
 *
 * Why `/myself`: Jira reads the dates of a JQL query in the time zone of the user running it
 * (the profile zone of the account whose credential we use), which can differ from the server's
 * default. `serverInfo.serverTimeZone` (Data Center) is only the fallback when the profile has
 * none, then UTC with a warning.
 *
 * @example
 * const facts = await readSiteFacts(http, 'auto', writer); // { deployment: 'cloud', timeZone: 'Europe/Berlin', ... }
 */
export async function readSiteFacts(http: JiraHttp, configured: JiraDeployment, writer: RawPageWriter): Promise<SiteFacts> {
  const serverInfo = await http.send({ method: 'GET', path: '/rest/api/2/serverInfo' });
  await writer.save(RAW_STREAM.serverInfo, serverInfo, {}, null);
  const info = asRecord(serverInfo.body);
  const deploymentType = ownText(info, 'deploymentType');
  const deployment: Deployment =
    configured === 'auto' ? (deploymentType?.toLowerCase() === 'cloud' ? 'cloud' : 'datacenter') : configured;

  const myself = await http.send({ method: 'GET', path: '/rest/api/2/myself' });
  await writer.save(RAW_STREAM.myself, myself, {}, null);
  const profileZone = ownText(asRecord(myself.body), 'timeZone');
  const serverZone = ownText(ownRecord(info, 'serverTimeZone'), 'id');
  const warnings: string[] = [];
  if (profileZone && isKnownTimeZone(profileZone)) {
    return { deployment, timeZone: profileZone, timeZoneSource: 'user profile', overlapMinutes: 1, warnings };
  }
  if (serverZone && isKnownTimeZone(serverZone)) {
    return { deployment, timeZone: serverZone, timeZoneSource: 'server default', overlapMinutes: 1, warnings };
  }
  warnings.push(
    `the Jira account's time zone is ${profileZone ? `unknown here ("${profileZone}")` : 'not visible'}; JQL dates are written in UTC ` +
      'and incremental searches start 14 hours early, so they fetch more issues again than needed (never fewer)',
  );
  return { deployment, timeZone: 'UTC', timeZoneSource: 'fallback UTC', overlapMinutes: 14 * 60 + 1, warnings };
}
