import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { keptBytes, renderDocument, renderPageBytes } from './render.ts';

test('a page as bytes is its HTML in UTF-8, whatever its characters and size', () => {
  for (const text of ['Adviesraad', 'café’s “zorg” – €5 😀', '\uD800 alleen', 'x'.repeat(300_000), 'ë'.repeat(200_000)]) {
    const page = h('main', null, h('p', null, text));
    assert.deepEqual(renderPageBytes(page), Buffer.from(renderDocument(page)), text.slice(0, 20));
  }
});

test('kept bytes go in where their node was rendered; a visitor cannot name a piece', () => {
  const first = Buffer.from('<p>eerste ’</p>');
  const second = Buffer.from('<p>tweede</p>');
  // Text that looks like a marker is escaped by preact, so it stays text.
  const typed = '<!--rw-bytes-9f3b:0-->';
  const Kept = ({ bytes }: { bytes: Buffer }) => keptBytes(bytes);
  const page = h('main', null, h(Kept, { bytes: first }), h('p', { title: typed }, typed), h(Kept, { bytes: second }));
  const html = renderPageBytes(page).toString();
  assert.equal(html, `<!DOCTYPE html><main><p>eerste ’</p><p title="&lt;!--rw-bytes-9f3b:0-->">&lt;!--rw-bytes-9f3b:0--></p><p>tweede</p></main>`);
  // Pieces belong to one render: the next page has none.
  assert.equal(renderPageBytes(h('p', null, 'los')).toString(), '<!DOCTYPE html><p>los</p>');
});

test('a page that fails to render leaves no pieces for the next one', () => {
  const Broken = () => {
    keptBytes(Buffer.from('<p>weg</p>'));
    throw new Error('stuk');
  };
  assert.throws(() => renderPageBytes(h('main', null, h(Broken, null))), /stuk/);
  assert.equal(renderPageBytes(h('p', null, 'daarna')).toString(), '<!DOCTYPE html><p>daarna</p>');
});
