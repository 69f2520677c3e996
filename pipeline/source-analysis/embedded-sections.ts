/**
 * Splits single-file components (Vue, Svelte) and HTML pages into their `<script>` and
 * `<style>` sections, so each section is analysed in its own language and the rest as markup.
 */

/** A `<script>` or `<style>` body: `text[start, end)`, starting on line `startLine`. */
export interface EmbeddedSection {
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  /** Linguist name of the section's language, or null when it is not code we read (templates, JSON). */
  readonly language: string | null;
}

const LF = 10;

/** The value of attribute `name` in an opening tag's text, lower-cased, or null. */
function attribute(tag: string, name: string): string | null {
  const lower = tag.toLowerCase();
  let at = lower.indexOf(name);
  while (at >= 0) {
    const before = lower.charCodeAt(at - 1);
    let p = at + name.length;
    while (lower.charCodeAt(p) === 32) p++;
    if ((before === 32 || before === 9 || before === 10) && lower.charCodeAt(p) === 61) {
      p++;
      while (lower.charCodeAt(p) === 32) p++;
      const quote = lower.charCodeAt(p);
      if (quote === 34 || quote === 39) {
        const close = lower.indexOf(String.fromCharCode(quote), p + 1);
        return close < 0 ? null : lower.slice(p + 1, close);
      }
      let stop = p;
      while (stop < lower.length && lower.charCodeAt(stop) > 32 && lower.charCodeAt(stop) !== 62) stop++;
      return lower.slice(p, stop);
    }
    at = lower.indexOf(name, at + 1);
  }
  return null;
}

function scriptLanguage(tag: string): string | null {
  const lang = attribute(tag, 'lang');
  if (lang === 'ts' || lang === 'typescript') return 'TypeScript';
  if (lang === 'tsx') return 'TSX';
  if (lang !== null && lang !== 'js' && lang !== 'javascript' && lang !== 'jsx') return null;
  const type = attribute(tag, 'type');
  const javascript =
    type === null ||
    type === 'module' ||
    type.includes('javascript') ||
    type.includes('ecmascript') ||
    type === 'text/babel' ||
    type === 'text/jsx';
  if (javascript) {
    return 'JavaScript';
  }
  if (type.includes('typescript')) return 'TypeScript';
  return null;
}

function styleLanguage(tag: string): string {
  switch (attribute(tag, 'lang')) {
    case 'scss':
      return 'SCSS';
    case 'sass':
      return 'Sass';
    case 'less':
      return 'Less';
    case 'stylus':
    case 'styl':
      return 'Stylus';
    default:
      return 'CSS';
  }
}

/** Position of the closing tag `</name` (any case) at or after `from`, or -1. */
function findClosingTag(text: string, name: string, from: number): number {
  for (let p = text.indexOf('</', from); p >= 0; p = text.indexOf('</', p + 2)) {
    if (isTagNamed(text, p + 1, name)) return p;
  }
  return -1;
}

function countLines(text: string, from: number, to: number, line: number): number {
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) line++;
  return line;
}

/**
 * The `<script>` and `<style>` sections of a component or page, in order. HTML comments are
 * skipped, so a commented-out `<script>` is not a section.
 *
 * @example
 * findEmbeddedSections('<template/>\n<script lang="ts">\nconst a = 1\n</script>\n');
 * // [{ start: 30, end: 42, startLine: 2, language: 'TypeScript' }]
 */
export function findEmbeddedSections(text: string): EmbeddedSection[] {
  const sections: EmbeddedSection[] = [];
  let pos = 0;
  let line = 1;
  let countedTo = 0;
  while (pos < text.length) {
    const open = text.indexOf('<', pos);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) break;
      pos = close + 3;
      continue;
    }
    const name = isTagNamed(text, open, 'script') ? 'script' : isTagNamed(text, open, 'style') ? 'style' : null;
    if (name === null) {
      pos = open + 1;
      continue;
    }
    const tagEnd = text.indexOf('>', open);
    if (tagEnd < 0) break;
    const tag = text.slice(open, tagEnd + 1);
    const bodyStart = tagEnd + 1;
    if (text.charCodeAt(tagEnd - 1) === 47) {
      pos = bodyStart;
      continue;
    }
    const closeTag = findClosingTag(text, name, bodyStart);
    const bodyEnd = closeTag < 0 ? text.length : closeTag;
    line = countLines(text, countedTo, bodyStart, line);
    sections.push({
      start: bodyStart,
      end: bodyEnd,
      startLine: line,
      language: name === 'script' ? scriptLanguage(tag) : styleLanguage(tag),
    });
    line = countLines(text, bodyStart, bodyEnd, line);
    countedTo = bodyEnd;
    pos = bodyEnd;
  }
  return sections;
}

function isTagNamed(text: string, open: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    if ((text.charCodeAt(open + 1 + k) | 32) !== name.charCodeAt(k)) return false;
  }
  const after = text.charCodeAt(open + 1 + name.length);
  return after === 62 || after === 32 || after === 9 || after === LF || after === 13 || after === 47;
}
