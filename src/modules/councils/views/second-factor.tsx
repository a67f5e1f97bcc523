import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Button, Heading, Paragraph } from '../../../ui/components/basics.tsx';
import { Form, ErrorSummary, SuccessNotice, TextField, TextArea } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { adminNav } from './admin.tsx';

export const SECOND_FACTOR_PATH = '/beheer/tweestapsverificatie';

/** The administrator's form to turn off a user's second factor. */
export function SecondFactorResetPage({ ctx, errors, values, done }: { ctx: PageCtx; errors?: FieldErrors; values?: FormValues; done?: string }) {
  const t = ctx.t;
  const v = values ?? {};
  return (
    <Page ctx={ctx} title={t('councils.admin.mfa.title')} nav={adminNav(ctx, SECOND_FACTOR_PATH)} hasErrors={Boolean(errors)} noindex>
      <ErrorSummary errors={errors} />
      <Heading level={1}>{t('councils.admin.mfa.title')}</Heading>
      {done && (
        <SuccessNotice title={t('councils.admin.mfa.done', { email: done })}>
          <Paragraph>{t('councils.admin.mfa.doneNext')}</Paragraph>
        </SuccessNotice>
      )}
      <Paragraph>{t('councils.admin.mfa.intro')}</Paragraph>
      <Form action={SECOND_FACTOR_PATH}>
        <TextField errors={errors} name="email" type="email" autocomplete="off" label={t('councils.admin.mfa.email')} hint={t('councils.admin.mfa.emailHint')} value={v.email} />
        <TextArea errors={errors} name="reason" label={t('councils.admin.mfa.reason')} hint={t('councils.admin.mfa.reasonHint')} value={v.reason} rows={3} />
        <Button>{t('councils.admin.mfa.submit')}</Button>
      </Form>
    </Page>
  );
}
