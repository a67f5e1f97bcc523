import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { outbox } from '../../core/mail/mail.schema.ts';
import { vacancyApplications } from './members.schema.ts';
import {
  anonymousToken,
  dayFromToday,
  get,
  login,
  makeCouncil,
  makeCouncils,
  makeGroup,
  makePerson,
  makeVacancy,
  post,
  useTestApp,
  titleOf,
  ipSequence,
  auditEntries,
} from './members.test-helpers.ts';

const t = useTestApp();

const nextIp = ipSequence('10.0');

async function applicationsOf(vacancyId: string) {
  return t.db.select().from(vacancyApplications).where(eq(vacancyApplications.vacancyId, vacancyId));
}
async function mailsOf(councilId: string) {
  return t.db.select().from(outbox).where(eq(outbox.councilId, councilId));
}

test('members page: council members on the site, with role, target group and working groups; nobody else', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const chair = await makePerson(t, c, { role: 'chair', name: 'Anna Voorzitter', targetGroup: 'ouderen' });
  await makePerson(t, c, { role: 'secretary', name: 'Bram Secretaris' });
  const member = await makePerson(t, c, { role: 'member', name: 'Cor Lid', targetGroup: 'mantelzorgers' });
  await makePerson(t, c, { role: 'official', name: 'Dirk Ambtenaar' });
  await makePerson(t, c, { role: 'partner', name: 'Eva Partner' });
  await makePerson(t, c, { role: 'member', name: 'Fien Verborgen', showOnSite: false });
  await makePerson(t, c, { role: 'member', name: 'Gert Gestopt', active: false });
  await makePerson(t, other, { role: 'member', name: 'Henk Andereraad' });
  await makeGroup(t, c, 'Werkgroep Wmo', [chair, member], chair);

  const res = await get(t, `/${c.slug}/leden`);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  for (const shown of ['Anna Voorzitter', 'Bram Secretaris', 'Cor Lid', 'Voorzitter', 'Secretaris', 'ouderen', 'mantelzorgers', 'Werkgroep Wmo']) {
    assert.ok(html.includes(shown), `shows ${shown}`);
  }
  for (const hidden of ['Dirk Ambtenaar', 'Eva Partner', 'Fien Verborgen', 'Gert Gestopt', 'Henk Andereraad', '@example.nl']) {
    assert.ok(!html.includes(hidden), `does not show ${hidden}`);
  }
  // Chair first.
  assert.ok(html.indexOf('Anna Voorzitter') < html.indexOf('Bram Secretaris'));
  assert.ok(html.indexOf('Bram Secretaris') < html.indexOf('Cor Lid'));
  assert.equal(res.headers['set-cookie'], undefined, 'no cookie for anonymous readers');
});

test('working groups page: description, lead and visible members; not another council’s groups', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const lead = await makePerson(t, c, { name: 'Ineke Trekker' });
  const m = await makePerson(t, c, { name: 'Jan Meedenker' });
  const hidden = await makePerson(t, c, { name: 'Karel Niettonen', showOnSite: false });
  const official = await makePerson(t, c, { role: 'official', name: 'Lotte Ambtenaar' });
  await makeGroup(t, c, 'Werkgroep Jeugd', [lead, m, hidden, official], lead);
  await makeGroup(t, other, 'Werkgroep Geheim');

  const res = await get(t, `/${c.slug}/werkgroepen`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Werkgroep Jeugd/);
  assert.match(res.body, /Over Werkgroep Jeugd/);
  assert.match(res.body, /Trekker<\/dt>\s*<dd[^>]*>Ineke Trekker/);
  assert.match(res.body, /Jan Meedenker/);
  assert.ok(!res.body.includes('Karel Niettonen'));
  assert.ok(!res.body.includes('Lotte Ambtenaar'));
  assert.ok(!res.body.includes('Werkgroep Geheim'));
});

