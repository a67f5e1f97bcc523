/**
 * The calendar: feeds and invitation mails, read back with an independent iCalendar parser
 * (ical.js) that applies the feed's own VTIMEZONE, and cross-checked with Node's time zone data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, makeCouncil, makeMember, makeUser, login, get, type TestApp, useTestApp } from '../../../test/support/factories.ts';
import { startSmtpServer } from '../../../test/support/smtp.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import { logSafeUrl } from '../../app.ts';
import { addAgendaItem, addGuest } from './meetings.agenda.ts';
import { addMeeting, cancelMeeting, changeMeeting, inviteMeeting } from './meetings.lifecycle.ts';
import { generateYear, saveRhythm } from './meetings.rhythm.ts';
import { calendarTokens } from './meetings.calendar.schema.ts';
import { meetings as meetingsTable } from './meetings.schema.ts';
import { parseIcs } from './meetings.calendar.test-helpers.ts';

const t = useTestApp();

async function secretaryOf(app: TestApp, council: Council): Promise<Actor> {
  const { user, membership } = await makeMember(app, council, 'secretary');
  return { userId: user.id, isPlatformAdmin: false, role: 'secretary', membershipId: membership.id };
}

/** Node's own time zone database: the local wall-clock time of an instant in Amsterdam. */
function nodeLocal(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(d);
}

const place = { location: 'Stadhuis, zaal 2', mode: 'in_person' as const, onlineUrl: '' };
const noLinks = { adviceIds: [], signalIds: [], documentIds: [] };

