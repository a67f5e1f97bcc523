/** Step 6: the answer of the municipality, per recommendation. */
import { formatDate } from '../../../../core/i18n/index.ts';
import { Paragraph, Link, Button, Alert, DataList } from '../../../../ui/components/basics.tsx';
import { Form, TextArea } from '../../../../ui/components/form.tsx';
import { answers } from '../../advice.schema.ts';
import { Recommendations, type StepProps } from './shared.tsx';
import { EnumSelect } from '../../../../ui/components/choice.tsx';

export function AnswerStep({ ctx, detail, path, errors, values }: StepProps) {
  const t = ctx.t;
  const { advice, may, recommendations } = detail;
  const v = values ?? {};
  if (!advice.sentAt) return <Paragraph>{t('advice.steps.later')}</Paragraph>;
  return (
    <>
      <DataList items={[{ key: t('advice.detail.answerDueOn'), value: advice.answerDueOn ? formatDate(advice.answerDueOn, ctx.locale) : '-' }]} />
      {detail.overdue && advice.answerDueOn && (
        <Alert type="warning">
          <Paragraph>{t('advice.detail.overdue', { date: formatDate(advice.answerDueOn, ctx.locale) })}</Paragraph>
          {may.readFollowUpLetter && (
            <Paragraph>
              <Link href={`${path}/herinneringsbrief`}>{t('advice.detail.followUpLetter')}</Link>
            </Paragraph>
          )}
        </Alert>
      )}
      {may.answer && recommendations.length > 0 ? (
        <Form action={`${path}/antwoorden`}>
          <Paragraph>{t('advice.answers.intro')}</Paragraph>
          {recommendations.map((r) => (
            <>
              <EnumSelect
                errors={errors}
                name={`answer-${r.id}`}
                label={t('advice.answers.answer', { n: r.number })}
                hint={r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text}
                value={v[`answer-${r.id}`] ?? r.answer}
                values={answers}
                prefix="advice.answer"
              />
              <TextArea errors={errors} name={`reason-${r.id}`} label={t('advice.answers.reason', { n: r.number })} value={v[`reason-${r.id}`] ?? r.answerReason} optional rows={3} />
            </>
          ))}
          <Button>{t('advice.answers.button')}</Button>
        </Form>
      ) : (
        <Recommendations path={path} recommendations={recommendations} sent />
      )}
      {may.addDocuments.includes('answer_letter') && (
        <Paragraph>
          <Link href={`${path}?stap=documenten`}>{t('advice.answers.letterLink')}</Link>
        </Paragraph>
      )}
    </>
  );
}
