import { closestMatch } from './suggest.js';

/**
 * The canonical spelling of an IANA time zone name as this runtime knows it, or null when the
 * runtime does not know the zone. Letter case is corrected (`europe/berlin` → `Europe/Berlin`);
 * other aliases are kept as written so the configuration means what its author wrote.
 *
 * @example
 * canonicalTimeZone('europe/berlin'); // 'Europe/Berlin'
 * canonicalTimeZone('Mars/Olympus'); // null
 */
export function canonicalTimeZone(name: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

let knownZones: readonly string[] | null = null;

/** The known time zone closest to a misspelt one, for "did you mean" hints. */
export function suggestTimeZone(name: string): string | null {
  knownZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return closestMatch(name, knownZones);
}
