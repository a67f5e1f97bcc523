/**
 * The one way a record changes state (advice, meetings, minutes, signals, vacancies): the role
 * question is asked once, of the policy table; the row is locked; the module's pure workflow
 * table says whether the step may happen from the row's state and where it leads; the step does
 * its own work; the row is saved with its audit entry in the same transaction; after the commit
 * the modules listening to this kind of step hear of it, and the mail queued goes out.
 */
import type { Tx } from './db/index.ts';
import type { Deps } from './deps.ts';
import { audit, type AuditAction } from './audit/audit.ts';
import { DomainError, notFound } from './errors.ts';
import type { MessageKey } from './i18n/index.ts';
import { assertCan, type Action, type Actor } from './policy.ts';
import { stateChangeListeners } from './platform.ts';

/** What a workflow table answers for one step from one state. */
export type Step<S extends string> = { ok: true; to: S } | { ok: false; reason: string };

/** What the step itself did; everything is optional. */
export type Applied<T, S extends string, Patch, R> = {
  /** Columns to save with the new state. */
  set?: Patch;
  /** For the audit entry (never personal data). */
  data?: Record<string, unknown>;
  /** Handed back to the caller. */
  result?: R;
  /** Where the step leads after all, when the workflow table makes that depend on the step's work. */
  to?: S;
  /** Work that needs the saved row, in the same transaction (mail with the new version). */
  after?: (tx: Tx, saved: T) => Promise<void>;
};

export type StateChange<T, S extends string, Patch, R> = {
  actor: Actor | null;
  /** The policy action for this step: who may take it is answered by the policy table alone. */
  may: Action;
  /** What kind of record: for the 404 and the audit entry (`advice`, `meeting`, `signal`). */
  entity: string;
  /** Loads and locks the row (SELECT ... FOR UPDATE); null when unknown or another organisation's. */
  load: (tx: Tx) => Promise<T | null>;
  /** The row's state now. */
  state: (row: T) => S;
  /** The module's workflow table: may this step happen from this state, and where does it lead. */
  check: (state: S, row: T) => Step<S>;
  /** The text for a refusal by the workflow table, per reason (`notAllowedFromState`, ...), and the form field it belongs to. */
  refused: (reason: string) => MessageKey | { key: MessageKey; field?: string };
  /** The step's own work: checks that need the database, related rows, mail to queue. */
  apply?: (tx: Tx, row: T, to: S) => Promise<Applied<T, S, Patch, R> | undefined>;
  /** Writes the new state and the step's columns; returns the row as saved. */
  save: (tx: Tx, row: T, to: S, applied: Applied<T, S, Patch, R>) => Promise<T>;
  /** The audit entry: where and under which name; entity, from and to are filled in. */
  audit: { councilId: string; action: AuditAction; entityId: (row: T) => string };
};

type StateChanged<T, S extends string, R> = { row: T; from: S; to: S; result: R | undefined };

/** A committed step, as other modules hear of it (never personal data). */
type StateChangeEvent = { councilId: string; entity: string; entityId: string; action: AuditAction; from: string; to: string; actorUserId: string };

/**
 * A module's listener to other modules' steps (ModuleManifest.onStateChange): the network mails
 * contributors once an advice is answered. It runs after the commit, in its own transaction,
 * and queues mail in the outbox there; a failing listener never undoes the step it heard of.
 */
export type StateChangeListener = { entity: string; to?: readonly string[]; run: (deps: Deps, event: StateChangeEvent) => Promise<unknown> };

async function tellListeners(deps: Deps, event: StateChangeEvent): Promise<void> {
  for (const l of stateChangeListeners()) {
    if (l.entity !== event.entity || (l.to && !l.to.includes(event.to))) continue;
    try {
      await l.run(deps, event);
    } catch (err) {
      // The step stands; the listener's own records say what is still to do (the module's catch-up job finds it).
      console.error(`state change listener for ${event.entity} failed`, err);
    }
  }
}

/**
 * Runs one step. Refusals: ForbiddenError (the policy table), NotFoundError (no such row here),
 * DomainError with the workflow's reason as code (`notAllowedFromState`, the API answers 409).
 * Errors the step throws roll everything back.
 */
export async function runStateChange<T, S extends string, Patch = unknown, R = undefined>(deps: Deps, change: StateChange<T, S, Patch, R>): Promise<StateChanged<T, S, R>> {
  const { actor } = change;
  assertCan(actor, change.may);
  const out = await deps.db.transaction(async (tx) => {
    const row = (await change.load(tx)) ?? notFound(change.entity);
    const from = change.state(row);
    const step = change.check(from, row);
    if (!step.ok) {
      const refusal = change.refused(step.reason);
      throw typeof refusal === 'string' ? new DomainError(step.reason, refusal) : new DomainError(step.reason, refusal.key, { field: refusal.field });
    }
    const applied: Applied<T, S, Patch, R> = (await change.apply?.(tx, row, step.to)) ?? {};
    const to = applied.to ?? step.to;
    const saved = await change.save(tx, row, to, applied);
    await audit(tx, {
      councilId: change.audit.councilId,
      actorUserId: actor.userId,
      action: change.audit.action,
      entity: change.entity,
      entityId: change.audit.entityId(row),
      from,
      to,
      data: applied.data,
    });
    if (applied.after) await applied.after(tx, saved);
    const event: StateChangeEvent = {
      councilId: change.audit.councilId,
      entity: change.entity,
      entityId: change.audit.entityId(row),
      action: change.audit.action,
      from,
      to,
      actorUserId: actor.userId,
    };
    return { row: saved, from, to, result: applied.result, event };
  });
  await tellListeners(deps, out.event);
  deps.mailer.kick();
  return { row: out.row, from: out.from, to: out.to, result: out.result };
}
