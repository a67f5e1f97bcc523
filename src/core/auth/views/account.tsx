import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Alert, Button, DataList, Heading, Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { ChooseOneForm, Form, TextField } from '../../../ui/components/form.tsx';
import type { FieldErrors } from '../../http/forms.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { CancelSignIn, ReturnField } from './login.tsx';
import { AuthTop, showsErrors } from './top.tsx';
import { RecoveryCodesSection } from './recovery.tsx';

export type AccountForm = 'password' | 'language' | 'notices';

/** A setting that is one choice, in its own section with its own form. */
type OneChoice = {
  id: string;
  form: AccountForm;
  title: MessageKey;
  intro?: MessageKey;
  action: string;
  name: string;
  label: MessageKey;
  value: string;
  submit: MessageKey;
  options: Record<string, MessageKey>;
};

export function AccountPage(props: {
  ctx: PageCtx;
  user: { name: string; email: string; totpEnabled: boolean; locale: 'nl' | 'en'; noticeMode: 'each' | 'digest' };
  notice?: MessageKey | null;
  errors?: FieldErrors;
  /** Which form the errors belong to. */
  form?: AccountForm;
  throttled?: boolean;
}) {
  const { ctx, user, errors, form } = props;
  const t = ctx.t;
  const passwordErrors = form === 'password' ? errors : undefined;
  const choices: OneChoice[] = [
    {
      id: 'taal',
      form: 'language',
      title: 'auth.account.languageTitle',
      action: '/account/taal',
      name: 'locale',
      label: 'auth.field.language',
      value: user.locale,
      submit: 'auth.account.languageSubmit',
      options: { nl: 'auth.language.nl', en: 'auth.language.en' },
    },
    {
      id: 'berichten',
      form: 'notices',
      title: 'auth.account.noticesTitle',
      intro: 'auth.account.noticesIntro',
      action: '/account/berichten',
      name: 'noticeMode',
      label: 'auth.field.noticeMode',
      value: user.noticeMode,
      submit: 'auth.account.noticesSubmit',
      options: { each: 'auth.noticeMode.each', digest: 'auth.noticeMode.digest' },
    },
  ];
  return (
    <Page ctx={ctx} title={t('auth.account.title')} hasErrors={showsErrors(errors)} noindex>
      <AuthTop ctx={ctx} title={t('auth.account.title')} errors={errors} notice={props.notice} />
      <Section id="gegevens" title={t('auth.account.details')}>
        <DataList
          items={[
            { key: t('auth.account.name'), value: user.name },
            { key: t('auth.account.email'), value: user.email },
            {
              key: t('auth.account.twoFactor'),
              value: user.totpEnabled ? t('auth.account.on') : t('auth.account.off'),
              changeHref: '/account/tweestapsverificatie',
              changeLabel: t('auth.account.manageTwoFactor'),
            },
          ]}
        />
      </Section>
      <Section id="wachtwoord" title={t('auth.account.passwordTitle')} intro={t('auth.account.passwordIntro')}>
        <Form action="/account/wachtwoord">
          <input type="text" name="username" value={user.email} autocomplete="username" hidden />
          <TextField name="currentPassword" type="password" label={t('auth.field.currentPassword')} autocomplete="current-password" errors={passwordErrors} />
          <TextField name="newPassword" type="password" label={t('auth.field.newPassword')} hint={t('auth.field.newPasswordHint')} autocomplete="new-password" errors={passwordErrors} />
          <TextField name="newPasswordRepeat" type="password" label={t('auth.field.repeatPassword')} autocomplete="new-password" errors={passwordErrors} />
          <Button>{t('auth.account.passwordSubmit')}</Button>
        </Form>
      </Section>
      {/* Two settings that are one choice each: the language, and how notices come. */}
      {choices.map((c) => (
        <Section id={c.id} title={t(c.title)} intro={c.intro && t(c.intro)}>
          <ChooseOneForm
            action={c.action}
            control="radio"
            name={c.name}
            label={t(c.label)}
            value={c.value}
            errors={form === c.form ? errors : undefined}
            options={Object.entries(c.options).map(([value, label]) => ({ value, label: t(label) }))}
            button={t(c.submit)}
            variant="primary"
          />
        </Section>
      ))}
    </Page>
  );
}

export type Enrolment = { secret: string; groupedSecret: string; signature: string; qrDataUrl: string };

export function TwoFactorPage(props: {
  ctx: PageCtx;
  enabled: boolean;
  required: boolean;
  /** The session still waits for this step before the user may go on. */
  pending: boolean;
  terug: string | null;
  enrolment?: Enrolment;
  /** Unused recovery codes; shown while two-step verification is on. */
  recoveryLeft?: number;
  notice?: MessageKey | null;
  errors?: FieldErrors;
  throttled?: boolean;
}) {
  const { ctx, errors, enrolment } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.totp.title')} hasErrors={showsErrors(errors)} noindex>
      <AuthTop ctx={ctx} title={t('auth.totp.title')} errors={errors} notice={props.notice} />
      {props.required && !props.enabled && (
        <Alert type="info" role="status">
          <Paragraph>{t('auth.totp.required')}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t('auth.totp.explain')}</Paragraph>
      {props.enabled ? (
        <>
          <Paragraph>{t('auth.totp.statusOn')}</Paragraph>
          <RecoveryCodesSection ctx={ctx} left={props.recoveryLeft ?? 0} errors={errors} />
          {props.required ? (
            <Paragraph>{t('auth.totp.cannotDisable')}</Paragraph>
          ) : (
            <Section id="uitzetten" title={t('auth.totp.disableTitle')} intro={t('auth.totp.disableIntro')}>
              <Form action="/account/tweestapsverificatie">
                <input type="hidden" name="actie" value="uitzetten" />
                <TextField name="password" type="password" label={t('auth.field.password')} autocomplete="current-password" errors={errors} />
                <Button variant="secondary">{t('auth.totp.disable')}</Button>
              </Form>
            </Section>
          )}
          <Paragraph>
            <Link href="/account">{t('auth.account.title')}</Link>
          </Paragraph>
        </>
      ) : (
        enrolment && (
          <section aria-labelledby="instellen">
            {!props.required && <Paragraph>{t('auth.totp.statusOff')}</Paragraph>}
            <Heading level={2} id="instellen">
              {t('auth.totp.setupTitle')}
            </Heading>
            <Paragraph>{t('auth.totp.step1')}</Paragraph>
            <Paragraph>{t('auth.totp.step2')}</Paragraph>
            <p class="rw-qr">
              <img src={enrolment.qrDataUrl} alt={t('auth.totp.qrAlt')} width="200" height="200" />
            </p>
            <Paragraph>{t('auth.totp.manual')}</Paragraph>
            <p class="utrecht-paragraph rw-secret">
              <code>{enrolment.groupedSecret}</code>
            </p>
            <Paragraph>{t('auth.totp.step3')}</Paragraph>
            <Form action="/account/tweestapsverificatie">
              <ReturnField terug={props.terug} />
              <input type="hidden" name="actie" value="aanzetten" />
              <input type="hidden" name="secret" value={enrolment.secret} />
              <input type="hidden" name="signature" value={enrolment.signature} />
              <TextField name="code" label={t('auth.field.code')} hint={t('auth.field.codeHint')} autocomplete="one-time-code" inputmode="numeric" width="short" errors={errors} />
              <Button>{t('auth.totp.enable')}</Button>
            </Form>
            {props.pending && <CancelSignIn ctx={ctx} />}
          </section>
        )
      )}
    </Page>
  );
}
