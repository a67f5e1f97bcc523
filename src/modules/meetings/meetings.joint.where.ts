/** Which joint meetings an organisation sees (issue 16): the condition the feeds and pages share. */
import { exists, sql, type SQL } from 'drizzle-orm';
import { partnerships } from '../../core/partnerships.ts';
import { meetings } from './meetings.schema.ts';
import { meetingPartners } from './meetings.joint.schema.ts';

/** SQL on `meetings`: a joint meeting the organisation `viewerId` accepted, with an agreement in force with the planner. */
export function jointWith(viewerId: string): SQL {
  // The meeting's own agreement must be in force: another agreement between the same two organisations does not count.
  return exists(
    sql`(select 1 from ${meetingPartners} where ${meetingPartners.meetingId} = ${meetings.id} and ${meetingPartners.partnerCouncilId} = ${viewerId}
      and ${meetingPartners.acceptedAt} is not null and ${partnerships().agreementInForce(meetingPartners.agreementId, viewerId)})`,
  );
}
