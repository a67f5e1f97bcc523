/** What is known of a signal: its text, area, source, theme, outcome, advice and whether contact details are kept. */
import { DataList, Link, Section, TextBlock } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import { formatDate } from '../../../../core/i18n/index.ts';
import type { SignalPart } from './part.ts';

export function SignalOverview({ ctx, detail, path, list, councilSlug }: SignalPart) {
  const { signal } = detail;
  const t = ctx.t;
  const none = t('signals.detail.none');
  const source = t(`signals.source.${signal.source}`);
  return (
    <Section id="gegevens" title={t('signals.detail.overview')}>
      <DataList
        items={[
          {
            key: t('signals.field.description'),
            value: signal.anonymisedAt ? <em>{t('signals.detail.anonymisedText')}</em> : <TextBlock text={signal.description} />,
          },
          { key: t('signals.field.area'), value: t(`signals.area.${signal.area}`) },
          { key: t('signals.field.since'), value: t(`signals.since.${signal.since}`) },
          { key: t('signals.field.peopleCount'), value: signal.peopleCount === null ? t('signals.detail.unknown') : String(signal.peopleCount) },
          { key: t('signals.field.source'), value: signal.sourceDetail ? `${source} (${signal.sourceDetail})` : source },
          ...(detail.recordedBy ? [{ key: t('signals.detail.recordedBy'), value: detail.recordedBy }] : []),
          { key: t('signals.field.createdAt'), value: formatDate(signal.createdAt, ctx.locale) },
          { key: t('signals.field.theme'), value: detail.theme?.name ?? none },
          { key: t('signals.field.policyField'), value: signal.policyField ? t(`advice.policyField.${signal.policyField}`) : none },
          ...(detail.duplicateOf ? [{ key: t('signals.detail.duplicateOf'), value: <Link href={`${list}/${detail.duplicateOf.id}`}>{detail.duplicateOf.reference}</Link> }] : []),
          ...(signal.outcome ? [{ key: t('signals.field.outcome'), value: t(`signals.outcome.${signal.outcome}`) + (signal.outcomeNote ? `: ${signal.outcomeNote}` : '') }] : []),
          ...(signal.closedAt ? [{ key: t('signals.detail.closedAt'), value: formatDate(signal.closedAt, ctx.locale) }] : []),
          {
            key: t('signals.detail.advice'),
            value: detail.advice ? <Link href={`/${councilSlug}/werkruimte/adviezen/${detail.advice.id}`}>{`${detail.advice.reference}: ${detail.advice.subject}`}</Link> : none,
          },
          { key: t('signals.detail.contact'), value: detail.contactStored ? t('signals.detail.contactStored') : t('signals.detail.noContact') },
        ]}
      />
      {detail.may.viewContact && <ActionForm action={`${path}/contactgegevens`} hint={t('signals.contact.logged')} button={t('signals.contact.show')} />}
    </Section>
  );
}