test('vacancies: only published and still open ones of this council; details; others 404', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const open = await makeVacancy(t, c, {
    title: 'Lid met hart voor jeugd',
    description: 'Wij zoeken iemand die meedenkt.\n\nTweede alinea met details.',
    profile: 'Affiniteit met jeugdzorg',
    hoursPerMonth: '8 tot 12 uur',
    closesOn: '2099-12-08',
  });
  const draft = await makeVacancy(t, c, { title: 'Conceptvacature', status: 'draft' });
  const closed = await makeVacancy(t, c, { title: 'Gesloten vacature', status: 'closed' });
  const expired = await makeVacancy(t, c, { title: 'Verlopen vacature', closesOn: dayFromToday(-2) });
  const foreign = await makeVacancy(t, other, { title: 'Vacature andere raad' });

  const list = await get(t, `/${c.slug}/vacatures`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Lid met hart voor jeugd/);
  assert.match(list.body, /Wij zoeken iemand die meedenkt\./);
  assert.ok(!list.body.includes('Tweede alinea'), 'the list shows the summary only');
  assert.match(list.body, /Affiniteit met jeugdzorg/);
  assert.match(list.body, /8 tot 12 uur/);
  assert.match(list.body, /8 december 2099/);
  for (const hidden of ['Conceptvacature', 'Gesloten vacature', 'Verlopen vacature', 'Vacature andere raad']) assert.ok(!list.body.includes(hidden), hidden);

  const detail = await get(t, `/${c.slug}/vacatures/${open.id}`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Tweede alinea met details/);
  assert.match(detail.body, new RegExp(`href="/${c.slug}/vacatures/${open.id}/reageren"`));

  for (const v of [draft, closed, expired, foreign]) {
    assert.equal((await get(t, `/${c.slug}/vacatures/${v.id}`)).statusCode, 404, v.title);
    assert.equal((await get(t, `/${c.slug}/vacatures/${v.id}/reageren`)).statusCode, 404, v.title);
  }
  assert.equal((await get(t, `/${c.slug}/vacatures/niet-een-id`)).statusCode, 404);
  assert.equal((await get(t, `/${c.slug}/vacatures/${'x'.repeat(150)}`)).statusCode, 404);
});

const application = { name: 'Mila Inwoner', email: 'Mila@Example.NL', phone: '06 12345678', motivation: 'Ik wil graag meedenken over de Wmo.' };

