/**
 * Articles are written in Markdown and shown as HTML. markdown-it with `html: false` escapes every
 * piece of raw HTML the writer types (a `<script>` shows as text), and its link check refuses
 * `javascript:`, `vbscript:`, `file:` and `data:` addresses other than images (we allow no images).
 * Links to other sites open as normal links, marked `rel="nofollow noopener"`. The result is the
 * only HTML a view puts in the page unescaped (docs/decisions/0021-knowledge.md; shared by every module since issue 9).
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
// No images: a writer links to a picture instead (an image needs alt text we cannot check here).
md.disable(['image']);

const ALLOWED_SCHEMES = /^(https?:|mailto:|\/|#)/i;
md.validateLink = (url: string) => ALLOWED_SCHEMES.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) token.attrSet('rel', 'nofollow noopener');
  token.attrJoin('class', 'utrecht-link');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Headings start below the page's own: at level 2 in an article, deeper inside a section
// (`baseLevel`); the page's title is the only h1.
const levelOf = (tag: string, env: unknown) => Math.min(6, Number(tag.slice(1)) + ((env as { baseLevel?: number } | undefined)?.baseLevel ?? 2) - 1);
md.renderer.rules.heading_open = (tokens, idx, _options, env) => `<h${levelOf(tokens[idx]!.tag, env)}>`;
md.renderer.rules.heading_close = (tokens, idx, _options, env) => `</h${levelOf(tokens[idx]!.tag, env)}>\n`;

/** The Markdown as safe HTML; a `# heading` becomes level `baseLevel` (default 2). */
export function renderMarkdown(source: string, baseLevel = 2): string {
  return md.render(source, { baseLevel });
}

/** The Markdown as plain text, for search, feeds, mail and the plain-language check. */
export function markdownText(source: string): string {
  return source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
