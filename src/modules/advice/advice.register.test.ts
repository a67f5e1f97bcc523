import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, dayFromToday, get, login, makeCouncil, makeCouncils, makeMember, post, type TestApp, useTestApp } from '../../../test/support/factories.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { seedAdvice, seedDocument } from './advice.register.test-helpers.ts';
import * as register from './advice.register.ts';

const t = useTestApp();

/** Subjects shown in the register table, in order. */
function subjects(html: string): string[] {
  return [...html.matchAll(/<th class="utrecht-table__header-cell[^"]*" scope="row"><a [^>]*href="\/[^/]+\/adviezen\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
}

test('the register shows given public advice only, newest first, with its count', async () => {
  const [c, other] = await makeCouncils(t, 2);
  await seedAdvice(t, c, { subject: 'Oud advies', sentAt: new Date('2024-05-01T10:00:00Z') });
  await seedAdvice(t, c, {
    subject: 'Nieuw advies',
    status: 'answered',
    sentAt: new Date('2026-05-01T10:00:00Z'),
    recommendations: [{ text: 'Doe het.', answer: 'adopted' }],
  });
  await seedAdvice(t, c, { subject: 'Later openbaar, nu al', publication: 'public_after', publishAfter: dayFromToday(-1) });
  await seedAdvice(t, c, { subject: 'Geheim advies', publication: 'not_public', publicationGround: 'Woo 5.1' });
  await seedAdvice(t, c, { subject: 'Nog niet openbaar', publication: 'public_after', publishAfter: dayFromToday(3) });
  await seedAdvice(t, c, { subject: 'Nog in concept', status: 'concept', sentAt: null });
  await seedAdvice(t, c, { subject: 'Vastgesteld niet verstuurd', status: 'adopted', sentAt: null });
  await seedAdvice(t, other, { subject: 'Advies andere raad' });

  const res = await get(t, `/${c.slug}/adviezen`);
  assert.equal(res.statusCode, 200);
  const shown = subjects(res.body);
  assert.deepEqual(shown, ['Nieuw advies', 'Later openbaar, nu al', 'Oud advies']);
  assert.match(res.body, /3 adviezen gevonden/);
  for (const hidden of ['Geheim advies', 'Nog niet openbaar', 'Nog in concept', 'Vastgesteld niet verstuurd', 'Advies andere raad']) assert.ok(!res.body.includes(hidden), hidden);
  assert.match(res.body, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/[^"]+\/feed\.atom"/);
  assert.match(res.body, /<meta name="DCTERMS.type" content="adviezen"/);
  assert.equal(res.headers['set-cookie'], undefined, 'no cookie for anonymous readers');
});

test('filters by year, policy field, status and answer, and searches Dutch word forms in recommendations', async () => {
  const c = await makeCouncil(t);
  await seedAdvice(t, c, {
    subject: 'Wmo 2025',
    policyField: 'wmo',
    sentAt: new Date('2025-02-01T10:00:00Z'),
    recommendations: [{ text: 'Meer huishoudelijke hulp.' }],
  });
  await seedAdvice(t, c, {
    subject: 'Jeugd 2026',
    policyField: 'jeugdwet',
    status: 'answered',
    sentAt: new Date('2026-02-01T10:00:00Z'),
    recommendations: [{ text: 'Korte wachtlijsten voor jeugdzorg.', answer: 'not_adopted' }],
  });
  await seedAdvice(t, c, {
    subject: 'Armoede 2026',
    policyField: 'participatiewet',
    sentAt: new Date('2026-06-01T10:00:00Z'),
    question: 'Hoe bereiken we mantelzorgers met weinig geld?',
    recommendations: [{ text: 'Een vast loket.', answer: 'adopted' }, { text: 'Nog iets.' }],
  });
  const list = async (query: string) => {
    const res = await get(t, `/${c.slug}/adviezen?${query}`);
    assert.equal(res.statusCode, 200, query);
    return subjects(res.body).sort();
  };
  assert.deepEqual(await list('jaar=2026'), ['Armoede 2026', 'Jeugd 2026']);
  assert.deepEqual(await list('jaar=2025'), ['Wmo 2025']);
  assert.deepEqual(await list('beleidsveld=jeugdwet'), ['Jeugd 2026']);
  assert.deepEqual(await list('status=answered'), ['Jeugd 2026']);
  assert.deepEqual(await list('status=sent'), ['Armoede 2026', 'Wmo 2025']);
  assert.deepEqual(await list('antwoord=adopted'), ['Armoede 2026']);
  assert.deepEqual(await list('antwoord=not_adopted'), ['Jeugd 2026']);
  assert.deepEqual(await list('antwoord=unanswered'), ['Armoede 2026', 'Wmo 2025']);
  // Dutch stemming: "wachtlijst" finds "wachtlijsten" (in a recommendation), "mantelzorger" finds "mantelzorgers".
  assert.deepEqual(await list('zoekterm=wachtlijst'), ['Jeugd 2026']);
  assert.deepEqual(await list('zoekterm=mantelzorger'), ['Armoede 2026']);
  assert.deepEqual(await list('zoekterm=huishoudelijke+hulp&jaar=2025'), ['Wmo 2025']);
  assert.deepEqual(await list('zoekterm=huishoudelijke+hulp&jaar=2026'), []);
  assert.deepEqual(await list('zoekterm=fietspad'), []);
  // Filters are kept in the form; bad values are ignored, never a 500.
  const res = await get(t, `/${c.slug}/adviezen?zoekterm=wachtlijst&beleidsveld=jeugdwet`);
  assert.match(res.body, /name="zoekterm" value="wachtlijst"/);
  assert.match(res.body, /<option value="jeugdwet" selected>/);
  assert.match(res.body, /1 advies gevonden/);
  // A NUL character is refused as input everywhere (issue 17): 400 with the reason, never a 500.
  assert.equal((await get(t, `/${c.slug}/adviezen?beleidsveld=%00`)).statusCode, 400);
  for (const bad of ['jaar=abc', 'status=concept', 'antwoord=x', 'pagina=-1', 'pagina=99999999', "zoekterm=' or 1=1 --", 'zoekterm=%26%7C!():*', 'jaar=1&jaar=2']) {
    const r = await get(t, `/${c.slug}/adviezen?${bad}`);
    assert.equal(r.statusCode, 200, bad);
  }
});

test('the register is paginated', async () => {
  const c = await makeCouncil(t);
  for (let i = 0; i < 23; i++) await seedAdvice(t, c, { subject: `Advies nummer ${String(i).padStart(2, '0')}`, sentAt: new Date(Date.UTC(2026, 0, 1 + i, 10)) });
  const first = await get(t, `/${c.slug}/adviezen`);
  assert.equal(subjects(first.body).length, 20);
  assert.equal(subjects(first.body)[0], 'Advies nummer 22');
  assert.match(first.body, /23 adviezen gevonden/);
  assert.match(first.body, /href="\/[^"]+\/adviezen\?pagina=2" rel="next"/);
  const second = await get(t, `/${c.slug}/adviezen?pagina=2`);
  assert.deepEqual(subjects(second.body), ['Advies nummer 02', 'Advies nummer 01', 'Advies nummer 00']);
  // Past the end (an old link): the last page, with the right count.
  const beyond = await get(t, `/${c.slug}/adviezen?pagina=7`);
  assert.deepEqual(subjects(beyond.body), ['Advies nummer 02', 'Advies nummer 01', 'Advies nummer 00']);
  assert.match(beyond.body, /23 adviezen gevonden/);
  assert.match((await get(t, `/${c.slug}/adviezen?pagina=3&zoekterm=fietspad`)).body, /Geen adviezen gevonden\./);
});

test('an advice page shows recommendations beside the answers, follow-up and public documents; others are 404', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const a = await seedAdvice(t, c, {
    subject: 'Beleidsplan Wmo',
    reference: '2026-007',
    status: 'answered',
    sentAt: new Date('2026-12-08T09:30:00Z'),
    answeredAt: new Date('2027-01-10T09:30:00Z'),
    recommendations: [
      { text: 'Betrek mantelzorgers.', answer: 'adopted', followUp: 'Er is een mantelzorgpanel gestart.' },
      { text: 'Verlaag de eigen bijdrage.', answer: 'not_adopted', answerReason: 'Dat past niet in de begroting.' },
    ],
  });
  const request = await seedDocument(t, c, a, 'request', 'aanvraag.pdf');
  await seedDocument(t, c, a, 'answer_letter', 'antwoordbrief.pdf');
  const internal = await seedDocument(t, c, a, 'other', 'intern-memo.pdf');
  const res = await get(t, `/${c.slug}/adviezen/${a.id}`);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  for (const shown of [
    'Beleidsplan Wmo',
    '2026-007',
    '8 december 2026',
    '10 januari 2027',
    'Betrek mantelzorgers.',
    'Overgenomen',
    'Niet overgenomen',
    'Dat past niet in de begroting.',
    'Er is een mantelzorgpanel gestart.',
    'aanvraag.pdf',
    'antwoordbrief.pdf',
  ]) {
    assert.ok(html.includes(shown), `shows ${shown}`);
  }
  assert.ok(!html.includes('intern-memo.pdf'), 'internal documents are not listed');
  assert.match(html, /<caption class="utrecht-table__caption">Elke aanbeveling met het antwoord van de gemeente<\/caption>/);
  assert.match(html, /<meta name="DCTERMS.type" content="adviezen"/);
  assert.match(html, /<meta name="DCTERMS.identifier" content="2026-007"/);
  assert.match(html, /<meta name="DCTERMS.issued" content="2026-12-08"/);

  const doc = await get(t, `/${c.slug}/adviezen/${a.id}/documenten/${request.id}`);
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.headers['content-type'], 'application/pdf');
  assert.match(doc.body, /^%PDF/);
  assert.equal((await get(t, `/${c.slug}/adviezen/${a.id}/documenten/${internal.id}`)).statusCode, 404);
  assert.equal((await get(t, `/${other.slug}/adviezen/${a.id}/documenten/${request.id}`)).statusCode, 404);

  const secret = await seedAdvice(t, c, { publication: 'not_public' });
  const later = await seedAdvice(t, c, { publication: 'public_after', publishAfter: dayFromToday(1) });
  const concept = await seedAdvice(t, c, { status: 'concept', sentAt: null });
  for (const url of [
    `/${c.slug}/adviezen/${secret.id}`,
    `/${c.slug}/adviezen/${later.id}`,
    `/${c.slug}/adviezen/${concept.id}`,
    `/${other.slug}/adviezen/${a.id}`,
    `/${c.slug}/adviezen/abc`,
    `/${c.slug}/adviezen/00000000-0000-0000-0000-000000000000`,
  ]) {
    assert.equal((await get(t, url)).statusCode, 404, url);
  }
});

