import { renderToString } from 'preact-render-to-string';
import type { VNode } from 'preact';

/** Renders a full page; preact escapes every text and attribute by default. */
export function renderDocument(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}
