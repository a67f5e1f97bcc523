/**
 * Campaigns through HTTP on a real database: the public nomination form (co-nominations, the
 * deadline, the edit link, bad input), the jury (declarations first, 404 with a conflict, scores
 * and their visibility), the organisers (province view, front runners, publishing with a reason,
 * mails, CSV) and the API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { anonymousToken, useTestApp, login, makeCouncil, makeMember, mailsTo, multipart, uniqueId, type LoggedIn, ipSequence } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { campaignCriteria, campaignDeclarations, campaignJurors, campaignNominations, campaignScores, campaigns } from './campaigns.schema.ts';
import { addJuror, makeCampaign, makeNomination, nominationForm, scoreForm } from './campaigns.test-helpers.ts';
import { submitNomination } from './campaigns.nominations.ts';
import { translator } from '../../core/i18n/index.ts';
import * as XLSX from 'xlsx';
import { nominatorOf, runNominatorRetention } from './campaigns.privacy.ts';
import { OVERVIEW_PAGE_SIZE } from './campaigns.jury.ts';

let N: Council;
const ip = ipSequence('10.91');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const t = useTestApp({
  setup: async () => {
    N = await makeCouncil(t, { kind: 'landelijk', name: `Samen Sterk ${uniqueId()}` });
  },
});

/** The nomination form posted as a browser does: multipart, the form's token in the address. */
function nominate(url: string, fields: Record<string, string>, opts: { file?: { filename: string; bytes: Buffer }; ageMs?: number } = {}) {
  const body = multipart(fields, opts.file && { name: 'bijlage', filename: opts.file.filename, type: 'application/pdf', bytes: opts.file.bytes });
  return t.app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(anonymousToken(t, opts.ageMs ?? 10_000))}`,
    headers: { 'content-type': body.contentType },
    payload: body.payload,
    remoteAddress: ip(),
  });
}

/** The nominations of a campaign whose (sealed) nominator has this e-mail address. */
const byNominator = async (campaignId: string, email: string) =>
  (await t.db.select().from(campaignNominations).where(eq(campaignNominations.campaignId, campaignId))).filter((n) => nominatorOf(t.app.deps.secretKey, n)?.email === email);

const count = async (campaignId: string) => (await t.db.select().from(campaignNominations).where(eq(campaignNominations.campaignId, campaignId))).length;

test('a nomination from the public form: stored with its province, a confirmation mail with an edit link, a second one becomes a co-nomination', async () => {
  const { campaign, criteria } = await makeCampaign(t, N);
  const base = `/${N.slug}/campagnes/${campaign.id}`;
  const form = await t.app.inject({ url: `${base}/voordragen` });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<option value="GM0363">Amsterdam \(Noord-Holland\)<\/option>/);
  assert.equal(form.headers['set-cookie'], undefined, 'no cookie for the public form');

  const res = await nominate(`${base}/voordragen`, nominationForm(criteria, 'GM0344', { email: 'eerste@test.example' }), { file: { filename: 'plan.pdf', bytes: PDF } });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${base}/verstuurd`);
  const [first] = await byNominator(campaign.id, 'eerste@test.example');
  assert.equal(first!.province, 'PV26');
  assert.doesNotMatch(first!.nominatorSealed!, /eerste|Sam Inwoner/, "the nominator's details are sealed at rest");
  assert.equal(first!.coNominationOf, null);
  assert.equal(first!.fileName, 'plan.pdf');
  const [mail] = await mailsTo(t, 'eerste@test.example');
  assert.match(mail!.subject, /Utrecht/);
  const link = new RegExp(`${base}/nominatie/([A-Za-z0-9_-]+)`).exec(mail!.body);
  assert.ok(link, 'the mail carries the edit link');

  const second = await nominate(`${base}/voordragen`, nominationForm(criteria, 'GM0344', { email: 'tweede@test.example' }));
  assert.equal(second.statusCode, 303);
  const [co] = await byNominator(campaign.id, 'tweede@test.example');
  assert.equal(co!.coNominationOf, first!.id);

  // The edit link shows the nomination and saves changes; another token is a 404.
  const edit = await t.app.inject({ url: `${base}/nominatie/${link[1]}` });
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /Hier gebeurt veel rond criterium 1/);
  const saved = await nominate(`${base}/nominatie/${link[1]}`, { ...nominationForm(criteria, 'GM0344'), motivatie1: 'Aangepaste motivatie.' });
  assert.equal(saved.statusCode, 303);
  const [after1] = await t.db.select().from(campaignNominations).where(eq(campaignNominations.id, first!.id));
  assert.equal(after1!.motivations[criteria[0]!.id], 'Aangepaste motivatie.');
  assert.equal(after1!.municipalityCode, 'GM0344', 'the municipality stays as nominated');
  const other = await makeNomination(t, (await makeCampaign(t, N)).campaign, criteria, 'GM0014');
  assert.equal((await t.app.inject({ url: `${base}/nominatie/${other.token}` })).statusCode, 404, "another campaign's edit link");
  assert.equal((await t.app.inject({ url: `${base}/nominatie/${'x'.repeat(43)}` })).statusCode, 404);
});

