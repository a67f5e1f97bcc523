import type { PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Paragraph, Section } from '../../../ui/components/basics.tsx';
import { ActionForm, ChooseOneForm, TextArea } from '../../../ui/components/form.tsx';
import type { Vote } from '../workplan.workflow.ts';

export type ApprovalMay = { openApproval: boolean; vote: boolean; closeApproval: boolean };

/** The approval round of a plan or a report: open it, vote, close it. `base` is the page's address. */
export function ApprovalSection(props: {
  ctx: PageCtx;
  council: Council;
  base: string;
  status: string;
  votes: { vote: Vote }[];
  ownVote: Vote | null;
  may: ApprovalMay;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { ctx, may } = props;
  const t = ctx.t;
  if (!may.openApproval && !may.vote && !may.closeApproval && props.status !== 'in_approval') return null;
  const agree = props.votes.filter((v) => v.vote === 'agree').length;
  return (
    <Section id="goedkeuring" title={t('workplan.approval')}>
      {props.status === 'in_approval' && <Paragraph>{t('workplan.approval.votes', { agree, object: props.votes.length - agree })}</Paragraph>}
      {may.openApproval && <ActionForm action={`${props.base}/goedkeuring`} button={t('workplan.approval.open')} hint={t('workplan.approval.open.hint')} />}
      {may.vote && (
        <ChooseOneForm
          action={`${props.base}/stem`}
          name="vote"
          control="radio"
          label={t('workplan.vote')}
          hint={props.ownVote ? t('workplan.vote.yours', { vote: t(`workplan.vote.${props.ownVote}`) }) : undefined}
          options={[
            { value: 'agree', label: t('workplan.vote.agree') },
            { value: 'object', label: t('workplan.vote.object') },
          ]}
          value={props.values?.vote ?? props.ownVote}
          errors={props.errors}
          button={t('workplan.vote.send')}
        >
          <TextArea name="remark" label={t('workplan.vote.remark')} optional value={props.values?.remark} errors={props.errors} />
        </ChooseOneForm>
      )}
      {may.closeApproval && (
        <ActionForm
          action={`${props.base}/besluit`}
          button={t('workplan.approval.close')}
          hint={t('workplan.approval.close.hint', { rule: t(`workplan.approval.rule.${props.council.adviceApprovalRule}`) })}
        />
      )}
    </Section>
  );
}
