/**
 * The organisation register, consent and invitations through HTTP: duplicate names, the public
 * network page, consent per purpose with its refusals, the invitation mail with iCalendar and the
 * withdrawal link, erasure, roles, another council's ids, bad input (400, nothing changed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { anonymousPost, useTestApp, dayFromToday, get, makeCouncil, makeCouncils, person, people, titleOf, type LoggedIn } from '../advice/advice.test-helpers.ts';
import { makeItem, makeMeeting } from '../meetings/meetings.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { watchTables } from '../../../test/support/watch.ts';
import { makeConsultation, makeContact, makeDelegation, makeExperience, makeOrganisation, makeReport } from './network.test-helpers.ts';
import { placeWaitingReports } from './network.delegations.ts';
import { agendaItemRefs } from '../meetings/index.ts';
import { consultationInvites, consultations, networkAccessLog, networkConsents, networkContacts, networkOrganisations } from './network.schema.ts';
import { sendConsentReminders } from './network.jobs.ts';
import { withdrawToken } from './network.rules.ts';

let A: Council;
let B: Council;
let secretary: Awaited<ReturnType<typeof person>>;
let chair: LoggedIn;
let member: LoggedIn;
let official: LoggedIn;
let ws: string;

const t = useTestApp({
  setup: async () => {
    [A, B] = await makeCouncils(t, 2);
    [secretary, chair, member, official] = await people(t, A, ['secretary', 'chair', 'member', 'official']);
    ws = `/${A.slug}/werkruimte/netwerk`;
  },
});

const watch = watchTables(
  () => t.db,
  ['network_organisations', 'network_contacts', 'network_consents', 'network_types', 'consultations', 'consultation_invites', 'consultation_organisations', 'experiences', 'delegations'],
);
/** Every network table of a council, and how many mails wait, as one comparable string. */
async function state(councilId = A.id): Promise<string> {
  const mails = await t.db.select({ n: sql<number>`count(*)` }).from(outbox);
  return `${JSON.stringify(await watch.snapshot(`council_id = '${councilId}'`))}|${mails[0]!.n}`;
}

const orgForm = (name: string, extra: Record<string, string | string[]> = {}) => ({ name, type: 'elderly_union', address: '', website: '', targetGroups: 'ouderen', ...extra });

test('the secretary registers an organisation; the same name again is refused with a link to it, in another council it is fine', async () => {
  const res = await secretary.request({
    url: `${ws}/nieuw`,
    form: orgForm('Ouderenbond Terwolde', { policyFields: ['wmo', 'participatiewet'], listed: 'ja', website: 'https://ouderenbond.example' }),
  });
  assert.equal(res.statusCode, 303);
  const [org] = await t.db.select().from(networkOrganisations).where(eq(networkOrganisations.name, 'Ouderenbond Terwolde'));
  assert.deepEqual(org!.policyFields, ['wmo', 'participatiewet']);
  assert.match(String(res.headers.location), new RegExp(`/organisaties/${org!.id}\\?melding=toegevoegd`));

  const before = await state();
  const again = await secretary.request({ url: `${ws}/nieuw`, form: orgForm('  ouderenbond   TERWOLDE ') });
  assert.equal(again.statusCode, 400);
  assert.match(titleOf(again.body), /^Fout:/);
  assert.match(again.body, /Er staat al een organisatie met de naam/);
  assert.match(again.body, new RegExp(`href="${ws}/organisaties/${org!.id}"`));
  assert.equal(await state(), before);

  const other = await person(t, B, 'secretary');
  assert.equal((await other.request({ url: `/${B.slug}/werkruimte/netwerk/nieuw`, form: orgForm('Ouderenbond Terwolde') })).statusCode, 303);
});

