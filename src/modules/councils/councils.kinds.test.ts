/**
 * Organisation kinds (docs/decisions/0015-organisation-kinds.md): the kind decides which menu
 * items and pages an organisation has; the others answer 404 at the same stable URLs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { login, makeCouncil, makeMember, makeUser, type RouteRecord, useTestApp } from '../../../test/support/factories.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import { sectionOfPath } from '../../core/sections.ts';

const routes: RouteRecord[] = [];
let national: Council;
let municipal: Council;
const t = useTestApp({
  routes,
  setup: async () => {
    national = await makeCouncil(t, { kind: 'landelijk', name: 'Landelijk Kennispunt Test', advises: 'raden in heel Nederland' });
    municipal = await makeCouncil(t, { name: 'Adviesraad Testdorp' });
  },
});

/** The links of the page's main menu (the first nav after the header). */
function menuLinks(html: string): string[] {
  const nav = html.match(/<nav[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

test('a national organisation has no signal form and no advice register: 404, and not in its menu; a municipal council has both', async () => {
  for (const path of ['signaal', 'adviezen', 'feed.atom']) {
    assert.equal((await t.app.inject(`/${national.slug}/${path}`)).statusCode, 404, `national /${path}`);
  }
  // Meetings it has, with their calendar feed: its campaigns' kick-off and closing meetings (issue 12).
  for (const path of ['vergaderingen', 'agenda.ics']) assert.equal((await t.app.inject(`/${national.slug}/${path}`)).statusCode, 200, `national /${path}`);
  for (const path of ['signaal', 'adviezen', 'vergaderingen', 'feed.atom', 'agenda.ics']) {
    assert.equal((await t.app.inject(`/${municipal.slug}/${path}`)).statusCode, 200, `municipal /${path}`);
  }
  // A post to a section the organisation lacks is refused before anything else looks at it.
  assert.equal((await t.app.inject({ method: 'POST', url: `/${national.slug}/signaal/versturen`, payload: {} })).statusCode, 404);

  const home = await t.app.inject(`/${national.slug}`);
  assert.equal(home.statusCode, 200);
  const menu = menuLinks(home.body);
  assert.ok(menu.includes(`/${national.slug}/documenten`), menu.join(' '));
  assert.ok(menu.includes(`/${national.slug}/leden`), menu.join(' '));
  // Meetings it has: the kick-off and closing meetings of its campaigns (issue 12).
  for (const path of ['signaal', 'adviezen', 'werkgroepen', 'vacatures']) {
    assert.ok(!home.body.includes(`href="/${national.slug}/${path}"`), `national home links to /${path}`);
  }
  const municipalMenu = menuLinks((await t.app.inject(`/${municipal.slug}`)).body);
  for (const path of ['signaal', 'adviezen', 'vergaderingen', 'documenten', 'leden', 'werkgroepen', 'vacatures']) {
    assert.ok(municipalMenu.includes(`/${municipal.slug}/${path}`), `municipal menu lacks /${path}`);
  }
});

test('the workspace of a national organisation: no advice or signals in menu, dashboard or at their addresses', async () => {
  const secretary = await login(t, (await makeMember(t, national, 'secretary')).user);
  const ws = `/${national.slug}/werkruimte`;
  const dashboard = await secretary.request({ url: ws });
  assert.equal(dashboard.statusCode, 200);
  for (const path of ['adviezen', 'signalen', 'werkgroepen', 'vacatures']) {
    assert.ok(!dashboard.body.includes(`href="${ws}/${path}`), `national dashboard links to ${path}`);
    assert.equal((await secretary.request({ url: `${ws}/${path}` })).statusCode, 404, `${ws}/${path}`);
  }
  assert.ok(dashboard.body.includes(`href="${ws}/leden"`));
  assert.ok(dashboard.body.includes(`href="${ws}/documenten"`));
  assert.equal((await secretary.request({ url: `${ws}/leden` })).statusCode, 200);
  // Settings without the advice settings (approval rule, answer period).
  const settings = await secretary.request({ url: `${ws}/instellingen` });
  assert.equal(settings.statusCode, 200);
  assert.doesNotMatch(settings.body, /name="answerPeriodValue"/);

  const other = await login(t, (await makeMember(t, municipal, 'secretary')).user);
  const own = await other.request({ url: `/${municipal.slug}/werkruimte` });
  for (const path of ['adviezen', 'signalen', 'vergaderingen']) assert.ok(own.body.includes(`href="/${municipal.slug}/werkruimte/${path}"`), path);
  assert.match((await other.request({ url: `/${municipal.slug}/werkruimte/instellingen` })).body, /name="answerPeriodValue"/);
});

test('every page of a section a national organisation lacks answers 404, for GET and POST alike', async () => {
  const lacking = routes.filter((r) => {
    if (!r.url.startsWith('/:council/') || (r.method !== 'GET' && r.method !== 'POST')) return false;
    const section = sectionOfPath(r.url.slice('/:council/'.length));
    return section !== null && !hasSection('landelijk', section);
  });
  // Advice and signals have dozens of pages; the count guards against an empty list.
  assert.ok(lacking.length >= 60, `only ${lacking.length} routes`);
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, totpEnabled: true }));
  for (const r of lacking) {
    const url = r.url.replace(':council', national.slug).replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
    const res = await admin.request({ method: r.method as 'GET' | 'POST', url, form: r.method === 'POST' ? {} : undefined });
    assert.equal(res.statusCode, 404, `${r.method} ${r.url}`);
  }
});

