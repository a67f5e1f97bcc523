import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { makeCouncil, withApp } from '../../../test/support/factories.ts';
import { terms } from './glossary.terms.ts';

test('the glossary explains every word, in Dutch and English, each with its own anchor', () =>
  withApp(async (t) => {
    const nl = await t.app.inject({ url: '/woordenlijst' });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<h1[^>]*>Wat betekent dit\?<\/h1>/);
    for (const id of terms) assert.match(nl.body, new RegExp(`id="${id}"`), id);
    assert.match(nl.body, /Kenmerk/);
    const en = await t.app.inject({ url: '/woordenlijst', headers: { cookie: 'rw_taal=en' } });
    assert.match(en.body, /What does this mean\?/);
  }));

test('pages link the words residents may not know to their explanation, and every link has an entry', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const pages = ['adviezen', 'vergaderingen', 'signaal'].map((p) => `/${c.slug}/${p}`);
    const used = new Set<string>();
    for (const url of pages) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      for (const m of res.body.matchAll(/href="\/woordenlijst#([a-zA-Z]+)"/g)) used.add(m[1]!);
    }
    assert.ok(used.has('kenmerk') && used.has('signaal') && used.has('nietOpenbaar'), [...used].join(', '));
    for (const id of used) assert.ok((terms as readonly string[]).includes(id), `${id} is in the glossary`);
    // Every page's footer leads to the glossary.
    assert.match((await t.app.inject({ url: `/${c.slug}` })).body, /href="\/woordenlijst"/);
  }));

test('source code links only to words that are in the glossary', () => {
  const out = execFileSync('grep', ['-rhoE', 'ids=\\{\\[[^]]*\\]', 'src'], { encoding: 'utf8' });
  const ids = [...out.matchAll(/'([a-zA-Z]+)'/g)].map((m) => m[1]!);
  assert.ok(ids.length > 0);
  for (const id of ids) assert.ok((terms as readonly string[]).includes(id), id);
});
