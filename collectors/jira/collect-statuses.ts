import { JiraMalformedResponseError, type JiraHttp } from './jira-http.js';
import type { RawPageWriter } from './raw-page-writer.js';
import { RAW_STREAM } from './streams.js';

/**
 * Store the site's statuses with their categories (one raw page). Changelog entries name
 * statuses by id and name only; this list gives historic statuses their category.
 *
 * @example
 * await collectStatuses(http, writer);
 */
export async function collectStatuses(http: JiraHttp, writer: RawPageWriter): Promise<void> {
  const response = await http.send({ method: 'GET', path: '/rest/api/2/status' });
  if (!Array.isArray(response.body)) throw new JiraMalformedResponseError(response.request.url, 'expected a list of statuses');
  await writer.save(RAW_STREAM.statuses, response, {}, null);
}
