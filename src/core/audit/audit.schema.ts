import { pgTable, uuid, text, jsonb, index } from 'drizzle-orm/pg-core';
import { id, at } from '../db/columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    councilId: uuid('council_id'),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    fromState: text('from_state'),
    toState: text('to_state'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: at(),
  },
  (t) => [index('audit_log_council_idx').on(t.councilId, t.at)],
);
