/**
 * Joint meetings beyond planning and accepting (cooperation.meetings.ts): the agreement's rule of
 * at least two joint meetings a year, the invitation of a partner's members once it accepted, and
 * their answer whether they come. The meeting itself stays the meetings module's.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { formatDateTime, translator } from '../../core/i18n/index.ts';
import { can, type Actor } from '../../core/policy.ts';
import { councilRoles } from '../../core/roles.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import { jointMeetingsOf, type JointMeeting } from '../meetings/index.ts';
import { listAgreements } from './cooperation.queries.ts';

/** The agreement's rule: the parties meet together at least twice a year. */
const JOINT_MEETINGS_PER_YEAR = 2;

export type JointYear = { year: string; planned: number; short: boolean };

/** How many joint meetings (not cancelled) fall in this calendar year, and whether that is too few. */
export function jointYear(meetings: Pick<JointMeeting, 'startsAt' | 'status'>[], today: IsoDate = todayInAmsterdam()): JointYear {
  const year = today.slice(0, 4);
  const planned = meetings.filter((m) => m.status !== 'cancelled' && utcToLocal(m.startsAt).date.startsWith(year)).length;
  return { year, planned, short: planned < JOINT_MEETINGS_PER_YEAR };
}

/** The agreements in force whose year lacks joint meetings (the board's dashboard). */
export async function jointShortfalls(deps: Deps, args: { council: Council; actor: Actor }) {
  if (!can(args.actor, 'cooperation.manage')) return [];
  const running = (await listAgreements(deps, args)).filter((a) => a.inForce);
  const out: { id: string; title: string; year: JointYear }[] = [];
  for (const a of running) {
    const year = jointYear(await jointMeetingsOf(deps.db, { agreementId: a.id, council: args.council, inForce: true }));
    if (year.short) out.push({ id: a.id, title: a.title, year });
  }
  return out;
}

/**
 * Invites the active members of a partner that accepted a joint meeting, by mail through the
 * outbox, each in their own language, with the link to their own cooperation page (where they say
 * whether they come). The planner's members get the meetings module's own invitation.
 */
export async function invitePartnerMembers(db: DbOrTx, deps: Pick<Deps, 'mailer' | 'config'>, args: { partner: Council; agreementId: string; meeting: JointMeeting }) {
  const { partner, meeting } = args;
  const people = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, partner.id), eq(memberships.active, true), inArray(memberships.role, [...councilRoles]), isNotNull(users.email)));
  const url = `${deps.config.baseUrl.replace(/\/$/, '')}/${partner.slug}/werkruimte/samenwerking/${args.agreementId}#vergadering-${meeting.id}`;
  for (const p of people) {
    const locale = p.locale ?? 'nl';
    const t = translator(locale);
    const when = formatDateTime(meeting.startsAt, locale);
    await deps.mailer.queue(db, {
      councilId: partner.id,
      to: p.email,
      subject: t('cooperation.mail.invite.subject', { title: meeting.title, date: when }),
      body: t('cooperation.mail.invite.body', { name: p.name, title: meeting.title, date: when, location: meeting.location || '–', planner: meeting.plannedBy, url, council: partner.name }),
      replyTo: partner.contactEmail,
    });
  }
}