test('a year of third-Wednesday meetings: every date and time is right in ical.js, across both daylight saving changes', async () => {
  const council = await makeCouncil(t);
  const actor = await secretaryOf(t, council);
  const year = new Date().getUTCFullYear() + 1;
  await saveRhythm(t.app.deps, { actor, council, input: { title: 'Vergadering', nth: 3, weekday: 3, startTime: '09:30', endTime: '12:30', ...place } });
  assert.equal(await generateYear(t.app.deps, { actor, council, year }), 12);

  const res = await get(t, `/${council.slug}/agenda.ics`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.match(String(res.headers['cache-control']), /^public/);
  assert.equal(res.headers['set-cookie'], undefined, 'no cookie for a public feed');
  const feed = parseIcs(res.body);
  assert.equal(feed.method, 'PUBLISH');
  assert.deepEqual(feed.zones, ['Europe/Amsterdam']);
  assert.equal(feed.events.length, 12);

  const rows = await t.db.select().from(meetingsTable).where(eq(meetingsTable.councilId, council.id));
  const events = [...feed.events].sort((a, b) => a.startDate.toUnixTime() - b.startDate.toUnixTime());
  const offsets: number[] = [];
  events.forEach((e, i) => {
    const start = e.startDate;
    const end = e.endDate;
    assert.equal(start.zone.tzid, 'Europe/Amsterdam', `event ${i}: TZID`);
    // The local date: the third Wednesday of month i+1.
    assert.equal(start.year, year);
    assert.equal(start.month, i + 1);
    assert.equal(new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay(), 3, `${start.toString()} is a Wednesday`);
    assert.ok(start.day >= 15 && start.day <= 21, `${start.toString()} is the third Wednesday`);
    assert.deepEqual([start.hour, start.minute, end.hour, end.minute], [9, 30, 12, 30], `${start.toString()} 09:30-12:30`);
    // ical.js turns the local time into an instant with the feed's VTIMEZONE; Node's tz data agrees.
    const instant = start.toJSDate();
    const ymd = `${year}-${String(i + 1).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`;
    assert.equal(nodeLocal(instant), `${ymd} 09:30`, `instant of ${ymd}`);
    assert.equal(nodeLocal(end.toJSDate()), `${ymd} 12:30`);
    offsets.push(start.utcOffset());
    // The UID is the meeting's own.
    const row = rows.find((r) => r.startsAt.getTime() === instant.getTime());
    assert.ok(row, `a meeting row at ${instant.toISOString()}`);
    assert.equal(e.uid, row.uid);
  });
  // Winter time (+1) January-March and November-December, summer time (+2) April-October.
  assert.deepEqual(
    offsets,
    [1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1].map((h) => h * 3600),
  );
});

test('the public feed: UID stays, SEQUENCE rises after a move, cancelled stays as CANCELLED, closed items never show', async () => {
  const council = await makeCouncil(t);
  const actor = await secretaryOf(t, council);
  const deps = t.app.deps;
  const date = `${new Date().getUTCFullYear() + 1}-06-10`;
  const m = await addMeeting(deps, { actor, council, input: { title: 'Extra vergadering', date, startTime: '19:00', endTime: '21:00', ...place } });
  await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: { title: 'Opening', explanation: '', startTime: '19:00', presenter: 'Voorzitter', access: 'public', ...noLinks },
  });
  await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: { title: 'Geheim personeelsdossier', explanation: '', startTime: null, presenter: '', access: 'closed', ...noLinks },
  });

  const first = await get(t, `/${council.slug}/agenda.ics`);
  const second = await get(t, `/${council.slug}/agenda.ics`);
  assert.ok(!first.body.includes('Geheim personeelsdossier'), 'a closed item is not in the public feed');
  const [a] = parseIcs(first.body).events;
  const [b] = parseIcs(second.body).events;
  assert.equal(a.uid, m.uid);
  assert.equal(b.uid, a.uid, 'the same UID on every fetch');
  assert.match(a.description, /Opening \(Voorzitter\)/);
  assert.equal(a.location, 'Stadhuis, zaal 2');
  assert.equal(a.component.getFirstPropertyValue('url'), `${t.config.baseUrl.replace(/\/$/, '')}/${council.slug}/vergaderingen/${m.id}`);
  const etag = String(first.headers.etag);
  assert.match((await get(t, `/${council.slug}/vergaderingen`)).body, new RegExp(`href="/${council.slug}/agenda\\.ics"`), 'the public meetings page links the feed');
  const again = await t.app.inject({ method: 'GET', url: `/${council.slug}/agenda.ics`, headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304, 'nothing changed: 304 for a polling calendar');

  await changeMeeting(deps, {
    actor,
    council,
    meetingId: m.id,
    input: { title: 'Extra vergadering', date: date.replace('-06-', '-11-'), startTime: '19:30', endTime: '21:30', ...place },
  });
  const moved = await get(t, `/${council.slug}/agenda.ics`);
  assert.notEqual(moved.headers.etag, etag);
  const [c] = parseIcs(moved.body).events;
  assert.equal(c.uid, m.uid);
  assert.equal(c.sequence, a.sequence + 1, 'SEQUENCE raised after a move');
  assert.deepEqual([c.startDate.month, c.startDate.hour, c.startDate.minute, c.startDate.utcOffset()], [11, 19, 30, 3600]);

  await cancelMeeting(deps, { actor, council, meetingId: m.id });
  const [d] = parseIcs((await get(t, `/${council.slug}/agenda.ics`)).body).events;
  assert.equal(d.uid, m.uid);
  assert.equal(d.component.getFirstPropertyValue('status'), 'CANCELLED');
  assert.ok(d.sequence > c.sequence);
});

/** A planned meeting with a public item, a closed item with a guest, and members in every state. */
async function meetingWithGuest(app: TestApp) {
  const council = await makeCouncil(app);
  const actor = await secretaryOf(app, council);
  const deps = app.app.deps;
  const member = await makeMember(app, council, 'member');
  const stopped = await makeMember(app, council, 'member', {}, { active: false });
  const official = await makeMember(app, council, 'official');
  const date = `${new Date().getUTCFullYear() + 1}-03-31`;
  const m = await addMeeting(deps, {
    actor,
    council,
    input: {
      title: 'Vergadering maart',
      date,
      startTime: '09:30',
      endTime: '12:30',
      location: 'Stadhuis',
      mode: 'hybrid',
      onlineUrl: 'https://meet.example/raad',
    },
  });
  await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: { title: 'Beleidsplan Wmo', explanation: '', startTime: '09:45', presenter: 'Wethouder', access: 'public', ...noLinks },
  });
  const closed = await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: { title: 'Besloten bespreking', explanation: '', startTime: null, presenter: '', access: 'closed', ...noLinks },
  });
  await addGuest(deps, {
    actor,
    council,
    meetingId: m.id,
    itemId: closed.id,
    input: { name: 'Ambtenaar Jansen', email: 'jansen@gemeente.example', kind: 'official', organisation: 'Gemeente' },
  });
  return { council, actor, deps, m, member, stopped, official };
}

