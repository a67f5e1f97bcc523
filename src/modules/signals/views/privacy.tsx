import { Heading, Paragraph, Link, Button, Table, Alert, DataList, Section } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, CheckboxField, NumberField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import type { Signal } from '../signals.schema.ts';
import type { AccessLogRow, Contact } from '../signals.privacy.ts';
import type { EffectiveSettings, Template } from '../signals.settings.ts';
import { SignalsPage, signalsPath, type Props } from './signals.tsx';
import { DateText } from '../../../ui/components/date-text.tsx';

/** The contact details, after the explicit request that was logged. */
export function ContactPage({ ctx, council, signal, contact }: Props & { signal: Signal; contact: Contact | null }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/${signal.id}`;
  const title = t('signals.contact.title', { reference: signal.reference });
  return (
    <SignalsPage title={title} href={path}>
      <Alert type="info">
        <Paragraph>{t('signals.contact.loggedDone')}</Paragraph>
      </Alert>
      {!contact || contact.erasedAt ? (
        <Paragraph>{t('signals.detail.noContact')}</Paragraph>
      ) : (
        <>
          {contact.unreadable && (
            <Alert type="error">
              <Paragraph>{t('signals.contact.unreadable')}</Paragraph>
            </Alert>
          )}
          <DataList
            items={[
              { key: t('signals.field.name'), value: contact.name ?? '-' },
              { key: t('signals.field.email'), value: contact.email ?? '-' },
              { key: t('signals.field.phone'), value: contact.phone ?? '-' },
              { key: t('signals.contact.consentAt'), value: signal.consentAt ? formatDateTime(signal.consentAt, ctx.locale) : '-' },
            ]}
          />
        </>
      )}
      <Paragraph>
        <Link href={path}>{t('signals.contact.back', { reference: signal.reference })}</Link>
      </Paragraph>
    </SignalsPage>
  );
}

export function AccessLogPage({ ctx, council, rows }: Props & { rows: AccessLogRow[] }) {
  const t = ctx.t;
  const list = signalsPath(council);
  const title = t('signals.accessLog.title');
  return (
    <SignalsPage title={title} href={`${list}/toegangslog`} intro={t('signals.accessLog.intro')}>
      <Table
        caption={t('signals.accessLog.caption')}
        empty={t('signals.accessLog.empty')}
        rows={rows}
        columns={[
          { header: t('signals.detail.when'), cell: (r) => <DateText value={r.at} time /> },
          { header: t('signals.detail.who'), cell: (r) => r.who ?? '-' },
          { header: t('signals.detail.what'), cell: (r) => t(`signals.access.${r.kind}`) },
          { header: t('signals.field.reference'), cell: (r) => (r.signalId ? <Link href={`${list}/${r.signalId}`}>{r.reference}</Link> : r.reference) },
        ]}
      />
    </SignalsPage>
  );
}

/** Access request: the secretary enters the reference number and downloads everything as JSON. */
export function ExportPage({ ctx, council, errors, values }: Props & { errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/inzage`;
  const title = t('signals.export.title');
  return (
    <SignalsPage title={title} href={path} errors={errors} intro={t('signals.export.intro')}>
      <Form action={path}>
        <TextField errors={errors} name="reference" label={t('signals.field.reference')} hint={t('signals.export.referenceHint')} value={values?.reference} width="short" />
        <Button>{t('signals.export.button')}</Button>
      </Form>
    </SignalsPage>
  );
}

export function EraseConfirmPage({ ctx, council, signal, errors }: Props & { signal: Signal; errors?: FieldErrors }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/${signal.id}`;
  const title = t('signals.erase.titleFor', { reference: signal.reference });
  return (
    <SignalsPage title={title} href={`${path}/wissen`} errors={errors} intro={t('signals.erase.intro')}>
      <Form action={`${path}/wissen`}>
        <CheckboxField errors={errors} name="confirm" label={t('signals.erase.confirm')} />
        <Button danger>{t('signals.erase.button')}</Button>
      </Form>
      <Paragraph>
        <Link href={path}>{t('signals.contact.back', { reference: signal.reference })}</Link>
      </Paragraph>
    </SignalsPage>
  );
}

export type RetentionRun = { at: Date; data: Record<string, unknown> | null };

export function SettingsPage({
  ctx,
  council,
  settings,
  templates,
  runs,
  errors,
  values,
  saved,
}: Props & { settings: EffectiveSettings; templates: Template[]; runs: RetentionRun[]; errors?: FieldErrors; values?: FormValues; saved?: boolean }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/instellingen`;
  const title = t('signals.settings.title');
  const v = values ?? {};
  const num = (k: keyof EffectiveSettings) => v[k] ?? String(settings[k]);
  const numberField = (name: keyof EffectiveSettings, label: string, hint?: string) => <NumberField errors={errors} name={name} label={label} hint={hint} value={num(name)} />;
  return (
    <SignalsPage title={title} href={path} errors={errors} notice={saved ? t('signals.notice.saved') : undefined}>
      <Form action={path}>
        <Heading level={2}>{t('signals.settings.threshold')}</Heading>
        <Paragraph>{t('signals.settings.thresholdIntro')}</Paragraph>
        {numberField('thresholdCount', t('signals.settings.thresholdCount'))}
        {numberField('thresholdSources', t('signals.settings.thresholdSources'), t('signals.settings.thresholdSourcesHint'))}
        {numberField('thresholdMonths', t('signals.settings.thresholdMonths'))}
        <Heading level={2}>{t('signals.settings.retention')}</Heading>
        <Paragraph>{t('signals.settings.retentionIntro')}</Paragraph>
        {numberField('contactRetentionMonths', t('signals.settings.contactRetention'), t('signals.settings.contactRetentionHint'))}
        {numberField('textRetentionMonths', t('signals.settings.textRetention'), t('signals.settings.textRetentionHint'))}
        <Button>{t('signals.settings.save')}</Button>
      </Form>

      <Section id="berichten" title={t('signals.settings.templates')} intro={t('signals.settings.templatesIntro')}>
        {templates.map((tpl) => (
          <Form action={`${path}/bericht/${tpl.status}`}>
            <Heading level={3}>{t(`signals.settings.template.${tpl.status}`)}</Heading>
            <TextField errors={errors} name={`subject-${tpl.status}`} label={t('signals.settings.subject')} value={v[`subject-${tpl.status}`] ?? tpl.subject} />
            <TextArea errors={errors} name={`body-${tpl.status}`} label={t('signals.settings.body')} hint={t('signals.settings.bodyHint')} value={v[`body-${tpl.status}`] ?? tpl.body} rows={8} />
            <Button variant="secondary">{t('signals.settings.saveTemplate')}</Button>
          </Form>
        ))}
      </Section>

      <Section id="opschonen" title={t('signals.settings.runs')}>
        <Table
          caption={t('signals.settings.runsCaption')}
          empty={t('signals.settings.runsEmpty')}
          rows={runs}
          columns={[
            { header: t('signals.detail.when'), cell: (r) => <DateText value={r.at} /> },
            { header: t('signals.settings.contactsRemoved'), cell: (r) => String(r.data?.contactsRemoved ?? 0), numeric: true },
            { header: t('signals.settings.textsAnonymised'), cell: (r) => String(r.data?.textsAnonymised ?? 0), numeric: true },
          ]}
        />
      </Section>
    </SignalsPage>
  );
}
