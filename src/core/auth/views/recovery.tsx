import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Alert, Button, ButtonLink, Heading, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { AuthTop } from './top.tsx';
import { Form, TextField } from '../../../ui/components/form.tsx';
import type { FieldErrors } from '../../http/forms.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { RECOVERY_CODES_LOW } from '../recovery.ts';

/** The new codes, shown once right after they were made (the response is not cached). */
export function RecoveryCodesPage(props: { ctx: PageCtx; codes: string[]; next: string; notice: MessageKey }) {
  const { ctx, codes } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('auth.recovery.title')} noindex>
      <AuthTop ctx={ctx} title={t('auth.recovery.title')} notice={props.notice} intro={t('auth.recovery.explain')} />
      <Alert type="warning" title={t('auth.recovery.onceTitle')}>
        <Paragraph>{t('auth.recovery.once')}</Paragraph>
      </Alert>
      <ol class="utrecht-ordered-list" aria-label={t('auth.recovery.listLabel')}>
        {codes.map((code) => (
          <li class="utrecht-ordered-list__item">
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Heading level={2}>{t('auth.recovery.adviceTitle')}</Heading>
      <ul class="utrecht-unordered-list">
        {(['auth.recovery.advicePrint', 'auth.recovery.adviceApart', 'auth.recovery.adviceOnce', 'auth.recovery.adviceSecret'] as const).map((key) => (
          <li class="utrecht-unordered-list__item">{t(key)}</li>
        ))}
      </ul>
      <Paragraph>
        <ButtonLink href={props.next}>{t('auth.recovery.continue')}</ButtonLink>
      </Paragraph>
    </Page>
  );
}

/** On the two-step page while it is on: how many codes are left, and a form to make new ones. */
export function RecoveryCodesSection(props: { ctx: PageCtx; left: number; errors?: FieldErrors }) {
  const { ctx, left } = props;
  const t = ctx.t;
  return (
    <Section id="herstelcodes" title={t('auth.recovery.sectionTitle')} intro={t('auth.recovery.explain')}>
      {left === 0 ? (
        <Alert type="warning" title={t('auth.recovery.noneTitle')}>
          <Paragraph>{t('auth.recovery.none')}</Paragraph>
        </Alert>
      ) : left <= RECOVERY_CODES_LOW ? (
        <Alert type="warning" title={t('auth.recovery.lowTitle')}>
          <Paragraph>{left === 1 ? t('auth.recovery.lowOne') : t('auth.recovery.low', { count: left })}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('auth.recovery.left', { count: left })}</Paragraph>
      )}
      <Paragraph>{t('auth.recovery.newIntro')}</Paragraph>
      <Form action="/account/tweestapsverificatie/herstelcodes">
        <TextField name="currentPassword" type="password" label={t('auth.field.currentPassword')} autocomplete="current-password" errors={props.errors} />
        <Button variant="secondary">{t('auth.recovery.new')}</Button>
      </Form>
    </Section>
  );
}
