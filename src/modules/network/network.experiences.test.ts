/**
 * Experiences: the public form (no account, no cookie, the signal form's abuse protection, closed
 * after the consultation's closing date), sealed contact details with logged reads, the link to
 * an advice and what the advice page says, and the feedback mail once the college answered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { anonymousPost, useTestApp, dayFromToday, get, makeAdvice, makeCouncil, mailsTo, person, recommendationsOf, titleOf, type LoggedIn, ipSequence } from '../advice/advice.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { addressKey } from '../signals/index.ts';
import { makeConsultation } from './network.test-helpers.ts';
import { experienceContacts, experiences, networkAccessLog } from './network.schema.ts';
import { sendFeedback } from './network.feedback.ts';
import { listExperiences } from './network.experiences.ts';

let A: Council;
let secretary: LoggedIn;
let member: LoggedIn;
let official: LoggedIn;
const nextIp = ipSequence('10.88');

const t = useTestApp({
  setup: async () => {
    A = await makeCouncil(t);
    secretary = await person(t, A, 'secretary');
    member = await person(t, A, 'member');
    official = await person(t, A, 'official');
  },
});

const share = (form: Record<string, string>, opts: { ageMs?: number; ip?: string } = {}) => anonymousPost(t, `/${A.slug}/ervaring-delen`, form, { ip: nextIp(), ...opts });
const count = async () => (await t.db.select().from(experiences).where(eq(experiences.councilId, A.id))).length;

test('a resident shares an experience without an account or cookie; contact details are sealed apart', async () => {
  const cons = await makeConsultation(t, A, { topic: 'Vervoer naar school', isPublic: true, closesOn: dayFromToday(10) });
  const page = await get(t, `/${A.slug}/ervaring-delen?raadpleging=${cons.id}`);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['set-cookie'], undefined);
  assert.match(page.body, /Vervoer naar school/);
  const res = await share({
    text: 'De taxi naar school kwam drie keer te laat.',
    policyField: 'jeugdwet',
    targetGroup: 'ouders',
    area: 'Twello',
    consultationId: cons.id,
    name: 'Fatima',
    email: 'fatima@test.example',
    wantsFeedback: 'ja',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/${A.slug}/ervaring-delen/verstuurd`);
  const [e] = await t.db.select().from(experiences).where(eq(experiences.consultationId, cons.id));
  assert.equal(e!.source, 'form');
  assert.equal(e!.wantsFeedback, true);
  const [c] = await t.db.select().from(experienceContacts).where(eq(experienceContacts.experienceId, e!.id));
  assert.doesNotMatch(JSON.stringify(c), /fatima|Fatima/);
  // Members see the experience, not who told it; the board's read of the details is logged.
  const forMember = await member.request({ url: `/${A.slug}/werkruimte/netwerk/ervaringen/${e!.id}` });
  assert.match(forMember.body, /drie keer te laat/);
  assert.doesNotMatch(forMember.body, /fatima@/);
  assert.equal((await member.request({ url: `/${A.slug}/werkruimte/netwerk/ervaringen/${e!.id}/contactgegevens`, form: {} })).statusCode, 403);
  const shown = await secretary.request({ url: `/${A.slug}/werkruimte/netwerk/ervaringen/${e!.id}/contactgegevens`, form: {} });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /fatima@test\.example/);
  assert.equal((await t.db.select().from(networkAccessLog).where(eq(networkAccessLog.experienceId, e!.id))).length, 1);
});

test('the form refuses bad input, a closed consultation, robots and floods, and stores nothing then', async () => {
  const closed = await makeConsultation(t, A, { topic: 'Oude avond', isPublic: true, closesOn: dayFromToday(-1) });
  const hidden = await makeConsultation(t, A, { topic: 'Niet openbaar' });
  const before = await count();
  const cases: [Record<string, string>, RegExp][] = [
    [{ text: '' }, /Vul/],
    [{ text: 'x'.repeat(100_000) }, /te lang|hoogstens|maximaal/i],
    [{ text: 'Iets', wantsFeedback: 'ja' }, /Vul uw e-mailadres in/],
    [{ text: 'Iets', email: 'geen-adres' }, /e-mailadres/i],
    [{ text: 'Iets', consultationId: closed.id }, /Deze raadpleging is gesloten/],
    [{ text: 'Iets', consultationId: hidden.id }, /Kies een raadpleging uit de lijst/],
    [{ text: 'Iets', consultationId: 'kapot' }, /Kies|klopt niet|ongeldig/i],
    [{ text: 'Iets', policyField: 'onzin' }, /Kies/],
  ];
  for (const [form, message] of cases) {
    const res = await share(form);
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
    assert.match(titleOf(res.body), /^Fout:/);
    assert.match(res.body, message, JSON.stringify(form).slice(0, 80));
  }
  // A link to the closed consultation says so at once.
  assert.match((await get(t, `/${A.slug}/ervaring-delen?raadpleging=${closed.id}`)).body, /Deze raadpleging is gesloten/);
  // Too fast (a robot), the honeypot (answered like a success), the hourly limit per address.
  const fast = await share({ text: 'Snel' }, { ageMs: 100 });
  assert.equal(fast.statusCode, 400);
  assert.match(fast.body, /te snel verstuurd/);
  assert.equal((await share({ text: 'Spam', bedrijfsnaam: 'Robot BV' })).statusCode, 303);
  const limited = '10.89.0.1';
  // The signal form's count (60 an hour per address), shared by both public forms.
  await t.db.execute(sql`insert into signal_submissions (key_hash) select ${addressKey(t.app.deps.secretKey, limited)} from generate_series(1, 60)`);
  const flood = await share({ text: 'Nog een' }, { ip: limited });
  assert.equal(flood.statusCode, 429);
  assert.match(flood.body, /te veel ervaringen/);
  assert.equal(await count(), before);
});

test('experiences linked to an advice: the advice page says what it was based on; contributors hear back once when the college answers', async () => {
  const cons1 = await makeConsultation(t, A, { topic: 'Expertmeeting vervoer' });
  const cons2 = await makeConsultation(t, A, { topic: 'Gesprekken wijkteam' });
  const advice = await makeAdvice(t, A, { status: 'sent', sentAt: new Date(), answerDueOn: dayFromToday(30), subject: 'Leerlingenvervoer 2027' }, [
    'Zorg voor vaste chauffeurs',
    'Meld vertraging per sms',
  ]);
  const ws = `/${A.slug}/werkruimte/netwerk/ervaringen`;
  const ids: string[] = [];
  for (const [consultationId, email] of [
    [cons1.id, 'ouder1@test.example'],
    [cons1.id, 'ouder1@test.example'],
    [cons2.id, 'ouder2@test.example'],
    [cons2.id, ''],
  ]) {
    const res = await secretary.request({ url: `${ws}/nieuw`, form: { text: `Ervaring bij ${consultationId.slice(0, 4)}`, consultationId, email, ...(email ? { wantsFeedback: 'ja' } : {}) } });
    assert.equal(res.statusCode, 303);
    ids.push(/ervaringen\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!);
  }
  // Members record experiences too, but only the board links them.
  assert.equal((await member.request({ url: `${ws}/${ids[0]}/advies`, form: { adviceId: advice.id } })).statusCode, 403);
  const other = await makeCouncil(t);
  const foreignAdvice = await makeAdvice(t, other, { status: 'drafting' });
  const refused = await secretary.request({ url: `${ws}/${ids[0]}/advies`, form: { adviceId: foreignAdvice.id } });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Kies een advies uit de lijst/);
  for (const id of ids) assert.equal((await secretary.request({ url: `${ws}/${id}/advies`, form: { adviceId: advice.id } })).statusCode, 303);

  const page = await member.request({ url: `/${A.slug}/werkruimte/adviezen/${advice.id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Gebaseerd op 4 ervaringen uit 2 raadplegingen/);
  assert.doesNotMatch(page.body, /ouder1@/);
  // An official sees the advice, not the network's experiences.
  assert.doesNotMatch((await official.request({ url: `/${A.slug}/werkruimte/adviezen/${advice.id}` })).body, /Gebaseerd op/);
  assert.equal((await listExperiences(t.db, A.id, { adviceId: advice.id })).length, 4);

  // Not answered yet: no mail.
  assert.equal(await sendFeedback(t.app.deps), 0);
  const recs = await recommendationsOf(t, advice.id);
  await t.db.execute(sql`update advice_recommendations set follow_up = 'Vanaf januari vaste chauffeurs.' where id = ${recs[0]!.id}`);
  // The college answers the first recommendation only: the advice is not answered yet, nobody hears.
  const answers = `/${A.slug}/werkruimte/adviezen/${advice.id}/antwoorden`;
  assert.equal((await official.request({ url: answers, form: { [`answer-${recs[0]!.id}`]: 'adopted' } })).statusCode, 303);
  assert.equal((await mailsTo(t, 'ouder1@test.example')).length, 0);
  // The last answer makes the advice answered: the mail is in the outbox when the answer is saved, no job needed.
  const last = await official.request({ url: answers, form: { [`answer-${recs[0]!.id}`]: 'adopted', [`answer-${recs[1]!.id}`]: 'not_adopted', [`reason-${recs[1]!.id}`]: 'Te duur.' } });
  assert.equal(last.statusCode, 303);
  assert.equal((await mailsTo(t, 'ouder1@test.example')).length + (await mailsTo(t, 'ouder2@test.example')).length, 2, 'one mail per address');
  const [mail] = await mailsTo(t, 'ouder1@test.example');
  assert.match(mail!.subject, /Leerlingenvervoer 2027/);
  assert.match(mail!.body, /1\. Zorg voor vaste chauffeurs\n\s+De gemeente neemt dit over\.\n\s+Wat er gebeurt: Vanaf januari vaste chauffeurs\./);
  assert.match(mail!.body, /2\. Meld vertraging per sms\n\s+De gemeente neemt dit niet over\.\n\s+Uitleg van de gemeente: Te duur\./);
  assert.equal((await mailsTo(t, 'ouder1@test.example')).length, 1);
  assert.equal(await sendFeedback(t.app.deps), 0, 'once');
});

test('erasing an experience removes text and contact details and keeps the count', async () => {
  const res = await share({ text: 'Mijn verhaal over de Wmo.', name: 'Bram', email: 'bram@test.example' });
  assert.equal(res.statusCode, 303);
  const [e] = await t.db.select().from(experiences).where(eq(experiences.text, 'Mijn verhaal over de Wmo.'));
  const url = `/${A.slug}/werkruimte/netwerk/ervaringen/${e!.id}/wissen`;
  assert.equal((await member.request({ url, form: {} })).statusCode, 403);
  assert.equal((await secretary.request({ url, form: {} })).statusCode, 303);
  const [after] = await t.db.select().from(experiences).where(eq(experiences.id, e!.id));
  assert.equal(after!.text, '');
  const [c] = await t.db.select().from(experienceContacts).where(eq(experienceContacts.experienceId, e!.id));
  assert.equal(c!.emailSealed, null);
  assert.equal((await secretary.request({ url, form: {} })).statusCode, 400);
});
