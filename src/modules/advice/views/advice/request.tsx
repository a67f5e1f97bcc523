/** Step 1: the request of the municipality, or the reason for an unsolicited advice; giving it to a working group. */
import { formatDate } from '../../../../core/i18n/index.ts';
import { Heading, Paragraph, DataList, TextBlock } from '../../../../ui/components/basics.tsx';
import { ChooseOneForm } from '../../../../ui/components/form.tsx';
import type { StepProps } from './shared.tsx';
import { DocumentList } from './documents.tsx';

export function RequestStep({ ctx, detail, path, errors, values }: StepProps) {
  const t = ctx.t;
  const { advice, may } = detail;
  const documents = detail.documents.filter((d) => d.kind === 'request');
  return (
    <>
      <DataList
        items={[
          { key: t('advice.detail.kind'), value: t(`advice.kind.${advice.kind}`) },
          { key: t('advice.field.policyField'), value: t(`advice.policyField.${advice.policyField}`) },
          { key: t('advice.field.addressee'), value: t(`advice.addressee.${advice.addressee}`) },
          { key: t('advice.detail.question'), value: <TextBlock text={advice.question} /> },
          { key: t('advice.detail.neededBy'), value: advice.neededBy ? formatDate(advice.neededBy, ctx.locale) : '-' },
        ]}
      />
      {documents.length > 0 && (
        <>
          <Heading level={3}>{t('advice.detail.requestDocuments')}</Heading>
          <DocumentList path={path} documents={documents} />
        </>
      )}
      {!may.seeCouncilWork && <Paragraph>{t('advice.detail.requestOnly')}</Paragraph>}
      {may.assign && (advice.status === 'requested' || advice.status === 'initiated') && <AssignForm ctx={ctx} detail={detail} path={path} errors={errors} values={values} />}
    </>
  );
}

/** Give the advice to a working group (or to another one while it drafts). */
export function AssignForm({ ctx, detail, path, errors, values }: Pick<StepProps, 'ctx' | 'detail' | 'path' | 'errors' | 'values'>) {
  const t = ctx.t;
  return (
    <>
      <Heading level={3}>{t(detail.advice.workingGroupId ? 'advice.assign.changeTitle' : 'advice.assign.title')}</Heading>
      {detail.workingGroups.length === 0 ? (
        <Paragraph>{t('advice.assign.noGroups')}</Paragraph>
      ) : (
        <ChooseOneForm
          action={`${path}/toewijzen`}
          name="workingGroupId"
          label={t('advice.assign.label')}
          hint={t('advice.assign.hint')}
          errors={errors}
          value={values?.workingGroupId ?? detail.advice.workingGroupId ?? ''}
          options={detail.workingGroups.map((g) => ({ value: g.id, label: g.name }))}
          button={t('advice.assign.button')}
          variant={detail.advice.workingGroupId ? 'secondary' : 'primary'}
        />
      )}
    </>
  );
}
