import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Button, DataList, Heading, Link, Paragraph, Section, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { ActionForm, CheckboxField, ChooseOneForm, Form, TextArea, TextField } from '../../../ui/components/form.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { policyFields, type AdviceRef } from '../../advice/index.ts';
import type { ExperienceView } from '../network.experiences.ts';
import { basisCounts } from '../network.rules.ts';
import { NetworkPage, networkPath, OptionalChoice, type FormState, type Props } from './common.tsx';

export const experiencesPath = (council: Pick<Council, 'slug'>) => `${networkPath(council)}/ervaringen`;

/** The first words of a text, for a table cell. */
const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function ExperienceTable({ ctx: given, council, rows, empty, caption }: { ctx?: PageCtx; council: Pick<Council, 'slug'>; rows: ExperienceView[]; empty: string; caption?: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Table
      caption={caption ?? t('network.exp.title')}
      empty={empty}
      rows={rows}
      columns={[
        { header: t('network.exp.col.text'), cell: (e) => <Link href={`${experiencesPath(council)}/${e.id}`}>{excerpt(e.text)}</Link> },
        { header: t('network.exp.col.date'), cell: (e) => formatDate(e.createdAt, ctx.locale) },
        { header: t('network.exp.col.source'), cell: (e) => e.consultationTopic ?? t(`network.exp.source.${e.source}`) },
        { header: t('network.exp.policyField'), cell: (e) => (e.policyField ? t(`advice.policyField.${e.policyField}`) : '-') },
      ]}
    />
  );
}

export function ExperiencesPage({ ctx, council, rows, mayRecord }: Props & { rows: ExperienceView[]; mayRecord: boolean }) {
  const t = ctx.t;
  const path = experiencesPath(council);
  return (
    <NetworkPage title={t('network.exp.title')} href={path} intro={t('network.exp.intro')} add={mayRecord && t('network.exp.add.title')}>
      <ExperienceTable council={council} rows={rows} empty={t('network.exp.none')} />
    </NetworkPage>
  );
}

type ConsultationChoice = { id: string; topic: string };

/** The fields of an experience; the public form and the workspace form share them. */
export function ExperienceFields({ ctx: given, values, errors, consultations }: { ctx?: PageCtx; values?: FormValues; errors?: FieldErrors; consultations: ConsultationChoice[] }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <TextArea name="text" label={t('network.exp.text')} hint={t('network.exp.textHint')} value={values?.text} errors={errors} />
      <OptionalChoice
        ctx={ctx}
        name="policyField"
        label={t('network.exp.policyField')}
        none={t('network.exp.noPolicyField')}
        options={policyFields.map((p) => ({ value: p, label: t(`advice.policyField.${p}`) }))}
        values={values}
        errors={errors}
      />
      <TextField name="targetGroup" label={t('network.exp.targetGroup')} optional value={values?.targetGroup} errors={errors} />
      <TextField name="area" label={t('network.exp.area')} optional value={values?.area} errors={errors} />
      <OptionalChoice
        ctx={ctx}
        name="consultationId"
        label={t('network.exp.consultation')}
        none={t('network.exp.noConsultation')}
        options={consultations.map((c) => ({ value: c.id, label: c.topic }))}
        values={values}
        errors={errors}
      />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="contact-hint">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('network.share.contactLegend')}</legend>
        <p class="utrecht-form-field-description" id="contact-hint">
          {t('network.share.contactHint')}
        </p>
        <TextField name="name" label={t('network.exp.name')} optional autocomplete="name" value={values?.name} errors={errors} />
        <TextField name="email" type="email" label={t('network.exp.email')} optional autocomplete="email" value={values?.email} errors={errors} />
        <CheckboxField name="wantsFeedback" label={t('network.exp.wantsFeedback')} checked={values?.wantsFeedback === 'ja'} errors={errors} />
      </fieldset>
    </>
  );
}

