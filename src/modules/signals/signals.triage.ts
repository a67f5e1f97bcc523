/**
 * Triage of signals. Every change of state is a step of signals.workflow.ts run by core's
 * `runStateChange`: it writes its status event and audit entry in the same transaction, and
 * queues the resident's status message, which goes out after the commit.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/index.ts';
import { saveRow } from '../../core/db/queries.ts';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import { DomainError } from '../../core/errors.ts';
import { runStateChange, type Applied } from '../../core/state-change.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { findAdvice } from '../advice/index.ts';
import { signalEvents, signalThemes, signals, type Signal } from './signals.schema.ts';
import { auditActions, messageFor, transition, transitions, type SignalAction, type SignalState } from './signals.workflow.ts';
import type { ClassifyInput, CloseInput } from './signals.forms.ts';
import { findSignal } from './signals.queries.ts';
import { queueStatusMessage } from './signals.settings.ts';

type SignalSet = Partial<typeof signals.$inferInsert>;

/** One step of signals.workflow.ts on a locked signal (core/state-change.ts), with its status event and the resident's message. */
async function triageStep(
  deps: Deps,
  args: { actor: Actor | null; council: Council; id: string; action: SignalAction },
  apply?: (tx: Tx, signal: Signal, to: SignalState) => Promise<Applied<Signal, SignalState, SignalSet, undefined> | undefined>,
): Promise<Signal> {
  const { actor, council, action } = args;
  const { row } = await runStateChange(deps, {
    actor,
    may: transitions[action].may,
    entity: 'signal',
    load: (tx) => findSignal(tx, council, args.id, { lock: true }),
    state: (signal) => signal.status,
    check: (state, signal) => transition(state, action, { anonymised: signal.anonymisedAt !== null }),
    refused: (reason) => (reason === 'anonymised' ? 'signals.error.anonymised' : 'signals.error.notAllowedFromState'),
    apply,
    save: async (tx, signal, to, { set, data }) => {
      const now = new Date();
      const closedAt = to === 'closed' || to === 'duplicate' ? { closedAt: now } : to !== signal.status ? { closedAt: null } : {};
      const updated = await saveRow(tx, signals, signal, { ...set, status: to, updatedAt: now, ...closedAt });
      await tx.insert(signalEvents).values({
        councilId: council.id,
        signalId: signal.id,
        action,
        fromState: signal.status,
        toState: to,
        actorUserId: actor?.userId ?? null,
        data: data ?? null,
      });
      const message = to !== signal.status ? messageFor(to) : null;
      if (message) await queueStatusMessage(deps, tx, council, signal, message);
      return updated;
    },
    audit: { councilId: council.id, action: auditActions[action], entityId: (signal) => signal.id },
  });
  return row;
}

/** Theme (existing or new) and policy field; starts the triage of a new signal. */
export async function classify(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: ClassifyInput }): Promise<Signal> {
  const { council, input } = args;
  return triageStep(deps, { ...args, action: 'classify' }, async (tx) => {
    let themeId: string | null = null;
    if (input.themeId === 'nieuw') {
      const name = input.newTheme.trim();
      const [existing] = await tx
        .select({ id: signalThemes.id })
        .from(signalThemes)
        .where(and(eq(signalThemes.councilId, council.id), sql`lower(${signalThemes.name}) = lower(${name})`));
      themeId = existing?.id ?? (await tx.insert(signalThemes).values({ councilId: council.id, name }).returning({ id: signalThemes.id }))[0]!.id;
    } else if (input.themeId !== '') {
      const [theme] = await tx
        .select({ id: signalThemes.id })
        .from(signalThemes)
        .where(and(eq(signalThemes.id, input.themeId), eq(signalThemes.councilId, council.id)));
      if (!theme) throw new DomainError('unknownTheme', 'signals.error.unknownTheme', 'themeId');
      themeId = theme.id;
    }
    return { set: { themeId, policyField: input.policyField }, data: { themeId, policyField: input.policyField } };
  });
}

export async function toDiscuss(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return triageStep(deps, { ...args, action: 'toDiscuss' });
}

export async function markDiscussed(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return triageStep(deps, { ...args, action: 'markDiscussed' });
}

export async function closeSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: CloseInput }): Promise<Signal> {
  return triageStep(deps, { ...args, action: 'close' }, async () => ({
    set: { outcome: args.input.outcome, outcomeNote: args.input.outcomeNote },
    data: { outcome: args.input.outcome },
  }));
}

export async function reopenSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return triageStep(deps, { ...args, action: 'reopen' }, async () => ({ set: { outcome: null, duplicateOfId: null } }));
}

/** Marks a duplicate of an earlier signal of the same council, found by its reference. */
export async function markDuplicate(deps: Deps, args: { actor: Actor | null; council: Council; id: string; duplicateOf: string }): Promise<Signal> {
  const { council } = args;
  return triageStep(deps, { ...args, action: 'markDuplicate' }, async (tx, signal) => {
    const [original] = await tx
      .select({ id: signals.id, status: signals.status })
      .from(signals)
      .where(and(eq(signals.councilId, council.id), eq(signals.reference, args.duplicateOf.trim().toUpperCase())));
    if (!original) throw new DomainError('unknownReference', 'signals.error.unknownReference', 'duplicateOf');
    if (original.id === signal.id) throw new DomainError('selfDuplicate', 'signals.error.selfDuplicate', 'duplicateOf');
    if (original.status === 'duplicate') throw new DomainError('chainedDuplicate', 'signals.error.chainedDuplicate', 'duplicateOf');
    return { set: { duplicateOfId: original.id }, data: { duplicateOfId: original.id } };
  });
}

/** Links the signal to an unsolicited advice of this council. */
export async function linkAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string; adviceId: string }): Promise<Signal> {
  const { council } = args;
  return triageStep(deps, { ...args, action: 'linkAdvice' }, async (tx) => {
    const advice = await findAdvice(tx, council, args.adviceId);
    if (advice?.kind !== 'unsolicited') throw new DomainError('unknownAdvice', 'signals.error.unknownAdvice', 'adviceId');
    return { set: { adviceId: advice.id }, data: { adviceId: advice.id } };
  });
}
