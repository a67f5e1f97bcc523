/** Step 5: the letter, and sending it to the addressee. */
import { formatDate } from '../../../../core/i18n/index.ts';
import { Paragraph, ButtonLink, ButtonGroup, DataList } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import type { StepProps } from './shared.tsx';

export function SendingStep({ ctx, council, detail, path }: StepProps) {
  const t = ctx.t;
  const { advice, may } = detail;
  const to = advice.addresseeEmail || council.contactEmail;
  if (!may.readLetter) return <Paragraph>{t('advice.steps.later')}</Paragraph>;
  return (
    <>
      <ButtonGroup>
        <ButtonLink href={`${path}/brief`} variant="secondary">
          {t('advice.detail.letter')}
        </ButtonLink>
        <ButtonLink href={`${path}/brief.pdf`} variant="secondary">
          {t('advice.detail.letterPdf')}
        </ButtonLink>
      </ButtonGroup>
      {may.send && <ActionForm action={`${path}/versturen`} hint={t('advice.send.hint', { to })} button={t('advice.send.button')} variant="primary" />}
      {advice.sentAt && (
        <DataList
          items={[
            { key: t('advice.detail.sentAt'), value: formatDate(advice.sentAt, ctx.locale) },
            { key: t('advice.detail.addresseeEmail'), value: to },
          ]}
        />
      )}
    </>
  );
}
