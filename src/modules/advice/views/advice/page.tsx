/**
 * The page of one advice as a step list (the GOV.UK task-list pattern): every step of the
 * lifecycle with its status and a link to its own page (`?stap=`), the current step open with
 * its forms; documents, publication and history one click away. What the actor may do comes
 * from the service (`detail.may`); this page decides no rights.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { formatDate } from '../../../../core/i18n/index.ts';
import { Heading, Paragraph, Link, StatusBadge, LinkList } from '../../../../ui/components/basics.tsx';
import { WorkspacePage } from '../../../../ui/layouts/workspace-page.tsx';
import type { AdviceDetail } from '../../advice.queries.ts';
import { currentStep, isStepKey, mayOpenStap, stepKeys, stepStatus, type Stap, type StepKey, type StepStatus } from '../../advice.steps.ts';
import { AdviceStatusBadge, listPath, type Props } from './list.tsx';
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
import { StopSection, WithdrawnAlert } from './withdraw.tsx';

export type AdviceNotice = 'created' | 'saved' | 'voted' | 'voteChanged' | 'state' | 'sent' | 'withdrawn';

const parts: Record<Stap, (p: StepProps) => JSX.Element | null> = {
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

function label(ctx: Props['ctx'], stap: Stap, detail: AdviceDetail): string {
  return stap === 'aanvraag' ? ctx.t(`advice.step.aanvraag.${detail.advice.kind}`) : ctx.t(labels[stap]);
}

const looks = { done: 'success', current: 'warning', todo: 'inactive', stopped: 'inactive' } as const;

function StepBadge({ ctx, status }: { ctx: Props['ctx']; status: StepStatus }) {
  return <StatusBadge status={looks[status]}>{ctx.t(`advice.step.status.${status}`)}</StatusBadge>;
}

function noticeText(ctx: Props['ctx'], detail: AdviceDetail, notice?: AdviceNotice): string | undefined {
  const { advice } = detail;
  if (!notice) return undefined;
  if (notice === 'sent') return advice.answerDueOn ? ctx.t('advice.notice.sent', { date: formatDate(advice.answerDueOn, ctx.locale) }) : undefined;
  if (notice === 'state') return ctx.t('advice.notice.state', { status: ctx.t(`advice.status.${advice.status}`) });
  return ctx.t(`advice.notice.${notice}`);
}

type PageProps = Props & { detail: AdviceDetail; related?: ComponentChildren[]; errors?: FieldErrors; values?: FormValues; notice?: AdviceNotice; stap?: Stap | null };

export function AdviceDetailPage(props: PageProps) {
  const { ctx, council, actor, detail } = props;
  const { advice, may } = detail;
  const t = ctx.t;
  const list = listPath(council);
  const path = `${list}/${advice.id}`;
  const title = `${advice.reference}: ${advice.subject}`;
  const stap = props.stap && mayOpenStap(props.stap, may.seeCouncilWork) ? props.stap : null;
  const part: StepProps = { ctx, council, detail, path, errors: props.errors, values: props.values, full: stap !== null };
  const stapLabel = stap ? label(ctx, stap, detail) : '';
  return (
    <WorkspacePage
      ctx={ctx}
      council={council}
      actor={actor}
      title={stap ? `${stapLabel}: ${title}` : title}
      heading={title}
      section={list}
      href={stap ? `${path}?stap=${stap}` : path}
      crumb={stap ? stapLabel : advice.reference}
      parent={stap ? [{ href: list, label: t('advice.list.title') }, { href: path, label: advice.reference }] : { href: list, label: t('advice.list.title') }}
      errors={props.errors}
      notice={noticeText(ctx, detail, props.notice)}
    >
      <Paragraph>
        <AdviceStatusBadge ctx={ctx} status={advice.status} overdue={detail.overdue} />
      </Paragraph>
      {stap ? <StapPage {...part} stap={stap} label={stapLabel} /> : <Overview {...part} related={props.related} />}
    </WorkspacePage>
  );
}

/** The main page: the steps, the current one open; what else there is; the way to stop. */
function Overview(props: StepProps & { related?: ComponentChildren[] }) {
  const { ctx, detail, path } = props;
  const { advice, may } = detail;
  const t = ctx.t;
  // The open step: the current one; for an official's own request before sending, the request.
  const current = may.seeCouncilWork ? currentStep(advice.status) : 'aanvraag';
  const Current = current ? parts[current] : null;
  return (
    <>
      {advice.status === 'withdrawn' && <WithdrawnAlert ctx={ctx} detail={detail} path={path} />}
      <ol class="rw-task-list" aria-label={t('advice.steps.title')}>
        {stepKeys.map((key, i) => {
          const status = stepStatus(key, advice.status, detail.withdrawal);
          const name = `${i + 1}. ${label(ctx, key, detail)}`;
          return (
            <li class={`rw-task-list__item rw-task-list__item--${status}`}>
              <div class="rw-task-list__row">
                {key === current ? (
                  <h2 class="utrecht-heading-2 nl-heading nl-heading--level-2 rw-task-list__name" id={`stap-${key}`}>
                    {name}
                  </h2>
                ) : (
                  <StepName path={path} stap={key} name={name} open={mayOpenStap(key, may.seeCouncilWork)} />
                )}
                <span class="rw-task-list__status" id={`stap-${key}-status`}>
                  <StepBadge ctx={ctx} status={status} />
                </span>
              </div>
              {key === current && Current && (
                <div class="rw-task-list__panel" id={advice.status === 'withdrawn' ? undefined : 'veld-form'} tabindex={-1}>
                  <Current {...props} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {/* What other modules show here (the slot 'advice.detail.related'), such as the signals that led to this advice. */}
      {may.seeCouncilWork && props.related}
      <Heading level={2}>{t('advice.steps.more')}</Heading>
      <LinkList
        items={[
          { href: `${path}?stap=documenten`, label: t('advice.detail.documentsCount', { n: detail.documents.length }) },
          may.seeCouncilWork && { href: `${path}?stap=openbaarheid`, label: t('advice.publication.title') },
          may.seeCouncilWork && { href: `${path}?stap=geschiedenis`, label: t('advice.detail.timeline') },
        ]}
      />
      {may.withdraw && <StopSection ctx={ctx} path={path} />}
      <Paragraph>
        <Link href={listPath(props.council)}>{t('advice.detail.back')}</Link>
      </Paragraph>
    </>
  );
}

function StepName({ path, stap, name, open }: { path: string; stap: StepKey; name: string; open: boolean }) {
  if (!open) return <span class="rw-task-list__name">{name}</span>;
  return (
    <span class="rw-task-list__name">
      <a class="utrecht-link nl-link" href={`${path}?stap=${stap}`} aria-describedby={`stap-${stap}-status`}>
        {name}
      </a>
    </span>
  );
}

/** One step (or documents, publication, history) on its own page. */
function StapPage(props: StepProps & { stap: Stap; label: string }) {
  const { ctx, detail, path, stap } = props;
  const t = ctx.t;
  const Part = parts[stap];
  const step = isStepKey(stap) ? stap : null;
  return (
    <>
      <div class="rw-stap" id="veld-form" tabindex={-1}>
        <Heading level={2}>{props.label}</Heading>
        {step && (
          <p class="utrecht-paragraph nl-paragraph rw-meta">
            {t('advice.steps.counter', { n: stepKeys.indexOf(step) + 1, total: stepKeys.length })} <StepBadge ctx={ctx} status={stepStatus(step, detail.advice.status, detail.withdrawal)} />
          </p>
        )}
        <Part {...props} />
      </div>
      <Paragraph>
        <Link href={path}>{t('advice.steps.back')}</Link>
      </Paragraph>
    </>
  );
}
