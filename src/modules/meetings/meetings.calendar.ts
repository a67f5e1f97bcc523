/**
 * Meetings as iCalendar (RFC 5545): the public feed, each member's private feed, and the
 * invitations (METHOD:REQUEST) and cancellations (METHOD:CANCEL) sent by e-mail.
 *
 * Every meeting has one stable UID and a SEQUENCE the meetings service raises on every change.
 * Times go out as local Europe/Amsterdam wall-clock times with TZID and a VTIMEZONE, so a
 * 09:30 meeting stays at 09:30 on both sides of a daylight saving change.
 */
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalAttendeeRole, ICalAttendeeStatus, type ICalLuxonDateTimeStub } from 'ical-generator';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { translator, formatDate, formatWeekday, type Locale, type Translate } from '../../core/i18n/index.ts';
import { assertCan, NotFoundError, type Actor } from '../../core/policy.ts';
import { randomToken, sha256 } from '../../core/secret.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { councilRoles } from '../../core/roles.ts';
import { DomainError } from '../../core/errors.ts';
import { agendaGuests, agendaItems, meetings, type AgendaItem, type Meeting } from './meetings.schema.ts';
import { calendarTokens } from './meetings.calendar.schema.ts';
import { jointWith } from './meetings.joint.where.ts';
import { partnerships } from '../../core/partnerships.ts';
import { TIME_ZONE, utcToLocal } from '../../core/dates/amsterdam.ts';

/**
 * Europe/Amsterdam since 1996 (the EU rule): summer time from the last Sunday of March 02:00
 * to the last Sunday of October 03:00. Written out here because ical-generator has no time zone
 * database; every calendar program reads these two rules.
 */
const VTIMEZONE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * ical-generator formats a native Date in the server's own time zone when a TZID is set; this
 * small Luxon-shaped wrapper makes it write the Amsterdam wall-clock time instead, wherever the
 * server runs.
 */
function amsterdam(d: Date): ICalLuxonDateTimeStub {
  const local = utcToLocal(d);
  const stub = {
    isValid: true,
    setZone: () => stub,
    toJSDate: () => new Date(d),
    toJSON: () => d.toISOString(),
    zone: { type: 'iana' },
    toFormat(fmt: string) {
      if (fmt === 'yyyyLLdd') return local.date.replace(/-/g, '');
      // Meetings start on whole minutes (times are entered as HH:MM).
      if (fmt === 'HHmmss') return `${local.time.replace(':', '')}00`;
      throw new Error(`unsupported format ${fmt}`);
    },
  } as unknown as ICalLuxonDateTimeStub;
  return stub;
}

/** "09:30" in Amsterdam. */
const timeOf = (d: Date) => utcToLocal(d).time;
/** "woensdag 16 december 2026" in Amsterdam. */
export function dayOf(d: Date, locale: Locale): string {
  return `${formatWeekday(d, locale)} ${formatDate(d, locale)}`;
}

/**
 * Who reads the entry. public: the public agenda, without the meeting link (as on the public
 * meeting page). guest: the public agenda with the link. members: everything.
 */
type Audience = 'public' | 'guest' | 'members';
const showsLink = (a: Audience) => a !== 'public';
type CalendarMeeting = Meeting & { items: Pick<AgendaItem, 'title' | 'startTime' | 'presenter' | 'isPublic'>[] };

/** Links a calendar entry points to; the feed and the mail know where the reader can go. */
type Links = { meeting: (m: Meeting) => string };

function description(m: CalendarMeeting, audience: Audience, t: Translate): string {
  const lines: string[] = [];
  if (m.status === 'cancelled') lines.push(t('calendar.event.cancelled'), '');
  if (m.mode !== 'in_person' && m.onlineUrl && showsLink(audience)) lines.push(`${t('calendar.event.online')}: ${m.onlineUrl}`, '');
  // Closed agenda items never leave the workspace: not in the public feed, not to guests.
  const items = audience === 'members' ? m.items : m.items.filter((i) => i.isPublic);
  if (items.length) {
    lines.push(`${t('calendar.event.agenda')}:`);
    items.forEach((i, n) => {
      const extra = [i.presenter, audience === 'members' && !i.isPublic ? t('calendar.event.closed') : ''].filter(Boolean).join(', ');
      lines.push(`${n + 1}. ${i.startTime ? `${i.startTime} ` : ''}${i.title}${extra ? ` (${extra})` : ''}`);
    });
  }
  return lines.join('\n').trim();
}

function locationOf(m: Meeting, audience: Audience, t: Translate): string {
  // Calendar apps make a link in LOCATION clickable: an online meeting is where its link is.
  if (m.mode === 'online') return m.location || (showsLink(audience) ? m.onlineUrl : '') || t('calendar.mode.online');
  return m.location;
}

