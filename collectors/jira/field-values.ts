import { asArray, asRecord, ownNumber, ownText } from './json-access.js';

/*
 * Values of configurable fields, whatever their Jira type: text, a number, an option
 * (`{ value }`), a user or version (`{ name }`), a list of those, or rich text (Atlassian
 * Document Format, which API v3 returns for text areas such as `environment`).
 */

/**
 * Every text a field value holds, in order.
 *
 * @example
 * fieldTexts([{ value: 'Production' }, { value: 'Staging' }]); // ['Production', 'Staging']
 * fieldTexts({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'prod' }] }] }); // ['prod']
 */
export function fieldTexts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(fieldTexts);
  const record = asRecord(value);
  if (!record) return [];
  if (record.type === 'doc') {
    const text = documentText(record).trim();
    return text === '' ? [] : [text];
  }
  const named = ownText(record, 'value') ?? ownText(record, 'name') ?? ownText(record, 'displayName') ?? ownText(record, 'key');
  const child = asRecord(record.child);
  return [...(named === null ? [] : [named]), ...(child ? fieldTexts(child) : [])];
}

/**
 * A field value as one text (several values joined with ", "), or null.
 *
 * @example
 * fieldText({ value: 'Critical' }); // 'Critical'
 */
export function fieldText(value: unknown): string | null {
  const texts = fieldTexts(value);
  return texts.length === 0 ? null : texts.join(', ');
}

/**
 * A field value as a number (story points arrive as numbers, sometimes as numeric text), or null.
 *
 * @example
 * fieldNumber('5'); // 5
 */
export function fieldNumber(value: unknown): number | null {
  return ownNumber({ value }, 'value');
}

/** Plain text of an Atlassian Document Format node (paragraphs separated by spaces). */
function documentText(node: unknown): string {
  const record = asRecord(node);
  if (!record) return '';
  if (record.type === 'text') return ownText(record, 'text') ?? '';
  return asArray(record.content)
    .map(documentText)
    .filter((part) => part !== '')
    .join(' ');
}
