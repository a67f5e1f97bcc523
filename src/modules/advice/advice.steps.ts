/**
 * The advice page as a step list (the GOV.UK task-list pattern, issue 9): the lifecycle in seven
 * steps, each with its status and its own page (`?stap=concept`), plus pages that belong to no
 * step (documents, publication, history). Pure: which step is current, and the status of each.
 */
import type { AdviceState, Withdrawal } from './advice.workflow.ts';

/** The steps in order; the keys are the `?stap=` values in the address (Dutch, stable). */
export const stepKeys = ['aanvraag', 'werkgroep', 'concept', 'stemronde', 'versturen', 'antwoord', 'opvolging'] as const;
export type StepKey = (typeof stepKeys)[number];

/** Pages of an advice that are not a step. */
export const pageKeys = ['documenten', 'openbaarheid', 'geschiedenis'] as const;
type PageKey = (typeof pageKeys)[number];
export type Stap = StepKey | PageKey;

export type StepStatus = 'done' | 'current' | 'todo' | 'stopped';

/** The step an advice in this state is in. */
const stepOfState: Record<AdviceState, StepKey | null> = {
  requested: 'aanvraag',
  initiated: 'aanvraag',
  drafting: 'werkgroep',
  concept: 'concept',
  in_approval: 'stemronde',
  adopted: 'versturen',
  sent: 'antwoord',
  answered: 'opvolging',
  withdrawn: null,
};

/** The step the advice is in now; none once withdrawn. */
export function currentStep(status: AdviceState): StepKey | null {
  return stepOfState[status];
}

/** Klaar, nu bezig or nog niet; for a withdrawn advice, the step it stopped in. */
export function stepStatus(step: StepKey, status: AdviceState, withdrawal: Pick<Withdrawal, 'from'> | null): StepStatus {
  const at = status === 'withdrawn' ? (withdrawal?.from ? stepOfState[withdrawal.from] : null) : stepOfState[status];
  if (at === null) return status === 'withdrawn' && step === 'aanvraag' ? 'stopped' : 'todo';
  const i = stepKeys.indexOf(step);
  const j = stepKeys.indexOf(at);
  if (i < j) return 'done';
  if (i > j) return 'todo';
  return status === 'withdrawn' ? 'stopped' : 'current';
}

/** The `?stap=` value of an address, when it is one we know. */
export function parseStap(value: unknown): Stap | null {
  return typeof value === 'string' && ([...stepKeys, ...pageKeys] as readonly string[]).includes(value) ? (value as Stap) : null;
}

export const isStepKey = (s: Stap): s is StepKey => (stepKeys as readonly string[]).includes(s);

/** Which pages of an advice the actor may open: before sending, an official sees the request part only. */
export function mayOpenStap(stap: Stap, seeCouncilWork: boolean): boolean {
  return seeCouncilWork || stap === 'aanvraag' || stap === 'documenten';
}
