/**
 * The sharing port (core/partnerships.ts) as this module fills it: a share across the tenant wall
 * counts only while an agreement between both organisations is in force, asked on every request.
 */
import { sql } from 'drizzle-orm';
import type { PartnershipPort } from '../../core/partnerships.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { agreementParties, agreements, sharedDossiers } from './cooperation.schema.ts';
import { inForceSql, partnersInForce } from './cooperation.queries.ts';

export const cooperationPartnerships: PartnershipPort = {
  inForce: (owner, viewerId) => sql`exists (select 1 from ${agreements}
      join ${agreementParties} po on po.agreement_id = ${agreements.id}
      join ${agreementParties} pv on pv.agreement_id = ${agreements.id}
      where po.party_council_id = ${owner} and pv.party_council_id = ${viewerId} and ${inForceSql(todayInAmsterdam())})`,
  folderShared: (folder, owner, viewerId) => sql`exists (select 1 from ${sharedDossiers}
      join ${agreements} on ${agreements.id} = ${sharedDossiers.agreementId}
      join ${agreementParties} po on po.agreement_id = ${agreements.id}
      join ${agreementParties} pv on pv.agreement_id = ${agreements.id}
      where ${sharedDossiers.folderId} = ${folder} and po.party_council_id = ${owner} and pv.party_council_id = ${viewerId}
      and ${inForceSql(todayInAmsterdam())})`,
  agreementInForce: (agreement, viewerId) => sql`exists (select 1 from ${agreements}
      join ${agreementParties} pv on pv.agreement_id = ${agreements.id}
      where ${agreements.id} = ${agreement} and pv.party_council_id = ${viewerId} and ${inForceSql(todayInAmsterdam())})`,
  partners: partnersInForce,
};
