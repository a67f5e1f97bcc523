/**
 * The annual report through HTTP: generated from the year's data of the other modules, texts,
 * the approval round, publishing freezes the figures, regenerating makes a new version; the public
 * page and the tagged PDF (read back as assistive technology does); clear pages for a future year,
 * a year without data and impossible years; the national overview with consent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { catalogOf, keepForReview, taggedText } from '../../core/pdf/pdf.test-helpers.ts';
import { makeSignal } from '../signals/signals.test-helpers.ts';
import { makeMeeting } from '../meetings/meetings.test-helpers.ts';
import { makeAgreement, shareFolder } from '../cooperation/cooperation.test-helpers.ts';
import { makeFolder } from '../documents/documents.test-helpers.ts';
import { makeConsultation, makeDelegation, makeExperience, makeReport as makeReportBack } from '../network/network.test-helpers.ts';
import { useTestApp, get, makeAdvice, makeCouncil, makePlan, person } from './workplan.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { annualReports } from './workplan.schema.ts';
import { thisYear } from './workplan.plans.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';

let A: Council;
let chair: Awaited<ReturnType<typeof person>>;
let secretary: Awaited<ReturnType<typeof person>>;
let member: Awaited<ReturnType<typeof person>>;
let agreementId: string;
const Y = thisYear() - 1;
const ws = () => `/${A.slug}/werkruimte/jaarverslag`;

const t = useTestApp({
  setup: async () => {
    A = await makeCouncil(t, { name: 'Adviesraad Sociaal Domein Beekveld' });
    chair = await person(t, A, 'chair');
    secretary = await person(t, A, 'secretary');
    member = await person(t, A, 'member');
    // Year Y: two advices sent (one answered), 7 signals (6 in one theme, 1 in another), 2 meetings held, a plan with 2 topics.
    const at = (date: string) => localToUtc(date, '10:00');
    await makeAdvice(t, A, { status: 'answered', kind: 'requested', policyField: 'wmo', sentAt: at(`${Y}-02-01`), answerDueOn: `${Y}-03-15`, answeredAt: at(`${Y}-03-01`) }, ['Eén', 'Twee']);
    await makeAdvice(t, A, { status: 'sent', kind: 'unsolicited', policyField: 'jeugdwet', sentAt: at(`${Y}-06-01`), answerDueOn: `${Y}-07-13` }, ['Drie']);
    await t.db.execute(
      sql`update advice_recommendations set answer = 'adopted', follow_up = 'Gedaan.' where council_id = ${A.id} and number = 1 and advice_id in (select id from advices where status = 'answered' and council_id = ${A.id})`,
    );
    const theme = async (name: string) =>
      ((await t.db.execute(sql`insert into signal_themes (council_id, name) values (${A.id}, ${name}) returning id`)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const [wait, taxi] = [await theme('Wachtlijst'), await theme('Taxi')];
    for (let i = 0; i < 7; i++) {
      const s = await makeSignal(t, A, 'closed', `Signaal ${i}`);
      await t.db.execute(
        sql`update signals set theme_id = ${i < 6 ? wait : taxi}, outcome = ${i === 0 ? 'included_in_advice' : 'no_action'}, created_at = ${at(`${Y}-0${(i % 3) + 1}-10`)} where id = ${s.id}`,
      );
    }
    await makeMeeting(t, A, `${Y}-01-15`, { status: 'held', title: 'Januarivergadering' });
    await makeMeeting(t, A, `${Y}-02-19`, { status: 'held', title: 'Februarivergadering' });
    // Network and cooperation in Y: one expert meeting (14 people, one experience) and one agreement with a folder shared by A.
    const k = await makeConsultation(t, A, { heldOn: `${Y}-05-12`, headCount: 14 });
    await makeExperience(t, A, { consultationId: k.id, source: 'consultation' });
    const delegation = await makeDelegation(t, A, member.membershipId, { bodyName: 'Regio Werk en Inkomen', startsOn: `${Y}-02-01` });
    const back = await makeReportBack(t, A, delegation.id);
    await t.db.execute(sql`update delegation_reports set created_at = ${at(`${Y}-06-01`)} where id = ${back.id}`);
    const partner = await makeCouncil(t, { name: 'Cliëntenraad Beekveld' });
    const agreement = await makeAgreement(t, [A, partner], { startsOn: `${Y}-03-01`, endsOn: `${Y + 1}-02-28`, title: 'Samen ervaringen ophalen' });
    agreementId = agreement.id;
    const shared = await shareFolder(t, agreement, A, await makeFolder(t, A, 'Vervoer'));
    await t.db.execute(sql`update cooperation_dossiers set created_at = ${at(`${Y}-04-01`)} where id = ${shared.id}`);
    const { topics } = await makePlan(t, A, Y, ['Mantelzorg', 'Leerlingenvervoer'], 'approved');
    await t.db.execute(sql`update workplan_topics set status = 'done' where id = ${topics[0]!.id}`);
  },
});

test('the live figures, a version with texts, the approval round and publishing; the public page shows the frozen figures', async () => {
  const live = await secretary.request({ url: `${ws()}/${Y}` });
  assert.equal(live.statusCode, 200);
  assert.match(live.body, /Dit zijn de cijfers zoals ze nu zijn/);
  assert.equal((await secretary.request({ url: `${ws()}/${Y}/genereren`, form: {} })).statusCode, 303);
  const texts = {
    foreword: 'Een jaar vol mantelzorg.',
    'text-advices': 'Wij gaven twee adviezen.',
    'text-signals': '',
    'text-meetings': '',
    'text-network': '',
    'text-cooperation': '',
    'text-topics': '',
    'text-members': '',
  };
  assert.equal((await secretary.request({ url: `${ws()}/${Y}/teksten`, form: texts })).statusCode, 303);
  // Publishing a draft is refused: it is not approved.
  const early = await secretary.request({ url: `${ws()}/${Y}/publiceren`, form: {} });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Dit kan nu niet/);
  assert.equal((await secretary.request({ url: `${ws()}/${Y}/goedkeuring`, form: {} })).statusCode, 303);
  // Texts are fixed while the council votes.
  assert.equal((await secretary.request({ url: `${ws()}/${Y}/teksten`, form: texts })).statusCode, 400);
  for (const p of [chair, member, secretary]) assert.equal((await p.request({ url: `${ws()}/${Y}/stem`, form: { vote: 'agree', remark: '' } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws()}/${Y}/besluit`, form: {} })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws()}/${Y}/publiceren`, form: {} })).statusCode, 303);

  const page = await get(t, `/${A.slug}/jaarverslag/${Y}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Gegenereerd op/);
  assert.match(page.body, /Een jaar vol mantelzorg/);
  assert.match(page.body, /jaarplannen en jaarverslagen/);
  // Signals: 7 in total, Wachtlijst 6, Taxi 1 -> "minder dan 5"; no individual links on the public page.
  // With the total shown, Taxi would be 7 - 6: Wachtlijst is "niet getoond", and the method note says why.
  assert.match(page.body, /Signalen ontvangen<\/th>[\s\S]*?7/);
  assert.match(page.body, /minder dan 5/);
  assert.match(page.body, /Wachtlijst<\/th>\s*<td[^>]*><div class="rw-table__value">niet getoond</);
  assert.match(page.body, /Hoe we tellen[\s\S]*Daarom verbergen we in dezelfde tabel nog een getal/);
  // Network and cooperation of the year.
  assert.match(page.body, /Aantal deelnemers<\/th>\s*<td[^>]*><div class="rw-table__value">14</);
  assert.match(page.body, /Ervaringen opgehaald<\/th>\s*<td[^>]*><div class="rw-table__value">1</);
  assert.match(page.body, /Terugkoppelingen van afgevaardigden<\/th>\s*<td[^>]*><div class="rw-table__value">1</);
  assert.match(page.body, /Regio Werk en Inkomen: vanaf 1 februari \d{4} \(1 keer teruggekoppeld in dit jaar\)/);
  assert.match(page.body, /Samenwerkingsafspraken<\/th>\s*<td[^>]*><div class="rw-table__value">1</);
  assert.match(page.body, /Dossiers die wij deelden<\/th>\s*<td[^>]*><div class="rw-table__value">1</);
  assert.doesNotMatch(page.body, /kan nog niet worden gemaakt/);
  // One signal led to an advice: fewer than 5, never shown as 0.
  assert.match(page.body, /Signalen die leidden tot een advies<\/th>\s*<td[^>]*><div class="rw-table__value">minder dan 5</);
  assert.match(page.body, /<svg[^>]*role="img"/);
  assert.doesNotMatch(page.body, /werkruimte\/adviezen\//);
  // Members see the records behind the figures.
  const wsPage = await member.request({ url: `${ws()}/${Y}` });
  assert.match(wsPage.body, /Waar deze cijfers vandaan komen/);
  assert.match(wsPage.body, /werkruimte\/adviezen\//);
  assert.match(wsPage.body, new RegExp(`werkruimte/samenwerking/${agreementId}`));

  // New data after publishing does not change the published figures; regenerating makes version 2.
  await makeAdvice(t, A, { status: 'sent', kind: 'requested', policyField: 'wmo', sentAt: localToUtc(`${Y}-11-01`, '10:00'), answerDueOn: `${Y}-12-13` }, ['Vier']);
  const frozen = await get(t, `/${A.slug}/jaarverslag/${Y}`);
  assert.match(frozen.body, /Adviezen verstuurd<\/th>[\s\S]*?>2</);
  assert.equal((await secretary.request({ url: `${ws()}/${Y}/genereren`, form: {} })).statusCode, 303);
  const versions = await t.db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.councilId, A.id), eq(annualReports.year, Y)))
    .orderBy(annualReports.version);
  assert.deepEqual(
    versions.map((v) => [v.version, v.status]),
    [
      [1, 'published'],
      [2, 'draft'],
    ],
  );
  assert.equal((versions[1]!.figures as { advices: { total: number } }).advices.total, 3);
  assert.equal(versions[1]!.foreword, 'Een jaar vol mantelzorg.');
  assert.match((await get(t, `/${A.slug}/jaarverslag/${Y}`)).body, /Adviezen verstuurd<\/th>[\s\S]*?>2</);
});

test('the PDF: tagged, Dutch, a title, headings in reading order, charts with their text, nothing untagged', async () => {
  const res = await get(t, `/${A.slug}/jaarverslag/${Y}/jaarverslag.pdf`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const bytes = new Uint8Array(res.rawPayload);
  keepForReview('jaarverslag.pdf', bytes);
  const catalog = await catalogOf(bytes);
  assert.equal(catalog.marked, true);
  assert.equal(catalog.structTree, true);
  assert.equal(catalog.lang, 'nl-NL');
  assert.equal(catalog.displayDocTitle, true);
  assert.equal(catalog.title, `Jaarverslag ${Y}: Adviesraad Sociaal Domein Beekveld`);
  const tagged = await taggedText(bytes);
  assert.deepEqual(
    tagged.filter((x) => x.role === '(untagged)'),
    [],
  );
  assert.deepEqual(
    tagged.filter((x) => x.role === 'H1').map((x) => x.text),
    [`Jaarverslag ${Y}: Adviesraad Sociaal Domein Beekveld`],
  );
  const h2 = tagged.filter((x) => x.role === 'H2').map((x) => x.text);
  assert.deepEqual(h2, ['Voorwoord', 'Adviezen', 'Signalen', 'Vergaderingen', 'Raadplegingen en netwerk', 'Samenwerking', 'Werkplan: waar staan de onderwerpen', 'Leden van de raad', 'Hoe we tellen']);
  const all = tagged.map((x) => x.text).join('\n');
  assert.match(all, /Gegenereerd op/);
  assert.match(all, /Wachtlijst: niet getoond/);
  assert.match(all, /Taxi: minder dan 5/);
  assert.ok(
    tagged.some((x) => x.role === 'Figure'),
    'a chart is a Figure',
  );
  // The same content as the page: the same section text.
  assert.match(all, /Wij gaven twee adviezen/);
});

test('clear pages: a future year, a year without data, a year not published; impossible years are 404', async () => {
  const future = await get(t, `/${A.slug}/jaarverslag/${thisYear() + 1}`);
  assert.equal(future.statusCode, 404);
  assert.match(future.body, /Nog geen jaarverslag/);
  assert.doesNotMatch(future.body, /<svg/);
  const empty = await get(t, `/${A.slug}/jaarverslag/2010`);
  assert.equal(empty.statusCode, 404);
  assert.match(empty.body, /geen gegevens/);
  for (const y of ['1900', '3000', 'abc', '20x5']) assert.equal((await get(t, `/${A.slug}/jaarverslag/${y}`)).statusCode, 404, y);
  assert.equal((await get(t, `/${A.slug}/jaarverslag/2010/jaarverslag.pdf`)).statusCode, 404);
  assert.equal((await secretary.request({ url: `${ws()}/${thisYear() + 1}/genereren`, form: {} })).statusCode, 400);
  assert.equal((await secretary.request({ url: `${ws()}/1900/genereren`, form: {} })).statusCode, 404);
});

test('national overview: councils that gave consent, anonymised below 5 councils; other kinds get a 404', async () => {
  assert.equal((await secretary.request({ url: `${ws()}/toestemming`, form: { give: 'ja' } })).statusCode, 303);
  const national = await makeCouncil(t, { kind: 'landelijk' });
  const staff = await person(t, national, 'member');
  const res = await staff.request({ url: `/${national.slug}/werkruimte/landelijk-overzicht?jaar=${Y}` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /minder dan 5 raden/);
  assert.equal((await secretary.request({ url: `/${A.slug}/werkruimte/landelijk-overzicht` })).statusCode, 404);
  // Four more councils with a published report for Y and consent: Wmo now shows figures (5 councils).
  for (let i = 0; i < 4; i++) {
    const c = await makeCouncil(t);
    await t.db.insert(annualReports).values({
      councilId: c.id,
      year: Y,
      version: 1,
      status: 'published',
      figures: { advices: { perField: [{ field: 'wmo', requested: 1, unsolicited: 0, answers: { adopted: 1, partly: 0, not_adopted: 0, unanswered: 0 } }] } },
      generatedAt: new Date(),
    });
    await t.db.execute(sql`insert into workplan_platform_consent (council_id) values (${c.id})`);
  }
  const shown = await staff.request({ url: `/${national.slug}/werkruimte/landelijk-overzicht?jaar=${Y}` });
  assert.match(shown.body, /Wmo<\/th>\s*<td[^>]*><div class="rw-table__value">5</);
  const errors = await checkHtml([
    { name: 'overview', html: shown.body },
    { name: 'report ws', html: (await secretary.request({ url: `${ws()}/${Y}` })).body },
    { name: 'report public', html: (await get(t, `/${A.slug}/jaarverslag/${Y}`)).body },
    { name: 'future', html: (await get(t, `/${A.slug}/jaarverslag/${thisYear() + 1}`)).body },
  ]);
  assert.deepEqual(errors, [], formatHtmlErrors(errors));
});
