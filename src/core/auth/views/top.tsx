import type { PageCtx } from '../../../ui/context.ts';
import { Alert, Heading, Paragraph } from '../../../ui/components/basics.tsx';
import { ErrorSummary, SuccessNotice } from '../../../ui/components/form.tsx';
import type { FieldErrors } from '../../http/forms.ts';
import type { MessageKey } from '../../i18n/index.ts';

/**
 * The top of a sign-in or account page: the error summary, or the message that there were too many
 * tries (`throttled`); the heading; what a save just did (`notice`); an intro paragraph.
 */
export function AuthTop(props: { ctx: PageCtx; title: string; errors?: FieldErrors; throttled?: string; notice?: MessageKey | null; intro?: string }) {
  const { ctx } = props;
  return (
    <>
      <ErrorSummary errors={props.errors} />
      {props.throttled && (
        <Alert type="error" title={ctx.t('auth.login.throttledTitle')} role="alert">
          <Paragraph>{props.throttled}</Paragraph>
        </Alert>
      )}
      <Heading level={1}>{props.title}</Heading>
      {props.notice && (
        <SuccessNotice title={ctx.t('auth.account.done')}>
          <Paragraph>{ctx.t(props.notice)}</Paragraph>
        </SuccessNotice>
      )}
      {props.intro && <Paragraph>{props.intro}</Paragraph>}
    </>
  );
}

/** Whether a page shows errors: its title then starts with "Fout:". */
export const showsErrors = (errors?: FieldErrors, throttled?: boolean) => Boolean(throttled || (errors && Object.keys(errors).length));
