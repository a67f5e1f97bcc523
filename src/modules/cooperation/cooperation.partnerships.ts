/**
 * The sharing port (core/partnerships.ts) as this module fills it: a share across the tenant wall
 * counts only while the agreement that covers it is in force, asked on every request.
 */
import { sql } from 'drizzle-orm';
import type { PartnershipPort } from '../../core/partnerships.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { agreementParties, agreements, contributions, sharedDossiers } from './cooperation.schema.ts';
import { inForceSql, partnersInForce } from './cooperation.queries.ts';

export const cooperationPartnerships: PartnershipPort = {
  covers: ({ record, folder, owner, viewerId, atLevel, alone }) => {
    const inForce = inForceSql(todayInAmsterdam());
    // One query for every kind of share, so there is one rule (and one place to get it wrong).
    return sql`exists (select 1 from ${agreements}
      join ${agreementParties} po on po.agreement_id = ${agreements.id}
      join ${agreementParties} pv on pv.agreement_id = ${agreements.id}
      where po.party_council_id = ${owner} and pv.party_council_id = ${viewerId} and ${inForce}
      and ((${atLevel} and (exists (select 1 from ${sharedDossiers} sd where sd.agreement_id = ${agreements.id} and sd.folder_id = ${folder})
          or exists (select 1 from ${contributions} c where c.agreement_id = ${agreements.id} and c.document_id = ${record})))
        or (${alone} and not exists (select 1 from ${sharedDossiers} sd
          join ${agreementParties} pe on pe.agreement_id = sd.agreement_id and pe.party_council_id = ${viewerId}
          where sd.folder_id = ${folder} and sd.agreement_id not in (select ${agreements.id} from ${agreements} where ${inForce})))))`;
  },
  agreementInForce: (agreement, viewerId) => sql`exists (select 1 from ${agreements}
      join ${agreementParties} pv on pv.agreement_id = ${agreements.id}
      where ${agreements.id} = ${agreement} and pv.party_council_id = ${viewerId} and ${inForceSql(todayInAmsterdam())})`,
  jointMeetingPath: (slug, meetingId) => `/${slug}/werkruimte/samenwerking/vergadering/${meetingId}`,
  publicJointMeetingsPath: (slug) => `/${slug}/samenwerking`,
  partners: partnersInForce,
};
