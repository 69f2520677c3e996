/*
 * Times as Jira writes and reads them. Responses carry ISO-like timestamps with a `+0100`
 * offset; JQL takes `"yyyy-MM-dd HH:mm"` wall-clock times in the searching user's time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The minute an instant falls in, as JQL reads it in `timeZone`.
 *
 * @example
 * jqlMinute(new Date('2024-03-10T09:30:59Z'), 'Europe/Berlin'); // '2024-03-10 10:30'
 */
export function jqlMinute(instant: Date, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * Whether the runtime knows a time zone name.
 *
 * @example
 * isKnownTimeZone('Europe/Berlin'); // true
 */
export function isKnownTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

const JIRA_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A Jira timestamp (`2024-03-10T10:30:12.000+0100`, or any ISO 8601 form) as a Date, or null.
 *
 * @example
 * parseJiraTime('2024-03-10T10:30:12.000+0100')?.toISOString(); // '2024-03-10T09:30:12.000Z'
 */
export function parseJiraTime(text: string | null | undefined): Date | null {
  if (!text) return null;
  const match = JIRA_TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const zone = match[2] ?? 'Z';
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${match[1]}${offset}`);
  return Number.isNaN(time) ? null : new Date(time);
}