test('applying: stored encrypted, mail to the council and to the applicant, confirmation with next steps', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const v = await makeVacancy(t, c, { title: 'Lid adviesraad' });

  const form = await get(t, `/${c.slug}/vacatures/${v.id}/reageren`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="_csrf" value="a\./, 'an anonymous, timestamped token');
  assert.match(form.body, /\(optioneel\)/);

  const res = await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, application, undefined, { csrf: anonymousToken(t, 10_000), ip: nextIp() });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/${c.slug}/vacatures/${v.id}/verzonden`);

  const stored = await applicationsOf(v.id);
  assert.equal(stored.length, 1);
  assert.equal(stored[0]!.councilId, c.id);
  assert.ok(!stored[0]!.email.includes('mila'), 'e-mail address is not stored in plain text');
  assert.ok(!stored[0]!.motivation.includes('meedenken'), 'motivation is not stored in plain text');

  const mails = await mailsOf(c.id);
  assert.equal(mails.length, 2);
  const toCouncil = mails.find((m) => m.toAddress === c.contactEmail);
  const toApplicant = mails.find((m) => m.toAddress === 'mila@example.nl');
  assert.ok(toCouncil, 'mail to the council');
  assert.ok(toApplicant, 'acknowledgement to the applicant');
  assert.match(toCouncil.subject, /Lid adviesraad/);
  assert.ok(!toCouncil.body.includes('Mila') && !toCouncil.body.includes('meedenken'), 'no personal data in the notice to the council');
  assert.match(toCouncil.body, new RegExp(`/${c.slug}/werkruimte/vacatures/${v.id}/reacties`));
  assert.match(toApplicant.body, /Beste Mila Inwoner/);

  const done = await get(t, res.headers.location as string);
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /Bedankt voor uw reactie/);
  assert.match(done.body, /Wat gebeurt er nu\?/);

  // The secretary reads it in the workspace; the read is logged.
  const browser = await login(t, secretary);
  const read = await get(t, `/${c.slug}/werkruimte/vacatures/${v.id}/reacties`, browser);
  assert.equal(read.statusCode, 200);
  assert.match(read.body, /Mila Inwoner/);
  assert.match(read.body, /mila@example\.nl/);
  assert.match(read.body, /Ik wil graag meedenken over de Wmo\./);
  const logged = await auditEntries(t, { councilId: c.id, action: 'vacancy.applicationsRead' });
  assert.equal(logged.length, 1);
  assert.equal(logged[0]!.actorUserId, secretary.userId);
  assert.ok(!JSON.stringify(logged[0]!.data).includes('mila'), 'no personal data in the audit log');
});

test('applying too fast: friendly message, nothing stored or sent', async () => {
  const c = await makeCouncil(t);
  const v = await makeVacancy(t, c);
  const res = await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, application, undefined, { csrf: anonymousToken(t, 500), ip: nextIp() });
  assert.equal(res.statusCode, 400);
  assert.match(titleOf(res.body), /^Fout: /);
  assert.match(res.body, /U verstuurde het formulier erg snel/);
  assert.match(res.body, /Ik wil graag meedenken/, 'the answers are kept');
  assert.equal((await applicationsOf(v.id)).length, 0);
  assert.equal((await mailsOf(c.id)).length, 0);
});

test('applying with bad input: clear Dutch messages, nothing stored, never a 500', async () => {
  const c = await makeCouncil(t);
  const v = await makeVacancy(t, c);
  const url = `/${c.slug}/vacatures/${v.id}/reageren`;
  const ip = nextIp();
  const send = (form: Record<string, string | string[]>) => post(t, url, form, undefined, { csrf: anonymousToken(t, 10_000), ip });

  const empty = await send({});
  assert.equal(empty.statusCode, 400);
  assert.match(titleOf(empty.body), /^Fout: /);
  assert.match(empty.body, /Vul dit veld in\./);
  assert.match(empty.body, /href="#veld-motivation"/, 'the error summary links to the field');

  const tooLong = await send({ ...application, motivation: 'x'.repeat(100_000) });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Dit is te lang\. Gebruik hooguit 5000 tekens\./);

  const badMail = await send({ ...application, email: 'geen-adres' });
  assert.equal(badMail.statusCode, 400);
  assert.match(badMail.body, /Vul een geldig e-mailadres in/);

  const arrays = await send({ ...application, name: ['a', 'b'], email: ['x@example.nl', 'y@example.nl'] });
  assert.equal(arrays.statusCode, 400);

  const noToken = await post(t, url, application, undefined, { csrf: '', ip });
  assert.equal(noToken.statusCode, 403);

  assert.equal((await applicationsOf(v.id)).length, 0);
  assert.equal((await mailsOf(c.id)).length, 0);
});

test('applying to a draft, closed or other council’s vacancy: 404 and nothing stored', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const draft = await makeVacancy(t, c, { status: 'draft' });
  const closed = await makeVacancy(t, c, { status: 'closed' });
  const foreign = await makeVacancy(t, other);
  for (const v of [draft, closed, foreign]) {
    const res = await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, application, undefined, { csrf: anonymousToken(t, 10_000), ip: nextIp() });
    assert.equal(res.statusCode, 404);
    assert.equal((await applicationsOf(v.id)).length, 0);
  }
  assert.equal((await mailsOf(c.id)).length, 0);
  assert.equal((await mailsOf(other.id)).length, 0);
});

test('applying is rate-limited per address', async () => {
  const c = await makeCouncil(t);
  const v = await makeVacancy(t, c);
  const ip = nextIp();
  const codes: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, { ...application, email: `a${i}@example.nl` }, undefined, {
      csrf: anonymousToken(t, 10_000),
      ip,
    });
    codes.push(res.statusCode);
  }
  assert.deepEqual(codes.slice(0, 10), Array(10).fill(303));
  assert.equal(codes[10], 429);
  assert.equal((await applicationsOf(v.id)).length, 10);
  // Another address is not affected.
  const res = await post(t, `/${c.slug}/vacatures/${v.id}/reageren`, application, undefined, { csrf: anonymousToken(t, 10_000), ip: nextIp() });
  assert.equal(res.statusCode, 303);
});

test('a public page shows a change on the next request (page cache is cleared)', async () => {
  const c = await makeCouncil(t);
  const secretary = await makePerson(t, c, { role: 'secretary' });
  const v = await makeVacancy(t, c, { title: 'Eerste titel' });
  assert.match((await get(t, `/${c.slug}/vacatures`)).body, /Eerste titel/);
  assert.equal((await get(t, `/${c.slug}/vacatures`)).headers['x-cache'], 'hit');
  const browser = await login(t, secretary);
  const res = await post(t, `/${c.slug}/werkruimte/vacatures/${v.id}/status`, { to: 'closed' }, browser);
  assert.equal(res.statusCode, 303);
  const after = await get(t, `/${c.slug}/vacatures`);
  assert.ok(!after.body.includes('Eerste titel'));
});
