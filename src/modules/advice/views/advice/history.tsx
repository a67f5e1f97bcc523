/** What happened to the advice: every change from the audit log, who, when, from and to. */
import { isMessageKey, type MessageKey } from '../../../../core/i18n/index.ts';
import type { PageCtx } from '../../../../ui/context.ts';
import { Table } from '../../../../ui/components/basics.tsx';
import type { StepProps } from './shared.tsx';
import { DateText } from '../../../../ui/components/date-text.tsx';

function actionLabel(ctx: PageCtx, action: string): string {
  const key = `advice.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : ctx.t('advice.action.other');
}

function stateLabel(ctx: PageCtx, s: string | null): string {
  const key = `advice.status.${s}`;
  return s && isMessageKey(key) ? ctx.t(key as MessageKey) : '-';
}

export function HistoryPage({ ctx, detail }: StepProps) {
  const t = ctx.t;
  return (
    <Table
      caption={t('advice.detail.timelineCaption')}
      rows={detail.timeline}
      rowHeader={false}
      columns={[
        { header: t('advice.detail.when'), cell: (e) => <DateText value={e.at} time /> },
        { header: t('advice.detail.who'), cell: (e) => e.who ?? t('advice.detail.system') },
        {
          header: t('advice.detail.what'),
          cell: (e) => (
            <>
              {actionLabel(ctx, e.action)}
              {e.to && e.from !== e.to && <> ({e.from ? t('advice.detail.fromTo', { from: stateLabel(ctx, e.from), to: stateLabel(ctx, e.to) }) : stateLabel(ctx, e.to)})</>}
            </>
          ),
        },
      ]}
    />
  );
}
