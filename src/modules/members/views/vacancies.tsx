import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge, Alert, TextBlock, DataList, Section } from '../../../ui/components/basics.tsx';
import { ActionForm, Form, TextField, TextArea } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import type { ApplicationRow, Vacancy, VacancyMay, VacancyRow } from '../members.vacancies.ts';
import type { VacancyStatus } from '../members.workflow.ts';
import { WorkspacePage, trail } from '../../../ui/layouts/workspace-page.tsx';
import { DateText } from '../../../ui/components/date-text.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

function VacancyStatusBadge({ ctx: given, status }: { ctx?: PageCtx; status: VacancyStatus }) {
  const ctx = usePageCtx(given);
  const look = status === 'published' ? 'success' : status === 'draft' ? 'neutral' : 'inactive';
  return <StatusBadge status={look}>{ctx.t(`members.vacancyStatus.${status}`)}</StatusBadge>;
}

export function VacanciesPage({ ctx, council, vacancies }: Props & { vacancies: VacancyRow[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/vacatures`;
  return (
    <WorkspacePage title={t('members.vac.title')} section={path}>
      <Paragraph>
        <ButtonLink href={`${path}/nieuw`}>{t('members.vac.new')}</ButtonLink>
      </Paragraph>
      <Table
        caption={t('members.vac.caption')}
        empty={t('members.vac.empty')}
        rows={vacancies}
        columns={[
          { header: t('members.vac.vacancyTitle'), cell: (v) => <Link href={`${path}/${v.id}`}>{v.title}</Link> },
          { header: t('members.vac.status'), cell: (v) => <VacancyStatusBadge status={v.status} /> },
          { header: t('members.vac.closesOn'), cell: (v) => <DateText value={v.closesOn} /> },
          { header: t('members.vac.applications'), cell: (v) => String(v.applications), numeric: true },
        ]}
      />
    </WorkspacePage>
  );
}

function VacancyFields({ ctx: given, errors, v }: { ctx?: PageCtx; errors?: FieldErrors; v: Record<string, string> }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <TextField errors={errors} name="title" label={t('members.vac.vacancyTitle')} value={v.title} />
      <TextArea errors={errors} name="description" label={t('members.vac.description')} hint={t('members.vac.descriptionHint')} value={v.description} rows={10} />
      <TextArea errors={errors} name="profile" label={t('members.vac.profile')} hint={t('members.vac.profileHint')} value={v.profile} optional rows={3} />
      <TextField errors={errors} name="hoursPerMonth" label={t('members.vac.hours')} hint={t('members.vac.hoursHint')} value={v.hoursPerMonth} optional width="medium" />
      <TextField errors={errors} name="closesOn" label={t('members.vac.closesOn')} hint={t('members.vac.closesOnHint')} value={v.closesOn} optional width="short" />
    </>
  );
}

export function NewVacancyPage({ ctx, council, errors, values }: Props & { errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/vacatures`;
  return (
    <WorkspacePage title={t('members.vac.new')} section={list} href={`${list}/nieuw`} parent={{ href: list, label: t('members.vac.title') }} errors={errors}>
      <Form action={`${list}/nieuw`}>
        <VacancyFields errors={errors} v={values ?? {}} />
        <Button>{t('members.vac.create')}</Button>
      </Form>
      <Paragraph>
        <Link href={list}>{t('members.vac.back')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}

/** What a save on a vacancy's page just did; its words are the message `members.vac.<notice>`. */
export type VacancyNotice = 'created' | 'saved' | 'published' | 'closed';

export function VacancyPage(props: Props & { vacancy: VacancyRow & { may: VacancyMay }; errors?: FieldErrors; values?: FormValues; notice?: VacancyNotice }) {
  const { ctx, council, vacancy, errors, notice } = props;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/vacatures`;
  const path = `${list}/${vacancy.id}`;
  const { may } = vacancy;
  const stored: Record<string, string> = {
    title: vacancy.title,
    description: vacancy.description,
    profile: vacancy.profile,
    hoursPerMonth: vacancy.hoursPerMonth,
    closesOn: vacancy.closesOn ?? '',
  };
  const statusText = vacancy.status === 'draft' ? 'members.vac.isDraft' : vacancy.status === 'published' ? 'members.vac.isPublished' : 'members.vac.isClosed';
  return (
    <WorkspacePage
      title={t('members.vac.editTitle', { title: vacancy.title })}
      {...trail({ href: list, label: t('members.vac.title') }, { href: path, label: vacancy.title })}
      errors={errors}
      notice={notice && t(`members.vac.${notice}`)}
    >
      <Section id="veld-status" title={t('members.vac.statusTitle')}>
        <Paragraph>
          <VacancyStatusBadge status={vacancy.status} /> {t(statusText)}
        </Paragraph>
        <ButtonGroup>
          {may.publish && (
            <ActionForm action={`${path}/status`} inline name="to" value="published" variant="primary" button={vacancy.status === 'closed' ? t('members.vac.reopen') : t('members.vac.publish')} />
          )}
          {may.close && <ActionForm action={`${path}/status`} inline name="to" value="closed" button={t('members.vac.close')} />}
        </ButtonGroup>
        {may.readApplications && (
          <Paragraph>
            <Link href={`${path}/reacties`}>{t('members.vac.viewApplications', { n: vacancy.applications })}</Link>
          </Paragraph>
        )}
      </Section>
      <Section id="vacature-gegevens" title={t('members.vac.description')}>
        <Form action={path}>
          <VacancyFields errors={errors} v={{ ...stored, ...(props.values ?? {}) }} />
          <Button>{t('form.save')}</Button>
        </Form>
      </Section>
      <Paragraph>
        <Link href={list}>{t('members.vac.back')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}

export function ApplicationsPage({ ctx, council, vacancy, applications }: Props & { vacancy: Vacancy; applications: ApplicationRow[] }) {
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/vacatures`;
  const vpath = `${list}/${vacancy.id}`;
  return (
    <WorkspacePage
      title={t('members.apps.title', { title: vacancy.title })}
      {...trail({ href: list, label: t('members.vac.title') }, { href: vpath, label: vacancy.title }, { href: `${vpath}/reacties`, label: t('members.vac.applications') })}
    >
      <Alert type="info">
        <Paragraph>{t('members.apps.privacy')}</Paragraph>
      </Alert>
      {applications.length === 0 && <Paragraph>{t('members.apps.empty')}</Paragraph>}
      {applications.map((a, i) => (
        <Section id={`reactie-${i + 1}`} title={a.name} intro={t('members.apps.received', { date: formatDateTime(a.createdAt, ctx.locale) })}>
          <DataList
            items={[
              { key: t('members.apps.email'), value: <Link href={`mailto:${a.email}`}>{a.email}</Link> },
              { key: t('members.apps.phone'), value: a.phone || '-' },
            ]}
          />
          <Heading level={3}>{t('members.apps.motivation')}</Heading>
          <TextBlock text={a.motivation} />
        </Section>
      ))}
      <Paragraph>
        <Link href={vpath}>{t('members.apps.back')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}
