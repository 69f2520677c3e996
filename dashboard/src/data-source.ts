import { DASHBOARD_SCHEMA_VERSION, type DashboardData } from '../types.js';

/** Id of the element holding the embedded data (kept equal to the build's `DATA_ELEMENT_ID`). */
const DATA_ELEMENT_ID = 'codeledger-data';

/** The embedded data is missing, unreadable or from an incompatible build. */
export class DashboardDataError extends Error {
  override name = 'DashboardDataError';
}

/**
 * Reads the data the build embedded in the page. The page never fetches anything: `file://`
 * pages cannot, and everything the charts need was precomputed.
 *
 * @example
 * const data = readEmbeddedData(document);
 */
export function readEmbeddedData(doc: Document): DashboardData {
  const element = doc.getElementById(DATA_ELEMENT_ID);
  if (!element?.textContent) throw new DashboardDataError('the page holds no embedded data');
  let data: DashboardData;
  try {
    data = JSON.parse(element.textContent) as DashboardData;
  } catch (error) {
    throw new DashboardDataError(`the embedded data is not valid JSON: ${(error as Error).message}`);
  }
  if (data.schemaVersion !== DASHBOARD_SCHEMA_VERSION) {
    throw new DashboardDataError(
      `the embedded data has schema version ${String(data.schemaVersion)}; this page reads version ${DASHBOARD_SCHEMA_VERSION}`,
    );
  }
  return data;
}
