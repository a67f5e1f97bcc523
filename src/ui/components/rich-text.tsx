import { renderMarkdown } from '../markdown.ts';

/**
 * Text a person wrote in Markdown (an article, an advice's explanation, an agenda item), shown as
 * HTML. renderMarkdown escapes raw HTML and checks links (hostile-input tests in ui/markdown.test.ts),
 * so this is the one place where a view puts unescaped HTML in the page.
 */
export function RichText({ markdown, lang, baseLevel }: { markdown: string; lang?: string /** The level of a `# heading`: one below the heading the text stands under. */; baseLevel?: 2 | 3 | 4 }) {
  return <div class="utrecht-html rw-article" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown, baseLevel) }} />;
}
