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
import { localToUtc, utcToLocal } from '../../core/dates/amsterdam.ts';
import { jointMeetingCounts, type JointMeeting } from '../meetings/index.ts';
import { agreementIdsInForce, agreementsInForce } from './cooperation.queries.ts';
import { readAlone, type Read } from '../../core/read-together.ts';

/** The agreement's rule: the parties meet together at least twice a year. */
const JOINT_MEETINGS_PER_YEAR = 2;

export type JointYear = { year: string; planned: number; short: boolean };

/** How many joint meetings (not cancelled) fall in this calendar year, and whether that is too few. */
export function jointYear(meetings: Pick<JointMeeting, 'startsAt' | 'status'>[], today: IsoDate = todayInAmsterdam()): JointYear {
  const year = today.slice(0, 4);
  const planned = meetings.filter((m) => m.status !== 'cancelled' && utcToLocal(m.startsAt).date.startsWith(year)).length;
  return { year, planned, short: planned < JOINT_MEETINGS_PER_YEAR };
}

/**
 * The agreements in force whose year lacks joint meetings (the board's dashboard): the agreements,
 * and one count per agreement by the same agreements as a subquery (both join the dashboard's
 * other reads in its first round).
 */
export async function jointShortfalls(deps: Deps, args: { council: Council; actor: Actor; read?: Read }, today: IsoDate = todayInAmsterdam()) {
  if (!can(args.actor, 'cooperation.manage')) return [];
  const read = args.read ?? readAlone;
  const year = today.slice(0, 4);
  const [running, counts] = await Promise.all([
    agreementsInForce(deps.db, args.council, today, read),
    jointMeetingCounts(
      deps.db,
      { agreementIds: agreementIdsInForce(deps.db, args.council, today), from: localToUtc(`${year}-01-01`, '00:00'), to: localToUtc(`${Number(year) + 1}-01-01`, '00:00') },
      read,
    ),
  ]);
  return running
    .map((a) => {
      const planned = counts.get(a.id) ?? 0;
      return { id: a.id, title: a.title, year: { year, planned, short: planned < JOINT_MEETINGS_PER_YEAR } };
    })
    .filter((r) => r.year.short);
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
