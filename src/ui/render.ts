import { renderToString } from 'preact-render-to-string';
import { h, type VNode } from 'preact';
import { LanguageFormScope } from './context.ts';

/**
 * Renders a full page; preact escapes every text and attribute by default. Each render gets its
 * own language-form scope: the page's first main form takes the header's language switch.
 */
export function renderDocument(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(h(LanguageFormScope.Provider, { value: { taken: false } }, node))}`;
}
