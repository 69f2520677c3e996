/*
 * The evidence kept with a link: the text that matched and a few words around it, on one line,
 * so a person can see why the link was made without opening the commit or pull request.
 */

/** Lines up to this length are kept whole. */
const WHOLE_LINE = 100;
/** Characters of context kept on each side of a reference in a longer line. */
const CONTEXT = 24;
/** Longest evidence stored. */
export const MAX_EVIDENCE_LENGTH = 160;

/**
 * The line holding `text[start, end)`: whole when it is short, else cut to about {@link CONTEXT}
 * characters on each side, at word boundaries, with `…` where something was cut.
 *
 * @example
 * evidenceAround('Intro\nFixes ABC-42 in the login form\n', 6, 18); // 'Fixes ABC-42 in the login form'
 */
export function evidenceAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  if (lineEnd - lineStart <= WHOLE_LINE) return clip(text.slice(lineStart, lineEnd));
  let from = Math.max(lineStart, start - CONTEXT);
  let to = Math.min(lineEnd, end + CONTEXT);
  // Do not start or stop in the middle of a word.
  if (from > lineStart && /\S/.test(text[from - 1]!)) {
    const space = text.slice(from, start).search(/\s/);
    from = space === -1 ? start : from + space + 1;
  }
  if (to < lineEnd && /\S/.test(text[to]!)) {
    const tail = text.slice(end, to);
    const space = tail.search(/\s\S*$/);
    to = space === -1 ? end : end + space;
  }
  const core = text.slice(from, to).replace(/\s+/g, ' ').trim();
  const cut = `${from > lineStart && text.slice(lineStart, from).trim() !== '' ? '…' : ''}${core}${
    to < lineEnd && text.slice(to, lineEnd).trim() !== '' ? '…' : ''
  }`;
  return clip(cut);
}

/**
 * `text` on one line, cut to {@link MAX_EVIDENCE_LENGTH} characters.
 *
 * @example
 * clip('Refs:   ABC-1\n'); // 'Refs: ABC-1'
 */
export function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_EVIDENCE_LENGTH ? oneLine : `${oneLine.slice(0, MAX_EVIDENCE_LENGTH - 1)}…`;
}