type IcsOptions = {
  council: Council;
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name: string;
  meetings: CalendarMeeting[];
  audience: Audience;
  links: Links;
  /** For REQUEST/CANCEL: who organises and who is invited (RFC 5546 needs both). */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  /** DTSTAMP; defaults to now. */
  now?: Date;
  t?: Translate;
};

/** One iCalendar document with the given meetings. */
function meetingsIcs(o: IcsOptions): string {
  const t = o.t ?? translator('nl');
  const cal = ical({
    name: o.name,
    prodId: { company: 'Raadwerk', product: 'Raadwerk', language: 'NL' },
    method: ICalCalendarMethod[o.method],
    // name null: ical-generator would otherwise write DTSTAMP and LAST-MODIFIED in local time.
    timezone: { name: null, generator: (tz) => (tz === TIME_ZONE ? VTIMEZONE_AMSTERDAM : null) },
  });
  const stamp = o.now ?? new Date();
  for (const m of o.meetings) {
    const cancelled = m.status === 'cancelled' || o.method === 'CANCEL';
    cal.createEvent({
      id: m.uid,
      sequence: m.sequence,
      stamp,
      created: m.createdAt,
      lastModified: m.updatedAt,
      start: amsterdam(m.startsAt),
      end: amsterdam(m.endsAt),
      timezone: TIME_ZONE,
      summary: m.title,
      description: description(m, o.audience, t),
      location: locationOf(m, o.audience, t) || null,
      url: o.links.meeting(m),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: o.organizer ?? null,
      attendees: o.attendee ? [{ email: o.attendee.email, name: o.attendee.name || null, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }] : [],
    });
  }
  return cal.toString();
}

// ---------------------------------------------------------------- loading meetings

async function withItems(db: DbOrTx, rows: Meeting[]): Promise<CalendarMeeting[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({
      meetingId: agendaItems.meetingId,
      title: agendaItems.title,
      startTime: agendaItems.startTime,
      presenter: agendaItems.presenter,
      isPublic: agendaItems.isPublic,
    })
    .from(agendaItems)
    .where(
      inArray(
        agendaItems.meetingId,
        rows.map((m) => m.id),
      ),
    )
    .orderBy(asc(agendaItems.position));
  return rows.map((m) => ({ ...m, items: items.filter((i) => i.meetingId === m.id) }));
}

/** Feeds look back one year: enough for a calendar, without the whole history. */
const FEED_HISTORY_MS = 366 * 24 * 3600 * 1000;

async function feedMeetings(db: DbOrTx, council: Council, now: Date): Promise<CalendarMeeting[]> {
  const rows = await db
    .select()
    .from(meetings)
    // Joint meetings a partner planned with this council (issue 16) are in its feeds too, with their one UID.
    .where(and(or(eq(meetings.councilId, council.id), jointWith(council.id)), gte(meetings.startsAt, new Date(now.getTime() - FEED_HISTORY_MS))))
    .orderBy(asc(meetings.startsAt));
  return withItems(db, rows);
}

/**
 * Where a meeting's page is for this audience: members in the workspace, everyone else on the site.
 * A joint meeting a partner planned (issue 16) has no page under this organisation's meetings: it
 * links to this organisation's cooperation pages (core/partnerships.ts), which list the joint meetings.
 */
function linksFor(deps: Pick<Deps, 'config'>, council: Council, audience: Audience): Links {
  const base = deps.config.baseUrl.replace(/\/$/, '');
  const members = audience === 'members';
  const own = `${base}/${council.slug}${members ? '/werkruimte' : ''}/vergaderingen`;
  const joint = (m: Meeting) => (members ? partnerships().jointMeetingPath(council.slug, m.id) : partnerships().publicJointMeetingsPath(council.slug));
  return { meeting: (m) => (m.councilId === council.id ? `${own}/${m.id}` : base + joint(m)) };
}

/** A feed of the council's meetings for one audience, a year back and all ahead. */
async function feed(deps: Pick<Deps, 'db' | 'config'>, council: Council, t: Translate, now: Date, audience: 'public' | 'members'): Promise<string> {
  return meetingsIcs({
    council,
    method: 'PUBLISH',
    name: t(audience === 'public' ? 'calendar.feed.name' : 'calendar.feed.privateName', { council: council.name }),
    meetings: await feedMeetings(deps.db, council, now),
    audience,
    links: linksFor(deps, council, audience),
    now,
    t,
  });
}

/** The public feed: every meeting (cancelled ones as STATUS:CANCELLED) with the public agenda only. */
export function publicFeed(deps: Pick<Deps, 'db' | 'config'>, council: Council, t: Translate, now = new Date()): Promise<string> {
  return feed(deps, council, t, now, 'public');
}

