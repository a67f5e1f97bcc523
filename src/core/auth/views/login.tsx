import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Button, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { Form, TextField } from '../../../ui/components/form.tsx';
import { AuthTop, showsErrors } from './top.tsx';
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
    <Page ctx={ctx} title={t('auth.login.title')} hasErrors={showsErrors(errors, throttled)}>
      <AuthTop ctx={ctx} title={t('auth.login.title')} errors={errors} throttled={throttled ? t('auth.login.throttled') : undefined} intro={t('auth.login.intro')} />
      <Form action={withReturn('/inloggen', props.terug)}>
        <ReturnField terug={props.terug} />
        <TextField name="email" type="email" label={t('auth.field.email')} autocomplete="username" value={values?.email} errors={errors} />
        <TextField name="password" type="password" label={t('auth.field.password')} autocomplete="current-password" errors={errors} />
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
    <Page ctx={ctx} title={t('auth.code.title')} hasErrors={showsErrors(errors, throttled)}>
      <AuthTop ctx={ctx} title={t('auth.code.title')} errors={errors} throttled={throttled ? t('auth.code.throttled') : undefined} intro={t('auth.code.intro')} />
      <Form action="/inloggen/code">
        <ReturnField terug={props.terug} />
        <TextField name="code" label={t('auth.field.loginCode')} hint={t('auth.field.loginCodeHint')} autocomplete="one-time-code" width="short" errors={errors} />
        <Button>{t('auth.code.submit')}</Button>
      </Form>
      <CancelSignIn ctx={ctx} />
    </Page>
  );
}

/** Stop signing in halfway (the code or two-step step): signs out. */
export function CancelSignIn({ ctx }: { ctx: PageCtx }) {
  return (
    <Form action="/uitloggen" class="rw-form rw-form--secondary">
      <Button variant="subtle">{ctx.t('auth.code.cancel')}</Button>
    </Form>
  );
}