test('bad input gets a Dutch message and stores nothing', async () => {
  const { campaign, criteria } = await makeCampaign(t, N);
  const url = `/${N.slug}/campagnes/${campaign.id}/voordragen`;
  const cases: [string, Record<string, string>, RegExp, { file?: { filename: string; bytes: Buffer }; ageMs?: number }?][] = [
    ['unknown municipality', nominationForm(criteria, 'GM9999'), /Kies een gemeente uit de lijst/],
    ['a motivation of 100 kB', nominationForm(criteria, 'GM0363', { motivatie1: 'x'.repeat(100_000) }), /Fout:/],
    ['a motivation of 2,001 characters', nominationForm(criteria, 'GM0363', { motivatie2: 'x'.repeat(2001) }), /2000 tekens|te lang/i],
    ['no e-mail address', nominationForm(criteria, 'GM0363', { email: '' }), /Fout:/],
    ['a file that is not a PDF', nominationForm(criteria, 'GM0363'), /geen pdf/, { file: { filename: 'plan.pdf', bytes: Buffer.from('MZ not a pdf at all') } }],
    ['too fast', nominationForm(criteria, 'GM0363'), /erg snel/, { ageMs: 500 }],
    [
      'a PDF of 10 MB and one byte',
      nominationForm(criteria, 'GM0363'),
      /groter dan 10 MB/,
      { file: { filename: 'groot.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)]) } },
    ],
  ];
  for (const [what, fields, message, opts] of cases) {
    const res = await nominate(url, fields, opts);
    assert.equal(res.statusCode, 400, what);
    assert.match(res.body, /<title>Fout:/, what);
    assert.match(res.body, message, what);
    assert.equal(await count(campaign.id), 0, what);
  }
  // A robot that fills the hidden field is answered like a person, and nothing is stored.
  const robot = await nominate(url, nominationForm(criteria, 'GM0363', { website: 'http://spam.example' }));
  assert.equal(robot.statusCode, 303);
  assert.equal(await count(campaign.id), 0);
});

test('the deadline: a nomination in the last minute counts, one at the closing minute is refused (service and form)', async () => {
  const closesAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 60_000);
  const { campaign, criteria } = await makeCampaign(t, N, { closesAt });
  const input = nominationForm(criteria, 'GM0014') as never;
  const deps = t.app.deps;
  const nl = translator('nl');
  await submitNomination(deps, { council: N, campaign, criteria, input, t: nl, now: new Date(closesAt.getTime() - 1) });
  await assert.rejects(submitNomination(deps, { council: N, campaign, criteria, input, t: nl, now: closesAt }), /nominationsClosed/);
  assert.equal(await count(campaign.id), 1);

  // Through the form after the deadline: the page says it is closed, a late post is refused.
  const past = await makeCampaign(t, N, { opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() - 1000) });
  const base = `/${N.slug}/campagnes/${past.campaign.id}`;
  const page = await t.app.inject({ url: `${base}/voordragen` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Voordragen is gesloten/);
  assert.doesNotMatch(page.body, /name="municipality"/);
  const late = await nominate(`${base}/voordragen`, nominationForm(past.criteria, 'GM0014'));
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /gesloten/);
  assert.equal(await count(past.campaign.id), 0);
  // The edit link no longer changes anything either.
  const { token, nomination } = await makeNomination(t, past.campaign, past.criteria, 'GM0363');
  const edit = await nominate(`${base}/nominatie/${token}`, { ...nominationForm(past.criteria, 'GM0363'), motivatie1: 'Te laat veranderd.' });
  assert.equal(edit.statusCode, 409);
  const [unchanged] = await t.db.select().from(campaignNominations).where(eq(campaignNominations.id, nomination.id));
  assert.notEqual(unchanged!.motivations[past.criteria[0]!.id], 'Te laat veranderd.');
});

