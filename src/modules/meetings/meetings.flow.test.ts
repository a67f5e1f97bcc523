/**
 * Meetings through the routes: the rhythm and its year, moving, cancelling and adding, the
 * agenda (public and closed), attendance, private notes, minutes and action point reminders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import { useTestApp, login, makeCouncil, makeMember, mailsTo, titleOf, dayFromToday, type LoggedIn } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { agendaGuests, agendaItems, agendaItemAdvices, meetingNotes, meetings, minutes, actionPoints, minuteDecisions, type meetingRhythms } from './meetings.schema.ts';
import { makeItem, makeMeeting, makeMinutes, meetingRow } from './meetings.test-helpers.ts';
import { makeAdvice } from '../advice/advice.test-helpers.ts';
import { occurrences } from './meetings.recurrence.ts';
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import { sendActionPointReminders } from './meetings.reminders.ts';
import { todayInAmsterdam, addDays } from '../../core/dates/working-days.ts';

let A: Council;
let B: Council;
let secretary: LoggedIn;
let member: LoggedIn;
let otherMember: LoggedIn;
let memberMembership: string;
let otherSecretary: LoggedIn;
const nextYear = Number(todayInAmsterdam().slice(0, 4)) + 1;

const t = useTestApp({
  setup: async () => {
    A = await makeCouncil(t);
    B = await makeCouncil(t);
    secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const m = await makeMember(t, A, 'member');
    memberMembership = m.membership.id;
    member = await login(t, m.user);
    otherMember = await login(t, (await makeMember(t, A, 'member')).user);
    otherSecretary = await login(t, (await makeMember(t, B, 'secretary')).user);
  },
});

const ws = (c: Council = A) => `/${c.slug}/werkruimte/vergaderingen`;
const rhythmForm = {
  title: 'Raadsvergadering',
  nth: '3',
  weekday: '3',
  startTime: '09:30',
  endTime: '12:30',
  mode: 'in_person',
  location: 'Stadhuis Lindewijk',
  onlineUrl: '',
};
const meetingForm = (date: string) => ({
  title: 'Extra vergadering',
  date,
  startTime: '19:00',
  endTime: '21:00',
  mode: 'hybrid',
  location: 'Bibliotheek',
  onlineUrl: 'https://meet.example/raad',
});

async function countRows(table: typeof meetings | typeof agendaItems | typeof agendaGuests | typeof meetingRhythms, council: Council) {
  const [r] = await t.db.select({ n: count() }).from(table).where(eq(table.councilId, council.id));
  return Number(r!.n);
}

test('the rhythm generates the third Wednesdays of a year at 09:30 Amsterdam time, once', async () => {
  let res = await secretary.request({ url: `${ws()}/ritme`, form: rhythmForm });
  assert.equal(res.statusCode, 303);
  res = await secretary.request({ url: `${ws()}/ritme/genereren`, form: { year: String(nextYear) } });
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, /aantal=12/);
  const rows = await t.db.select().from(meetings).where(eq(meetings.councilId, A.id)).orderBy(meetings.startsAt);
  assert.deepEqual(
    rows.map((m) => utcToLocal(m.startsAt)),
    occurrences({ nth: 3, weekday: 3 }, nextYear).map((date) => ({ date, time: '09:30' })),
  );
  assert.ok(rows.every((m) => utcToLocal(m.endsAt).time === '12:30' && m.uid === `${m.id}@raadwerk` && m.sequence === 0 && m.status === 'planned'));
  // Again: nothing new, even after one of them was moved.
  assert.equal((await secretary.request({ url: `${ws()}/${rows[0]!.id}/wijzigen`, form: { ...meetingForm(`${nextYear}-01-22`), title: 'Verzet' } })).statusCode, 303);
  res = await secretary.request({ url: `${ws()}/ritme/genereren`, form: { year: String(nextYear) } });
  assert.match(res.headers.location as string, /aantal=0/);
  assert.equal(await countRows(meetings, A), 12);
  const page = await secretary.request({ url: `${ws()}/ritme?melding=aangemaakt&aantal=0` });
  assert.match(page.body, /Er zijn 0 vergaderingen gemaakt/);
});

test('moving raises the sequence; cancelling keeps the meeting visible as cancelled', async () => {
  const m = await makeMeeting(t, A, `${nextYear}-05-06`);
  let res = await secretary.request({ url: `${ws()}/${m.id}/wijzigen`, form: meetingForm(`${nextYear}-05-07`) });
  assert.equal(res.statusCode, 303);
  let row = await meetingRow(t, m.id);
  assert.equal(row.sequence, 1);
  assert.deepEqual(utcToLocal(row.startsAt), { date: `${nextYear}-05-07`, time: '19:00' });
  assert.equal(row.mode, 'hybrid');
  // Saving the same values again is no change: the sequence stays.
  await secretary.request({ url: `${ws()}/${m.id}/wijzigen`, form: meetingForm(`${nextYear}-05-07`) });
  assert.equal((await meetingRow(t, m.id)).sequence, 1);
  res = await secretary.request({ url: `${ws()}/${m.id}/afzeggen`, form: {} });
  assert.equal(res.statusCode, 303);
  row = await meetingRow(t, m.id);
  assert.equal(row.status, 'cancelled');
  assert.equal(row.sequence, 2);
  // A cancelled meeting cannot be moved again.
  res = await secretary.request({ url: `${ws()}/${m.id}/wijzigen`, form: meetingForm(`${nextYear}-05-08`) });
  assert.equal(res.statusCode, 400);
  assert.equal((await meetingRow(t, m.id)).sequence, 2);
  const pub = await t.app.inject({ url: `/${A.slug}/vergaderingen` });
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /Gaat niet door/);
});

test('a meeting is added by hand; the invitation records when it was sent', async () => {
  const res = await secretary.request({ url: `${ws()}/nieuw`, form: meetingForm(`${nextYear}-06-02`) });
  assert.equal(res.statusCode, 303);
  const id = /vergaderingen\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
  const row = await meetingRow(t, id);
  assert.equal(row.rhythmId, null);
  assert.deepEqual(utcToLocal(row.endsAt), { date: `${nextYear}-06-02`, time: '21:00' });
  assert.equal((await secretary.request({ url: `${ws()}/${id}/uitnodigen`, form: {} })).statusCode, 303);
  assert.ok((await meetingRow(t, id)).invitedAt);
  const page = await member.request({ url: `${ws()}/${id}?melding=aangemaakt` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /https:\/\/meet\.example\/raad/, 'members see the meeting link');

  // Invited: each later move goes out as a changed REQUEST with a raised SEQUENCE, a cancellation as CANCEL.
  const ics = async () => (await mailsTo(t, member.user.email)).map((m) => ({ subject: m.subject, ics: m.attachments[0]?.content ?? '', type: m.attachments[0]?.contentType ?? '' }));
  let mails = await ics();
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.type, /method=REQUEST/);
  assert.match(mails[0]!.ics, /SEQUENCE:0/);
  assert.equal((await secretary.request({ url: `${ws()}/${id}/wijzigen`, form: meetingForm(`${nextYear}-06-03`) })).statusCode, 303);
  mails = await ics();
  assert.equal(mails.length, 2);
  assert.match(mails[0]!.ics, /SEQUENCE:1/);
  assert.ok(mails[0]!.ics.includes(`UID:${id}@raadwerk`));
  assert.equal((await secretary.request({ url: `${ws()}/${id}/afzeggen`, form: {} })).statusCode, 303);
  mails = await ics();
  assert.equal(mails.length, 3);
  assert.match(mails[0]!.type, /method=CANCEL/);
  assert.match(mails[0]!.ics, /SEQUENCE:2/);
});

test('agenda: items in order, links, guests; the public sees public items only, never closed titles', async () => {
  const m = await makeMeeting(t, A, `${nextYear}-07-15`);
  const advice = await makeAdvice(t, A, { status: 'drafting', subject: 'Advies over de Wmo' });
  const add = (form: Record<string, string | string[]>) => secretary.request({ url: `${ws()}/${m.id}/agenda`, form });
  assert.equal((await add({ title: 'Opening', explanation: 'Welkom.', startTime: '09:30', presenter: 'Voorzitter', access: 'public' })).statusCode, 303);
  assert.equal(
    (
      await add({
        title: 'Geheime personeelszaak',
        explanation: 'Vertrouwelijke toelichting XYZ',
        startTime: '10:00',
        presenter: 'Secretaris',
        access: 'closed',
        adviceIds: [advice.id],
      })
    ).statusCode,
    303,
  );
  assert.equal((await add({ title: 'Nog een besloten punt', access: 'closed' })).statusCode, 303);
  assert.equal((await add({ title: 'Rondvraag', access: 'public' })).statusCode, 303);
  const items = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(agendaItems.position);
  assert.deepEqual(
    items.map((i) => i.title),
    ['Opening', 'Geheime personeelszaak', 'Nog een besloten punt', 'Rondvraag'],
  );
  const [link] = await t.db.select().from(agendaItemAdvices).where(eq(agendaItemAdvices.agendaItemId, items[1]!.id));
  assert.equal(link!.adviceId, advice.id);

  // Move "Rondvraag" up: it swaps with the item above it.
  assert.equal((await secretary.request({ url: `${ws()}/${m.id}/agenda/${items[3]!.id}/volgorde`, form: { direction: 'up' } })).statusCode, 303);
  const order = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(agendaItems.position);
  assert.deepEqual(
    order.map((i) => i.title),
    ['Opening', 'Geheime personeelszaak', 'Rondvraag', 'Nog een besloten punt'],
  );

  // A guest official for the first item.
  const guestUrl = `${ws()}/${m.id}/agenda/${items[0]!.id}/gasten`;
  assert.equal((await secretary.request({ url: guestUrl, form: { name: 'Ambtenaar Wmo', email: 'wmo@gemeente.example', kind: 'official', organisation: 'Gemeente' } })).statusCode, 303);
  assert.equal(await countRows(agendaGuests, A), 1);

  // Members see everything.
  const wsPage = await member.request({ url: `${ws()}/${m.id}` });
  assert.match(wsPage.body, /Geheime personeelszaak/);
  assert.match(wsPage.body, /Advies over de Wmo/);
  assert.match(wsPage.body, /Ambtenaar Wmo/);

  // The public: public items; closed ones collapse into "Besloten deel" without title or text.
  for (const url of [`/${A.slug}/vergaderingen/${m.id}`, `/${A.slug}/vergaderingen`]) {
    const pub = await t.app.inject({ url });
    assert.equal(pub.statusCode, 200);
    assert.doesNotMatch(pub.body, /Geheime personeelszaak|Vertrouwelijke toelichting|Nog een besloten punt|Advies over de Wmo|meet\.example/);
  }
  const pub = await t.app.inject({ url: `/${A.slug}/vergaderingen/${m.id}` });
  assert.match(pub.body, /Opening/);
  assert.match(pub.body, /Rondvraag/);
  assert.equal(pub.body.match(/Niet-openbaar deel/g)?.length, 2, 'two separate closed blocks');

  // Removing an item.
  assert.equal((await secretary.request({ url: `${ws()}/${m.id}/agenda/${items[2]!.id}/verwijderen`, form: {} })).statusCode, 303);
  assert.equal((await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id))).length, 3);
});

test('private notes are seen by their author only; attendance is counted', async () => {
  const m = await makeMeeting(t, A, `${nextYear}-08-19`);
  assert.equal((await member.request({ url: `${ws()}/${m.id}/notities`, form: { body: 'Mijn geheime gedachte 4711' } })).statusCode, 303);
  assert.match((await member.request({ url: `${ws()}/${m.id}` })).body, /Mijn geheime gedachte 4711/);
  assert.doesNotMatch((await otherMember.request({ url: `${ws()}/${m.id}` })).body, /geheime gedachte/);
  assert.doesNotMatch((await secretary.request({ url: `${ws()}/${m.id}` })).body, /geheime gedachte/);
  assert.equal((await t.db.select().from(meetingNotes).where(eq(meetingNotes.meetingId, m.id))).length, 1);
  // An empty note removes it.
  await member.request({ url: `${ws()}/${m.id}/notities`, form: { body: '' } });
  assert.equal((await t.db.select().from(meetingNotes).where(eq(meetingNotes.meetingId, m.id))).length, 0);

  assert.equal((await member.request({ url: `${ws()}/${m.id}/aanwezigheid`, form: { answer: 'yes' } })).statusCode, 303);
  assert.equal((await otherMember.request({ url: `${ws()}/${m.id}/aanwezigheid`, form: { answer: 'maybe' } })).statusCode, 303);
  assert.equal((await member.request({ url: `${ws()}/${m.id}/aanwezigheid`, form: { answer: 'no' } })).statusCode, 303);
  const page = await secretary.request({ url: `${ws()}/${m.id}` });
  assert.match(page.body, /Komt: 0\. Komt niet: 1\. Weet nog niet: 1\./);
});

test('minutes: drafted, approved in a later meeting, published; the public sees the public part only', async () => {
  const held = await makeMeeting(t, A, dayFromToday(-20), { status: 'held' });
  const later = await makeMeeting(t, A, dayFromToday(10));
  const item = await makeItem(t, A, held, { title: 'Besloten kwestie', isPublic: false });
  const base = `${ws()}/${held.id}/notulen`;
  assert.equal((await secretary.request({ url: base, form: { publicText: 'Openbaar verslag ABC.', closedText: 'Besloten verslag QQQ.' } })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${base}/besluiten`, form: { decision: 'Openbaar besluit DEF.', access: 'public', agendaItemId: '' } })).statusCode, 303);
  assert.equal((await secretary.request({ url: `${base}/besluiten`, form: { decision: 'Besloten besluit GHI.', access: 'closed', agendaItemId: item.id } })).statusCode, 303);
  assert.equal(
    (
      await secretary.request({
        url: `${base}/actiepunten`,
        form: { action: 'Brief aan wethouder', ownerMembershipId: memberMembership, dueOn: dayFromToday(14) },
      })
    ).statusCode,
    303,
  );

  const publicUrl = `/${A.slug}/vergaderingen/${held.id}`;
  assert.doesNotMatch((await t.app.inject({ url: publicUrl })).body, /ABC|DEF|QQQ|GHI|Besloten kwestie/, 'a draft is not public');
  // Publishing before approval is refused.
  assert.equal((await secretary.request({ url: `${base}/publiceren`, form: {} })).statusCode, 400);
  // Approval needs a later meeting.
  assert.equal((await secretary.request({ url: `${base}/vaststellen`, form: { approvedInMeetingId: held.id } })).statusCode, 400);
  assert.equal((await secretary.request({ url: `${base}/vaststellen`, form: { approvedInMeetingId: later.id } })).statusCode, 303);
  assert.doesNotMatch((await t.app.inject({ url: publicUrl })).body, /ABC|DEF/, 'approved is not yet published');
  assert.equal((await secretary.request({ url: `${base}/publiceren`, form: {} })).statusCode, 303);
  const [row] = await t.db.select().from(minutes).where(eq(minutes.meetingId, held.id));
  assert.equal(row!.status, 'published');
  assert.equal(row!.approvedInMeetingId, later.id);
  const pub = await t.app.inject({ url: publicUrl });
  assert.match(pub.body, /Openbaar verslag ABC/);
  assert.match(pub.body, /Openbaar besluit DEF/);
  assert.doesNotMatch(pub.body, /QQQ|GHI|Besloten kwestie|Brief aan wethouder/);
  // After publication the minutes no longer change.
  assert.equal((await secretary.request({ url: base, form: { publicText: 'Anders', closedText: '' } })).statusCode, 400);
  assert.equal((await t.db.select().from(minuteDecisions).where(eq(minuteDecisions.minutesId, row!.id))).length, 2);

  // The open action point is on the owner's dashboard; they mark it done, someone else may not.
  assert.match((await member.request({ url: `/${A.slug}/werkruimte` })).body, /Brief aan wethouder/);
  const [point] = await t.db.select().from(actionPoints).where(eq(actionPoints.minutesId, row!.id));
  assert.equal((await otherMember.request({ url: `${ws()}/actiepunten/${point!.id}/klaar`, form: {} })).statusCode, 403);
  assert.equal((await member.request({ url: `${ws()}/actiepunten/${point!.id}/klaar`, form: {} })).statusCode, 303);
  const [done] = await t.db.select().from(actionPoints).where(eq(actionPoints.id, point!.id));
  assert.ok(done!.doneAt);
  assert.doesNotMatch((await member.request({ url: `/${A.slug}/werkruimte` })).body, /Brief aan wethouder/);
  assert.equal((await member.request({ url: `${ws()}/actiepunten/${point!.id}/klaar`, form: {} })).statusCode, 400);
});

test('action point reminders: once three days before, once when overdue', async () => {
  const owner = await makeMember(t, A, 'member');
  const today = todayInAmsterdam();
  const m = await makeMeeting(t, A, addDays(today, -30), { status: 'held' });
  const due = addDays(today, 3);
  await makeMinutes(t, A, m, { status: 'approved' }, owner.membership.id, due);
  const mine = async () => (await mailsTo(t, owner.user.email)).filter((x) => /[Aa]ctiepunt/.test(x.subject));
  await sendActionPointReminders(t.app.deps);
  assert.equal((await mine()).length, 1);
  assert.match((await mine())[0]!.subject, /Herinnering/);
  await sendActionPointReminders(t.app.deps);
  assert.equal((await mine()).length, 1, 'not twice');
  // The day after the due date: the overdue reminder, once.
  const dayAfter = new Date(Date.now() + 4 * 86_400_000);
  await sendActionPointReminders(t.app.deps, dayAfter);
  await sendActionPointReminders(t.app.deps, dayAfter);
  const all = await mine();
  assert.equal(all.length, 2);
  assert.match(all[0]!.subject, /over de datum/);
});

test('bad input on every form: 400 with a Dutch error summary, nothing changed', async () => {
  const m = await makeMeeting(t, A, `${nextYear}-09-16`);
  const item = await makeItem(t, A, m, { title: 'Punt' });
  const before = {
    meeting: await meetingRow(t, m.id),
    meetings: await countRows(meetings, A),
    items: await countRows(agendaItems, A),
    guests: await countRows(agendaGuests, A),
  };
  const long = 'x'.repeat(60_000);
  const cases: [string, Record<string, string | string[]>, RegExp][] = [
    [`${ws()}/ritme`, { ...rhythmForm, startTime: '25:00' }, /tijd in als uren en minuten/],
    [`${ws()}/ritme`, { ...rhythmForm, endTime: '08:00' }, /eindtijd moet na de begintijd/],
    [`${ws()}/ritme`, { ...rhythmForm, nth: '5' }, /Kies/],
    [`${ws()}/ritme`, { ...rhythmForm, title: long }, /maximaal|niet langer|te lang/i],
    [`${ws()}/ritme/genereren`, { year: '26' }, /vier cijfers/],
    [`${ws()}/nieuw`, { ...meetingForm(`${nextYear}-02-30`) }, /datum/i],
    [`${ws()}/nieuw`, { ...meetingForm('2026-13-01') }, /datum/i],
    [`${ws()}/nieuw`, {}, /Vul/],
    [`${ws()}/nieuw`, { ...meetingForm(`${nextYear}-03-03`), mode: 'online', onlineUrl: '' }, /link naar de online vergadering/],
    [`${ws()}/nieuw`, { ...meetingForm(`${nextYear}-03-03`), onlineUrl: 'javascript:alert(1)' }, /https:\/\//],
    [`${ws()}/${m.id}/wijzigen`, { ...meetingForm(`${nextYear}-02-30`) }, /datum/i],
    [`${ws()}/${m.id}/wijzigen`, { ...meetingForm(`${nextYear}-03-03`), startTime: '21:00', endTime: '19:00' }, /eindtijd/],
    [`${ws()}/${m.id}/agenda`, { title: '', access: 'public' }, /Vul/],
    [`${ws()}/${m.id}/agenda`, { title: 'Punt', access: 'public', startTime: '9.30' }, /uren en minuten/],
    [`${ws()}/${m.id}/agenda`, { title: 'Punt', access: 'public', adviceIds: 'geen-uuid' }, /ongeldig|Kies|klopt niet/i],
    [`${ws()}/${m.id}/agenda`, { title: 'Punt', access: 'public', adviceIds: crypto.randomUUID() }, /Kies uit de lijst/],
    [`${ws()}/${m.id}/agenda`, { title: 'Punt', access: 'openbaar?' }, /Kies/],
    [`${ws()}/${m.id}/agenda/${item.id}`, { title: long, access: 'public' }, /.+/],
    [`${ws()}/${m.id}/agenda/${item.id}/volgorde`, { direction: 'sideways' }, /Kies/],
    [`${ws()}/${m.id}/agenda/${item.id}/gasten`, { name: 'Gast', email: 'geen-adres', kind: 'official' }, /e-mailadres/i],
    [`${ws()}/${m.id}/agenda/${item.id}/gasten`, { name: '', email: 'a@b.example', kind: 'baas' }, /Vul|Kies/],
    [`${ws()}/${m.id}/aanwezigheid`, { answer: 'misschien' }, /Kies/],
    [`${ws()}/${m.id}/notities`, { body: long }, /.+/],
    [`${ws()}/${m.id}/notulen`, { publicText: 'x'.repeat(60_000), closedText: '' }, /.+/],
    [`${ws()}/${m.id}/notulen/besluiten`, { decision: '', access: 'public' }, /Vul/],
    [`${ws()}/${m.id}/notulen/actiepunten`, { action: 'Doen', ownerMembershipId: memberMembership, dueOn: `${nextYear}-02-30` }, /datum/i],
    [`${ws()}/${m.id}/notulen/actiepunten`, { action: 'Doen', ownerMembershipId: crypto.randomUUID(), dueOn: `${nextYear}-02-03` }, /lid van de raad/],
    [`${ws()}/${m.id}/notulen/vaststellen`, { approvedInMeetingId: 'x' }, /.+/],
  ];
  for (const [url, form, message] of cases) {
    const as = url.endsWith('aanwezigheid') || url.endsWith('notities') ? member : secretary;
    const res = await as.request({ url, form });
    assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form).slice(0, 80)}: ${res.statusCode}`);
    assert.match(titleOf(res.body), /^Fout:/, url);
    assert.match(res.body, /rw-error-summary/, url);
    assert.match(res.body, message, `${url}: ${JSON.stringify(form).slice(0, 80)}`);
  }
  assert.deepEqual(await meetingRow(t, m.id), before.meeting);
  assert.equal(await countRows(meetings, A), before.meetings);
  assert.equal(await countRows(agendaItems, A), before.items);
  assert.equal(await countRows(agendaGuests, A), before.guests);
  const [mins] = await t.db.select({ n: count() }).from(minutes).where(eq(minutes.meetingId, m.id));
  assert.equal(Number(mins!.n), 0, 'no minutes were started');
  assert.equal(
    (
      await t.db
        .select()
        .from(meetingNotes)
        .where(and(eq(meetingNotes.meetingId, m.id)))
    ).length,
    0,
  );
});

test("another council's meeting, item or action point answers 404 and changes nothing", async () => {
  const mB = await makeMeeting(t, B, `${nextYear}-10-21`);
  const itemB = await makeItem(t, B, mB, { title: 'Punt van B' });
  const { actionPoint } = await makeMinutes(t, B, mB, {}, (await makeMember(t, B, 'member')).membership.id, `${nextYear}-11-01`);
  for (const url of [
    `${ws()}/${mB.id}`,
    `${ws()}/${mB.id}/wijzigen`,
    `${ws()}/${mB.id}/agenda/nieuw`,
    `${ws()}/${mB.id}/agenda/${itemB.id}`,
    `${ws()}/niet-een-id`,
    `/${A.slug}/vergaderingen/${mB.id}`,
  ]) {
    assert.equal((await secretary.request({ url })).statusCode, 404, url);
  }
  const mA = await makeMeeting(t, A, `${nextYear}-10-21`);
  for (const [url, form] of [
    [`${ws()}/${mB.id}/afzeggen`, {}],
    [`${ws()}/${mB.id}/agenda`, { title: 'X', access: 'public' }],
    [`${ws()}/${mA.id}/agenda/${itemB.id}`, { title: 'X', access: 'public' }],
    [`${ws()}/${mA.id}/agenda/${itemB.id}/gasten`, { name: 'X', email: 'x@x.example', kind: 'expert' }],
    [`${ws()}/actiepunten/${actionPoint!.id}/klaar`, {}],
  ] as const) {
    assert.equal((await secretary.request({ url, form })).statusCode, 404, url);
  }
  assert.equal((await meetingRow(t, mB.id)).status, 'planned');
  assert.equal((await t.db.select().from(agendaItems).where(eq(agendaItems.id, itemB.id)))[0]!.title, 'Punt van B');
  // The secretary of B sees nothing of A.
  assert.equal((await otherSecretary.request({ url: `${ws()}/${mA.id}` })).statusCode, 404);
});
