/**
 * The page of one advice as a step list (the GOV.UK task-list pattern): every step of the
 * lifecycle with its status and a link to its own page (`?stap=`), the current step open with
 * its forms; documents, publication and history one click away. What the actor may do comes
 * from the service (`detail.may`); this page decides no rights.
 */
import type { ComponentChildren } from 'preact';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { formatDate } from '../../../../core/i18n/index.ts';
import { Paragraph } from '../../../../ui/components/basics.tsx';
import { WorkspacePage } from '../../../../ui/layouts/workspace-page.tsx';
import type { AdviceDetail } from '../../advice.queries.ts';
import { mayOpenStap, type Stap } from '../../advice.steps.ts';
import { AdviceStatusBadge, listPath, type Props } from './list.tsx';
import type { StepProps } from './shared.tsx';
import { label } from './parts.tsx';
import { Overview } from './overview.tsx';
import { StapPage } from './stap-page.tsx';

export type AdviceNotice = 'created' | 'saved' | 'voted' | 'voteChanged' | 'state' | 'sent' | 'withdrawn';

function noticeText(ctx: Props['ctx'], detail: AdviceDetail, notice?: AdviceNotice): string | undefined {
  const { advice } = detail;
  if (!notice) return undefined;
  if (notice === 'sent') return advice.answerDueOn ? ctx.t('advice.notice.sent', { date: formatDate(advice.answerDueOn, ctx.locale) }) : undefined;
  if (notice === 'state') return ctx.t('advice.notice.state', { status: ctx.t(`advice.status.${advice.status}`) });
  return ctx.t(`advice.notice.${notice}`);
}

type PageProps = Props & {
  detail: AdviceDetail;
  related?: ComponentChildren[];
  errors?: FieldErrors;
  values?: FormValues;
  notice?: AdviceNotice;
  stap?: Stap | null;
};

export function AdviceDetailPage(props: PageProps) {
  const { ctx, council, detail } = props;
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
      title={stap ? `${stapLabel}: ${title}` : title}
      heading={title}
      section={list}
      href={stap ? `${path}?stap=${stap}` : path}
      crumb={stap ? stapLabel : advice.reference}
      parent={
        stap
          ? [
              { href: list, label: t('advice.list.title') },
              { href: path, label: advice.reference },
            ]
          : { href: list, label: t('advice.list.title') }
      }
      errors={props.errors}
      notice={noticeText(ctx, detail, props.notice)}
    >
      <Paragraph>
        <AdviceStatusBadge status={advice.status} overdue={detail.overdue} />
      </Paragraph>
      {stap ? <StapPage {...part} stap={stap} label={stapLabel} /> : <Overview {...part} related={props.related} />}
    </WorkspacePage>
  );
}
