import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownText, renderMarkdown } from './markdown.ts';

test('Markdown becomes headings, lists, emphasis and links', () => {
  const html = renderMarkdown('# Wat is de Wmo?\n\nDe **Wmo** helpt u.\n\n- thuis wonen\n- meedoen\n\n[Meer](https://www.rijksoverheid.nl/wmo)');
  assert.match(html, /<h2>Wat is de Wmo\?<\/h2>/);
  assert.match(html, /<strong>Wmo<\/strong>/);
  assert.match(html, /<li>thuis wonen<\/li>/);
  assert.match(html, /<a href="https:\/\/www\.rijksoverheid\.nl\/wmo" rel="nofollow noopener" class="utrecht-link">Meer<\/a>/);
});

test('hostile input: raw HTML, script, event handlers and javascript: links never reach the page as markup', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    '[klik](javascript:alert(1))',
    '[klik](JaVaScRiPt:alert(1))',
    '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[klik](vbscript:msgbox(1))',
    '![beeld](https://example.org/x.png" onerror="alert(1))',
    '<iframe src="https://example.org"></iframe>',
    '<style>body{display:none}</style>',
    '<svg onload=alert(1)>',
    '[x](https://example.org" onmouseover="alert(1))',
    '<div style="position:fixed">x</div>',
  ].join('\n\n');
  const html = renderMarkdown(hostile);
  assert.doesNotMatch(html, /<script|<img|<iframe|<style|<svg|<div/i);
  assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i);
  assert.doesNotMatch(html, /\son\w+="/i, 'no event handler attribute');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'raw HTML shows as text');
});

test('only http(s), mailto, site-relative and fragment links are links', () => {
  assert.match(renderMarkdown('[a](/raad/kennisbank)'), /href="\/raad\/kennisbank"/);
  assert.match(renderMarkdown('[a](mailto:info@example.org)'), /href="mailto:info@example.org"/);
  assert.doesNotMatch(renderMarkdown('[a](file:///etc/passwd)'), /<a /);
  assert.doesNotMatch(renderMarkdown('[a](ftp://example.org)'), /<a /);
});

test('plain text of Markdown keeps the words and drops the marks', () => {
  assert.equal(markdownText('## Kop\n\nDe **Wmo** en [pgb](https://x.nl).\n\n- een'), 'Kop\n\nDe Wmo en pgb.\n\neen');
});

test('a heading starts one below the heading the text stands under', () => {
  assert.match(renderMarkdown('# Kop\n\n## Onder', 4), /<h4>Kop<\/h4>\n<h5>Onder<\/h5>/);
  assert.match(renderMarkdown('###### Diep', 4), /<h6>Diep<\/h6>/, 'never deeper than h6');
});
