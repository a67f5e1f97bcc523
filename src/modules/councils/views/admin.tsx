import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { organisationKinds } from '../../../core/organisation-kinds.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Heading, Paragraph, Link, Button, Table, StatusBadge, DataList, Pagination } from '../../../ui/components/basics.tsx';
import { Form, ErrorSummary, TextField, SuccessNotice } from '../../../ui/components/form.tsx';
import { EnumRadios } from '../../../ui/components/choice.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import type { SafeOutboxRow } from '../../../core/mail/outbox-view.ts';
import { DateText } from '../../../ui/components/date-text.tsx';

type OutboxRow = SafeOutboxRow;
/** A withheld mail's subject is not shown (it may be a resident's words). */
const subjectOf = (ctx: PageCtx, r: OutboxRow) => (r.withheld ? ctx.t('mail.outbox.withheldSubject') : r.subject);

export function adminNav(ctx: PageCtx, current: string) {
  return {
    label: ctx.t('nav.admin'),
    current,
    items: [
      { href: '/beheer', label: ctx.t('councils.admin.councils') },
      { href: '/beheer/raden/nieuw', label: ctx.t('councils.admin.newCouncil') },
      { href: '/beheer/postvak', label: ctx.t('councils.admin.outbox') },
      { href: '/beheer/tweestapsverificatie', label: ctx.t('councils.admin.mfa.title') },
    ],
  };
}

export function AdminHome({ ctx, list, created }: { ctx: PageCtx; list: Council[]; created?: string }) {
  // The organisation just made (its slug came back in the address): what to do next, as a link.
  const made = created ? list.find((c) => c.slug === created) : undefined;
  return (
    <Page ctx={ctx} title={ctx.t('councils.admin.title')} nav={adminNav(ctx, '/beheer')} noindex>
      <Heading level={1}>{ctx.t('councils.admin.title')}</Heading>
      {made && (
        <SuccessNotice title={ctx.t('councils.admin.created', { name: made.name })}>
          <Paragraph>{ctx.t('councils.admin.createdNext')}</Paragraph>
          <Paragraph>
            <Link href={`/${made.slug}/werkruimte/leden?rol=secretaris#uitnodigen`}>{ctx.t('councils.admin.inviteSecretary', { name: made.name })}</Link>
          </Paragraph>
        </SuccessNotice>
      )}
      <Table
        caption={ctx.t('councils.admin.councils')}
        columns={[
          { header: ctx.t('councils.admin.name'), cell: (c: Council) => <Link href={`/${c.slug}`}>{c.name}</Link> },
          { header: ctx.t('councils.admin.kind'), cell: (c) => ctx.t(`councils.kind.${c.kind}`) },
          { header: ctx.t('nav.workspace'), cell: (c) => <Link href={`/${c.slug}/werkruimte`}>{ctx.t('councils.admin.open', { name: c.name })}</Link> },
        ]}
        rows={list}
      />
    </Page>
  );
}

export function NewCouncilPage({ ctx, errors, values }: { ctx: PageCtx; errors?: FieldErrors; values?: FormValues }) {
  const v = values ?? {};
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('councils.admin.newCouncil')} nav={adminNav(ctx, '/beheer/raden/nieuw')} hasErrors={Boolean(errors)} noindex>
      <ErrorSummary errors={errors} />
      <Heading level={1}>{t('councils.admin.newCouncil')}</Heading>
      <Form action="/beheer/raden/nieuw">
        <TextField errors={errors} name="name" label={t('councils.admin.orgName')} value={v.name} />
        <TextField errors={errors} name="slug" label={t('councils.admin.slug')} hint={t('councils.admin.slugHint')} value={v.slug} width="medium" />
        <EnumRadios
          errors={errors}
          name="kind"
          label={t('councils.admin.kind')}
          hint={t('councils.admin.kindHint')}
          value={v.kind}
          values={organisationKinds}
          prefix="councils.kind"
          hintPrefix="councils.kindHint"
        />
        <TextField errors={errors} name="advises" label={t('councils.admin.advises')} hint={t('councils.admin.advisesHint')} value={v.advises} />
        <TextField errors={errors} name="contactEmail" type="email" label={t('councils.settings.contactEmail')} value={v.contactEmail} />
        <Button>{t('form.save')}</Button>
      </Form>
    </Page>
  );
}

const statusBadge = { queued: 'warning', sent: 'success', failed: 'danger', held: 'neutral' } as const;

export function OutboxPage({ ctx, rows, page, pages }: { ctx: PageCtx; rows: OutboxRow[]; page: number; pages: number }) {
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('councils.admin.outbox')} nav={adminNav(ctx, '/beheer/postvak')} noindex>
      <Heading level={1}>{t('councils.admin.outbox')}</Heading>
      <Paragraph>{t('councils.outbox.intro')}</Paragraph>
      <Table
        caption={t('councils.admin.outbox')}
        empty={t('councils.outbox.empty')}
        columns={[
          { header: t('councils.outbox.subject'), cell: (r: OutboxRow) => <Link href={`/beheer/postvak/${r.id}`}>{subjectOf(ctx, r)}</Link> },
          { header: t('councils.outbox.to'), cell: (r) => r.toAddress },
          {
            header: t('councils.outbox.status'),
            cell: (r) => <StatusBadge status={statusBadge[r.status]}>{t(`councils.outbox.status.${r.status}`)}</StatusBadge>,
          },
          { header: t('councils.outbox.date'), cell: (r) => <DateText value={r.createdAt} time /> },
        ]}
        rows={rows}
      />
      <Pagination page={page} pages={pages} href={(n) => `/beheer/postvak?pagina=${n}`} />
    </Page>
  );
}

export function OutboxMessagePage({ ctx, row }: { ctx: PageCtx; row: OutboxRow }) {
  const t = ctx.t;
  return (
    <Page
      ctx={ctx}
      title={subjectOf(ctx, row)}
      nav={adminNav(ctx, '/beheer/postvak')}
      breadcrumbs={[
        { href: '/beheer/postvak', label: t('councils.admin.outbox') },
        { href: `/beheer/postvak/${row.id}`, label: subjectOf(ctx, row) },
      ]}
      noindex
    >
      <Heading level={1}>{subjectOf(ctx, row)}</Heading>
      <DataList
        items={[
          { key: t('councils.outbox.to'), value: row.toAddress },
          { key: t('councils.outbox.status'), value: t(`councils.outbox.status.${row.status}`) },
          { key: t('councils.outbox.date'), value: formatDateTime(row.createdAt, ctx.locale) },
          ...(row.attachments.length ? [{ key: t('councils.outbox.attachments'), value: row.attachments.map((a) => `${a.filename} (${a.contentType.split(';')[0]})`).join(', ') }] : []),
        ]}
      />
      <Heading level={2}>{t('councils.outbox.message')}</Heading>
      {row.withheld ? (
        <Paragraph>{t('mail.outbox.withheld')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('mail.outbox.linksHidden')}</Paragraph>
          <pre class="rw-mail-body">{row.body}</pre>
        </>
      )}
    </Page>
  );
}
