import { z } from 'zod';
import { isSecretKey, secretKeyMessage } from './secrets.js';
import { closestMatch } from './suggest.js';

type PathSegment = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A value path as people write it in JavaScript: `repos[1].url`, `weights.workTypes["chore(deps)"]`.
 * The empty path is the top level of the file.
 *
 * @example
 * formatPath(['repos', 1, 'kinds', 0, 'kind']); // 'repos[1].kinds[0].kind'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(top level)' : text;
}

/** A short description of a value for messages (strings are quoted and cut to 40 characters). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const EXPECTED_NOUNS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

type RawIssue = z.core.$ZodRawIssue;

/**
 * Zod error map wording every problem kind the config schema can produce. Schema-level messages
 * (custom checks) take precedence over this map.
 */
export function configErrorMap(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = EXPECTED_NOUNS[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      if (issue.origin === 'array') return `must list at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return 'must not be empty';
      const bound = issue.inclusive ? `at least ${issue.minimum}` : `greater than ${issue.minimum}`;
      return `must be ${bound}, got ${describeValue(issue.input)}`;
    }
    case 'too_big': {
      const bound = issue.inclusive ? `at most ${issue.maximum}` : `less than ${issue.maximum}`;
      return `must be ${bound}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const written = describeValue(issue.input);
      const suggestion = typeof issue.input === 'string' ? closestMatch(issue.input, allowed) : null;
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
      return `${written} is not one of ${allowed.join(', ')}${hint}`;
    }
    default:
      return undefined;
  }
}

/** The keys an object schema accepts at `path` inside `root`, or null when there is no object there. */
function allowedKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] | null {
  let schema: unknown = unwrap(root);
  for (const segment of path) {
    if (schema instanceof z.ZodObject && typeof segment === 'string') schema = unwrap(schema.shape[segment]);
    else if (schema instanceof z.ZodArray && typeof segment === 'number') schema = unwrap(schema.element);
    else return null;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : null;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap();
  }
  return current;
}

function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  if (isSecretKey(key)) return secretKeyMessage(key, allowed);
  const suggestion = closestMatch(key, allowed);
  if (suggestion) return `unknown key; did you mean "${suggestion}"?`;
  return `unknown key; expected one of ${allowed.join(', ')}`;
}

/**
 * Turn validation issues into `path: message` lines. Unknown keys become one line each, with a
 * "did you mean" suggestion from the keys allowed at that level, or the secret-key advice when
 * the key names a credential.
 */
export function formatIssues(root: z.ZodType, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(root, issue.path) ?? [];
      for (const key of issue.keys) lines.push(`${formatPath([...issue.path, key])}: ${unknownKeyMessage(key, allowed)}`);
    } else {
      lines.push(`${formatPath(issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}
