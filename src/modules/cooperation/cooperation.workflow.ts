/**
 * The life of a cooperation agreement and its date rules. Pure: no database. Who may take a step
 * is the policy table's question (index.ts); whose party a person acts for is the service's.
 */
import { addDays, type IsoDate } from '../../core/dates/working-days.ts';
import { can, type Action, type Actor } from '../../core/policy.ts';
import type { Step } from '../../core/state-change.ts';
import type { AgreementState, RenewalKind } from './cooperation.schema.ts';

const agreementActions = ['propose', 'accept', 'renew', 'giveNotice', 'end'] as const;
export type AgreementAction = (typeof agreementActions)[number];

type Rule = { from: readonly AgreementState[]; to: AgreementState | 'same'; may: Action };

/** States in which the agreement runs (it may still be waiting for its start date). */
export const runningStates: readonly AgreementState[] = ['active', 'upForRenewal', 'renewed'];

/**
 * Accepting leads to `accepted`, or further (the service decides: `active` when every party has
 * accepted and the start date has come). Renewing, giving notice and ending are for each party's board.
 */
export const agreementTransitions: Record<AgreementAction, Rule> = {
  propose: { from: ['draft'], to: 'proposed', may: 'cooperation.manage' },
  accept: { from: ['proposed'], to: 'same', may: 'cooperation.accept' },
  renew: { from: ['upForRenewal'], to: 'renewed', may: 'cooperation.manage' },
  giveNotice: { from: runningStates, to: 'same', may: 'cooperation.manage' },
  end: { from: ['accepted', ...runningStates], to: 'ended', may: 'cooperation.manage' },
};

/** The audit name of each step (`<entity>.<past tense>`); the job's steps name theirs too. */
export const agreementAuditActions = {
  propose: 'agreement.proposed',
  accept: 'agreement.accepted',
  renew: 'agreement.renewed',
  giveNotice: 'agreement.noticeGiven',
  end: 'agreement.ended',
} as const satisfies Record<AgreementAction, string>;

export function agreementTransition(state: AgreementState, action: AgreementAction): Step<AgreementState> {
  const rule = agreementTransitions[action];
  return rule.from.includes(state) ? { ok: true, to: rule.to === 'same' ? state : rule.to } : { ok: false, reason: 'notAllowedFromState' };
}

export function availableAgreementActions(state: AgreementState, actor: Actor | null): AgreementAction[] {
  return agreementActions.filter((a) => agreementTransition(state, a).ok && can(actor, agreementTransitions[a].may));
}

// ------------------------------------------------------------------ dates

/** The same day `months` later (the last day of a shorter month when it has no such day). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The default end of a term that starts on `start`: one year, so the day before the same date next year. */
export function defaultEnd(start: IsoDate, months = 12): IsoDate {
  return addDays(addMonths(start, months), -1);
}

/** The last day a party can give notice (or, for explicit renewal, should decide): the end date minus the notice period. */
export function noticeDate(a: { endsOn: IsoDate; noticeDays: number }): IsoDate {
  return addDays(a.endsOn, -a.noticeDays);
}

type Dated = { state: AgreementState; startsOn: IsoDate; endsOn: IsoDate; renewal: RenewalKind; noticeDays: number; noticeGivenAt: Date | null; termMonths: number };

/**
 * Whether the agreement covers sharing today. A running agreement covers it from its start date
 * until its end date; after the end date only a tacit renewal without notice still does (the
 * job renews it), so access ends on the first request after an agreement ends, job or no job.
 */
export function inForce(a: Dated, today: IsoDate): boolean {
  if (!runningStates.includes(a.state) || a.startsOn > today) return false;
  return a.endsOn >= today || (a.renewal === 'tacit' && a.noticeGivenAt === null);
}

/** What the daily job does with an agreement today: the step the dates call for, or null. */
export type DueStep = { to: AgreementState; set?: { endsOn: IsoDate }; action: 'agreement.activated' | 'agreement.upForRenewal' | 'agreement.renewed' | 'agreement.ended' };

export function dueStep(a: Dated, today: IsoDate): DueStep | null {
  if (a.state === 'accepted' && a.startsOn <= today) return { to: 'active', action: 'agreement.activated' };
  if (!runningStates.includes(a.state)) return null;
  if (a.endsOn < today) {
    if (a.renewal === 'tacit' && a.noticeGivenAt === null) {
      return { to: 'renewed', set: { endsOn: defaultEnd(addDays(a.endsOn, 1), a.termMonths) }, action: 'agreement.renewed' };
    }
    return { to: 'ended', action: 'agreement.ended' };
  }
  if (a.state !== 'upForRenewal' && noticeDate(a) <= today) return { to: 'upForRenewal', action: 'agreement.upForRenewal' };
  return null;
}

/** Reminders go out this many days before the end date and before the notice date. */
const REMINDER_DAYS = [60, 14] as const;

/** The reminders due today: per date (end, notice) the nearest distance passed and not yet past the date. */
export function dueReminders(a: Dated, today: IsoDate): { about: 'end' | 'notice'; dueOn: IsoDate; daysBefore: number }[] {
  if (!runningStates.includes(a.state) || a.noticeGivenAt !== null) return [];
  const out: { about: 'end' | 'notice'; dueOn: IsoDate; daysBefore: number }[] = [];
  const dates = { end: a.endsOn, notice: noticeDate(a) } as const;
  for (const about of ['end', 'notice'] as const) {
    const dueOn = dates[about];
    if (dueOn < today) continue;
    // The closest distance already reached: a job that missed the 60-day mark sends it late, not twice.
    const reached = REMINDER_DAYS.filter((d) => addDays(dueOn, -d) <= today);
    if (reached.length) out.push({ about, dueOn, daysBefore: Math.min(...reached) });
  }
  return out;
}
