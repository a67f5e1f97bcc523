/** The workspace page of one signal, built from one component per part. */
import type { PageCtx } from '../../../../ui/context.ts';
import { Alert, ButtonGroup, ButtonLink, Link, Paragraph, Section, Table } from '../../../../ui/components/basics.tsx';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { formatDate, isMessageKey, type MessageKey } from '../../../../core/i18n/index.ts';
import type { SignalDetail } from '../../signals.queries.ts';
import { SignalStatusBadge, SignalsPage, signalsPath, type Props } from '../signals.tsx';
import type { SignalPart } from './part.ts';
import { SignalOverview } from './overview.tsx';
import { Triage } from './triage.tsx';
import { DateText } from '../../../../ui/components/date-text.tsx';

export type SignalNotice = 'created' | 'state' | 'saved' | 'erased';

function eventLabel(ctx: PageCtx, action: string): string {
  const key = `signals.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : action;
}

function stateLabel(ctx: PageCtx, s: string | null): string {
  const key = `signals.status.${s}`;
  return s && isMessageKey(key) ? ctx.t(key as MessageKey) : '-';
}

function noticeText(ctx: PageCtx, notice: SignalNotice | undefined, detail: SignalDetail): string | undefined {
  const { signal } = detail;
  if (notice === 'created') return ctx.t('signals.notice.created', { reference: signal.reference });
  if (notice === 'state') return ctx.t('signals.notice.state', { status: ctx.t(`signals.status.${signal.status}`) });
  if (notice === 'saved') return ctx.t('signals.notice.saved');
  if (notice === 'erased') return ctx.t('signals.notice.erased');
  return undefined;
}

export function SignalDetailPage(props: Props & { detail: SignalDetail; errors?: FieldErrors; values?: FormValues; notice?: SignalNotice }) {
  const { ctx, council, detail } = props;
  const { signal, may } = detail;
  const t = ctx.t;
  const list = signalsPath(council);
  const path = `${list}/${signal.id}`;
  const part: SignalPart = { ctx, detail, errors: props.errors, v: props.values ?? {}, path, list, councilSlug: council.slug };
  return (
    <SignalsPage title={t('signals.detail.title', { reference: signal.reference })} href={path} errors={props.errors} notice={noticeText(ctx, props.notice, detail)}>
      <Paragraph>
        <SignalStatusBadge status={signal.status} />
      </Paragraph>
      {signal.anonymisedAt && (
        <Alert type="info">
          <Paragraph>
            {signal.erasedAt
              ? t('signals.detail.erasedOn', { date: formatDate(signal.erasedAt, ctx.locale) })
              : t('signals.detail.anonymisedOn', { date: formatDate(signal.anonymisedAt, ctx.locale) })}
          </Paragraph>
        </Alert>
      )}
      <SignalOverview {...part} />
      {may.triage && <Triage {...part} />}
      {detail.similar.length > 0 && (
        <Section id="vergelijkbaar" title={t('signals.similar.title')} intro={t('signals.similar.intro')}>
          <Table
            caption={t('signals.similar.caption')}
            rows={detail.similar}
            columns={[
              { header: t('signals.field.reference'), cell: (s) => <Link href={`${list}/${s.id}`}>{s.reference}</Link> },
              { header: t('signals.field.summary'), cell: (s) => s.summary },
              { header: t('signals.field.theme'), cell: (s) => s.themeName ?? '-' },
              { header: t('signals.field.status'), cell: (s) => <SignalStatusBadge status={s.status} /> },
            ]}
          />
        </Section>
      )}
      <Section id="verloop" title={t('signals.detail.history')}>
        <Table
          caption={t('signals.detail.historyCaption')}
          rows={detail.events}
          columns={[
            { header: t('signals.detail.when'), cell: (e) => <DateText value={e.at} time /> },
            { header: t('signals.detail.what'), cell: (e) => eventLabel(ctx, e.action) },
            { header: t('signals.field.status'), cell: (e) => stateLabel(ctx, e.to) },
            { header: t('signals.detail.who'), cell: (e) => e.who ?? t('signals.detail.resident') },
          ]}
        />
      </Section>
      {may.privacy && (
        <Section id="privacy" title={t('signals.detail.privacy')} intro={t('signals.detail.privacyIntro')}>
          <ButtonGroup>
            <ButtonLink href={`${list}/inzage?kenmerk=${encodeURIComponent(signal.reference)}`} variant="secondary">
              {t('signals.export.button')}
            </ButtonLink>
            <ButtonLink href={`${path}/wissen`} variant="secondary">
              {t('signals.erase.title')}
            </ButtonLink>
          </ButtonGroup>
        </Section>
      )}
    </SignalsPage>
  );
}
