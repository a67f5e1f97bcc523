/** The workspace list of advices, the status badge, and the forms that start an advice. */
import { usePageCtx, type PageCtx } from '../../../../ui/context.ts';
import type { Council } from '../../../../core/organisations.schema.ts';
import type { Actor } from '../../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { formatDate } from '../../../../core/i18n/index.ts';
import { Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge } from '../../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, FileField } from '../../../../ui/components/form.tsx';
import { WorkspacePage } from '../../../../ui/layouts/workspace-page.tsx';
import { addressees, policyFields } from '../../advice.schema.ts';
import type { AdviceState } from '../../advice.workflow.ts';
import type { AdviceListRow } from '../../advice.queries.ts';
import type { ListMay } from '../../advice.may.ts';
import { EnumRadios, EnumSelect } from '../../../../ui/components/choice.tsx';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };

export const listPath = (council: Council) => `/${council.slug}/werkruimte/adviezen`;
const filterStates = ['requested', 'initiated', 'drafting', 'concept', 'in_approval', 'adopted', 'sent', 'answered', 'withdrawn', 'overdue'] as const;

export const DOCUMENT_TYPES = '.pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function AdviceStatusBadge({ ctx: given, status, overdue }: { ctx?: PageCtx; status: AdviceState; overdue?: boolean }) {
  const ctx = usePageCtx(given);
  const look = status === 'answered' ? 'success' : status === 'withdrawn' ? 'inactive' : status === 'in_approval' ? 'warning' : 'neutral';
  return (
    <>
      <StatusBadge status={look}>{ctx.t(`advice.status.${status}`)}</StatusBadge>
      {overdue && (
        <>
          {' '}
          <StatusBadge status="danger">{ctx.t('advice.status.overdue')}</StatusBadge>
        </>
      )}
    </>
  );
}

export function AdviceListPage({ ctx, council, rows, status, may }: Props & { rows: AdviceListRow[]; status: string | null; may: ListMay }) {
  const t = ctx.t;
  const path = listPath(council);
  return (
    <WorkspacePage title={t('advice.list.title')} section={path} intro={t('advice.list.intro')}>
      <ButtonGroup>
        {may.request && <ButtonLink href={`${path}/aanvraag`}>{t('advice.list.request')}</ButtonLink>}
        {may.initiate && (
          <ButtonLink href={`${path}/ongevraagd`} variant="secondary">
            {t('advice.list.initiate')}
          </ButtonLink>
        )}
      </ButtonGroup>
      <form method="get" action={path} class="rw-form">
        <EnumSelect name="status" label={t('advice.list.filter')} value={status ?? ''} none={t('advice.status.all')} values={filterStates} prefix="advice.status" />
        <Button variant="secondary">{t('advice.list.filterButton')}</Button>
      </form>
      <Table
        caption={t('advice.list.caption')}
        empty={t('advice.list.empty')}
        rows={rows}
        columns={[
          { header: t('advice.list.reference'), cell: (a) => a.reference },
          { header: t('advice.list.subject'), cell: (a) => <Link href={`${path}/${a.id}`}>{a.subject}</Link> },
          { header: t('advice.list.kind'), cell: (a) => t(`advice.kind.${a.kind}`) },
          { header: t('advice.list.status'), cell: (a) => <AdviceStatusBadge status={a.status} overdue={a.overdue} /> },
          {
            header: t('advice.list.deadline'),
            cell: (a) =>
              a.answerDueOn && (a.status === 'sent' || a.status === 'answered')
                ? t('advice.list.answerDue', { date: formatDate(a.answerDueOn, ctx.locale) })
                : a.neededBy
                  ? t('advice.list.neededBy', { date: formatDate(a.neededBy, ctx.locale) })
                  : '-',
          },
        ]}
      />
    </WorkspacePage>
  );
}

/** The request form (multipart, with documents) and the unsolicited-advice form. */
export function StartAdvicePage({ ctx, council, kind, errors, values }: Props & { kind: 'requested' | 'unsolicited'; errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const list = listPath(council);
  const requested = kind === 'requested';
  const path = `${list}/${requested ? 'aanvraag' : 'ongevraagd'}`;
  const v = values ?? {};
  return (
    <WorkspacePage
      title={t(requested ? 'advice.request.title' : 'advice.initiate.title')}
      section={list}
      href={path}
      parent={{ href: list, label: t('advice.list.title') }}
      errors={errors}
      intro={t(requested ? 'advice.request.intro' : 'advice.initiate.intro')}
    >
      <Form action={requested ? `${path}?_csrf=${encodeURIComponent(ctx.csrfToken)}` : path} multipart={requested}>
        <TextField errors={errors} name="subject" label={t('advice.field.subject')} hint={t('advice.field.subjectHint')} value={v.subject} />
        <TextArea
          errors={errors}
          name="question"
          label={t(requested ? 'advice.field.question' : 'advice.field.reason')}
          hint={t(requested ? 'advice.field.questionHint' : 'advice.field.reasonHint')}
          value={v.question}
        />
        <EnumRadios errors={errors} name="policyField" label={t('advice.field.policyField')} value={v.policyField} values={policyFields} prefix="advice.policyField" />
        <EnumRadios errors={errors} name="addressee" label={t('advice.field.addressee')} value={v.addressee ?? 'college'} values={addressees} prefix="advice.addressee" />
        <TextField errors={errors} name="addresseeEmail" type="email" label={t('advice.field.addresseeEmail')} hint={t('advice.field.addresseeEmailHint')} value={v.addresseeEmail} optional />
        {requested && <TextField errors={errors} name="neededBy" type="date" label={t('advice.field.neededBy')} hint={t('advice.field.neededByHint')} value={v.neededBy} width="short" />}
        {requested && <FileField errors={errors} name="documents" label={t('advice.field.documents')} hint={t('advice.field.documentsHint')} optional multiple accept={DOCUMENT_TYPES} />}
        <Button>{t(requested ? 'advice.request.save' : 'advice.initiate.save')}</Button>
      </Form>
    </WorkspacePage>
  );
}