test('a new answer shows on the next request, also for cached pages', async () => {
  const c = await makeCouncil(t);
  const a = await seedAdvice(t, c, { subject: 'Eerst verborgen', publication: 'not_public' });
  assert.equal((await get(t, `/${c.slug}/adviezen`)).body.includes('Eerst verborgen'), false);
  // A change through a POST (here: creating an API key) clears the page cache.
  const { user } = await makeMember(t, c, 'secretary');
  const s = await login(t, user);
  const { advices } = await import('./advice.schema.ts');
  await t.db.update(advices).set({ publication: 'public' }).where(eq(advices.id, a.id));
  assert.equal((await post(t, `/${c.slug}/werkruimte/api-sleutels`, { name: 'Zaaksysteem' }, s)).statusCode, 201);
  assert.equal((await get(t, `/${c.slug}/adviezen`)).body.includes('Eerst verborgen'), true);
});

/** The years offered in the year filter of a register page. */
function yearsIn(html: string): string[] {
  const select = /<select[^>]*name="jaar"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]);
}

test('the year filter follows a change at once, on this instance and on another one (the years are kept in memory)', async () => {
  const c = await makeCouncil(t);
  const hidden = await seedAdvice(t, c, { sentAt: new Date('2023-04-01T10:00:00Z'), publication: 'not_public', publicationGround: 'Woo artikel 5.1' });
  await seedAdvice(t, c, { sentAt: new Date('2025-04-01T10:00:00Z') });
  const secretary = await login(t, (await makeMember(t, c, 'secretary')).user);
  const second = await createTestApp({}, { database: t.database });
  try {
    // Logged in, so rendered on every request: the page cache plays no part here.
    const years = async (app: TestApp['app']) => yearsIn((await app.inject({ url: `/${c.slug}/adviezen`, headers: { cookie: secretary.cookie } })).body);
    assert.deepEqual(await years(t.app), ['2025']);
    assert.deepEqual(await years(second.app), ['2025']);
    // Written straight into the database, not through the app: the years in memory are used.
    await seedAdvice(t, c, { sentAt: new Date('2024-04-01T10:00:00Z') });
    assert.deepEqual(await years(t.app), ['2025'], 'the years come from memory');
    // A change through the app (publishing the 2023 advice) shows at once...
    const heard = second.app.deps.cache.currentGeneration();
    const published = await secretary.request({ url: `/${c.slug}/werkruimte/adviezen/${hidden.id}/publicatie`, form: { publication: 'public' } });
    assert.equal(published.statusCode, 303);
    assert.deepEqual(await years(t.app), ['2025', '2024', '2023']);
    // ...and on the other instance as soon as it has heard of the change (NOTIFY arrives asynchronously).
    while (second.app.deps.cache.currentGeneration() === heard) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(await years(second.app), ['2025', '2024', '2023']);
    // Hiding it again takes the year away.
    const hiddenAgain = await secretary.request({
      url: `/${c.slug}/werkruimte/adviezen/${hidden.id}/publicatie`,
      form: { publication: 'not_public', publicationGround: 'Woo artikel 5.1' },
    });
    assert.equal(hiddenAgain.statusCode, 303);
    assert.deepEqual(await years(t.app), ['2025', '2024']);
    // Public from tomorrow: its year is there tomorrow (the day is part of what is kept).
    await seedAdvice(t, c, { sentAt: new Date('2022-04-01T10:00:00Z'), publication: 'public_after', publishAfter: dayFromToday(1) });
    const cache = t.app.deps.cache;
    assert.deepEqual(await register.registerYears(t.db, c, { cache, today: dayFromToday(1) }), [2025, 2024, 2022]);
  } finally {
    await second.close();
  }
});

