/**
 * Agenda items as other modules point at them (a consultation held during a council meeting):
 * the item's id and title with its meeting. Read only; index.ts exports it as part of the public surface.
 */
import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { isUuid } from '../../core/http/forms.ts';
import { agendaItems, meetings } from './meetings.schema.ts';

export type AgendaItemRef = { id: string; title: string; meetingId: string; meetingTitle: string; startsAt: Date };

/**
 * Agenda items of this organisation's meetings that are not cancelled; `ids` keeps only those
 * (unknown or malformed ids are left out), `from` only meetings that start at or after it.
 */
export async function agendaItemRefs(db: DbOrTx, councilId: string, opts: { ids?: string[]; from?: Date; limit?: number } = {}): Promise<AgendaItemRef[]> {
  const where = [eq(agendaItems.councilId, councilId), ne(meetings.status, 'cancelled')];
  if (opts.ids) {
    const ids = [...new Set(opts.ids)].filter(isUuid);
    if (!ids.length) return [];
    where.push(inArray(agendaItems.id, ids));
  }
  if (opts.from) where.push(gte(meetings.startsAt, opts.from));
  return db
    .select({ id: agendaItems.id, title: agendaItems.title, meetingId: meetings.id, meetingTitle: meetings.title, startsAt: meetings.startsAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(...where))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position))
    .limit(opts.limit ?? 200);
}
