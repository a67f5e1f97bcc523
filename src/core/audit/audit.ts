import type { DbOrTx } from '../db/index.ts';
import { auditLog } from './audit.schema.ts';
import type { ModuleAuditAction } from '../module-types.ts';

/**
 * The names of audit actions, in one style: `<entity>.<what happened>`, past tense, lower
 * camelCase (`advice.adopted`, `member.invited`, `workingGroup.memberAdded`). Core names its
 * own here; each module adds its names through `ModuleTypes` (core/module-types.ts) in its
 * index.ts, so a misspelt or unknown name does not compile.
 *
 * Rows written before this style keep their old names (`advice.adopt`, `signals.close`,
 * `auth.login`); code that shows or looks up actions reads both.
 */
/** @public Filled by declaration merging in each module's manifest. */
export interface AuditActions extends Record<ModuleAuditAction, true> {
  'user.loggedIn': true;
  'user.totpEnabled': true;
  'user.totpDisabled': true;
  'user.recoveryCodesReplaced': true;
  'user.passwordChanged': true;
  'user.passwordReset': true;
  'user.invitationAccepted': true;
}
export type AuditAction = keyof AuditActions & `${string}.${string}`;

export type AuditEntry = {
  councilId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  from?: string | null;
  to?: string | null;
  /** Never personal data: ids and changed field names only. */
  data?: Record<string, unknown>;
};

/** Write inside the same transaction as the change it records. */
export async function audit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await auditRow(tx, e);
}

/**
 * The audit entry's insert, not yet run: for a caller that runs it in one statement with the
 * change it records (as a data-modifying CTE: signals.submit.ts). Awaiting it runs it alone.
 */
export function auditRow(tx: DbOrTx, e: AuditEntry) {
  return tx.insert(auditLog).values({
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
