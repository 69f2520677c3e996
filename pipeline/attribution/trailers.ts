/** One `Key: value` trailer of a commit message. */
export interface Trailer {
  /** Key as written, e.g. `Co-Authored-By`. */
  key: string;
  /** Lower-cased key, for comparisons. */
  normalizedKey: string;
  /** Value with continuation lines joined by a space. */
  value: string;
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const CHERRY_PICK_LINE = /^\(cherry picked from commit [0-9a-f]+\)$/;
// Trailers git itself writes; their presence makes a mixed last paragraph a trailer block.
const GIT_GENERATED_KEYS = new Set(['signed-off-by', 'co-authored-by']);
// Git's rule: a paragraph mixing trailers with other lines is still a trailer block when at
// least a quarter of its lines are trailers and one of them is git-generated.
const MIN_TRAILER_SHARE = 0.25;

/**
 * The trailers of a commit message, parsed the way `git interpret-trailers` finds them: only
 * in the last paragraph, never in the subject paragraph, with indented continuation lines
 * folded into the previous value.
 *
 * @example
 * parseTrailers('Fix login\n\nBody.\n\nCo-authored-by: Ann <ann@example.com>');
 * // [{ key: 'Co-authored-by', normalizedKey: 'co-authored-by', value: 'Ann <ann@example.com>' }]
 * parseTrailers('Co-authored-by: Ann <ann@example.com>'); // [] (a subject is not a trailer)
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  // The first paragraph is the subject (and what runs on from it): never trailers.
  let firstContent = 0;
  while (firstContent < lines.length && lines[firstContent]!.trim() === '') firstContent++;
  if (start <= firstContent || start >= end) return [];

  const trailers: Trailer[] = [];
  let otherLines = 0;
  let gitGenerated = false;
  for (let index = start; index < end; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    const previous = trailers[trailers.length - 1];
    if (/^[ \t]/.test(line) && previous) {
      previous.value = `${previous.value} ${line.trim()}`;
      continue;
    }
    const match = TRAILER_LINE.exec(line);
    if (match) {
      const normalizedKey = match[1]!.toLowerCase();
      if (GIT_GENERATED_KEYS.has(normalizedKey)) gitGenerated = true;
      trailers.push({ key: match[1]!, normalizedKey, value: match[2]!.trim() });
    } else if (CHERRY_PICK_LINE.test(line.trim())) {
      gitGenerated = true;
    } else {
      otherLines++;
    }
  }
  if (otherLines === 0) return trailers;
  const share = trailers.length / (trailers.length + otherLines);
  return gitGenerated && share >= MIN_TRAILER_SHARE ? trailers : [];
}

/**
 * The e-mail address in a trailer value such as `Ann <ann@example.com>`, lower-cased, or null.
 *
 * @example
 * trailerEmail('Claude <noreply@anthropic.com>'); // 'noreply@anthropic.com'
 */
export function trailerEmail(value: string): string | null {
  const open = value.lastIndexOf('<');
  const close = value.lastIndexOf('>');
  if (open === -1 || close < open) return null;
  const email = value.slice(open + 1, close).trim().toLowerCase();
  return email.includes('@') ? email : null;
}

/** The name part of a trailer value such as `Ann <ann@example.com>`. */
export function trailerName(value: string): string {
  const open = value.indexOf('<');
  return (open === -1 ? value : value.slice(0, open)).trim();
}