// ---------------------------------------------------------------- private feed links

/** A feed token is 32 random bytes, base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type FeedLinkState = { active: { id: string; createdAt: Date; lastUsedAt: Date | null } | null };

export async function feedLinkState(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council }): Promise<FeedLinkState> {
  assertCan(args.actor, 'calendar.subscribe');
  const membershipId = args.actor.membershipId;
  if (!membershipId) return { active: null };
  const [row] = await deps.db
    .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt, lastUsedAt: calendarTokens.lastUsedAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.councilId, args.council.id), eq(calendarTokens.membershipId, membershipId), isNull(calendarTokens.revokedAt)))
    .limit(1);
  return { active: row ?? null };
}

/** Revokes the member's current link (if any) in the same transaction. */
async function revokeCurrent(tx: DbOrTx, council: Council, actor: Actor, membershipId: string): Promise<number> {
  const revoked = await tx
    .update(calendarTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarTokens.councilId, council.id), eq(calendarTokens.membershipId, membershipId), isNull(calendarTokens.revokedAt)))
    .returning({ id: calendarTokens.id });
  for (const r of revoked) {
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'calendarToken.revoked',
      entity: 'calendar_token',
      entityId: r.id,
      from: 'active',
      to: 'revoked',
    });
  }
  return revoked.length;
}

/** Makes a new private feed link for the actor; an older one stops working. Returns the secret, to show once. */
export async function createFeedLink(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council }): Promise<{ token: string }> {
  const { actor, council } = args;
  assertCan(actor, 'calendar.subscribe');
  // The feed is someone's own agenda: a platform admin without a membership has none.
  const membershipId = actor.membershipId;
  if (!membershipId) throw new DomainError('noMembership', 'calendar.link.noMembership', { field: 'link', status: 409 });
  const token = randomToken(32);
  await deps.db.transaction(async (tx) => {
    await revokeCurrent(tx, council, actor, membershipId);
    const [row] = await tx
      .insert(calendarTokens)
      .values({ councilId: council.id, membershipId, tokenHash: sha256(token) })
      .returning({ id: calendarTokens.id });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'calendarToken.created', entity: 'calendar_token', entityId: row.id });
  });
  return { token };
}

export async function revokeFeedLink(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'calendar.subscribe');
  const membershipId = actor.membershipId;
  if (!membershipId) throw new DomainError('noLink', 'calendar.link.none', { field: 'link', status: 409 });
  const n = await deps.db.transaction((tx) => revokeCurrent(tx, council, actor, membershipId));
  if (n === 0) throw new DomainError('noLink', 'calendar.link.none', { field: 'link', status: 409 });
}

/**
 * The private feed for a token in the URL. Unknown, malformed, revoked, another council's
 * token, or a member who left or lost the right: all 404, so the answer tells nothing.
 */
export async function memberFeed(deps: Pick<Deps, 'db' | 'config'>, council: Council, token: string, t: Translate, now = new Date()): Promise<string> {
  if (!TOKEN_SHAPE.test(token)) throw new NotFoundError('calendar token');
  const [row] = await deps.db
    .select({ id: calendarTokens.id, lastUsedAt: calendarTokens.lastUsedAt, role: memberships.role })
    .from(calendarTokens)
    .innerJoin(memberships, eq(memberships.id, calendarTokens.membershipId))
    .where(
      and(
        eq(calendarTokens.tokenHash, sha256(token)),
        eq(calendarTokens.councilId, council.id),
        isNull(calendarTokens.revokedAt),
        eq(memberships.active, true),
        inArray(memberships.role, [...councilRoles]),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('calendar token');
  // Calendar apps poll often: note the use at most once an hour, so reads stay reads.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 3600_000) {
    await deps.db.update(calendarTokens).set({ lastUsedAt: now }).where(eq(calendarTokens.id, row.id));
  }
  return feed(deps, council, t, now, 'members');
}

// ---------------------------------------------------------------- invitations by e-mail

type Recipient = { email: string; name: string; audience: Audience; guestFor: string[]; locale?: Locale };

/** Active council members with an e-mail address, and the meeting's guests; each address once. */
/** How many people a mail about this meeting reaches (the cancellation page says so before it goes out). */
export async function meetingAudienceSize(db: DbOrTx, meeting: Meeting): Promise<number> {
  const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id));
  return (await recipientsOf(db, meeting, items)).length;
}

