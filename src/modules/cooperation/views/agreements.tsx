/** The list of agreements and the form for a new one. */
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { can } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Button, ButtonLink, Link, Table } from '../../../ui/components/basics.tsx';
import { CheckboxField, CheckboxGroup, Form, RadioGroup, TextArea, TextField } from '../../../ui/components/form.tsx';
import type { AgreementSummary } from '../cooperation.queries.ts';
import { renewalKinds } from '../cooperation.schema.ts';
import { StateBadge, termOf } from './parts.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };
const section = (council: Council) => `/${council.slug}/werkruimte/samenwerking`;

export function AgreementsPage({ ctx, council, actor, rows }: Props & { rows: AgreementSummary[] }) {
  const { t } = ctx;
  return (
    <WorkspacePage title={t('cooperation.list.title')} section={section(council)} intro={t('cooperation.list.intro')}>
      {can(actor, 'cooperation.manage') && <ButtonLink href={`${section(council)}/nieuw`}>{t('cooperation.list.new')}</ButtonLink>}
      <Table
        caption={t('cooperation.list.caption')}
        empty={t('cooperation.list.empty')}
        rows={rows}
        columns={[
          { header: t('cooperation.col.title'), cell: (r) => <Link href={`${section(council)}/${r.id}`}>{r.title}</Link> },
          { header: t('cooperation.col.parties'), cell: (r) => r.parties.map((p) => p.name).join(', ') },
          { header: t('cooperation.col.term'), cell: (r) => termOf(ctx, r) },
          { header: t('cooperation.col.state'), cell: (r) => <StateBadge state={r.state} /> },
        ]}
      />
    </WorkspacePage>
  );
}

export function NewAgreementPage({ ctx, council, partners, errors, values }: Props & { partners: { id: string; name: string }[]; errors?: FieldErrors; values?: FormValues }) {
  const { t } = ctx;
  const v = values ?? { renewal: 'tacit', noticeDays: '30', isPublic: 'ja' };
  const checked = values?.partners ? [values.partners] : [];
  return (
    <WorkspacePage title={t('cooperation.new.title')} section={section(council)} href={`${section(council)}/nieuw`} errors={errors} intro={t('cooperation.new.intro')}>
      <Form action={`${section(council)}/nieuw`}>
        <TextField errors={errors} name="title" label={t('cooperation.field.title')} value={v.title} />
        <TextArea errors={errors} name="purpose" label={t('cooperation.field.purpose')} hint={t('cooperation.field.purposeHint')} value={v.purpose} rows={4} />
        <CheckboxGroup
          errors={errors}
          name="partners"
          label={t('cooperation.field.partners')}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
          checked={checked}
          empty={t('cooperation.field.partnersEmpty')}
        />
        <TextArea errors={errors} name="outsideParties" label={t('cooperation.field.outsideParties')} hint={t('cooperation.field.outsidePartiesHint')} value={v.outsideParties} rows={3} optional />
        <TextArea errors={errors} name="contribution" label={t('cooperation.field.contribution')} hint={t('cooperation.field.contributionHint')} value={v.contribution} rows={3} optional />
        <TextField errors={errors} name="startsOn" type="date" label={t('cooperation.field.startsOn')} value={v.startsOn} width="medium" />
        <TextField errors={errors} name="endsOn" type="date" label={t('cooperation.field.endsOn')} hint={t('cooperation.field.endsOnHint')} value={v.endsOn} width="medium" optional />
        <RadioGroup errors={errors} name="renewal" label={t('cooperation.field.renewal')} value={v.renewal} options={renewalKinds.map((k) => ({ value: k, label: t(`cooperation.renewal.${k}`) }))} />
        <TextField errors={errors} name="noticeDays" label={t('cooperation.field.noticeDays')} hint={t('cooperation.field.noticeDaysHint')} value={v.noticeDays} inputmode="numeric" width="short" />
        <CheckboxField errors={errors} name="isPublic" label={t('cooperation.field.isPublic')} checked={Boolean(v.isPublic)} />
        <Button>{t('cooperation.new.submit')}</Button>
      </Form>
    </WorkspacePage>
  );
}
