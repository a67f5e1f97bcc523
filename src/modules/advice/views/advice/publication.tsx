/** Who may read the advice in the public register, and from when (the board decides). */
import { formatDate } from '../../../../core/i18n/index.ts';
import { Paragraph, Button } from '../../../../ui/components/basics.tsx';
import { Form, TextArea, TextField } from '../../../../ui/components/form.tsx';
import { publications } from '../../advice.schema.ts';
import type { StepProps } from './shared.tsx';
import { EnumRadios } from '../../../../ui/components/choice.tsx';

export function PublicationPage({ ctx, detail, path, errors, values }: StepProps) {
  const t = ctx.t;
  const { advice, may } = detail;
  const v = values ?? {};
  if (!may.publication) {
    return (
      <Paragraph>
        {t(`advice.publication.${advice.publication}`)}
        {advice.publication === 'public_after' && advice.publishAfter && <> ({formatDate(advice.publishAfter, ctx.locale)})</>}
      </Paragraph>
    );
  }
  return (
    <Form action={`${path}/publicatie`}>
      <Paragraph>{t('advice.publication.intro')}</Paragraph>
      <EnumRadios errors={errors} name="publication" label={t('advice.publication.choice')} value={v.publication ?? advice.publication} values={publications} prefix="advice.publication" />
      <TextArea
        errors={errors}
        name="publicationGround"
        label={t('advice.publication.ground')}
        hint={t('advice.publication.groundHint')}
        value={v.publicationGround ?? advice.publicationGround}
        rows={3}
        optional
      />
      <TextField
        errors={errors}
        name="publishAfter"
        type="date"
        label={t('advice.publication.after')}
        hint={t('advice.field.neededByHint')}
        value={v.publishAfter ?? advice.publishAfter ?? ''}
        optional
        width="short"
      />
      <Button variant="secondary">{t('advice.publication.button')}</Button>
    </Form>
  );
}
