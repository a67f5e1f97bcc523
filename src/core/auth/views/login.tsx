import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { ErrorSummary, Form, TextField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../http/forms.ts';

/** Carries the safe return path through a form. */
export function ReturnField({ terug }: { terug: string | null }) {
  return terug ? <input type="hidden" name="terug" value={terug} /> : null;
}

export function withReturn(path: string, terug: string | null): string {
  return terug ? `${path}?terug=${encodeURIComponent(terug)}` : path;
}

export function LoginPage(props: { ctx: PageCtx; terug: string | null; errors?: FieldErrors; values?: FormValues; throttled?: boolean }) {
  const { ctx, errors, values, throttled } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.login.title')} hasErrors={Boolean(throttled || (errors && Object.keys(errors).length))}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {throttled && (
        <Alert type="error" title={t('auth.login.throttledTitle')} role="alert">
          <Paragraph>{t('auth.login.throttled')}</Paragraph>
        </Alert>
      )}
      <Heading level={1}>{t('auth.login.title')}</Heading>
      <Paragraph>{t('auth.login.intro')}</Paragraph>
      <Form ctx={ctx} action={withReturn('/inloggen', props.terug)}>
        <ReturnField terug={props.terug} />
        <TextField ctx={ctx} name="email" type="email" label={t('auth.field.email')} autocomplete="username" value={values?.email} errors={errors} />
        <TextField ctx={ctx} name="password" type="password" label={t('auth.field.password')} autocomplete="current-password" errors={errors} />
        <Button>{t('auth.login.submit')}</Button>
      </Form>
      <Paragraph>
        <Link href="/wachtwoord-vergeten">{t('auth.login.forgot')}</Link>
      </Paragraph>
      <Paragraph>{t('auth.login.noAccount')}</Paragraph>
    </Page>
  );
}

export function CodePage(props: { ctx: PageCtx; terug: string | null; errors?: FieldErrors; throttled?: boolean }) {
  const { ctx, errors, throttled } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.code.title')} hasErrors={Boolean(throttled || (errors && Object.keys(errors).length))}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {throttled && (
        <Alert type="error" title={t('auth.login.throttledTitle')} role="alert">
          <Paragraph>{t('auth.code.throttled')}</Paragraph>
        </Alert>
      )}
      <Heading level={1}>{t('auth.code.title')}</Heading>
      <Paragraph>{t('auth.code.intro')}</Paragraph>
      <Form ctx={ctx} action="/inloggen/code">
        <ReturnField terug={props.terug} />
        <TextField
          ctx={ctx}
          name="code"
          label={t('auth.field.loginCode')}
          hint={t('auth.field.loginCodeHint')}
          autocomplete="one-time-code"
          width="short"
          errors={errors}
        />
        <Button>{t('auth.code.submit')}</Button>
      </Form>
      <Form ctx={ctx} action="/uitloggen" class="rw-form rw-form--secondary">
        <Button variant="subtle">{t('auth.code.cancel')}</Button>
      </Form>
    </Page>
  );
}