async function recipientsOf(tx: DbOrTx, meeting: Meeting, items: AgendaItem[]): Promise<Recipient[]> {
  const members = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, meeting.councilId), eq(memberships.active, true), inArray(memberships.role, [...councilRoles])));
  const guests = items.length
    ? await tx
        .select({ email: agendaGuests.email, name: agendaGuests.name, itemId: agendaGuests.agendaItemId })
        .from(agendaGuests)
        .where(
          and(
            eq(agendaGuests.councilId, meeting.councilId),
            inArray(
              agendaGuests.agendaItemId,
              items.map((i) => i.id),
            ),
          ),
        )
    : [];
  const byEmail = new Map<string, Recipient>();
  for (const m of members) {
    if (m.email) byEmail.set(m.email.toLowerCase(), { email: m.email, name: m.name, audience: 'members', guestFor: [], locale: m.locale });
  }
  for (const g of guests) {
    const key = g.email.trim().toLowerCase();
    if (!key) continue;
    const title = items.find((i) => i.id === g.itemId)?.title ?? '';
    const known = byEmail.get(key);
    if (known) {
      if (known.audience === 'guest' && title && !known.guestFor.includes(title)) known.guestFor.push(title);
      continue;
    }
    byEmail.set(key, { email: g.email.trim(), name: g.name, audience: 'guest', guestFor: title ? [title] : [] });
  }
  return [...byEmail.values()];
}

function mailBody(args: { t: Translate; council: Council; meeting: Meeting; kind: 'request' | 'update' | 'cancel'; recipient: Recipient; agendaUrl: string }): string {
  const { t, council, meeting: m, kind, recipient } = args;
  const lines = [
    t('calendar.mail.greeting', { name: recipient.name || recipient.email }),
    '',
    t(`calendar.mail.${kind}.intro`, { council: council.name }),
    '',
    t('calendar.mail.what', { title: m.title }),
    t('calendar.mail.when', { date: dayOf(m.startsAt, recipient.locale ?? 'nl'), start: timeOf(m.startsAt), end: timeOf(m.endsAt) }),
  ];
  if (m.location) lines.push(t('calendar.mail.where', { location: m.location }));
  if (m.mode !== 'in_person' && m.onlineUrl && kind !== 'cancel') lines.push(t('calendar.mail.online', { url: m.onlineUrl }));
  if (kind !== 'cancel') lines.push(t('calendar.mail.agenda', { url: args.agendaUrl }));
  if (recipient.guestFor.length && kind !== 'cancel') lines.push('', t('calendar.mail.guestFor', { items: recipient.guestFor.join(', ') }));
  lines.push('', t(kind === 'cancel' ? 'calendar.mail.cancelAttachment' : 'calendar.mail.attachment'), '', t('calendar.mail.signature', { council: council.name }));
  return lines.join('\n');
}

/**
 * Queues the invitation (REQUEST) or the cancellation (CANCEL) of a meeting for every active
 * council member and every guest on its agenda, each with an .ics attachment. Call it inside
 * the transaction that changes the meeting, after the change (so SEQUENCE is already raised);
 * call `deps.mailer.kick()` after commit. `kind: 'update'` words a REQUEST as a change.
 */
export async function queueMeetingMails(
  tx: DbOrTx,
  deps: Pick<Deps, 'mailer' | 'config'>,
  meetingId: string,
  method: 'REQUEST' | 'CANCEL',
  opts: { kind?: 'invitation' | 'update' } = {},
): Promise<void> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new NotFoundError('meeting');
  const [council] = await tx.select().from(councils).where(eq(councils.id, meeting.councilId)).limit(1);
  const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position));
  const kind = method === 'CANCEL' ? 'cancel' : opts.kind === 'update' ? 'update' : 'request';
  const organizer = { name: council.name, email: council.contactEmail };
  const calendarMeeting: CalendarMeeting = { ...meeting, items };
  for (const r of await recipientsOf(tx, meeting, items)) {
    // Members get the mail in their own language; guests (no account) in Dutch.
    const locale = r.locale ?? 'nl';
    const t = translator(locale);
    const subject = t(`calendar.mail.subject.${kind}`, { title: meeting.title, date: formatDate(meeting.startsAt, locale) });
    const links = linksFor(deps, council, r.audience);
    const ics = meetingsIcs({ council, method, name: meeting.title, meetings: [calendarMeeting], audience: r.audience, links, organizer, attendee: r, t });
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to: r.email,
      subject,
      body: mailBody({ t, council, meeting, kind, recipient: r, agendaUrl: links.meeting(meeting) }),
      replyTo: council.contactEmail,
      attachments: [
        {
          filename: method === 'CANCEL' ? 'afzegging.ics' : 'uitnodiging.ics',
          contentType: `text/calendar; method=${method}; charset=utf-8`,
          content: ics,
        },
      ],
    });
  }
}