export function ExperienceFormPage({ ctx, council, consultations, errors, values }: Props & FormState & { consultations: ConsultationChoice[] }) {
  const t = ctx.t;
  const path = experiencesPath(council);
  return (
    <NetworkPage title={t('network.exp.add.title')} href={`${path}/nieuw`} parent={{ href: path, label: t('network.exp.title') }} errors={errors}>
      <Form action={`${path}/nieuw`}>
        <ExperienceFields values={values} errors={errors} consultations={consultations} />
        <Button variant="primary">{t('network.exp.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

type Detail = {
  view: ExperienceView;
  advice: AdviceRef | null;
  may: { link: boolean; contact: boolean };
  erased: boolean;
};

export function ExperiencePage({
  ctx,
  council,
  detail,
  advices,
  contact,
  errors,
  notice,
}: Props & { detail: Detail; advices: AdviceRef[]; contact?: { name: string | null; email: string | null; erased: boolean } | null; errors?: FieldErrors; notice?: string }) {
  const t = ctx.t;
  const path = experiencesPath(council);
  const e = detail.view;
  const href = `${path}/${e.id}`;
  return (
    <NetworkPage title={t('network.exp.detail', { date: formatDate(e.createdAt, ctx.locale) })} href={href} parent={{ href: path, label: t('network.exp.title') }} errors={errors} notice={notice}>
      {detail.erased ? (
        <Paragraph>{t('network.exp.erased')}</Paragraph>
      ) : (
        <>
          <TextBlock text={e.text} />
          <DataList
            items={[
              { key: t('network.exp.policyField'), value: e.policyField ? t(`advice.policyField.${e.policyField}`) : '-' },
              { key: t('network.exp.targetGroup'), value: e.targetGroup || '-' },
              { key: t('network.exp.area'), value: e.area || '-' },
              {
                key: t('network.exp.col.source'),
                value: e.consultationId ? <Link href={`${networkPath(council)}/raadplegingen/${e.consultationId}`}>{e.consultationTopic}</Link> : t(`network.exp.source.${e.source}`),
              },
              {
                key: t('network.exp.col.advice'),
                value: detail.advice ? <Link href={`/${council.slug}/werkruimte/adviezen/${detail.advice.id}`}>{`${detail.advice.reference} ${detail.advice.subject}`}</Link> : '-',
              },
            ]}
          />
        </>
      )}
      {detail.may.link && !detail.erased && (
        <Section id="advies" title={t('network.exp.link')}>
          <ChooseOneForm
            action={`${href}/advies`}
            name="adviceId"
            label={t('network.exp.adviceField')}
            errors={errors}
            value={detail.advice?.id ?? ''}
            options={[{ value: '', label: t('network.exp.noAdvice') }, ...advices.map((a) => ({ value: a.id, label: `${a.reference} ${a.subject}` }))]}
            button={t('network.exp.linkButton')}
          />
        </Section>
      )}
      {detail.may.contact && e.hasContact && (
        <Section id="contact" title={t('network.exp.contact')}>
          {contact ? (
            <DataList
              items={[
                { key: t('network.exp.name'), value: contact.name ?? '-' },
                { key: t('network.exp.email'), value: contact.email ?? '-' },
              ]}
            />
          ) : (
            <ActionForm action={`${href}/contactgegevens`} button={t('network.exp.showContact')} hint={t('network.exp.contactHint')} />
          )}
        </Section>
      )}
      {detail.may.contact && !detail.erased && <ActionForm action={`${href}/wissen`} button={t('network.exp.erase')} hint={t('network.exp.eraseHint')} danger />}
    </NetworkPage>
  );
}

/** On an advice's page: what it was based on, and the experiences (for members, without personal details). */
export function ExperiencesOfAdvice({ ctx: given, council, rows }: { ctx?: PageCtx; council: Pick<Council, 'slug'>; rows: ExperienceView[] }) {
  const ctx = usePageCtx(given);
  const counts = basisCounts(rows);
  return (
    <section aria-labelledby="ervaringen">
      <Heading level={2} id="ervaringen">
        {ctx.t('network.advice.title')}
      </Heading>
      <Paragraph>{ctx.t('network.advice.basis', { n: counts.experiences, m: counts.consultations })}</Paragraph>
      <ul class="utrecht-unordered-list">
        {rows.map((e) => (
          <li class="utrecht-unordered-list__item">
            <Link href={`${experiencesPath(council)}/${e.id}`}>{excerpt(e.text, 100)}</Link>
            {e.consultationTopic ? ` (${e.consultationTopic})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