function icsOf(row: typeof outbox.$inferSelect) {
  assert.equal(row.attachments.length, 1);
  const [a] = row.attachments;
  return { attachment: a, parsed: parseIcs(a.content) };
}

test('invitation and cancellation mails: an iCalendar REQUEST and CANCEL with the same UID, to members and guests only', async () => {
  const { council, actor, deps, m, member, stopped, official } = await meetingWithGuest(t);
  await inviteMeeting(deps, { actor, council, meetingId: m.id });
  const invites = await t.db.select().from(outbox).where(eq(outbox.councilId, council.id));
  const to = invites.map((r) => r.toAddress);
  assert.ok(to.includes(member.user.email) && to.includes('jansen@gemeente.example'));
  assert.ok(!to.includes(stopped.user.email), 'a member who stopped gets nothing');
  assert.ok(!to.includes(official.user.email), 'an official is no council member');
  assert.equal(new Set(to).size, to.length, 'one mail per address');

  const forMember = invites.find((r) => r.toAddress === member.user.email)!;
  assert.match(forMember.subject, /^Uitnodiging: Vergadering maart/);
  assert.match(forMember.body, /Wanneer: \w+ 31 maart \d{4}, 09:30 tot 12:30 uur/);
  assert.match(forMember.body, /Online meedoen: https:\/\/meet\.example\/raad/);
  assert.match(forMember.body, new RegExp(`/${council.slug}/werkruimte/vergaderingen/${m.id}`));
  const mine = icsOf(forMember);
  assert.equal(mine.attachment.contentType, 'text/calendar; method=REQUEST; charset=utf-8');
  assert.equal(mine.parsed.method, 'REQUEST');
  const [ev] = mine.parsed.events;
  assert.equal(ev.uid, m.uid);
  assert.deepEqual([ev.startDate.hour, ev.startDate.minute, ev.startDate.utcOffset()], [9, 30, 7200], 'last day of March: summer time');
  assert.equal(ev.organizer, `mailto:${council.contactEmail}`);
  assert.equal(ev.attendees.length, 1);
  assert.equal(String(ev.attendees[0].getFirstValue()).toLowerCase(), `mailto:${member.user.email}`.toLowerCase());
  assert.match(ev.description, /Besloten bespreking \(niet openbaar\)/, 'members see the closed item');

  // The admin's outbox names the attachment.
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true }));
  const shown = await admin.request({ url: `/beheer/postvak/${forMember.id}` });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /Bijlagen[\s\S]*uitnodiging\.ics \(text\/calendar\)/);

  const forGuest = invites.find((r) => r.toAddress === 'jansen@gemeente.example')!;
  assert.match(forGuest.body, /agendapunt: Besloten bespreking/);
  assert.match(forGuest.body, new RegExp(`/${council.slug}/vergaderingen/${m.id}`));
  const guest = icsOf(forGuest).parsed.events[0];
  assert.equal(guest.uid, m.uid);
  assert.ok(!guest.description.includes('Besloten bespreking'), 'the agenda in the guest invitation is the public one');
  assert.match(guest.description, /Online meedoen: https:\/\/meet\.example\/raad/, 'a guest gets the meeting link');
  const publicFeed = (await get(t, `/${council.slug}/agenda.ics`)).body;
  assert.ok(publicFeed.includes(m.uid) && !publicFeed.includes('meet.example'), 'the public feed has the meeting, not its link');

  await cancelMeeting(deps, { actor, council, meetingId: m.id });
  const cancels = (await t.db.select().from(outbox).where(eq(outbox.councilId, council.id))).filter((r) => r.subject.startsWith('Gaat niet door'));
  assert.deepEqual(cancels.map((r) => r.toAddress).sort(), to.sort());
  const cancel = icsOf(cancels.find((r) => r.toAddress === member.user.email)!);
  assert.equal(cancel.attachment.contentType, 'text/calendar; method=CANCEL; charset=utf-8');
  assert.equal(cancel.parsed.method, 'CANCEL');
  assert.equal(cancel.parsed.events[0].uid, m.uid, 'CANCEL names the same UID');
  assert.ok(cancel.parsed.events[0].sequence > ev.sequence);
  assert.equal(cancel.parsed.events[0].component.getFirstPropertyValue('status'), 'CANCELLED');
});

