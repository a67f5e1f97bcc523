import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Alert, Button, ButtonLink, Heading, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { Form, TextField } from '../../../ui/components/form.tsx';
import { AuthTop, showsErrors } from './top.tsx';
import type { FieldErrors, FormValues } from '../../http/forms.ts';

function NewPasswordFields({ ctx: given, errors, email, firstLabel }: { ctx?: PageCtx; errors?: FieldErrors; email?: string; firstLabel: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      {email && <input type="text" name="username" value={email} autocomplete="username" hidden />}
      <TextField name="newPassword" type="password" label={firstLabel} hint={t('auth.field.newPasswordHint')} autocomplete="new-password" errors={errors} />
      <TextField name="newPasswordRepeat" type="password" label={t('auth.field.repeatPassword')} autocomplete="new-password" errors={errors} />
    </>
  );
}

export function ForgotPage(props: { ctx: PageCtx; errors?: FieldErrors; values?: FormValues }) {
  const { ctx, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.forgot.title')} hasErrors={showsErrors(errors)}>
      <AuthTop ctx={ctx} title={t('auth.forgot.title')} errors={errors} intro={t('auth.forgot.intro')} />
      <Form action="/wachtwoord-vergeten">
        <TextField name="email" type="email" label={t('auth.field.email')} autocomplete="username" value={props.values?.email} errors={errors} />
        <Button>{t('auth.forgot.submit')}</Button>
      </Form>
      <Paragraph>
        <Link href="/inloggen">{t('auth.reset.loginLink')}</Link>
      </Paragraph>
    </Page>
  );
}

/** The page after a step is done: the title and what happened as a status message, then the way on. */
function DonePage({ ctx, title, body, noindex, children }: { ctx: PageCtx; title: string; body: string; noindex?: boolean; children: ComponentChildren }) {
  return (
    <Page ctx={ctx} title={title} noindex={noindex}>
      <Alert type="ok" role="status">
        <Heading level={1}>{title}</Heading>
        <Paragraph>{body}</Paragraph>
      </Alert>
      {children}
    </Page>
  );
}

export function ForgotSentPage({ ctx }: { ctx: PageCtx }) {
  const t = ctx.t;
  return (
    <DonePage ctx={ctx} title={t('auth.forgot.sentTitle')} body={t('auth.forgot.sentBody')}>
      <Paragraph>{t('auth.forgot.sentNoMail')}</Paragraph>
      <Paragraph>
        <Link href="/wachtwoord-vergeten">{t('auth.forgot.again')}</Link>
      </Paragraph>
    </DonePage>
  );
}

export function ResetPage(props: { ctx: PageCtx; action: string; email: string; errors?: FieldErrors }) {
  const { ctx, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.reset.title')} hasErrors={showsErrors(errors)} noindex>
      <AuthTop ctx={ctx} title={t('auth.reset.title')} errors={errors} intro={t('auth.reset.intro')} />
      <Form action={props.action}>
        <NewPasswordFields errors={errors} email={props.email} firstLabel={t('auth.field.newPassword')} />
        <Button>{t('auth.reset.submit')}</Button>
      </Form>
    </Page>
  );
}

export function ResetDonePage({ ctx }: { ctx: PageCtx }) {
  const t = ctx.t;
  return (
    <DonePage ctx={ctx} title={t('auth.reset.doneTitle')} body={t('auth.reset.doneBody')} noindex>
      <Paragraph>
        <ButtonLink href="/inloggen">{t('auth.reset.loginLink')}</ButtonLink>
      </Paragraph>
    </DonePage>
  );
}

export function InvalidTokenPage(props: { ctx: PageCtx; body: string; linkHref: string; linkLabel: string }) {
  const t = props.ctx.t;
  return (
    <Page ctx={props.ctx} title={t('auth.token.invalidTitle')} noindex>
      <Heading level={1}>{t('auth.token.invalidTitle')}</Heading>
      <Paragraph>{props.body}</Paragraph>
      <Paragraph>
        <Link href={props.linkHref}>{props.linkLabel}</Link>
      </Paragraph>
    </Page>
  );
}

export function InvitationPage(props: { ctx: PageCtx; action: string; councilName: string; userName: string; email: string; errors?: FieldErrors }) {
  const { ctx, errors } = props;
  const t = ctx.t;
  const title = t('auth.invite.title', { council: props.councilName });
  return (
    <Page ctx={ctx} title={title} hasErrors={showsErrors(errors)} noindex>
      <AuthTop ctx={ctx} title={title} errors={errors} intro={t('auth.invite.intro', { name: props.userName, council: props.councilName })} />
      <Form action={props.action}>
        <NewPasswordFields errors={errors} email={props.email} firstLabel={t('auth.field.choosePassword')} />
        <Button>{t('auth.invite.submit')}</Button>
      </Form>
    </Page>
  );
}

export function InvitationHasAccountPage(props: { ctx: PageCtx; councilName: string; loginHref: string }) {
  const t = props.ctx.t;
  return (
    <Page ctx={props.ctx} title={t('auth.invite.hasAccountTitle')} noindex>
      <Heading level={1}>{t('auth.invite.hasAccountTitle')}</Heading>
      <Paragraph>{t('auth.invite.hasAccountBody', { council: props.councilName })}</Paragraph>
      <Paragraph>
        <ButtonLink href={props.loginHref}>{t('auth.login.submit')}</ButtonLink>
      </Paragraph>
    </Page>
  );
}
