/**
 * Invitations to contacts of the network: one mail builder (iCalendar REQUEST and the withdrawal
 * link) and one consent check, shared by consultations and by events of other modules (a joint
 * meeting of cooperation). Only contacts whose consent for invitations holds today get one.
 */
import { and, eq, inArray } from 'drizzle-orm';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { formatDateTime, translator } from '../../core/i18n/index.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { consentRefusal, consentsOf, openContact } from './network.organisations.ts';
import { invitableContacts } from './network.queries.ts';
import { siteOf, withdrawToken } from './network.rules.ts';
import { eventInvites, networkContacts, networkOrganisations, type NetworkContact } from './network.schema.ts';

/** What goes into the calendar: a timed event in UTC, or whole days (`allDay`, end exclusive). */
export type CalendarEvent = { uid: string; sequence?: number; title: string; start: Date; end: Date; allDay?: boolean; location: string; url: string };

function invitationIcs(e: CalendarEvent, o: { council: Council; attendee: { name: string; email: string } }): string {
  const cal = ical({ name: e.title, prodId: { company: 'Raadwerk', product: 'Raadwerk', language: 'NL' }, method: ICalCalendarMethod.REQUEST });
  cal.createEvent({
    id: e.uid,
    sequence: e.sequence ?? 0,
    stamp: new Date(),
    start: e.start,
    end: e.end,
    allDay: e.allDay ?? false,
    summary: e.title,
    location: e.location || null,
    url: e.url,
    organizer: { name: o.council.name, email: o.council.contactEmail },
    attendees: [{ email: o.attendee.email, name: o.attendee.name || null, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }],
  });
  return cal.toString();
}

/** One invitation mail to a contact: the text comes from the caller, with the contact's name and withdrawal link; the .ics is attached. */
export async function queueInvitation(
  tx: DbOrTx,
  deps: Deps,
  council: Council,
  contact: NetworkContact,
  mail: { event: CalendarEvent; subject: string; body: (p: { name: string; withdraw: string }) => string },
) {
  const person = openContact(deps.secretKey, contact);
  const email = person.email!;
  const name = person.name ?? '';
  await deps.mailer.queue(tx, {
    councilId: council.id,
    to: email,
    subject: mail.subject,
    body: mail.body({ name, withdraw: `${siteOf(deps.config, council)}/netwerk/afmelden/${withdrawToken(deps.secretKey, contact.id)}` }),
    replyTo: council.contactEmail,
    attachments: [{ filename: 'uitnodiging.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: invitationIcs(mail.event, { council, attendee: { name, email } }) }],
  });
}

/**
 * These contacts, each the council's and with consent for invitations today; otherwise a refusal
 * (nothing is sent) that names the first contact and why.
 */
export async function invitees(tx: DbOrTx, deps: Deps, councilId: string, contactIds: string[]) {
  const t = translator('nl');
  const today = todayInAmsterdam();
  const ids = [...new Set(contactIds)];
  const rows = ids.length
    ? await tx
        .select({ contact: networkContacts, orgName: networkOrganisations.name })
        .from(networkContacts)
        .innerJoin(networkOrganisations, eq(networkOrganisations.id, networkContacts.organisationId))
        .where(and(eq(networkContacts.councilId, councilId), inArray(networkContacts.id, ids)))
    : [];
  if (!ids.length || rows.length !== ids.length) throw new DomainError('unknownContact', 'network.error.unknownContact', 'contactIds');
  const consents = await consentsOf(tx, councilId, ids);
  for (const r of rows) {
    const reason = consentRefusal(r.contact, consents.get(r.contact.id) ?? [], 'invitations', today);
    if (reason) {
      const who = openContact(deps.secretKey, r.contact).name ?? t('network.contact.erasedName');
      throw new DomainError('noConsent', 'network.error.noConsent', { field: 'contactIds', params: { name: `${who} (${r.orgName})`, reason: t(`network.refusal.${reason}`) } });
    }
  }
  return rows;
}

export type InvitedEvent = { uid: string; title: string; startsAt: Date; endsAt: Date; location: string; url: string };

/**
 * Invites contacts of the council's network to an event of another module (a joint meeting),
 * inside the caller's transaction; the caller kicks the mailer afterwards. A contact already
 * invited to this event (by its UID) gets nothing again. Returns how many mails were queued.
 */
export async function inviteContactsToEvent(tx: DbOrTx, deps: Deps, args: { council: Council; actor: Actor | null; event: InvitedEvent; contactIds: string[] }): Promise<number> {
  const { council, event } = args;
  assertCan(args.actor, 'network.manage');
  const rows = await invitees(tx, deps, council.id, args.contactIds);
  const fresh = await tx
    .insert(eventInvites)
    .values(rows.map((r) => ({ councilId: council.id, eventUid: event.uid, contactId: r.contact.id })))
    .onConflictDoNothing()
    .returning({ contactId: eventInvites.contactId });
  if (!fresh.length) return 0;
  const t = translator('nl');
  const when = formatDateTime(event.startsAt, 'nl');
  const calendar = { uid: event.uid, title: event.title, start: event.startsAt, end: event.endsAt, location: event.location, url: event.url };
  for (const r of rows.filter((x) => fresh.some((f) => f.contactId === x.contact.id))) {
    await queueInvitation(tx, deps, council, r.contact, {
      event: calendar,
      subject: t('network.invite.subject', { topic: event.title, council: council.name }),
      body: (p) => t('network.invite.eventBody', { ...p, council: council.name, title: event.title, when, where: event.location || '-', url: event.url }),
    });
  }
  await audit(tx, { councilId: council.id, actorUserId: args.actor.userId, action: 'networkEvent.invited', entity: 'event', entityId: event.uid, data: { contacts: fresh.length } });
  return fresh.length;
}

/** Contacts the board may invite today (consent for invitations holds), with name and organisation, for a picker; empty for others. */
export async function eventInvitables(deps: Deps, args: { council: Council; actor: Actor | null }): Promise<{ id: string; name: string; organisation: string }[]> {
  if (!can(args.actor, 'network.manage')) return [];
  const all = await invitableContacts(deps, args.council);
  return all.filter((c) => c.status === 'valid' || c.status === 'expiring').map((c) => ({ id: c.id, name: c.name ?? '', organisation: c.organisation }));
}
