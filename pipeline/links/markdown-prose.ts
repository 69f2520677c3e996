/*
 * Pull-request descriptions are Markdown. References inside code, quotes and HTML comments are
 * not the author's own words about this change: GitHub does not autolink inside code, quotes
 * usually repeat another discussion, and PR templates hide instructions such as
 * "<!-- link the ticket, e.g. ABC-123 -->" in comments. Those parts are blanked out before
 * references are searched. Blanking keeps every other character at its offset, so evidence can be
 * cut from the original text.
 */

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE_LINE = /^ {0,3}>/;
// A code span: a run of backticks, then text, then a run of the same length (CommonMark).
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
// Kept as a separate part by split() thanks to the capture group.
const PARAGRAPH_BREAK = /(\n[ \t]*\n)/;

/**
 * `markdown` with fenced code blocks, inline code spans, block quotes and HTML comments replaced
 * by spaces (line breaks kept), so nothing in them is taken for a reference.
 *
 * @example
 * maskNonProse('Fixes #1\n> Fixes #2\n`#3`').trim(); // 'Fixes #1'
 */
export function maskNonProse(markdown: string): string {
  let text = markdown.replace(HTML_COMMENT, blank);
  const lines = text.split('\n');
  let fence: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = null;
      lines[index] = blank(line);
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = open[1]!;
      lines[index] = blank(line);
    } else if (QUOTE_LINE.test(line)) {
      lines[index] = blank(line);
    }
  }
  text = lines.join('\n');
  // Code spans never run across a blank line (a paragraph break).
  return text
    .split(PARAGRAPH_BREAK)
    .map((part, index) => (index % 2 === 0 ? part.replace(CODE_SPAN, blank) : part))
    .join('');
}

/** The same number of characters, all spaces except line breaks. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}