test('the invitation goes out over SMTP with a text/calendar part that ical.js reads', async () => {
  const smtp = await startSmtpServer();
  const app = await createTestApp({ SMTP_URL: smtp.url }, { database: t.database });
  try {
    const { council, actor, deps, m, member } = await meetingWithGuest(app);
    await inviteMeeting(deps, { actor, council, meetingId: m.id });
    await deps.mailer.flush();
    for (const address of [member.user.email.toLowerCase(), 'jansen@gemeente.example']) {
      const mail = await smtp.waitFor((x) => x.to.includes(address) && x.subject.startsWith('Uitnodiging'));
      const calendars = mail.attachments.filter((a) => a.contentType.startsWith('text/calendar'));
      assert.ok(calendars.length >= 1, `${address}: a text/calendar part`);
      assert.ok(calendars.some((a) => /method=REQUEST/i.test(a.contentType)));
      for (const part of calendars) {
        const parsed = parseIcs(part.content);
        assert.equal(parsed.method, 'REQUEST');
        assert.equal(parsed.events[0].uid, m.uid);
      }
      assert.match(mail.body, /U bent uitgenodigd/);
    }
    const [row] = await app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.councilId, council.id), eq(outbox.toAddress, member.user.email)));
    assert.equal(row.status, 'sent');
  } finally {
    await app.close();
    await smtp.close();
  }
});

/** The feed link shown once on the page after making it. */
function linkFrom(html: string, slug: string): string {
  const m = new RegExp(`value="(https?://[^"]+/${slug}/agenda/([A-Za-z0-9_-]{43})\\.ics)"`).exec(html);
  assert.ok(m, 'the new link is on the page');
  return m[2];
}

