import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCouncil, withApp } from '../../../test/support/factories.ts';
import { namedStatementCount } from '../../core/db/index.ts';
import { person } from '../advice/advice.test-helpers.ts';
import { makeDocument } from './documents.test-helpers.ts';
import { searchDocuments, searchDocumentsPage } from './documents.search.ts';

test('a document with many matching pages is one result that lists its pages', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const doc = await makeDocument(t, c, {
      access: 'public',
      title: 'Beleidsplan sociaal domein',
      pages: ['Inleiding over armoede.', 'Niets hier.', 'Meer over armoede en schulden.', 'Armoede in de wijk.'],
    });
    await makeDocument(t, c, { access: 'public', title: 'Verslag', pages: ['Een keer armoede.'] });
    const hits = await searchDocuments(t.app.deps, { council: c, actor: null, query: 'armoede' });
    assert.equal(hits.length, 2);
    const plan = hits.find((h) => h.id === doc.id)!;
    assert.deepEqual(
      plan.pages.map((p) => p.page),
      [1, 3, 4],
    );
    assert.equal(hits[0]!.id, doc.id, 'the document with more and better hits comes first');
    // Paginated: the second page of one result each holds the other document.
    const second = await searchDocumentsPage(t.app.deps, { council: c, actor: null, query: 'armoede', limit: 1, page: 2 });
    assert.deepEqual([second.pages, second.total, second.capped, second.hits.length], [2, 2, false, 1]);
    assert.notEqual(second.hits[0]!.id, doc.id);
  }));

test('titles are searched too, and a PDF hit opens in the browser at its page', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const doc = await makeDocument(t, c, { access: 'public', title: 'Jaarverslag mantelzorgwaardering', pages: ['Een tekst over het wijkbudget.'] });
    const [hit] = await searchDocuments(t.app.deps, { council: c, actor: null, query: 'mantelzorgwaardering' });
    assert.equal(hit?.id, doc.id);
    assert.equal(hit?.inTitle, true);
    const page = await t.app.inject({ url: `/${c.slug}/documenten?q=${encodeURIComponent('wijkbudget')}` });
    assert.match(page.body, new RegExp(`/${c.slug}/documenten/${doc.id}/bekijken#page=1`));
    const view = await t.app.inject({ url: `/${c.slug}/documenten/${doc.id}/bekijken` });
    assert.equal(view.statusCode, 200);
    assert.equal(view.headers['content-type'], 'application/pdf');
    assert.match(String(view.headers['content-disposition']), /^inline;/);
    assert.equal(view.headers['x-content-type-options'], 'nosniff');
  }));

test('the workspace search shows documents per document with links to their pages, only those the reader may see', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const member = await person(t, c, 'member');
    const open = await makeDocument(t, c, { access: 'members', title: 'Notitie vervoer', pages: ['Over de regiotaxi.', 'Weer de regiotaxi.'] });
    await makeDocument(t, c, { access: 'closed', title: 'Besloten stuk', pages: ['Geheim over de regiotaxi.'] });
    const res = await member.request({ url: `/${c.slug}/werkruimte/zoeken?q=regiotaxi` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Notitie vervoer/);
    assert.doesNotMatch(res.body, /Besloten stuk|Geheim/);
    assert.match(res.body, new RegExp(`documenten/${open.id}/bekijken#page=2`));
  }));

test('a phrase needs its words side by side, a word left out counts per page, with few or many documents found', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const together = await makeDocument(t, c, { access: 'public', title: 'Tarieven', pages: ['Niets.', 'De eigen bijdrage voor de Wmo.'] });
    await makeDocument(t, c, { access: 'public', title: 'Brief', pages: ['Een bijdrage van de inwoner zelf.', 'Eigen keuze.'] });
    const mixed = await makeDocument(t, c, { access: 'public', title: 'Wijken', pages: ['Het wijkbudget en de zorg.', 'Het wijkbudget voor sport.'] });
    await makeDocument(t, c, { access: 'public', title: 'Zorg', pages: ['Het wijkbudget gaat naar zorg.'] });
    // ranked 1: more documents found than are ordered by their pages (the path of a common word).
    for (const ranked of [undefined, 1]) {
      const phrase = await searchDocumentsPage(t.app.deps, { council: c, actor: null, query: '"eigen bijdrage"', ranked });
      assert.deepEqual(
        phrase.hits.map((h) => [h.id, h.pages.map((p) => p.page)]),
        [[together.id, [2]]],
      );
      const without = await searchDocumentsPage(t.app.deps, { council: c, actor: null, query: 'wijkbudget -zorg', ranked });
      assert.deepEqual(
        without.hits.map((h) => [h.id, h.pages.map((p) => p.page)]),
        [[mixed.id, [2]]],
      );
    }
    // Many found: each document once, newest first, paged over all of them.
    const all = await searchDocumentsPage(t.app.deps, { council: c, actor: null, query: 'het', ranked: 1, limit: 2 });
    const wijk = await searchDocumentsPage(t.app.deps, { council: c, actor: null, query: 'wijkbudget', ranked: 1, limit: 1, page: 2 });
    assert.deepEqual([all.total, wijk.total, wijk.pages, wijk.capped, wijk.hits[0]?.id], [0, 2, 2, true, mixed.id]);
  }));

test('the search runs as a few named statements, whatever the words, readers and pages', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    await makeDocument(t, c, { access: 'public', title: 'Tarieven', pages: ['De eigen bijdrage voor de Wmo.', 'Het wijkbudget en de zorg.'] });
    await makeDocument(t, c, { access: 'closed', title: 'Besloten', pages: ['Een eigen keuze over de regiotaxi.'] });
    const readers = [null, (await person(t, c, 'member')).actor, (await person(t, c, 'chair')).actor];
    const searchAll = async (words: string[]) => {
      for (const actor of readers)
        for (const query of [words[0]!, words.join(' '), `"${words.join(' ')}"`, `${words[0]} OR ${words[1]}`, `${words[0]} -${words[1]}`, 'onbekendwoord'])
          for (const ranked of [undefined, 1]) await searchDocumentsPage(t.app.deps, { council: c, actor, query, ranked, limit: 1, page: 2 });
    };
    const before = namedStatementCount();
    await searchAll(['eigen', 'bijdrage']);
    // Each name stays prepared per connection: the texts depend on the shape, never on the words.
    assert.ok(namedStatementCount() - before <= 8, `${namedStatementCount() - before} texts`);
    const shapes = namedStatementCount();
    await searchAll(['wijkbudget', 'zorg', 'regiotaxi']);
    await searchAll(['keuze', 'regiotaxi']);
    assert.equal(namedStatementCount(), shapes);
  }));
