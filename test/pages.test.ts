/**
 * Every page a visitor, member, secretary or admin can reach, rendered from the demo data,
 * checked by the W3C Nu HTML checker (zero errors), in Dutch and in English.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginByEmail, anonymousPost, type TestApp, type LoggedIn } from './support/factories.ts';
import { seedDemo } from '../seeds/demo.ts';
import { makeDocument } from '../src/modules/documents/documents.test-helpers.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { eq } from 'drizzle-orm';
import { checkHtml, formatHtmlErrors } from './support/vnu.ts';
import { allMessages } from '../src/core/i18n/index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemo(t.database, t.app.deps);
});
after(async () => t.close());

/** Links on a page to follow, within the same site and section. */
function linksOf(html: string, prefix: string): string[] {
  return [...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')).filter((h) => h.startsWith(prefix) && !h.includes('/logo') && !h.endsWith('.css') && !h.startsWith('/taal'));
}

/** Breadth-first crawl as one user; returns url -> html of every 200 page. */
async function crawl(get: (url: string) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>, start: string[], prefixes: string[], max = 80) {
  const seen = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0 && seen.size < max) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await get(url);
    assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}`);
    if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) {
      seen.set(url, '');
      continue;
    }
    seen.set(url, res.body);
    for (const p of prefixes) for (const link of linksOf(res.body, p)) if (!seen.has(link)) queue.push(link);
  }
  return [...seen.entries()].filter(([, html]) => html !== '');
}

test('every public, workspace and admin page is valid HTML (Nu checker) and no page fails', async () => {
  const pages: { name: string; html: string }[] = [];
  const anon = await crawl((url) => t.app.inject(url), ['/', '/toegankelijkheid', '/privacy', '/inloggen', '/wachtwoord-vergeten'], ['/lindewijk', '/bergeloo', '/de-horizon', '/']);
  pages.push(...anon.map(([url, html]) => ({ name: `anoniem ${url}`, html })));

  const secretary: LoggedIn = await loginByEmail(t, 'secretaris@adviesraad-lindewijk.example');
  const ws = await crawl((url) => secretary.request({ url }), ['/lindewijk/werkruimte', '/account'], ['/lindewijk/werkruimte', '/account']);
  pages.push(...ws.map(([url, html]) => ({ name: `secretaris ${url}`, html })));

  const admin = await loginByEmail(t, 'beheer@raadwerk.example');
  const adm = await crawl((url) => admin.request({ url }), ['/beheer', '/beheer/postvak', '/beheer/raden/nieuw'], ['/beheer']);
  pages.push(...adm.map(([url, html]) => ({ name: `beheerder ${url}`, html })));

  // Pages with form errors and error pages.
  const contactError = await anonymousPost(t, '/lindewijk/contact', { name: '', email: 'x' });
  pages.push({ name: 'contact met fouten', html: contactError.body });
  pages.push({ name: '404', html: (await t.app.inject('/bestaat-niet')).body });
  const settingsError = await secretary.request({ url: '/lindewijk/werkruimte/instellingen', form: { name: '', colour: 'rood' } });
  pages.push({ name: 'instellingen met fouten', html: settingsError.body });
  // Documents (issue 5): lists, search with hits (an extracted document), folders, a document, the upload form with errors.
  const [lindewijk] = await t.db.select().from(councils).where(eq(councils.slug, 'lindewijk'));
  await makeDocument(t, lindewijk!, { access: 'public', title: 'Zoekvoorbeeld', pages: ['Inleiding', 'Mantelzorgers krijgen meer respijtzorg in de wijk.'] });
  for (const url of ['/lindewijk/documenten', '/lindewijk/documenten?q=mantelzorgers']) pages.push({ name: `anoniem ${url}`, html: (await t.app.inject(url)).body });
  const docList = await secretary.request({ url: '/lindewijk/werkruimte/documenten' });
  const docPages = ['/lindewijk/werkruimte/documenten?q=respijtzorg', '/lindewijk/werkruimte/documenten/mappen', '/lindewijk/werkruimte/documenten/nieuw'];
  for (const m of docList.body.matchAll(/href="(\/lindewijk\/werkruimte\/documenten\/[0-9a-f-]{36})"/g)) docPages.push(m[1]!, `${m[1]}/verwijderen`);
  const folderLinks = (await secretary.request({ url: '/lindewijk/werkruimte/documenten/mappen' })).body.matchAll(/href="(\/lindewijk\/werkruimte\/documenten\/mappen\/[0-9a-f-]{36})"/g);
  for (const m of folderLinks) docPages.push(m[1]!);
  for (const url of docPages) {
    const res = await secretary.request({ url });
    assert.equal(res.statusCode, 200, url);
    pages.push({ name: `secretaris ${url}`, html: res.body });
  }
  pages.push({
    name: 'document toevoegen met fouten',
    html: (await secretary.request({ url: '/lindewijk/werkruimte/documenten/nieuw', form: { access: 'iedereen' } })).body,
  });
  assert.ok(docPages.length >= 8, `documents pages: ${docPages.length}`);

  // English versions of a few pages.
  for (const url of ['/lindewijk', '/lindewijk/contact', '/inloggen']) {
    pages.push({ name: `en ${url}`, html: (await t.app.inject({ url, headers: { cookie: 'rw_taal=en' } })).body });
  }

  assert.ok(anon.length >= 12, `crawled ${anon.length} public pages`);
  assert.ok(ws.length >= 4, `crawled ${ws.length} workspace pages`);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});

test('the message catalogue has Dutch and English for every text, and no English left in Dutch', () => {
  for (const [key, m] of Object.entries(allMessages()) as [string, { nl: string; en: string }][]) {
    assert.ok(m.nl.trim().length > 0, `${key} has no Dutch text`);
    assert.ok(m.en.trim().length > 0, `${key} has no English text`);
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)]
        .map((x) => x[1])
        .sort()
        .join(',');
    assert.equal(placeholders(m.nl), placeholders(m.en), `${key}: placeholders differ between nl and en`);
  }
});
