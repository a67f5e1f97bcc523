import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count } from 'drizzle-orm';
import { useTestApp, dayFromToday, get, makeCouncils, post, titleOf } from '../../../test/support/factories.ts';
import { person } from '../advice/advice.test-helpers.ts';
import { parseIcs } from '../meetings/meetings.calendar.test-helpers.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { notices } from '../../core/notices/notices.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import { and, eq } from 'drizzle-orm';
import { makeAgreement } from './cooperation.test-helpers.ts';
import { makeContact, makeOrganisation } from '../network/network.test-helpers.ts';

const t = useTestApp();

const ws = (slug: string) => `/${slug}/werkruimte/samenwerking`;
const uidsIn = async (slug: string) => parseIcs((await get(t, `/${slug}/agenda.ics`)).body).events.map((e) => e.uid);

test('a joint meeting: planned by A, accepted by B, one UID in both calendar feeds; gone from B when the agreement ends', async () => {
  const [A, B, C] = await makeCouncils(t, 3);
  const [secA, secB, chairB, memberB] = [await person(t, A, 'secretary'), await person(t, B, 'secretary'), await person(t, B, 'chair'), await person(t, B, 'member')];
  const a = await makeAgreement(t, [A, B]);
  await makeAgreement(t, [A, C]);
  const form = { title: 'Gezamenlijke bijeenkomst voorjaar', date: dayFromToday(30), startTime: '19:30', endTime: '21:30', mode: 'in_person', location: 'Wijkcentrum De Brug', onlineUrl: '' };

  // Bad input: a clear message, nothing changed.
  const audits = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
  const bad = await post(t, `${ws(A.slug)}/${a.id}/vergaderingen`, { ...form, endTime: '18:00' }, secA);
  assert.equal(bad.statusCode, 400);
  assert.match(titleOf(bad.body), /^Fout:/);
  assert.equal((await t.db.select({ n: count() }).from(auditLog))[0]!.n, audits);
  // A member cannot plan; a stranger's agreement is 404.
  assert.equal((await post(t, `${ws(B.slug)}/${a.id}/vergaderingen`, form, memberB)).statusCode, 403);

  // The rule of twice a year: a warning on the agreement page and the board's start page while this year's second is not planned.
  assert.match((await get(t, `${ws(A.slug)}/${a.id}`, secA)).body, /is 0 van de 2 gezamenlijke vergaderingen gepland/);
  assert.match((await get(t, `/${A.slug}/werkruimte`, secA)).body, /0 van de 2 gezamenlijke vergaderingen/);
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/vergaderingen`, form, secA)).statusCode, 303);
  const [uid] = (await uidsIn(A.slug)).filter(Boolean);
  assert.ok(uid, 'in the planner’s feed');
  assert.deepEqual(await uidsIn(B.slug), [], 'not in the partner’s feed before it accepts');
  const toAccept = await t.db.select().from(notices);
  assert.ok(
    toAccept.some((n) => n.userId === chairB.user.id && n.kind === 'cooperation.jointMeeting'),
    'the partner’s board is told',
  );

  const page = await get(t, `${ws(B.slug)}/${a.id}`, secB);
  assert.match(page.body, /Gezamenlijke bijeenkomst voorjaar/);
  const meetingId = /vergaderingen\/([0-9a-f-]{36})\/aanvaarden/.exec(page.body)![1]!;
  assert.equal((await post(t, `${ws(C.slug)}/${a.id}/vergaderingen/${meetingId}/aanvaarden`, {}, await person(t, C, 'secretary'))).statusCode, 404);
  assert.equal((await post(t, `${ws(B.slug)}/${a.id}/vergaderingen/${meetingId}/aanvaarden`, {}, secB)).statusCode, 303);
  assert.equal((await post(t, `${ws(B.slug)}/${a.id}/vergaderingen/${meetingId}/aanvaarden`, {}, secB)).statusCode, 404, 'once');

  // The partner's members are invited by mail (through the outbox), with the link to their own page.
  const mails = await t.db.select().from(outbox).where(eq(outbox.councilId, B.id));
  assert.ok(mails.some((m) => m.toAddress === memberB.user.email && m.subject.includes('Gezamenlijke bijeenkomst voorjaar') && m.body.includes(`/${B.slug}/werkruimte/samenwerking/${a.id}`)));
  // A member of the partner says whether they come; a wrong answer is refused and changes nothing.
  const attend = `${ws(B.slug)}/${a.id}/vergaderingen/${meetingId}/aanwezigheid`;
  assert.equal((await post(t, attend, { answer: 'misschien-wel' }, memberB)).statusCode, 400);
  assert.equal((await post(t, attend, { answer: 'yes' }, memberB)).statusCode, 303);
  assert.match((await get(t, `${ws(B.slug)}/${a.id}`, memberB)).body, /Aantal mensen dat komt: 1\./);
  assert.equal((await post(t, `${ws(C.slug)}/${a.id}/vergaderingen/${meetingId}/aanwezigheid`, { answer: 'yes' }, await person(t, C, 'member'))).statusCode, 404);
  // The meeting is in the partner's own meetings list, linked to its cooperation page.
  const list = await get(t, `/${B.slug}/werkruimte/vergaderingen`, memberB);
  const link = new RegExp(`href="(/${B.slug}/werkruimte/samenwerking/vergadering/${meetingId})"`).exec(list.body);
  assert.ok(link, 'in the partner’s meetings list');
  const hop = await get(t, link[1]!, memberB);
  assert.equal(hop.statusCode, 303);
  assert.equal(hop.headers.location, `${ws(B.slug)}/${a.id}#vergadering-${meetingId}`);
  assert.equal((await get(t, `/${C.slug}/werkruimte/samenwerking/vergadering/${meetingId}`, await person(t, C, 'member'))).statusCode, 404);
  // One of two planned this year (when the meeting falls in this year): the warning says one of two.
  if (form.date.slice(0, 4) === dayFromToday(0).slice(0, 4)) assert.match((await get(t, `${ws(A.slug)}/${a.id}`, secA)).body, /is 1 van de 2 gezamenlijke/);

  // One event, one UID, in both feeds (a member of both gets one event); not in C's.
  assert.deepEqual(await uidsIn(A.slug), [uid]);
  assert.deepEqual(await uidsIn(B.slug), [uid]);
  assert.deepEqual(await uidsIn(C.slug), []);
  // The partner's feed links the event to a page the partner has (its cooperation page), not a 404.
  const [inB] = parseIcs((await get(t, `/${B.slug}/agenda.ics`)).body).events;
  const url = new URL(String(inB!.component.getFirstPropertyValue('url')));
  assert.equal((await get(t, url.pathname)).statusCode, 200, url.pathname);
  const pub = await get(t, `/${B.slug}/samenwerking/${a.name}`);
  assert.match(pub.body, /Gezamenlijke bijeenkomst voorjaar/);

  // The agreement ends: on the next request the meeting is gone from the partner's feed, not from the planner's.
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/beeindigen`, {}, secA)).statusCode, 303);
  assert.deepEqual(await uidsIn(B.slug), []);
  assert.deepEqual(await uidsIn(A.slug), [uid]);
});

test('the planner invites contacts of its network to a joint meeting: with consent once, without consent refused', async () => {
  const [A, B] = await makeCouncils(t, 2);
  const secA = await person(t, A, 'secretary');
  const a = await makeAgreement(t, [A, B]);
  const form = { title: 'Gezamenlijke avond netwerk', date: dayFromToday(20), startTime: '19:00', endTime: '21:00', mode: 'in_person', location: 'Bibliotheek', onlineUrl: '' };
  assert.equal((await post(t, `${ws(A.slug)}/${a.id}/vergaderingen`, form, secA)).statusCode, 303);
  const org = await makeOrganisation(t, A, { name: 'Zorgbelang Lindewijk' });
  const ok = await makeContact(t, A, org.id, { name: 'Fatma Yilmaz', consent: ['invitations'] });
  const none = await makeContact(t, A, org.id, { name: 'Henk de Vries' });

  // The picker lists only contacts whose consent for invitations holds.
  const page = (await get(t, `${ws(A.slug)}/${a.id}`, secA)).body;
  assert.match(page, /Fatma Yilmaz \(Zorgbelang Lindewijk\)/);
  assert.doesNotMatch(page, /Henk de Vries/);
  const meetingId = /name="meetingId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page)![1]!;
  const url = `${ws(A.slug)}/${a.id}/netwerk`;
  const mailsTo = async (to: string) => (await t.db.select().from(outbox).where(eq(outbox.councilId, A.id))).filter((m) => m.toAddress === to);

  const first = await post(t, url, { meetingId, contactIds: ok.id }, secA);
  assert.equal(first.statusCode, 303);
  assert.match(String(first.headers.location), /melding=netwerk$/);
  const [mail, ...more] = await mailsTo(ok.email);
  assert.equal(more.length, 0);
  assert.match(mail!.body, /Gezamenlijke avond netwerk/);
  assert.match(mail!.body, /\/netwerk\/afmelden\//, 'the withdraw link');
  const ics = mail!.attachments.find((x) => x.filename.endsWith('.ics'));
  assert.ok(ics, 'an .ics invitation');
  const [uid] = (await uidsIn(A.slug)).filter(Boolean);
  assert.equal(parseIcs(String(ics.content)).events[0]!.uid, uid, 'the meeting’s own UID');
  const invitedAudit = () =>
    t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'networkEvent.invited'), eq(auditLog.entityId, uid!)));
  assert.equal((await invitedAudit())[0]!.n, 1, 'audited');

  // Nobody twice.
  const again = await post(t, url, { meetingId, contactIds: ok.id }, secA);
  assert.match(String(again.headers.location), /melding=netwerkal$/);
  assert.equal((await mailsTo(ok.email)).length, 1);
  assert.equal((await invitedAudit())[0]!.n, 1);

  // Without consent: refused, named, nothing sent (also not to the other contact chosen with it).
  const refused = await post(t, url, { meetingId, contactIds: [none.id, ok.id] }, secA);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Henk de Vries \(Zorgbelang Lindewijk\) kan geen uitnodiging krijgen: er is geen toestemming voor uitnodigingen/);
  assert.equal((await mailsTo(none.email)).length, 0);
  assert.equal((await mailsTo(ok.email)).length, 1);
});
