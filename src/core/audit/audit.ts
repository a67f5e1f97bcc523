import type { DbOrTx } from '../db/index.ts';
import { auditLog } from './audit.schema.ts';

export type AuditEntry = {
  councilId: string | null;
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
  /** Never personal data: ids and changed field names only. */
  data?: Record<string, unknown>;
};

/** Write inside the same transaction as the change it records. */
export async function audit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    councilId: e.councilId,
    actorUserId: e.actorUserId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    fromState: e.from ?? null,
    toState: e.to ?? null,
    data: e.data ?? null,
  });
}
