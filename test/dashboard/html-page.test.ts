import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScriptElement, renderIndexHtml } from '../../dashboard/html-page.js';
import { fixtureDashboardData } from './fixtures.js';

describe('jsonForScriptElement', () => {
  it('cannot close its script element, and parses back to the same value', () => {
    const value = { note: '</script><script>alert(1)</script>', comment: '<!-- x -->', amp: 'a & b', separators: 'a\u2028b\u2029c' };
    const text = jsonForScriptElement(value);
    expect(text).not.toMatch(/<|>|\u2028|\u2029/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderIndexHtml', () => {
  const data = fixtureDashboardData();
  data.notes.push('A note with </script> inside');
  const html = renderIndexHtml(data, { script: 'app.js', stylesheet: 'styles.css' });

  it('links its assets by relative path with a classic deferred script', () => {
    expect(html).toContain('<link rel="stylesheet" href="styles.css">');
    expect(html).toContain('<script src="app.js" defer></script>');
    expect(html).not.toMatch(/type="module"|https?:\/\//);
  });

  it('embeds the data once, intact', () => {
    const match = /<script type="application\/json" id="codeledger-data">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    expect(JSON.parse(match![1]!)).toEqual(data);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