test('the kind shows on the organisation home and about page', async () => {
  const home = await t.app.inject(`/${national.slug}`);
  assert.match(home.body, /Wij zijn een landelijke organisatie\. Wij werken voor: raden in heel Nederland/);
  assert.match((await t.app.inject(`/${municipal.slug}`)).body, /Wij zijn een adviesraad van de gemeente\. Wij geven advies aan:/);
  assert.match((await t.app.inject({ url: `/${national.slug}/over-ons`, headers: { cookie: 'rw_taal=en' } })).body, /National organisation/);
});

test('the platform admin chooses the kind; without a choice the form says so', async () => {
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, totpEnabled: true }));
  const form = { name: 'Regionaal Overleg Test', slug: `regio-${Date.now()}`, advises: 'de sociale dienst', contactEmail: 'info@regio.example' };
  const page = await admin.request({ url: '/beheer/raden/nieuw' });
  for (const kind of ['gemeentelijk', 'clientenraad', 'regionaal', 'landelijk']) assert.match(page.body, new RegExp(`type="radio"[^>]*value="${kind}"`));
  const missing = await admin.request({ url: '/beheer/raden/nieuw', form });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /<title>Fout:/);
  assert.match(missing.body, /Kies de soort organisatie\./);
  assert.equal((await admin.request({ url: '/beheer/raden/nieuw', form: { ...form, kind: 'provinciaal' } })).statusCode, 400);
  const created = await admin.request({ url: '/beheer/raden/nieuw', form: { ...form, kind: 'regionaal' } });
  assert.equal(created.statusCode, 303);
  const [row] = await t.db.select().from(councils).where(eq(councils.slug, form.slug));
  assert.equal(row?.kind, 'regionaal');
  // A regional body: advice yes, signal form no.
  assert.equal((await t.app.inject(`/${form.slug}/adviezen`)).statusCode, 200);
  assert.equal((await t.app.inject(`/${form.slug}/signaal`)).statusCode, 404);
  assert.match((await admin.request({ url: '/beheer' })).body, /Regionaal overleg van raden/);
});

test('the platform home lists the organisations grouped by kind, a heading per kind that has any', async () => {
  await makeCouncil(t, { kind: 'regionaal', name: 'Regionaal Overleg Testregio' });
  const { app } = t;
  const home = await app.inject('/');
  assert.equal(home.statusCode, 200);
  const headings = [...home.body.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]!.trim());
  assert.deepEqual(headings, ['Adviesraden van gemeenten', 'Regionale overleggen', 'Landelijke organisaties']);
  // Each organisation sits under its own kind's heading.
  const at = (s: string) => home.body.indexOf(s);
  const heading = (s: string) => home.body.search(new RegExp(`<h2[^>]*>${s}</h2>`));
  assert.ok(at('>Adviesraad Testdorp<') > heading('Adviesraden van gemeenten'));
  assert.ok(at('>Adviesraad Testdorp<') < heading('Regionale overleggen'));
  assert.ok(at('>Regionaal Overleg Testregio<') > heading('Regionale overleggen'));
  assert.ok(at('>Regionaal Overleg Testregio<') < heading('Landelijke organisaties'));
  assert.ok(at('>Landelijk Kennispunt Test<') > heading('Landelijke organisaties'));
  const en = await app.inject({ url: '/', headers: { cookie: 'rw_taal=en' } });
  assert.match(en.body, /<h2[^>]*>National organisations<\/h2>/);
});
