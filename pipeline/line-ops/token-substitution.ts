/**
 * Token-level comparison of an updated line with its original, to recognise find/replace.
 */

/** One token replaced by another, e.g. an identifier renamed. */
export interface TokenSubstitution {
  from: string;
  to: string;
}

const UNICODE_SPACE = /\s/;

function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACE.test(String.fromCharCode(code));
}

/**
 * ASCII letters, digits, `_`, `$`, and every non-ASCII character except whitespace (a
 * simplification: non-ASCII punctuation is rare in code and joins the word it touches).
 */
function isWordCode(code: number): boolean {
  if (code >= 128) return !isSpaceCode(code);
  const folded = code | 32;
  return (code >= 48 && code <= 57) || (folded >= 97 && folded <= 122) || code === 95 || code === 36;
}

/**
 * Splits a line into tokens: each run of word characters (letters, digits, `_`, `$`, any
 * non-ASCII letter) is one token, every other visible character is a token of its own, and
 * whitespace only separates.
 *
 * @example
 * tokenizeLine('total += price_1 * 2;') // ['total', '+', '=', 'price_1', '*', '2', ';']
 */
export function tokenizeLine(text: string): string[] {
  const tokens: string[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      i++;
    } else if (isWordCode(code)) {
      const start = i;
      while (i < length && isWordCode(text.charCodeAt(i))) i++;
      tokens.push(text.slice(start, i));
    } else {
      tokens.push(text[i]!);
      i++;
    }
  }
  return tokens;
}

/**
 * The single token substitution that turns `before` into `after`, or null when the lines
 * differ in any other way. Both lines must have the same number of tokens, and every position
 * where they differ must replace the same token with the same token — a find/replace rewrites
 * every occurrence on a line, so `f(old, old)` → `f(new, new)` is one substitution.
 *
 * @example
 * findTokenSubstitution('a = oldName(x);', 'a = newName(x);') // { from: 'oldName', to: 'newName' }
 * findTokenSubstitution('a = b + c;', 'a = b - d;')           // null (two different changes)
 */
export function findTokenSubstitution(before: string, after: string): TokenSubstitution | null {
  if (before === after) return null;
  const oldTokens = tokenizeLine(before);
  const newTokens = tokenizeLine(after);
  if (oldTokens.length !== newTokens.length) return null;
  let from: string | null = null;
  let to: string | null = null;
  for (let k = 0; k < oldTokens.length; k++) {
    const oldToken = oldTokens[k]!;
    const newToken = newTokens[k]!;
    if (oldToken === newToken) continue;
    if (from === null) {
      from = oldToken;
      to = newToken;
    } else if (oldToken !== from || newToken !== to) {
      return null;
    }
  }
  return from === null || to === null ? null : { from, to };
}