test('campaign pages exist only for national organisations; a campaign not yet open is not public', async () => {
  const local = await makeCouncil(t);
  assert.equal((await t.app.inject({ url: `/${local.slug}/campagnes` })).statusCode, 404);
  const future = await makeCampaign(t, N, { opensAt: new Date(Date.now() + 86_400_000), closesAt: new Date(Date.now() + 2 * 86_400_000) });
  assert.equal((await t.app.inject({ url: `/${N.slug}/campagnes/${future.campaign.id}` })).statusCode, 404);
  assert.equal((await t.app.inject({ url: `/${N.slug}/campagnes/${future.campaign.id}/voordragen` })).statusCode, 404);
});

// ------------------------------------------------------------------ the jury and the organisers

type Jury = { chair: LoggedIn; jurors: LoggedIn[]; memberships: string[]; outsider: LoggedIn };
async function juryOf(n: number): Promise<Jury> {
  const chair = await login(t, (await makeMember(t, N, 'chair')).user);
  const jurors: LoggedIn[] = [];
  const memberships: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await makeMember(t, N, 'member');
    jurors.push(await login(t, m.user));
    memberships.push(m.membership.id);
  }
  const outsider = await login(t, (await makeMember(t, N, 'member')).user);
  return { chair, jurors, memberships, outsider };
}