test('a private feed link: made and revoked by the member, all meetings with the closed items, 404 for anything else', async () => {
  const { council, m, member } = await meetingWithGuest(t);
  const other = await makeCouncil(t);
  const me = await login(t, member.user);
  const page = await me.request({ url: `/${council.slug}/werkruimte/agenda` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /U hebt nog geen agendalink/);

  const made = await me.request({ url: `/${council.slug}/werkruimte/agenda`, form: {} });
  assert.equal(made.statusCode, 201);
  assert.equal(made.headers['cache-control'], 'no-store');
  const token = linkFrom(made.body, council.slug);
  assert.match(made.body, new RegExp(`href="webcal://[^"]+/${council.slug}/agenda/${token}\\.ics"`));
  const [stored] = await t.db.select().from(calendarTokens).where(eq(calendarTokens.membershipId, member.membership.id));
  assert.notEqual(stored.tokenHash, token, 'only a hash is stored');

  const feed = await get(t, `/${council.slug}/agenda/${token}.ics`);
  assert.equal(feed.statusCode, 200);
  assert.equal(feed.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.match(String(feed.headers['cache-control']), /^private/);
  const [ev] = parseIcs(feed.body).events;
  assert.equal(ev.uid, m.uid);
  assert.match(ev.description, /Besloten bespreking/, 'the member feed has the closed items');
  assert.match(ev.description, /https:\/\/meet\.example\/raad/, 'and the meeting link');
  assert.equal(ev.component.getFirstPropertyValue('url'), `${t.config.baseUrl.replace(/\/$/, '')}/${council.slug}/werkruimte/vergaderingen/${m.id}`);
  assert.ok((await t.db.select().from(calendarTokens).where(eq(calendarTokens.id, stored.id)))[0].lastUsedAt, 'use is noted');
  assert.match((await me.request({ url: `/${council.slug}/werkruimte/agenda` })).body, /U hebt een agendalink sinds/);

  for (const url of [
    `/${other.slug}/agenda/${token}.ics`, // another council
    `/${council.slug}/agenda/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}.ics`, // one character off (never the same one)
    `/${council.slug}/agenda/${token}`, // no .ics
    `/${council.slug}/agenda/..%2F..%2Fetc%2Fpasswd.ics`,
    `/${council.slug}/agenda/${'x'.repeat(500)}.ics`,
  ]) {
    const res = await get(t, url);
    assert.equal(res.statusCode, 404, url);
    assert.ok(!res.body.includes('BEGIN:VCALENDAR'));
  }

  // A member who stopped: their link stops too.
  await t.db.update(memberships).set({ active: false }).where(eq(memberships.id, member.membership.id));
  assert.equal((await get(t, `/${council.slug}/agenda/${token}.ics`)).statusCode, 404, 'stopped member');
  await t.db.update(memberships).set({ active: true }).where(eq(memberships.id, member.membership.id));
  assert.equal((await get(t, `/${council.slug}/agenda/${token}.ics`)).statusCode, 200);

  // A new link replaces the old one.
  const remade = await me.request({ url: `/${council.slug}/werkruimte/agenda`, form: {} });
  const token2 = linkFrom(remade.body, council.slug);
  assert.notEqual(token2, token);
  assert.equal((await get(t, `/${council.slug}/agenda/${token}.ics`)).statusCode, 404, 'the old link stopped');
  assert.equal((await get(t, `/${council.slug}/agenda/${token2}.ics`)).statusCode, 200);

  // Revoked: 404, and revoking again says there is nothing to revoke.
  const revoked = await me.request({ url: `/${council.slug}/werkruimte/agenda/intrekken`, form: {} });
  assert.equal(revoked.statusCode, 303);
  assert.equal(revoked.headers.location, `/${council.slug}/werkruimte/agenda?melding=ingetrokken`);
  assert.equal((await get(t, `/${council.slug}/agenda/${token2}.ics`)).statusCode, 404);
  const twice = await me.request({ url: `/${council.slug}/werkruimte/agenda/intrekken`, form: {} });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /<title>Fout:/);
  assert.match(twice.body, /U hebt geen actieve agendalink/);
});

test('the private feed token never reaches the log', () => {
  const token = 'A'.repeat(43);
  assert.equal(logSafeUrl(`/lindewijk/agenda/${token}.ics?x=1`), '/lindewijk/agenda/[token]');
  assert.equal(logSafeUrl('/lindewijk/agenda.ics'), '/lindewijk/agenda.ics');
  assert.equal(logSafeUrl('/lindewijk/werkruimte/agenda/intrekken'), '/lindewijk/werkruimte/agenda/intrekken');
});

test('every state of the calendar page is valid HTML (W3C Nu checker), in Dutch and English', async () => {
  const council = await makeCouncil(t);
  const member = await makeMember(t, council, 'member');
  const me = await login(t, member.user);
  const url = `/${council.slug}/werkruimte/agenda`;
  const pages = [{ name: 'no link', html: (await me.request({ url })).body }];
  pages.push({ name: 'new link', html: (await me.request({ url, form: {} })).body });
  pages.push({ name: 'active link', html: (await me.request({ url })).body });
  pages.push({ name: 'active link (en)', html: (await me.request({ url, headers: { cookie: `${me.cookie}; rw_taal=en` } })).body });
  await me.request({ url: `${url}/intrekken`, form: {} });
  pages.push({ name: 'revoked notice', html: (await me.request({ url: `${url}?melding=ingetrokken` })).body });
  pages.push({ name: 'nothing to revoke', html: (await me.request({ url: `${url}/intrekken`, form: {} })).body });
  assert.match(pages[1]!.html, /Uw nieuwe agendalink/);
  assert.match(pages[3]!.html, /Your calendar link/);
  assert.match(pages[4]!.html, /Uw agendalink is ingetrokken/);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});