test('bad input on every register form: a clear Dutch message, nothing changed, never a 500', async () => {
  const org = await makeOrganisation(t, A);
  const contact = await makeContact(t, A, org.id);
  const huge = 'x'.repeat(100_000);
  const cases: [string, Record<string, string | string[]>, RegExp][] = [
    [`${ws}/nieuw`, orgForm(huge), /mag hoogstens|maximaal|te lang/i],
    [`${ws}/nieuw`, orgForm(''), /Vul|verplicht/i],
    [`${ws}/nieuw`, orgForm('Goed', { type: 'eigen:00000000-0000-0000-0000-000000000000' }), /Kies/i],
    [`${ws}/nieuw`, orgForm('Goed', { website: 'javascript:alert(1)' }), /https:\/\//],
    [`${ws}/nieuw`, orgForm('Goed', { policyFields: 'geen-veld' }), /Kies/i],
    [`${ws}/organisaties/${org.id}/contactpersonen`, { name: 'Piet', email: 'geen-adres' }, /e-mailadres/i],
    [`${ws}/organisaties/${org.id}/contactpersonen`, { name: huge }, /te lang|hoogstens|maximaal/i],
    [`${ws}/contactpersonen/${contact.id}/toestemming`, { purpose: 'invitations', givenOn: '2026-05-01', expiresOn: '2026-04-01', source: 'form', textVersion: '1' }, /einddatum moet na de datum/],
    [`${ws}/contactpersonen/${contact.id}/toestemming`, { purpose: 'invitations', givenOn: '2026-02-30', source: 'form', textVersion: '1' }, /datum/i],
    [`${ws}/contactpersonen/${contact.id}/toestemming`, { purpose: 'invitations', givenOn: dayFromToday(5), source: 'form', textVersion: '1' }, /toekomst/],
    [`${ws}/contactpersonen/${contact.id}/toestemming`, { purpose: 'spam', givenOn: '2026-01-01', source: 'form', textVersion: '1' }, /Kies/],
    [`${ws}/instellingen`, { consentMonths: '0' }, /1 tot en met 120/],
    [`${ws}/soorten`, { name: '' }, /Vul|verplicht/i],
    [`${ws}/afvaardigingen`, { membershipId: secretary.membershipId, bodyName: '', startsOn: '2026-01-01' }, /regionaal orgaan/],
  ];
  for (const [url, form, message] of cases) {
    const before = await state();
    const res = await secretary.request({ url, form });
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form).slice(0, 80)}`);
    assert.match(titleOf(res.body), /^Fout:/, url);
    assert.match(res.body, message, url);
    assert.equal(await state(), before, url);
  }
});

test('consent per purpose: recorded with default expiry from the council setting; only board sees a private person, and that read is logged', async () => {
  assert.equal((await secretary.request({ url: `${ws}/instellingen`, form: { consentMonths: '12' } })).statusCode, 303);
  const org = await makeOrganisation(t, A, { name: 'Mantelzorg Voorst-Zuid' });
  const res = await secretary.request({
    url: `${ws}/organisaties/${org.id}/contactpersonen`,
    form: { name: 'Greet Mulder', role: 'Vrijwilliger', email: 'greet@test.example', phone: '', privatePerson: 'ja' },
  });
  assert.equal(res.statusCode, 303);
  const [contact] = await t.db.select().from(networkContacts).where(eq(networkContacts.organisationId, org.id));
  // Sealed at rest.
  assert.doesNotMatch(JSON.stringify(contact), /Greet|greet@/);
  const consent = await secretary.request({
    url: `${ws}/contactpersonen/${contact!.id}/toestemming`,
    form: { purpose: 'invitations', givenOn: '2026-03-15', expiresOn: '', source: 'in_person', textVersion: '2026-1' },
  });
  assert.equal(consent.statusCode, 303);
  const [row] = await t.db.select().from(networkConsents).where(eq(networkConsents.contactId, contact!.id));
  assert.equal(row!.expiresOn, '2027-03-15');
  assert.equal(row!.recordedByUserId, secretary.user.id);
  assert.equal(row!.source, 'in_person');

  const forMember = await member.request({ url: `${ws}/organisaties/${org.id}` });
  assert.equal(forMember.statusCode, 200);
  assert.doesNotMatch(forMember.body, /Greet|greet@test/);
  assert.match(forMember.body, /Privépersoon/);
  const logged = async () => (await t.db.select().from(networkAccessLog).where(eq(networkAccessLog.contactId, contact!.id))).length;
  assert.equal(await logged(), 0);
  const forChair = await chair.request({ url: `${ws}/organisaties/${org.id}` });
  assert.match(forChair.body, /Greet Mulder/);
  assert.match(forChair.body, /greet@test\.example/);
  assert.equal(await logged(), 1);
  assert.equal((await official.request({ url: ws })).statusCode, 403);
  assert.equal((await member.request({ url: `${ws}/organisaties/${org.id}/contactpersonen`, form: { name: 'X' } })).statusCode, 403);
});

test('an invitation goes only to contacts with valid consent: the refusal names who and why, the mail carries iCalendar and a withdrawal link that works without login', async () => {
  const org = await makeOrganisation(t, A, { name: 'Welzijn Twello' });
  const ok = await makeContact(t, A, org.id, { name: 'Anna de Boer', consent: ['invitations'] });
  const expired = await makeContact(t, A, org.id, { name: 'Kees Bos', consent: ['invitations'], givenOn: '2023-01-01', expiresOn: '2025-01-01' });
  const onlyNewsletter = await makeContact(t, A, org.id, { name: 'Joke Smit', consent: ['newsletter'] });
  const meeting = await makeMeeting(t, A, dayFromToday(20));
  const item = await makeItem(t, A, meeting, { title: 'Expertmeeting leerlingenvervoer' });
  const create = await secretary.request({
    url: `${ws}/raadplegingen/nieuw`,
    form: { kind: 'expert_meeting', topic: 'Leerlingenvervoer', heldOn: dayFromToday(20), startTime: '10:30', endTime: '11:30', location: 'Gemeentehuis', agendaItemId: item.id, closesOn: '' },
  });
  assert.equal(create.statusCode, 303);
  const id = /raadplegingen\/([0-9a-f-]{36})/.exec(String(create.headers.location))![1]!;
  const page = await member.request({ url: `${ws}/raadplegingen/${id}` });
  assert.match(page.body, /Expertmeeting leerlingenvervoer/);
  const invite = `${ws}/raadplegingen/${id}/uitnodigen`;

  for (const [who, reason] of [
    [expired, /Kees Bos \(Welzijn Twello\) kan geen uitnodiging krijgen: de toestemming is verlopen/],
    [onlyNewsletter, /Joke Smit \(Welzijn Twello\) kan geen uitnodiging krijgen: er is geen toestemming voor uitnodigingen/],
  ] as const) {
    const before = await state();
    const res = await secretary.request({ url: invite, form: { contactIds: [ok.id, who.id] } });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, reason);
    assert.equal(await state(), before, 'nothing sent');
  }
  // A contact of another council is refused as unknown.
  const otherOrg = await makeOrganisation(t, B);
  const foreign = await makeContact(t, B, otherOrg.id, { consent: ['invitations'] });
  const before = await state();
  assert.equal((await secretary.request({ url: invite, form: { contactIds: [foreign.id] } })).statusCode, 400);
  assert.equal(await state(), before);

  assert.equal((await secretary.request({ url: invite, form: { contactIds: ok.id } })).statusCode, 303);
  const [mail] = await t.db.select().from(outbox).where(eq(outbox.toAddress, ok.email));
  assert.match(mail!.subject, /Uitnodiging: Leerlingenvervoer/);
  const [ics] = mail!.attachments;
  assert.equal(ics!.contentType, 'text/calendar; method=REQUEST; charset=utf-8');
  assert.match(ics!.content, /METHOD:REQUEST/);
  assert.match(ics!.content, /SUMMARY:Leerlingenvervoer/);
  assert.match(ics!.content, new RegExp(`ATTENDEE.*${ok.email.replace('.', '\\.')}`, 's'));
  const link = new URL(/(https?:\/\/\S+\/netwerk\/afmelden\/\S+)/.exec(mail!.body)![1]!).pathname;
  assert.equal(link, `/${A.slug}/netwerk/afmelden/${withdrawToken(t.app.deps.secretKey, ok.id)}`);
  // Invited twice: no second mail.
  assert.equal((await secretary.request({ url: invite, form: { contactIds: ok.id } })).statusCode, 303);
  assert.equal((await t.db.select().from(outbox).where(eq(outbox.toAddress, ok.email))).length, 1);
  assert.equal((await t.db.select().from(consultationInvites).where(eq(consultationInvites.consultationId, id))).length, 1);

  // The contact withdraws from the mail, without logging in.
  const confirm = await get(t, link);
  assert.equal(confirm.statusCode, 200);
  assert.doesNotMatch(String(confirm.headers['set-cookie'] ?? ''), /./);
  const done = await anonymousPost(t, link, {});
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /U bent afgemeld/);
  const second = await makeConsultation(t, A);
  const res = await secretary.request({ url: `${ws}/raadplegingen/${second.id}/uitnodigen`, form: { contactIds: ok.id } });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /de toestemming is ingetrokken/);
  // A forged or malformed token is a plain 404.
  for (const bad of [`${ok.id}.${'a'.repeat(32)}`, 'abc', 'a'.repeat(300)]) assert.equal((await get(t, `/${A.slug}/netwerk/afmelden/${bad}`)).statusCode, 404, bad);
  // The link of A's contact under B's address finds nothing to withdraw there.
  assert.equal((await anonymousPost(t, `/${B.slug}/netwerk/afmelden/${withdrawToken(t.app.deps.secretKey, foreign.id)}`, {})).statusCode, 200);

  // Attendance and report: only invited organisations.
  const stranger = await makeOrganisation(t, A);
  assert.equal((await secretary.request({ url: `${ws}/raadplegingen/${id}/verslag`, form: { attended: stranger.id, headCount: '12', report: '' } })).statusCode, 400);
  assert.equal((await secretary.request({ url: `${ws}/raadplegingen/${id}/verslag`, form: { attended: org.id, headCount: '12', report: 'Goed gesprek over de taxi.' } })).statusCode, 303);
  const after = await member.request({ url: `${ws}/raadplegingen/${id}` });
  assert.match(after.body, /Welzijn Twello \(aanwezig\)/);
  assert.match(after.body, /Goed gesprek over de taxi/);
});

test('a consultation linked to an agenda item of another council is refused at the field', async () => {
  const meeting = await makeMeeting(t, B, dayFromToday(10));
  const item = await makeItem(t, B, meeting);
  const before = await state();
  const res = await secretary.request({ url: `${ws}/raadplegingen/nieuw`, form: { kind: 'conversations', topic: 'Wijkteams', heldOn: dayFromToday(10), agendaItemId: item.id } });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Kies een agendapunt uit de lijst/);
  for (const form of [
    { kind: 'conversations', topic: 'Wijkteams', heldOn: dayFromToday(10), startTime: '14:00', endTime: '13:00' },
    { kind: 'conversations', topic: 'Wijkteams', heldOn: dayFromToday(10), startTime: '25:00', endTime: '26:00' },
    { kind: 'conversations', topic: 'Wijkteams', heldOn: dayFromToday(10), closesOn: dayFromToday(5) },
    { kind: 'conversations', topic: 'x'.repeat(100_000), heldOn: dayFromToday(10) },
  ] as Record<string, string>[]) {
    const r = await secretary.request({ url: `${ws}/raadplegingen/nieuw`, form });
    assert.equal(r.statusCode, 400, JSON.stringify(form).slice(0, 100));
    assert.match(titleOf(r.body), /^Fout:/);
  }
  assert.equal(await state(), before);
});

test('erasure removes the person and consents, keeps the organisation and the count of invitations', async () => {
  const org = await makeOrganisation(t, A);
  const c = await makeContact(t, A, org.id, { consent: ['invitations', 'newsletter'] });
  const cons = await makeConsultation(t, A);
  assert.equal((await secretary.request({ url: `${ws}/raadplegingen/${cons.id}/uitnodigen`, form: { contactIds: c.id } })).statusCode, 303);
  assert.equal((await member.request({ url: `${ws}/contactpersonen/${c.id}/wissen`, form: {} })).statusCode, 403);
  assert.equal((await secretary.request({ url: `${ws}/contactpersonen/${c.id}/wissen`, form: {} })).statusCode, 303);
  const [row] = await t.db.select().from(networkContacts).where(eq(networkContacts.id, c.id));
  assert.equal(row!.nameSealed, null);
  assert.equal(row!.emailSealed, null);
  assert.ok(row!.erasedAt);
  assert.equal((await t.db.select().from(networkConsents).where(eq(networkConsents.contactId, c.id))).length, 0);
  assert.equal((await t.db.select().from(consultationInvites).where(eq(consultationInvites.contactId, c.id))).length, 1);
  assert.ok((await t.db.select().from(networkOrganisations).where(eq(networkOrganisations.id, org.id))).length);
  // Twice: a clear message, not a 500.
  const again = await secretary.request({ url: `${ws}/contactpersonen/${c.id}/wissen`, form: {} });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /al gewist/);
});

test('the secretary hears 30 and 7 days before a consent expires, once each', async () => {
  const C = await makeCouncil(t);
  const sec = await person(t, C, 'secretary');
  const org = await makeOrganisation(t, C, { name: 'Dorpsbelang Wilp' });
  await makeContact(t, C, org.id, { name: 'Riet Hendriks', consent: ['invitations'], expiresOn: dayFromToday(20) });
  await makeContact(t, C, org.id, { name: 'Later', consent: ['invitations'], expiresOn: dayFromToday(200) });
  const mails = async () => (await t.db.select().from(outbox).where(eq(outbox.toAddress, sec.email))).filter((m) => /Toestemming verloopt/.test(m.subject));
  await sendConsentReminders(t.app.deps);
  const [first] = await mails();
  assert.match(first!.body, /Riet Hendriks \(Dorpsbelang Wilp\), uitnodigingen/);
  assert.doesNotMatch(first!.body, /Later/);
  await sendConsentReminders(t.app.deps);
  assert.equal((await mails()).length, 1, 'once');
  // A week later (7 days before expiry) the second reminder.
  await sendConsentReminders(t.app.deps, new Date(Date.now() + 14 * 86_400_000));
  assert.equal((await mails()).length, 2);
});

test('the public network page lists only organisations that agreed, without contact persons; the API the same and only public consultations', async () => {
  const listed = await makeOrganisation(t, A, { name: 'Zonnebloem-afdeling Klarenbeek', type: 'volunteers', listed: true, website: 'https://zonnebloem.example' });
  const hidden = await makeOrganisation(t, A, { name: 'Stille Organisatie', listed: false });
  await makeContact(t, A, listed.id, { name: 'Zichtbaar Nooit' });
  const page = await get(t, `/${A.slug}/netwerk`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(listed.name));
  assert.doesNotMatch(page.body, new RegExp(hidden.name));
  assert.doesNotMatch(page.body, /Zichtbaar Nooit/);
  assert.equal(page.headers['set-cookie'], undefined);

  const open = await makeConsultation(t, A, { topic: 'Openbare avond', isPublic: true, closesOn: dayFromToday(10) });
  await makeExperience(t, A, { consultationId: open.id });
  await makeExperience(t, A, { consultationId: open.id });
  await makeConsultation(t, A, { topic: 'Besloten gesprek' });
  const api = await get(t, `/api/v1/raden/${A.slug}/netwerk`);
  assert.equal(api.statusCode, 200);
  assert.equal(api.headers['access-control-allow-origin'], '*');
  const names = (api.json() as { items: { name: string }[] }).items.map((i) => i.name);
  assert.ok(names.includes(listed.name));
  assert.ok(!names.includes(hidden.name));
  const cons = (await get(t, `/api/v1/raden/${A.slug}/raadplegingen`)).json() as { items: { topic: string; experiences: number }[] };
  assert.equal(cons.items[0]!.experiences, 2);
  assert.deepEqual(
    cons.items.map((c) => c.topic),
    ['Openbare avond'],
  );
  assert.equal((await get(t, '/api/v1/raden/bestaat-niet/netwerk')).statusCode, 404);
  assert.equal((await get(t, '/api/v1/raden/%00/raadplegingen')).statusCode, 404);
});

test("another council's ids answer 404 and change nothing", async () => {
  const org = await makeOrganisation(t, B);
  const contact = await makeContact(t, B, org.id, { consent: ['invitations'] });
  const cons = await makeConsultation(t, B);
  const before = await state(B.id);
  for (const url of [`${ws}/organisaties/${org.id}`, `${ws}/raadplegingen/${cons.id}`, `${ws}/contactpersonen/${contact.id}/toestemming`, `${ws}/organisaties/not-a-uuid`]) {
    assert.equal((await secretary.request({ url })).statusCode, 404, url);
  }
  for (const [url, form] of [
    [`${ws}/organisaties/${org.id}`, orgForm('Gekaapt')],
    [`${ws}/organisaties/${org.id}/contactpersonen`, { name: 'X' }],
    [`${ws}/contactpersonen/${contact.id}/toestemming`, { purpose: 'invitations', givenOn: '2026-01-01', source: 'form', textVersion: '1' }],
    [`${ws}/contactpersonen/${contact.id}/wissen`, {}],
    [`${ws}/raadplegingen/${cons.id}/uitnodigen`, { contactIds: contact.id }],
  ] as const) {
    assert.equal((await secretary.request({ url, form: form as Record<string, string> })).statusCode, 404, url);
  }
  assert.equal(await state(B.id), before);
});

test('every network page is valid HTML (Nu checker), with and without errors', async () => {
  const org = await makeOrganisation(t, A, { listed: true });
  const c = await makeContact(t, A, org.id, { consent: ['invitations'], privatePerson: true });
  const cons = await makeConsultation(t, A, { isPublic: true, closesOn: dayFromToday(5) });
  const pages: { name: string; html: string }[] = [];
  const add = async (name: string, res: { statusCode: number; body: string }, status = 200) => {
    assert.equal(res.statusCode, status, name);
    pages.push({ name, html: res.body });
  };
  for (const path of [
    '',
    '/nieuw',
    `/organisaties/${org.id}`,
    `/organisaties/${org.id}/wijzigen`,
    `/contactpersonen/${c.id}/toestemming`,
    '/soorten',
    '/instellingen',
    '/afvaardigingen',
    '/raadplegingen',
    '/raadplegingen/nieuw',
    `/raadplegingen/${cons.id}`,
    `/raadplegingen/${cons.id}/wijzigen`,
    '/ervaringen',
    '/ervaringen/nieuw',
  ]) {
    await add(`ws${path}`, await secretary.request({ url: `${ws}${path}` }));
  }
  await add('toegangslog', await chair.request({ url: `${ws}/toegangslog` }));
  await add('member org', await member.request({ url: `${ws}/organisaties/${org.id}` }));
  await add('edit with errors', await secretary.request({ url: `${ws}/organisaties/${org.id}`, form: orgForm('', { website: 'ftp://x' }) }), 400);
  await add('new with errors', await secretary.request({ url: `${ws}/nieuw`, form: orgForm('') }), 400);
  await add('consent with errors', await secretary.request({ url: `${ws}/contactpersonen/${c.id}/toestemming`, form: { purpose: 'invitations', givenOn: 'gisteren' } }), 400);
  await add('invite with errors', await secretary.request({ url: `${ws}/raadplegingen/${cons.id}/uitnodigen`, form: {} }), 400);
  await add('change with errors', await secretary.request({ url: `${ws}/raadplegingen/${cons.id}/wijzigen`, form: { kind: 'written', topic: '' } }), 400);
  // Delegations with a waiting report and a coming meeting: every form of the page shows.
  const d = await makeDelegation(t, A, secretary.membershipId, { bodyName: 'Regionaal overleg Nu' });
  await makeReport(t, A, d.id);
  await makeMeeting(t, A, dayFromToday(25));
  await add('delegations with reports', await secretary.request({ url: `${ws}/afvaardigingen` }));
  await add('report with errors', await secretary.request({ url: `${ws}/afvaardigingen/terugkoppeling`, form: { delegationId: d.id, text: '' } }), 400);
  await add('about', await get(t, `/${A.slug}/over-ons`));
  await add('public network', await get(t, `/${A.slug}/netwerk`));
  await add('share', await get(t, `/${A.slug}/ervaring-delen`));
  await add('withdraw', await get(t, `/${A.slug}/netwerk/afmelden/${withdrawToken(t.app.deps.secretKey, c.id)}`));
  const errors = await checkHtml(pages);
  assert.deepEqual(errors, [], formatHtmlErrors(errors));
});

test('a delegate reports back: it goes on the next meeting, or waits as "nog niet geagendeerd"; the about page lists the delegations without names', async () => {
  const C = await makeCouncil(t);
  const [board, delegate, other] = await people(t, C, ['secretary', 'member', 'member']);
  const d = await makeDelegation(t, C, delegate.membershipId, { bodyName: 'Regionaal platform Werk en Inkomen', role: 'deputy', startsOn: '2026-01-01' });
  const url = `/${C.slug}/werkruimte/netwerk/afvaardigingen`;
  const refused = await other.request({ url: `${url}/terugkoppeling`, form: { delegationId: d.id, text: 'Iets anders.' } });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /alleen terugkoppelen over uw eigen afvaardiging/);
  // No meeting planned (one begun already does not count): the report waits.
  await makeMeeting(t, C, dayFromToday(-2));
  const first = await delegate.request({ url: `${url}/terugkoppeling`, form: { delegationId: d.id, text: 'Het platform sprak over de bijstand.' } });
  assert.equal(first.headers.location, `${url}?melding=wacht`);
  assert.match((await delegate.request({ url })).body, /Nog niet geagendeerd/);
  // A meeting is planned: the waiting report goes on it, once.
  const next = await makeMeeting(t, C, dayFromToday(14), { title: 'Raadsvergadering december' });
  assert.equal(await placeWaitingReports(t.app.deps, { councilId: C.id }), 1);
  assert.equal(await placeWaitingReports(t.app.deps, { councilId: C.id }), 0);
  // The next report goes on at once, closed when asked.
  const second = await delegate.request({ url: `${url}/terugkoppeling`, form: { delegationId: d.id, text: 'Vertrouwelijk: de begroting.', closed: 'ja' } });
  assert.equal(second.headers.location, `${url}?melding=terugkoppeling`);
  const items = (await agendaItemRefs(t.db, C.id)).filter((i) => i.meetingId === next.id);
  assert.deepEqual(
    items.map((i) => i.title),
    ['Terugkoppeling Regionaal platform Werk en Inkomen', 'Terugkoppeling Regionaal platform Werk en Inkomen'],
  );
  const rows = await t.db.execute(sql`select explanation, presenter, is_public from agenda_items where meeting_id = ${next.id} order by position`);
  const list = ((rows as unknown as { rows?: unknown[] }).rows ?? rows) as { explanation: string; presenter: string; is_public: boolean }[];
  assert.deepEqual(
    list.map((r) => [r.explanation, r.presenter, r.is_public]),
    [
      ['Het platform sprak over de bijstand.', delegate.user.name, true],
      ['Vertrouwelijk: de begroting.', delegate.user.name, false],
    ],
  );
  assert.match((await delegate.request({ url })).body, /Op de agenda van Raadsvergadering december/);
  // By hand: the board puts a report on a meeting it chooses; a meeting of another council is refused at the field.
  const waiting = await makeReport(t, C, d.id);
  const foreign = await makeMeeting(t, B, dayFromToday(20));
  const bad = await board.request({ url: `${url}/agenderen`, form: { reportId: waiting.id, meetingId: foreign.id } });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Kies een vergadering uit de lijst/);
  assert.equal((await board.request({ url: `${url}/agenderen`, form: { reportId: waiting.id, meetingId: next.id } })).statusCode, 303);
  assert.equal((await agendaItemRefs(t.db, C.id)).filter((i) => i.meetingId === next.id).length, 3);
  // The public about page: which body, which role, since when; not who.
  const about = await get(t, `/${C.slug}/over-ons`);
  assert.match(about.body, /Plaatsvervanger in Regionaal platform Werk en Inkomen, sinds 1 januari 2026/);
  assert.doesNotMatch(about.body, new RegExp(delegate.user.name));
});

test('a consultation changes while open; after the first response the topic stays and the closing date only moves later; the invited get the new version', async () => {
  const cons = await makeConsultation(t, A, { kind: 'written', topic: 'Vervoer', heldOn: dayFromToday(10), startTime: '', endTime: '', isPublic: true, closesOn: dayFromToday(20) });
  const org = await makeOrganisation(t, A);
  const c = await makeContact(t, A, org.id, { consent: ['invitations'], email: 'genodigde@test.example' });
  assert.equal((await secretary.request({ url: `${ws}/raadplegingen/${cons.id}/uitnodigen`, form: { contactIds: c.id } })).statusCode, 303);
  const url = `${ws}/raadplegingen/${cons.id}/wijzigen`;
  const form = { kind: 'written', topic: 'Vervoer naar school', heldOn: dayFromToday(10), isPublic: 'ja', closesOn: dayFromToday(20) };
  assert.equal((await member.request({ url, form })).statusCode, 403);
  assert.equal((await secretary.request({ url, form })).headers.location, `${ws}/raadplegingen/${cons.id}?melding=gewijzigd`);
  await makeExperience(t, A, { consultationId: cons.id });
  const before = await state();
  for (const [change, message] of [
    [{ topic: 'Iets anders' }, /Er zijn al reacties\. Dit kan daarom niet meer veranderen/],
    [{ closesOn: dayFromToday(15) }, /De sluitingsdatum kan alleen later worden/],
  ] as const) {
    const res = await secretary.request({ url, form: { ...form, ...change } });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, message);
  }
  const { isPublic: _, ...notPublic } = form;
  assert.match((await secretary.request({ url, form: notPublic })).body, /Er zijn al reacties\. Dit kan daarom niet meer veranderen/);
  assert.equal(await state(), before);
  // A later closing date and another day: allowed; the invited contact gets the new version.
  assert.equal((await secretary.request({ url, form: { ...form, heldOn: dayFromToday(12), closesOn: dayFromToday(30) } })).statusCode, 303);
  const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, 'genodigde@test.example'));
  assert.equal(mails.length, 2);
  assert.ok(mails.some((m) => /^Gewijzigd: Vervoer naar school/.test(m.subject)));
  const [saved] = await t.db.select().from(consultations).where(eq(consultations.id, cons.id));
  assert.deepEqual([saved!.sequence, saved!.closesOn], [1, dayFromToday(30)]);
  // Over: no more changes (the outcome can still be recorded).
  const past = await makeConsultation(t, A, { heldOn: dayFromToday(-3) });
  const over = await secretary.request({ url: `${ws}/raadplegingen/${past.id}/wijzigen`, form: { kind: 'written', topic: 'Later', heldOn: dayFromToday(5) } });
  assert.equal(over.statusCode, 400);
  assert.match(over.body, /Deze raadpleging is voorbij/);
});
