/** The signals that wait beyond the hourly budget, for the board to let in or remove (issue 17). */
import { formatDateTime } from '../../../core/i18n/index.ts';
import type { FieldErrors } from '../../../core/http/forms.ts';
import type { Queued } from '../../../core/public-budget.ts';
import { Button, ButtonGroup, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { CheckboxGroup, Form } from '../../../ui/components/form.tsx';
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { ConfirmPage } from '../../../ui/layouts/confirm-page.tsx';
import { trail } from '../../../ui/layouts/workspace-page.tsx';
import type { HeldSignal } from '../signals.intake.held.ts';
import { heldSignalsPath } from '../signals.intake.held.ts';
import { SignalsPage, signalsPath } from './signals.tsx';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';

/** Long enough to recognise a signal (or a flood of the same text) in the list. */
const SUMMARY_CHARS = 160;

export function HeldSignalsPage(props: { ctx: PageCtx; council: Council; actor: Actor; held: { posts: Queued<HeldSignal>[]; total: number }; perHour: number; notice?: string; errors?: FieldErrors }) {
  const { ctx, council, held } = props;
  const t = ctx.t;
  const path = heldSignalsPath(council.slug);
  const summary = (s: string) => (s.length > SUMMARY_CHARS ? `${s.slice(0, SUMMARY_CHARS)}…` : s);
  return (
    <SignalsPage title={t('signals.intake.held.title')} href={path} notice={props.notice} errors={props.errors} intro={t('signals.intake.held.intro', { max: props.perHour })}>
      {held.total === 0 ? (
        <Paragraph>{t('signals.intake.held.empty')}</Paragraph>
      ) : (
        <Form action={path}>
          <Paragraph>{t('signals.intake.held.waiting', { n: held.total, shown: held.posts.length })}</Paragraph>
          <CheckboxGroup
            errors={props.errors}
            name="ids"
            label={t('signals.intake.held.choose')}
            checked={[]}
            options={held.posts.map((p) => ({
              value: p.id,
              label: t('signals.intake.held.item', {
                at: formatDateTime(new Date(p.payload.sentAt), ctx.locale),
                area: t(`signals.area.${p.payload.input.area}`),
                contact: t(p.payload.contact ? 'signals.intake.held.withContact' : 'signals.intake.held.anonymous'),
                text: summary(p.payload.input.description),
              }),
            }))}
          />
          <ButtonGroup>
            <Button name="actie" value="doorlaten">
              {t('signals.intake.held.release')}
            </Button>
            <Button name="actie" value="verwijderen" variant="secondary" danger>
              {t('signals.intake.held.discard')}
            </Button>
          </ButtonGroup>
        </Form>
      )}
    </SignalsPage>
  );
}

/**
 * Removing waiting signals asks first (a GET, reached from the list's remove button): how many,
 * what happens. The chosen ids ride in the address, so the button posts to this same address.
 */
export function DiscardHeldPage({ ctx, council, actor, ids, waiting }: { ctx: PageCtx; council: Council; actor: Actor; ids: string[]; waiting: number }) {
  const t = ctx.t;
  const held = heldSignalsPath(council.slug);
  const here = `${held}/verwijderen?${new URLSearchParams(ids.map((id) => ['ids', id]))}`;
  return (
    <ConfirmPage
      ctx={ctx}
      council={council}
      actor={actor}
      title={t('signals.intake.held.discardTitle')}
      {...trail({ href: signalsPath(council), label: t('signals.list.title') }, { href: held, label: t('signals.intake.held.title') }, { href: here, label: t('signals.intake.held.discard') })}
      record={waiting > 0 ? t('signals.intake.held.discardRecord', { n: waiting }) : undefined}
      consequences={[t('signals.intake.held.discardGone'), t('signals.intake.held.discardNoMail'), t('signals.intake.held.discardFinal')]}
      button={t('signals.intake.held.discardConfirm')}
      back={{ href: held, label: t('signals.intake.held.back') }}
      blocked={waiting === 0 ? t('signals.intake.held.discardNone') : undefined}
    />
  );
}

/** On the signal list, for the board: how many signals wait, and the way to them. */
export function HeldSignalsLink({ ctx: given, council, n }: { ctx?: PageCtx; council: Council; n: number }) {
  const ctx = usePageCtx(given);
  return (
    <Paragraph>
      {ctx.t('signals.intake.held.inList', { n })} <Link href={heldSignalsPath(council.slug)}>{ctx.t('signals.intake.held.link')}</Link>
    </Paragraph>
  );
}
