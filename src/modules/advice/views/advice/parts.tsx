/** Which component shows which step or page, its name, and the badge of a step's status. */
import type { JSX } from 'preact';
import { usePageCtx, type PageCtx } from '../../../../ui/context.ts';
import { StatusBadge } from '../../../../ui/components/basics.tsx';
import type { AdviceDetail } from '../../advice.queries.ts';
import type { Stap, StepStatus } from '../../advice.steps.ts';
import type { StepProps } from './shared.tsx';
import { RequestStep } from './request.tsx';
import { DraftingStep } from './drafting.tsx';
import { ConceptStep } from './concept.tsx';
import { ApprovalStep } from './approval.tsx';
import { SendingStep } from './sending.tsx';
import { AnswerStep } from './answer.tsx';
import { FollowUpStep } from './follow-up.tsx';
import { DocumentsPage } from './documents.tsx';
import { PublicationPage } from './publication.tsx';
import { HistoryPage } from './history.tsx';

export const parts: Record<Stap, (p: StepProps) => JSX.Element | null> = {
  aanvraag: RequestStep,
  werkgroep: DraftingStep,
  concept: ConceptStep,
  stemronde: ApprovalStep,
  versturen: SendingStep,
  antwoord: AnswerStep,
  opvolging: FollowUpStep,
  documenten: DocumentsPage,
  openbaarheid: PublicationPage,
  geschiedenis: HistoryPage,
};

const labels = {
  werkgroep: 'advice.step.werkgroep',
  concept: 'advice.step.concept',
  stemronde: 'advice.step.stemronde',
  versturen: 'advice.step.versturen',
  antwoord: 'advice.answers.title',
  opvolging: 'advice.followUp.title',
  documenten: 'advice.detail.documents',
  openbaarheid: 'advice.publication.title',
  geschiedenis: 'advice.detail.timeline',
} as const;

export function label(ctx: PageCtx, stap: Stap, detail: AdviceDetail): string {
  return stap === 'aanvraag' ? ctx.t(`advice.step.aanvraag.${detail.advice.kind}`) : ctx.t(labels[stap]);
}

const looks = { done: 'success', current: 'warning', todo: 'inactive', stopped: 'inactive' } as const;

export function StepBadge({ ctx: given, status }: { ctx?: PageCtx; status: StepStatus }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={looks[status]}>{ctx.t(`advice.step.status.${status}`)}</StatusBadge>;
}
