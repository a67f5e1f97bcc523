import type { ComponentChildren } from 'preact';
import { usePageCouncil, usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge, LinkList } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, SelectField, CheckboxField, Fieldset, NumberField } from '../../../ui/components/form.tsx';
import { EnumRadios, EnumSelect } from '../../../ui/components/choice.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage, type WorkspacePageParts } from '../../../ui/layouts/workspace-page.tsx';
import { recordedSources, signalAreas, signalSinces } from '../signals.schema.ts';
import { signalStates, type SignalState } from '../signals.workflow.ts';
import type { SignalListRow, signalsSectionMay } from '../signals.queries.ts';
import type { ListFilter } from '../signals.forms.ts';
import { DateText } from '../../../ui/components/date-text.tsx';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };

export const signalsPath = (council: Council) => `/${council.slug}/werkruimte/signalen`;

/** A page of the signals section: breadcrumb to the list, then this page (`href`); the list page leaves `href` out. */
export function SignalsPage(props: Omit<WorkspacePageParts, 'section' | 'parent'>) {
  const t = usePageCtx(props.ctx).t;
  const list = signalsPath(usePageCouncil(props.council));
  const parent = props.href ? { href: list, label: t('signals.list.title') } : undefined;
  return <WorkspacePage {...props} section={list} parent={parent} />;
}

export function SignalStatusBadge({ ctx: given, status }: { ctx?: PageCtx; status: SignalState }) {
  const ctx = usePageCtx(given);
  const look = status === 'closed' ? 'success' : status === 'duplicate' ? 'inactive' : status === 'new' ? 'warning' : 'neutral';
  return <StatusBadge status={look}>{ctx.t(`signals.status.${status}`)}</StatusBadge>;
}

export function SignalListPage({
  ctx,
  council,
  rows,
  filter,
  themes,
  may,
  actions,
}: Props & { rows: SignalListRow[]; filter: ListFilter; themes: { id: string; name: string }[]; may: ReturnType<typeof signalsSectionMay>; actions?: ComponentChildren[] }) {
  const t = ctx.t;
  const path = signalsPath(council);
  const all = t('signals.list.all');
  return (
    <SignalsPage title={t('signals.list.title')} intro={t('signals.list.intro')}>
      {may.record && (
        <ButtonGroup>
          <ButtonLink href={`${path}/nieuw`}>{t('signals.list.record')}</ButtonLink>
        </ButtonGroup>
      )}
      <LinkList
        inline
        items={[
          may.themes && { href: `${path}/themas`, label: t('signals.themes.title') },
          may.export && { href: `${path}/inzage`, label: t('signals.export.title') },
          may.accessLog && { href: `${path}/toegangslog`, label: t('signals.accessLog.title') },
          may.settings && { href: `${path}/instellingen`, label: t('signals.settings.title') },
        ]}
      />
      {actions}
      <form method="get" action={path} class="rw-form">
        <EnumSelect name="status" label={t('signals.list.filterStatus')} value={filter.status ?? ''} none={all} values={signalStates} prefix="signals.status" />
        <SelectField name="theme" label={t('signals.list.filterTheme')} value={filter.theme ?? ''} none={all} options={themes.map((x) => ({ value: x.id, label: x.name }))} />
        <EnumSelect name="area" label={t('signals.list.filterArea')} value={filter.area ?? ''} none={all} values={signalAreas} prefix="signals.area" />
        <Button variant="secondary">{t('signals.list.filterButton')}</Button>
      </form>
      <Table
        caption={t('signals.list.caption', { n: rows.length })}
        empty={t('signals.list.empty')}
        rows={rows}
        columns={[
          { header: t('signals.field.reference'), cell: (s) => <Link href={`${path}/${s.id}`}>{s.reference}</Link> },
          { header: t('signals.field.summary'), cell: (s) => (s.anonymised ? <em>{t('signals.detail.anonymisedText')}</em> : s.summary) },
          { header: t('signals.field.area'), cell: (s) => t(`signals.area.${s.area}`) },
          { header: t('signals.field.theme'), cell: (s) => s.themeName ?? '-' },
          { header: t('signals.field.status'), cell: (s) => <SignalStatusBadge status={s.status} /> },
          { header: t('signals.field.createdAt'), cell: (s) => <DateText value={s.createdAt} /> },
        ]}
      />
    </SignalsPage>
  );
}

/** A member or the secretary records a signal that came in by phone, at office hours, by e-mail or from an organisation. */
export function RecordSignalPage({ ctx, council, errors, values }: Props & { errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/nieuw`;
  const v = values ?? {};

  return (
    <SignalsPage title={t('signals.record.title')} href={path} errors={errors} intro={t('signals.record.intro')}>
      <Form action={path}>
        <EnumRadios errors={errors} name="source" label={t('signals.field.source')} value={v.source} values={recordedSources} prefix="signals.source" />
        <TextField errors={errors} name="sourceDetail" label={t('signals.field.sourceDetail')} hint={t('signals.field.sourceDetailHint')} value={v.sourceDetail} optional />
        <TextArea errors={errors} name="description" label={t('signals.field.description')} hint={t('signals.field.descriptionHint')} value={v.description} rows={8} />
        <EnumRadios errors={errors} name="area" label={t('signals.field.area')} value={v.area} values={signalAreas} prefix="signals.area" />
        <EnumRadios errors={errors} name="since" label={t('signals.field.since')} value={v.since} values={signalSinces} prefix="signals.since" />
        <NumberField errors={errors} name="peopleCount" label={t('signals.field.peopleCount')} hint={t('signals.field.peopleCountHint')} value={v.peopleCount} optional />
        <Fieldset legend={t('signals.record.contactLegend')}>
          <p class="utrecht-paragraph nl-paragraph">{t('signals.record.contactIntro')}</p>
          <TextField errors={errors} name="name" label={t('signals.field.name')} value={v.name} autocomplete="off" optional />
          <TextField errors={errors} name="email" type="email" label={t('signals.field.email')} value={v.email} autocomplete="off" optional />
          <TextField errors={errors} name="phone" type="tel" label={t('signals.field.phone')} value={v.phone} autocomplete="off" optional />
          <CheckboxField errors={errors} name="consent" label={t('signals.record.consent')} hint={t('signals.record.consentHint')} checked={v.consent === 'ja'} />
        </Fieldset>
        <Button>{t('signals.record.save')}</Button>
      </Form>
    </SignalsPage>
  );
}
