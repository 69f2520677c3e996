import type { DashboardData } from './types.js';

/** Id of the `<script type="application/json">` element holding the page's data. */
export const DATA_ELEMENT_ID = 'codeledger-data';

/** File names of the assets written next to `index.html`. */
export interface PageAssets {
  script: string;
  stylesheet: string;
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

function escapeForScript(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON for embedding inside a `<script>` element. `<`, `>` and `&` become `\u003c`-style escapes,
 * so no string in the data can close the element (`</script>`) or open a comment, and the text
 * still parses with `JSON.parse` to the same value.
 *
 * @example
 * jsonForScriptElement({ note: '</script>' }) // '{"note":"\\u003c/script\\u003e"}'
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, escapeForScript);
}

const HTML_UNSAFE = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('a < b') // 'a &lt; b'
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_UNSAFE, (character) => HTML_ENTITIES[character]!);
}

/**
 * The page shell: the embedded data, the stylesheet and the script, all by relative path so the
 * page opens from disk. A classic (non-module) script is used because browsers refuse module
 * scripts on `file://` pages.
 *
 * @example
 * renderIndexHtml(data, { script: 'app.js', stylesheet: 'styles.css' })
 */
export function renderIndexHtml(data: DashboardData, assets: PageAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="codeledger">
<title>codeledger · effective code</title>
<link rel="stylesheet" href="${escapeHtml(assets.stylesheet)}">
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScriptElement(data)}</script>
<script src="${escapeHtml(assets.script)}" defer></script>
</head>
<body>
<div id="app" class="page">
<noscript><p class="empty-state">This dashboard draws its charts with JavaScript; enable it to see the figures.</p></noscript>
</div>
</body>
</html>
`;
}