test('conflicts of interest first: names only until declared, 404 on every route of a conflicted nomination, no score asked', async () => {
  const { campaign, criteria } = await makeCampaign(t, N, { phase: 'jury' });
  const a = (await makeNomination(t, campaign, criteria, 'GM0363')).nomination;
  const b = (await makeNomination(t, campaign, criteria, 'GM0599')).nomination;
  const jury = await juryOf(2);
  for (const m of jury.memberships) await addJuror(t, campaign, m);
  const [juror, other] = jury.jurors as [LoggedIn, LoggedIn];
  const ws = `/${N.slug}/werkruimte/campagnes/${campaign.id}`;

  const list = await juror.request({ url: ws });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Amsterdam/);
  assert.doesNotMatch(list.body, new RegExp(`nominaties/${a.id}`), 'no link before declaring');
  assert.doesNotMatch(list.body, /Noor Voordrager/, 'no nominator before declaring');
  assert.equal((await juror.request({ url: `${ws}/nominaties/${a.id}` })).statusCode, 404);

  // A member not on the jury does not find the campaign's pages.
  assert.equal((await jury.outsider.request({ url: ws })).statusCode, 404);
  assert.equal((await jury.outsider.request({ url: `${ws}/nominaties/${a.id}` })).statusCode, 404);

  const declared = await juror.request({ url: `${ws}/verklaringen`, form: { [`verklaring-${a.id}`]: 'conflict', [`verklaring-${b.id}`]: 'geen' } });
  assert.equal(declared.statusCode, 303);
  const rows = await t.db.select().from(campaignDeclarations).where(eq(campaignDeclarations.membershipId, jury.memberships[0]!));
  assert.equal(rows.length, 2);
  // Declarations are kept as given: posting again changes nothing.
  await juror.request({ url: `${ws}/verklaringen`, form: { [`verklaring-${a.id}`]: 'geen' } });
  const [kept] = await t.db.select().from(campaignDeclarations).where(sql`${campaignDeclarations.nominationId} = ${a.id} and ${campaignDeclarations.membershipId} = ${jury.memberships[0]!}`);
  assert.equal(kept!.conflict, true);

  // With the conflict: 404 on the page and on scoring; nothing stored.
  assert.equal((await juror.request({ url: `${ws}/nominaties/${a.id}` })).statusCode, 404);
  const refused = await juror.request({ url: `${ws}/nominaties/${a.id}/beoordeling`, form: scoreForm(criteria, 4) });
  assert.equal(refused.statusCode, 404);
  assert.equal((await t.db.select().from(campaignScores).where(eq(campaignScores.nominationId, a.id))).length, 0);
  const overview = await juror.request({ url: ws });
  assert.match(overview.body, /Belang gemeld/);
  assert.doesNotMatch(overview.body, new RegExp(`nominaties/${a.id}`));

  // Without: the nomination and the score form.
  const page = await juror.request({ url: `${ws}/nominaties/${b.id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Noor Voordrager/);
  assert.match(page.body, /name="score1"/);

  // Bad scores: a 6, a motivation of 3 characters.
  for (const [form, message] of [
    [scoreForm(criteria, 6), /Kies een cijfer van 1 tot en met 5/],
    [scoreForm(criteria, 4, 'kort'), /minstens 20 tekens/],
    [scoreForm(criteria, 'vijf'), /Kies een cijfer/],
  ] as const) {
    const res = await juror.request({ url: `${ws}/nominaties/${b.id}/beoordeling`, form });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, message);
  }
  assert.equal((await t.db.select().from(campaignScores).where(eq(campaignScores.nominationId, b.id))).length, 0);

  // The other juror scores first; the first juror does not see it until scoring too.
  await other.request({ url: `${ws}/verklaringen`, form: { [`verklaring-${a.id}`]: 'geen', [`verklaring-${b.id}`]: 'geen' } });
  assert.equal((await other.request({ url: `${ws}/nominaties/${b.id}/beoordeling`, form: scoreForm(criteria, 5, 'Heel sterk, veel samenwerking.') })).statusCode, 303);
  const before = await juror.request({ url: `${ws}/nominaties/${b.id}` });
  assert.doesNotMatch(before.body, /Heel sterk, veel samenwerking/);
  assert.match(before.body, /pas als u zelf hebt beoordeeld/);
  assert.equal((await juror.request({ url: `${ws}/nominaties/${b.id}/beoordeling`, form: scoreForm(criteria, 3) })).statusCode, 303);
  const afterOwn = await juror.request({ url: `${ws}/nominaties/${b.id}` });
  assert.match(afterOwn.body, /Heel sterk, veel samenwerking/);
  assert.match(afterOwn.body, /Bespreken: spreiding 2 of meer/);
  // Scoring twice is refused.
  assert.equal((await juror.request({ url: `${ws}/nominaties/${b.id}/beoordeling`, form: scoreForm(criteria, 1) })).statusCode, 400);
  assert.equal((await t.db.select().from(campaignScores).where(eq(campaignScores.nominationId, b.id))).length, 6);
});

test('organisers: province view with warnings, front runners with motivation, publishing with an uncovered province needs a reason; results, mails, CSV, API', async () => {
  const { campaign, criteria } = await makeCampaign(t, N, { phase: 'decision' });
  const ut = (await makeNomination(t, campaign, criteria, 'GM0344', { nominator: { email: 'utrecht@test.example' } })).nomination;
  const gr = (await makeNomination(t, campaign, criteria, 'GM0014', { nominator: { email: 'groningen@test.example' } })).nomination;
  await makeNomination(t, campaign, criteria, 'GM0344', { coNominationOf: ut.id, nominator: { email: 'mede@test.example' } });
  const { chair } = await juryOf(0);
  const ws = `/${N.slug}/werkruimte/campagnes/${campaign.id}`;

  // The kick-off is planned as a meeting of the meetings module and linked to the campaign.
  const kickoff = { kind: 'kickoff', title: 'Startbijeenkomst Koplopers', date: '2027-01-15', startTime: '14:00', endTime: '17:00', location: 'Utrecht', mode: 'in_person' };
  assert.equal((await chair.request({ url: `${ws}/bijeenkomsten`, form: kickoff })).statusCode, 303);
  const [linked] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  assert.ok(linked!.kickoffMeetingId);
  const meetingPage = await chair.request({ url: `/${N.slug}/werkruimte/vergaderingen/${linked!.kickoffMeetingId}` });
  assert.equal(meetingPage.statusCode, 200, "the meeting is the meetings module's");
  assert.match(meetingPage.body, /Startbijeenkomst Koplopers/);
  const again = await chair.request({ url: `${ws}/bijeenkomsten`, form: kickoff });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /al gepland/);

  const page = await chair.request({ url: ws });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Nog geen koploper in Fryslân/);

  const choose = () => chair.request({ url: `${ws}/nominaties/${ut.id}/koploper`, form: { motivation: 'Inwoners en vrijwilligers doen overal mee.' } });
  assert.equal((await choose()).statusCode, 303);
  // Undoing the choice needs a reason, which the audit log keeps.
  const deselect = (reason: string) => chair.request({ url: `${ws}/nominaties/${ut.id}/terugdraaien`, form: { reason } });
  assert.equal((await deselect('')).statusCode, 400);
  assert.equal((await deselect('Toch nog niet sterk genoeg, zegt de jury.')).statusCode, 303);
  const [undone] = await t.db.select().from(campaignNominations).where(eq(campaignNominations.id, ut.id));
  assert.equal(undone!.selected, false);
  const logged = await t.db.execute(sql`select data from audit_log where action = 'campaign.frontRunnerDeselected' and entity_id = ${campaign.id}`);
  assert.match(JSON.stringify(logged), /Toch nog niet sterk genoeg/);
  const twice = await deselect('Nog een keer.');
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /geen koploper/);
  assert.equal((await choose()).statusCode, 303);
  const noMotivation = await chair.request({ url: `${ws}/nominaties/${gr.id}/koploper`, form: { motivation: '' } });
  assert.equal(noMotivation.statusCode, 400);

  const noReason = await chair.request({ url: `${ws}/publiceren`, form: { reason: '' } });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Schrijf op waarom/);
  const [still] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  assert.equal(still!.phase, 'decision');

  const published = await chair.request({ url: `${ws}/publiceren`, form: { reason: 'Uit elf provincies kwam geen sterke voordracht.' } });
  assert.equal(published.statusCode, 303);
  const [done] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  assert.equal(done!.phase, 'published');
  assert.equal(done!.uncoveredReason, 'Uit elf provincies kwam geen sterke voordracht.');
  assert.equal((await mailsTo(t, 'groningen@test.example')).length, 1, 'not chosen: a mail');
  assert.equal((await mailsTo(t, 'utrecht@test.example')).length, 0, 'chosen: no such mail');
  assert.equal((await mailsTo(t, 'mede@test.example')).length, 0, 'a co-nominator of a front runner: no such mail');

  const results = await t.app.inject({ url: `/${N.slug}/campagnes/${campaign.id}` });
  assert.equal(results.statusCode, 200);
  assert.match(results.body, /Inwoners en vrijwilligers doen overal mee/);
  assert.match(results.body, /Uit elf provincies kwam geen sterke voordracht/);
  assert.match(results.body, /startbijeenkomst: Utrecht/);
  assert.match(results.body, new RegExp(`href="/${N.slug}/vergaderingen/${linked!.kickoffMeetingId}"`));
  assert.doesNotMatch(results.body, /Noor Voordrager|groningen@test/, 'nominators and scores stay private');

  const csv = await chair.request({ url: `${ws}/export.csv` });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.match(csv.body, /cbs_code,gemeente,provincie/);
  assert.match(csv.body, /GM0014,Groningen,Groningen/);
  // XLSX and ODS, read back with an independent reader (SheetJS): the same table, scores as numbers.
  for (const format of ['xlsx', 'ods'] as const) {
    const file = await chair.request({ url: `${ws}/export.${format}` });
    assert.equal(file.statusCode, 200, format);
    const book = XLSX.read(file.rawPayload, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: '' });
    assert.deepEqual(rows[0]!.slice(0, 3), ['cbs_code', 'gemeente', 'provincie'], format);
    assert.equal(rows.length, 4, `${format}: header and three nominations`);
    const groningen = rows.find((r) => r[0] === 'GM0014')!;
    assert.deepEqual([groningen[1], groningen[2], groningen[6]], ['Groningen', 'Groningen', 'groningen@test.example'], format);
  }

  // The calendar is the meetings module's feed of the organisation.
  const ics = await t.app.inject({ url: `/${N.slug}/agenda.ics` });
  assert.equal(ics.statusCode, 200);
  assert.match(ics.body, /SUMMARY:Startbijeenkomst Koplopers/);
  assert.match(ics.body, /DTSTART;TZID=Europe\/Amsterdam:20270115T140000/);

  const api = await t.app.inject({ url: `/api/v1/raden/${N.slug}/campagnes/${campaign.id}` });
  assert.equal(api.statusCode, 200);
  const body = api.json();
  assert.deepEqual(
    body.frontRunners.map((f: { municipalityCode: string }) => f.municipalityCode),
    ['GM0344'],
  );
  assert.equal(JSON.stringify(body).includes('Noor'), false);
  assert.equal(body.kickoff.place, 'Utrecht');
  assert.equal(body.kickoff.startsAt, '2027-01-15T13:00:00.000Z');
  assert.equal(body.closing, null);
  const list = await t.app.inject({ url: `/api/v1/raden/${N.slug}/campagnes` });
  assert.equal(list.statusCode, 200);
  assert.ok(list.json()._embedded.campaigns.some((c: { id: string }) => c.id === campaign.id));
});

test('starting a campaign: bad input is refused at its field and stores nothing; a good one is stored with its criteria', async () => {
  const chair = await login(t, (await makeMember(t, N, 'chair')).user);
  const url = `/${N.slug}/werkruimte/campagnes`;
  const good = {
    title: 'Koplopers 2027',
    purpose: 'Gemeenten zoeken die het goed doen.',
    opensOn: '2027-01-11',
    opensAt: '09:00',
    closesOn: '2027-03-01',
    closesAt: '17:00',
    criteria: 'Vraag een\nUitleg een\n\nVraag twee\nUitleg twee',
  };
  const before = (await t.db.select().from(campaigns).where(eq(campaigns.councilId, N.id))).length;
  for (const [what, form, message] of [
    ['closing before opening', { ...good, closesOn: '2027-01-10' }, /De sluiting moet na de opening liggen/],
    ['no criteria', { ...good, criteria: '   ' }, /Fout:/],
    ['a time that is not a time', { ...good, opensAt: '25:00' }, /Vul een tijd in als uu:mm/],
    ['a partner that is not a national organisation', { ...good, partnerIds: '00000000-0000-4000-8000-000000000000' }, /Kies alleen landelijke organisaties/],
  ] as const) {
    const res = await chair.request({ url, form });
    assert.equal(res.statusCode, 400, what);
    assert.match(res.body, message, what);
  }
  assert.equal((await t.db.select().from(campaigns).where(eq(campaigns.councilId, N.id))).length, before);
  const made = await chair.request({ url, form: good });
  assert.equal(made.statusCode, 303);
  const id = /campagnes\/([0-9a-f-]+)\?/.exec(String(made.headers.location))![1]!;
  const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, id));
  // 09:00 in Amsterdam in winter is 08:00 UTC.
  assert.equal(row!.opensAt.toISOString(), '2027-01-11T08:00:00.000Z');
  const page = await chair.request({ url: `${url}/${id}` });
  assert.match(page.body, /Voordragen kan van 11 januari 2027 09:00 tot 1 maart 2027 17:00/);
});

test("organisers' steps refuse bad input with a message and change nothing", async () => {
  const chair = await login(t, (await makeMember(t, N, 'chair')).user);
  const { campaign } = await makeCampaign(t, N, { phase: 'decision' });
  const ws = `/${N.slug}/werkruimte/campagnes/${campaign.id}`;
  const other = await makeCouncil(t, { kind: 'landelijk' });
  const stranger = (await makeMember(t, other, 'member')).membership.id;
  const meeting = { kind: 'closing', title: 'Slot', date: '2027-01-15', startTime: '14:00', endTime: '17:00', location: 'Utrecht', mode: 'in_person' };
  const cases: [string, string, Record<string, string>, RegExp][] = [
    ['a juror of another organisation', 'jury', { membershipId: stranger }, /Kies een lid van de organisatie/],
    ['a juror that is no id at all', 'jury', { membershipId: 'x' }, /Kies een lid van de organisatie/],
    ['a meeting without a time', 'bijeenkomsten', { ...meeting, startTime: '' }, /Vul dit veld in/],
    ['a meeting at 24:30', 'bijeenkomsten', { ...meeting, startTime: '24:30' }, /Vul een tijd in/],
    ['a meeting that is neither kick-off nor closing', 'bijeenkomsten', { ...meeting, kind: 'feest' }, /Kies een van de mogelijkheden/],
    ['the next phase after the decision (publishing is its own step)', 'fase', {}, /Deze stap kan niet in deze fase/],
    ['publishing without a front runner', 'publiceren', { reason: 'Een reden.' }, /Kies eerst minstens één koploper/],
  ];
  for (const [what, step, form, message] of cases) {
    const res = await chair.request({ url: `${ws}/${step}`, form });
    assert.equal(res.statusCode, 400, what);
    assert.match(res.body, message, what);
  }
  const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  assert.equal(row!.phase, 'decision');
  assert.equal(row!.closingMeetingId, null);
});

test('criteria and jury change until the first score; after it the page says why not, and nothing changes', async () => {
  const { campaign, criteria } = await makeCampaign(t, N, { phase: 'jury' });
  const nom = (await makeNomination(t, campaign, criteria, 'GM0344')).nomination;
  const { chair, memberships } = await juryOf(2);
  const ws = `/${N.slug}/werkruimte/campagnes/${campaign.id}`;
  for (const m of memberships) assert.equal((await chair.request({ url: `${ws}/jury`, form: { membershipId: m } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws}/jury/verwijderen`, form: { membershipId: memberships[1]! } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws}/jury/verwijderen`, form: { membershipId: memberships[1]! } })).statusCode, 404, 'not on the jury (any more)');

  const form = await chair.request({ url: `${ws}/wijzigen` });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Leeft cliëntondersteuning in de gemeente\?/, 'the criteria as they are');
  const changed = {
    title: 'Koplopers, tweede ronde',
    purpose: 'Wij zoeken opnieuw.',
    opensOn: '2026-01-05',
    opensAt: '09:00',
    closesOn: '2026-02-05',
    closesAt: '17:00',
    criteria: 'Leeft het onderwerp?\nNieuwe uitleg.\n\nIs het samen gemaakt?\nUitleg.',
  };
  assert.equal((await chair.request({ url: `${ws}/wijzigen`, form: { ...changed, closesOn: '2025-01-01' } })).statusCode, 400);
  assert.equal((await chair.request({ url: `${ws}/wijzigen`, form: changed })).statusCode, 303);
  const kept = (await t.db.select().from(campaignCriteria).where(eq(campaignCriteria.campaignId, campaign.id))).sort((a, b) => a.position - b.position);
  assert.deepEqual(
    kept.map((k) => [k.id, k.question, k.explanation]),
    [
      [criteria[0]!.id, 'Leeft het onderwerp?', 'Nieuwe uitleg.'],
      [criteria[1]!.id, 'Is het samen gemaakt?', 'Uitleg.'],
    ],
    'criteria keep their ids by position; the third is gone',
  );

  // The first score locks criteria and jury.
  const juror = { userId: '', isPlatformAdmin: false, role: 'member' as const, membershipId: memberships[0]! };
  await t.db.insert(campaignDeclarations).values({ councilId: N.id, nominationId: nom.id, membershipId: memberships[0]!, conflict: false });
  await t.db
    .insert(campaignScores)
    .values(kept.map((k) => ({ councilId: N.id, nominationId: nom.id, membershipId: juror.membershipId, criterionId: k.id, score: 4, motivation: 'Een duidelijke toelichting van de jury.' })));
  const locked = await chair.request({ url: `${ws}/wijzigen` });
  assert.match(locked.body, /De jury heeft al cijfers gegeven\. Daarom kunt u de criteria en de jury niet meer wijzigen/);
  assert.doesNotMatch(locked.body, /name="criteria"/);
  const refused = await chair.request({ url: `${ws}/wijzigen`, form: { ...changed, title: 'Te laat' } });
  assert.equal(refused.statusCode, 409);
  for (const step of ['jury', 'jury/verwijderen']) {
    const res = await chair.request({ url: `${ws}/${step}`, form: { membershipId: memberships[step === 'jury' ? 1 : 0]! } });
    assert.equal(res.statusCode, 400, step);
    assert.match(res.body, /Daarom kunt u de criteria en de jury niet meer wijzigen/, step);
  }
  const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  assert.equal(row!.title, 'Koplopers, tweede ronde');
  assert.deepEqual(
    (await t.db.select().from(campaignJurors).where(eq(campaignJurors.campaignId, campaign.id))).map((j) => j.membershipId),
    [memberships[0]],
  );
});

test('the jury overview comes a page at a time, and per province', async () => {
  const { campaign, criteria } = await makeCampaign(t, N, { phase: 'jury' });
  const codes = ['GM0344', 'GM0014', 'GM0363'];
  for (let i = 0; i < OVERVIEW_PAGE_SIZE + 5; i++) await makeNomination(t, campaign, criteria, codes[i % 3]!);
  const { chair } = await juryOf(0);
  const ws = `/${N.slug}/werkruimte/campagnes/${campaign.id}`;
  const rowsOf = (body: string) => (body.match(/<tr/g) ?? []).length;
  const first = await chair.request({ url: ws });
  assert.match(first.body, /55 voordrachten\. Pagina 1 van 2\./);
  assert.ok(first.body.includes(`href="${ws}?pagina=2#voordrachten"`));
  const second = await chair.request({ url: `${ws}?pagina=2` });
  assert.match(second.body, /Pagina 2 van 2\./);
  assert.ok(rowsOf(first.body) > rowsOf(second.body));
  const utrecht = await chair.request({ url: `${ws}?provincie=PV26` });
  assert.match(utrecht.body, /19 voordrachten\. Pagina 1 van 1\./);
  assert.equal((await chair.request({ url: `${ws}?pagina=999&provincie=XX` })).statusCode, 200, 'a page past the end or an unknown province: no error');
});

test("nominators' details are erased after the retention period by the job; details the migration left in plain are sealed", async () => {
  const MONTH = 31 * 86_400_000;
  const old = await makeCampaign(t, N, { phase: 'published', publishedAt: new Date(Date.now() - 13 * MONTH) });
  const recent = await makeCampaign(t, N, { phase: 'published', publishedAt: new Date(Date.now() - 2 * MONTH) });
  const gone = (await makeNomination(t, old.campaign, old.criteria, 'GM0344')).nomination;
  const kept = (await makeNomination(t, recent.campaign, recent.criteria, 'GM0344')).nomination;
  const plain = (await makeNomination(t, recent.campaign, recent.criteria, 'GM0014')).nomination;
  await t.db.update(campaignNominations).set({ nominatorSealed: 'plain:{"name":"Oud Record","role":"inwoner","email":"oud@test.example"}' }).where(eq(campaignNominations.id, plain.id));
  const done = await runNominatorRetention(t.app.deps);
  assert.ok(done.erased >= 1 && done.sealed >= 1);
  const row = async (id: string) => (await t.db.select().from(campaignNominations).where(eq(campaignNominations.id, id)))[0]!;
  assert.equal((await row(gone.id)).nominatorSealed, null);
  assert.ok((await row(gone.id)).nominatorErasedAt);
  assert.equal(nominatorOf(t.app.deps.secretKey, await row(kept.id))?.name, 'Noor Voordrager');
  const resealed = await row(plain.id);
  assert.doesNotMatch(resealed.nominatorSealed!, /Oud Record/);
  assert.equal(nominatorOf(t.app.deps.secretKey, resealed)?.email, 'oud@test.example');
  assert.equal((await runNominatorRetention(t.app.deps)).erased, 0, 'a second run finds nothing to do');
  const { chair } = await juryOf(0);
  const page = await chair.request({ url: `/${N.slug}/werkruimte/campagnes/${old.campaign.id}/nominaties/${gone.id}` });
  assert.match(page.body, /De gegevens van de voordrager zijn gewist/);
});