test('the Atom feed lists public advice as valid Atom', async () => {
  const c = await makeCouncil(t);
  await seedAdvice(t, c, { subject: 'Advies over <jeugd> & zorg', reference: '2026-001' });
  await seedAdvice(t, c, { subject: 'Geheim in feed', publication: 'not_public' });
  const res = await get(t, `/${c.slug}/feed.atom`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
  const xml = res.body;
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.equal((xml.match(/<entry>/g) ?? []).length, 1);
  // The title is HTML (type="html"): the subject's markup characters are escaped, never markup.
  assert.ok(xml.includes('<title type="html"><![CDATA[2026-001: Advies over &lt;jeugd&gt; &amp; zorg]]></title>'), 'escaped title');
  assert.ok(!xml.includes('Geheim in feed'));
  assert.match(xml, /<link href="http[^"]+\/adviezen\/[0-9a-f-]{36}"\/>/);
  assert.match(xml, /<category term="adviezen"\/>/);
  assert.ok(!/<category(?![^>]*term=)/.test(xml), 'every category has a term');
  // Well-formed: balanced tags and no raw ampersands.
  assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')), 'no unescaped ampersand');
  const opens = (xml.match(/<(entry|feed|title|id|updated)[ >]/g) ?? []).length;
  const closes = (xml.match(/<\/(entry|feed|title|id|updated)>/g) ?? []).length;
  assert.equal(opens, closes);
  assert.equal((await get(t, '/bestaat-niet/feed.atom')).statusCode, 404);
});

test('overview: counts per year and policy field, average days to answer, overdue list; council members only', async () => {
  const c = await makeCouncil(t);
  await seedAdvice(t, c, {
    subject: 'Beantwoord in 10 dagen',
    status: 'answered',
    sentAt: new Date('2025-03-01T10:00:00Z'),
    answeredAt: new Date('2025-03-11T10:00:00Z'),
    recommendations: [
      { text: 'a', answer: 'adopted' },
      { text: 'b', answer: 'partly' },
    ],
  });
  await seedAdvice(t, c, {
    subject: 'Beantwoord in 20 dagen',
    status: 'answered',
    sentAt: new Date('2025-05-01T10:00:00Z'),
    answeredAt: new Date('2025-05-21T10:00:00Z'),
    recommendations: [{ text: 'a', answer: 'not_adopted' }],
  });
  await seedAdvice(t, c, {
    subject: 'Te laat beantwoord',
    publication: 'not_public',
    sentAt: new Date('2026-01-05T10:00:00Z'),
    answerDueOn: dayFromToday(-2),
    recommendations: [{ text: 'a' }, { text: 'b' }],
  });
  await seedAdvice(t, c, { subject: 'Nog op tijd', sentAt: new Date('2026-01-05T10:00:00Z'), answerDueOn: dayFromToday(5) });
  const { user: member } = await makeMember(t, c, 'member');
  const { user: official } = await makeMember(t, c, 'official');
  const url = `/${c.slug}/werkruimte/adviezen/overzicht`;
  const res = await get(t, url, await login(t, member));
  assert.equal(res.statusCode, 200);
  const html = res.body.replace(/\s+/g, ' ');
  // 2025 row: 2 advices, 1 adopted, 1 partly, 1 not, 0 unanswered, average 15 days.
  // A row: the year as row header, then each cell's value (the table wraps it for the stacked phone layout).
  const row = (year: string, values: string[]) =>
    new RegExp(`<th class="utrecht-table__header-cell[^"]*" scope="row">${year}</th>${values.map((v) => `<td[^>]*><div class="rw-table__value">${v}</div></td>`).join('')}`);
  assert.match(html, row('2025', ['2', '1', '1', '1', '0', '15']));
  assert.match(html, row('2026', ['2', '0', '0', '0', '3', '-']));
  const overdue = html.slice(html.indexOf('id="te-laat"'));
  assert.ok(overdue.includes('Te laat beantwoord'));
  assert.ok(!overdue.includes('Nog op tijd'));
  assert.equal((await get(t, url, await login(t, official))).statusCode, 403);
  assert.equal((await get(t, url)).statusCode, 303);
});

test('every page of the register and the overview is valid HTML (W3C Nu checker), in Dutch and English', async () => {
  const c = await makeCouncil(t);
  const a = await seedAdvice(t, c, {
    status: 'answered',
    answeredAt: new Date('2026-04-01T10:00:00Z'),
    introduction: 'Inleiding.\n\nTweede alinea.',
    explanation: 'Toelichting.',
    recommendations: [
      { text: 'Een', answer: 'adopted', followUp: 'Gedaan.' },
      { text: 'Twee', answer: 'partly' },
    ],
  });
  await seedDocument(t, c, a, 'request');
  for (let i = 0; i < 25; i++) await seedAdvice(t, c, { sentAt: new Date(Date.UTC(2020 + (i % 6), 1, 1 + i)), answerDueOn: dayFromToday(-1) });
  const { user } = await makeMember(t, c, 'secretary');
  const s = await login(t, user);
  const pages: { name: string; html: string }[] = [];
  const add = async (name: string, res: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const r = await res;
    assert.equal(r.statusCode, status, name);
    pages.push({ name, html: r.body });
  };
  await add('register', get(t, `/${c.slug}/adviezen`));
  await add('register-filtered', get(t, `/${c.slug}/adviezen?zoekterm=inwoners&jaar=2026&beleidsveld=wmo&status=answered&antwoord=adopted`));
  await add('register-empty', get(t, `/${c.slug}/adviezen?zoekterm=fietspad`));
  await add('register-page-2', get(t, `/${c.slug}/adviezen?pagina=2`));
  await add('advice', get(t, `/${c.slug}/adviezen/${a.id}`));
  await add('overview', get(t, `/${c.slug}/werkruimte/adviezen/overzicht`, s));
  await add('register-en', t.app.inject({ url: `/${c.slug}/adviezen`, headers: { cookie: 'rw_taal=en' } }));
  await add('advice-en', t.app.inject({ url: `/${c.slug}/adviezen/${a.id}`, headers: { cookie: 'rw_taal=en' } }));
  for (const p of pages) assert.ok(!/register\.[a-zA-Z]+\.?[a-zA-Z.]*/.test(p.html.replace(/href="[^"]*"/g, '')), `${p.name}: every message key is translated`);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});
