/**
 * The kick-off and closing meetings of a national campaign (issue 12) are meetings of this module:
 * agenda, invitations, the public page and the calendar feed are this module's. The campaigns
 * module plans them through here and reads them back for its pages; it keeps only their ids.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetings, type Meeting } from './meetings.schema.ts';
import { addMeeting } from './meetings.lifecycle.ts';
import type { MeetingInput } from './meetings.forms.ts';

export type CampaignMeeting = Pick<Meeting, 'id' | 'title' | 'startsAt' | 'endsAt' | 'location' | 'mode' | 'status'> & {
  /** The meeting's public page and its page in the workspace (to change, invite or cancel it). */
  publicPath: string;
  workspacePath: string;
};

/**
 * The organisation's meetings among `ids` (unknown, malformed or another organisation's ids are
 * left out). With `plan`, first plans a new meeting (the board's right and audit entry, as any
 * meeting); `planned` is its id.
 */
export async function campaignMeetings(
  deps: Deps,
  args: { council: Council; ids: (string | null)[]; plan?: { actor: Actor | null; input: MeetingInput } },
): Promise<{ planned: string | null; meetings: Map<string, CampaignMeeting> }> {
  const { council } = args;
  const planned = args.plan ? (await addMeeting(deps, { actor: args.plan.actor, council, input: args.plan.input })).id : null;
  const ids = [...args.ids, planned].filter((id): id is string => typeof id === 'string' && isUuid(id));
  const rows = ids.length
    ? await deps.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.councilId, council.id), inArray(meetings.id, ids)))
    : [];
  const out = new Map<string, CampaignMeeting>();
  for (const m of rows) {
    out.set(m.id, {
      id: m.id,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: m.location,
      mode: m.mode,
      status: m.status,
      publicPath: `/${council.slug}/vergaderingen/${m.id}`,
      workspacePath: `/${council.slug}/werkruimte/vergaderingen/${m.id}`,
    });
  }
  return { planned, meetings: out };
}
