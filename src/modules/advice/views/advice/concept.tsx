/** Step 3: the concept advice: its texts and recommendations, and the approval round that puts it to the members. */
import { Heading, Paragraph, Button } from '../../../../ui/components/basics.tsx';
import { Form, TextArea, TextField } from '../../../../ui/components/form.tsx';
import { AddRecommendation, AdviceTexts, Recommendations, type StepProps } from './shared.tsx';
import { checkPlainLanguage } from '../../../../ui/plain-language.ts';
import { PlainLanguageAdvice } from '../../../../ui/components/plain-language.tsx';
import { markdownText } from '../../../../ui/markdown.ts';

export function ConceptStep({ ctx, council, detail, path, errors, values }: StepProps) {
  const t = ctx.t;
  const { advice, may } = detail;
  const v = values ?? {};
  return (
    <>
      <Heading level={3}>{t('advice.detail.texts')}</Heading>
      {may.editTexts ? (
        <Form action={`${path}/tekst`}>
          <TextArea errors={errors} name="introduction" label={t('advice.detail.introduction')} hint={t('richText.hint')} value={v.introduction ?? advice.introduction} optional rows={6} />
          <TextArea errors={errors} name="explanation" label={t('advice.detail.explanation')} hint={t('richText.hint')} value={v.explanation ?? advice.explanation} optional rows={10} />
          <Button variant="secondary">{t('advice.texts.button')}</Button>
        </Form>
      ) : (
        <AdviceTexts advice={advice} />
      )}
      {/* The B1 check of the saved texts, as advice to the writers (issue 11, point 3); it never blocks. */}
      {may.editTexts && <PlainLanguageAdvice report={checkPlainLanguage(markdownText(`${advice.introduction}\n\n${advice.explanation}`))} />}
      <Heading level={3}>{t('advice.detail.recommendations')}</Heading>
      <Recommendations path={path} recommendations={detail.recommendations} sent={false} editable={may.editTexts} />
      {may.editTexts && <AddRecommendation ctx={ctx} path={path} errors={errors} values={values} />}
      {may.openApproval && (
        <>
          <Heading level={3}>{t('advice.approval.title')}</Heading>
          <Paragraph>{t('advice.approval.intro')}</Paragraph>
          <Paragraph>{t(`advice.approval.rule.${council.adviceApprovalRule}`)}</Paragraph>
          <Form action={`${path}/stemronde`}>
            <TextField errors={errors} name="closesOn" type="date" label={t('advice.approval.closesOn')} hint={t('advice.field.neededByHint')} value={v.closesOn} width="short" />
            <TextField errors={errors} name="closesTime" label={t('advice.approval.closesTime')} hint={t('advice.approval.closesTimeHint')} value={v.closesTime ?? '17:00'} width="short" />
            <Button>{t('advice.approval.button')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
