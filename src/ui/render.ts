import { renderToString } from 'preact-render-to-string';
import { h, type VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { LanguageFormScope } from './context.ts';

/**
 * Renders a full page; preact escapes every text and attribute by default. Each render gets its
 * own language-form scope: the page's first main form takes the header's language switch.
 */
export function renderDocument(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(h(LanguageFormScope.Provider, { value: { taken: false } }, node))}`;
}

/**
 * Byte pieces of the page being rendered (keptBytes): rendering is synchronous, so the pieces
 * taken during one render are the ones its markers name.
 */
const pieces: Uint8Array[] = [];
/**
 * A piece's marker in the rendered HTML is MARKER, its number and `-->`. It starts with `<`, which
 * preact escapes in every text and attribute, so no visitor's text can make one.
 */
const MARKER = '<!--rw-bytes-9f3b:';
const markerBytes = Buffer.from(MARKER);
const markerEnd = Buffer.from('-->');

/**
 * HTML kept as UTF-8 bytes (rendered once, shown many times), as a node: the page's bytes take it
 * as it is, not encoded again with the rest of the page (renderPageBytes).
 */
export function keptBytes(bytes: Uint8Array): VNode {
  pieces.push(bytes);
  return jsxTemplate([`${MARKER}${pieces.length - 1}-->`]);
}

const encoder = new TextEncoder();
/** Where a page is encoded before it is copied out; grows to the largest page up to SCRATCH_MAX. */
let scratch = Buffer.allocUnsafeSlow(256 * 1024);
const SCRATCH_MAX = 8 * 1024 * 1024;

/**
 * A full page (renderDocument) as UTF-8 bytes, with the kept pieces (keptBytes) put in. One
 * encoding pass into a scratch buffer and one copy out: `Buffer.from(string)` first counts the
 * bytes and then encodes, each pass over the whole page (decision 0031, session 18).
 */
export function renderPageBytes(node: VNode): Buffer {
  // Emptied first: a render that threw left its pieces behind.
  pieces.length = 0;
  const html = renderDocument(node);
  const taken = pieces.splice(0);
  // Each UTF-16 unit is at most 3 bytes of UTF-8, so the page always fits.
  if (html.length * 3 > scratch.length) {
    if (html.length * 3 > SCRATCH_MAX) return withPieces(Buffer.from(html), taken);
    scratch = Buffer.allocUnsafeSlow(html.length * 3);
  }
  const { written } = encoder.encodeInto(html, scratch);
  return withPieces(scratch.subarray(0, written), taken);
}

/** A copy of `encoded` with each marker replaced by its piece. */
function withPieces(encoded: Buffer, taken: Uint8Array[]): Buffer {
  if (taken.length === 0) return Buffer.from(encoded);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let at = encoded.indexOf(markerBytes); at >= 0; at = encoded.indexOf(markerBytes, from)) {
    const end = encoded.indexOf(markerEnd, at);
    const piece = taken[Number(encoded.toString('latin1', at + markerBytes.length, end))];
    parts.push(encoded.subarray(from, at), piece ?? new Uint8Array());
    from = end + markerEnd.length;
  }
  parts.push(encoded.subarray(from));
  return Buffer.concat(parts);
}
