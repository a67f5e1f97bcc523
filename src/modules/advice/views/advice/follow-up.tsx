/** Step 7: what the municipality did with each adopted recommendation, and when to look again. */
import { Paragraph, Button } from '../../../../ui/components/basics.tsx';
import { Form, SelectField, TextArea, TextField } from '../../../../ui/components/form.tsx';
import { Recommendations, type StepProps } from './shared.tsx';

export function FollowUpStep({ ctx, detail, path, errors, values }: StepProps) {
  const t = ctx.t;
  const { advice, may, recommendations } = detail;
  const v = values ?? {};
  if (!advice.sentAt) return <Paragraph>{t('advice.steps.later')}</Paragraph>;
  const followUpRecs = recommendations.filter((r) => r.answer === 'adopted' || r.answer === 'partly');
  return (
    <>
      <Recommendations path={path} recommendations={recommendations} sent />
      {may.followUp && (
        <Form action={`${path}/opvolging`}>
          <Paragraph>{t('advice.followUp.intro')}</Paragraph>
          <SelectField
            errors={errors}
            name="recommendationId"
            label={t('advice.followUp.recommendation')}
            value={v.recommendationId}
            options={followUpRecs.map((r) => ({ value: r.id, label: `${r.number}. ${r.text.slice(0, 80)}` }))}
          />
          <TextArea errors={errors} name="followUp" label={t('advice.followUp.text')} value={v.followUp} rows={4} />
          <TextField errors={errors} name="reviewOn" type="date" label={t('advice.followUp.reviewOn')} hint={t('advice.field.neededByHint')} value={v.reviewOn} optional width="short" />
          <Button variant="secondary">{t('advice.followUp.button')}</Button>
        </Form>
      )}
    </>
  );
}
