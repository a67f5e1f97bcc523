import { index, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, linkTable, timestamptz } from '../../core/db/columns.ts';
import { councils } from '../../core/organisations.schema.ts';
import { meetings } from './meetings.schema.ts';

/**
 * A joint meeting (issue 16): one meeting of the organisation that plans it (`council_id`), shown
 * to a partner organisation once that partner accepted it and while their agreement is in force
 * (asked through core/partnerships.ts). The agreement is the cooperation module's: kept as an id.
 */
export const meetingPartners = linkTable(
  'meeting_partners',
  { meetingId: cascadeRef('meeting_id', () => meetings.id) },
  { partnerCouncilId: cascadeRef('partner_council_id', () => councils.id) },
  { agreementId: uuid('agreement_id').notNull(), acceptedAt: timestamptz('accepted_at') },
  (t) => [index('meeting_partners_partner_idx').on(t.partnerCouncilId)],
);
