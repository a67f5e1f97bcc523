/**
 * Withdrawing an advice asks first (issue 9): a page that says what will happen and who hears of
 * it, with the danger button apart from the way back; and the board can undo it within 30 days.
 */
import { formatDate } from '../../../../core/i18n/index.ts';
import { Heading, Paragraph, Link, Alert } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import { ConfirmPage } from '../../../../ui/layouts/confirm-page.tsx';
import { trail } from '../../../../ui/layouts/workspace-page.tsx';
import type { Advice } from '../../advice.schema.ts';
import type { WithdrawalAudience } from '../../advice.queries.ts';
import { RESTORE_DAYS } from '../../advice.workflow.ts';
import { listPath, type Props } from './list.tsx';
import type { StepProps } from './shared.tsx';

export function WithdrawConfirmPage({ ctx, council, actor, advice, audience, may }: Props & { advice: Advice; audience: WithdrawalAudience; may: boolean }) {
  const t = ctx.t;
  const list = listPath(council);
  const path = `${list}/${advice.id}`;
  const mails = [
    audience.group && audience.group.userIds.length > 0 && t('advice.withdraw.mailGroup', { n: audience.group.userIds.length, group: audience.group.name }),
    audience.requester &&
      audience.requester.userId !== actor.userId &&
      t(advice.kind === 'requested' ? 'advice.withdraw.mailRequester' : 'advice.withdraw.mailStarter', { name: audience.requester.name }),
  ].filter((x): x is string => Boolean(x));
  return (
    <ConfirmPage
      title={t('advice.withdraw.title', { reference: advice.reference })}
      {...trail({ href: list, label: t('advice.list.title') }, { href: path, label: advice.reference }, { href: `${path}/intrekken`, label: t('advice.withdraw.button') })}
      record={advice.subject}
      consequences={[t('advice.withdraw.stops'), ...(mails.length ? mails : [t('advice.withdraw.mailNobody')]), t('advice.withdraw.undo', { days: RESTORE_DAYS })]}
      button={t('advice.withdraw.confirm')}
      back={{ href: path, label: t('advice.withdraw.cancel') }}
      blocked={may ? undefined : t('advice.withdraw.notNow')}
    />
  );
}

/** At the end of the open step, apart from its main action: the way to the confirmation page. */
export function StopSection({ ctx, path }: Pick<StepProps, 'ctx' | 'path'>) {
  const t = ctx.t;
  return (
    <section aria-labelledby="stoppen" class="rw-danger-zone">
      <Heading level={2} id="stoppen">
        {t('advice.withdraw.sectionTitle')}
      </Heading>
      <Paragraph>{t('advice.withdraw.sectionHint')}</Paragraph>
      <Paragraph>
        <Link href={`${path}/intrekken`}>{t('advice.withdraw.button')}</Link>
      </Paragraph>
    </section>
  );
}

/** A withdrawn advice: since when, and (for the board, within the period) the way back. */
export function WithdrawnAlert({ ctx, detail, path }: Pick<StepProps, 'ctx' | 'detail' | 'path'>) {
  const t = ctx.t;
  const w = detail.withdrawal;
  return (
    <div id="veld-form" tabindex={-1}>
      <Alert type="info" title={t('advice.withdrawn.title')}>
        {w && <Paragraph>{t('advice.withdrawn.on', { date: formatDate(w.at, ctx.locale) })}</Paragraph>}
        {w && detail.may.restore && <Paragraph>{t('advice.withdrawn.until', { date: formatDate(w.until, ctx.locale) })}</Paragraph>}
        {w?.expired && <Paragraph>{t('advice.withdrawn.expired', { days: RESTORE_DAYS })}</Paragraph>}
        {detail.may.restore && <ActionForm action={`${path}/terugzetten`} button={t('advice.restore.button')} variant="primary" />}
      </Alert>
    </div>
  );
}
