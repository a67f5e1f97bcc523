/** Small parts the cooperation pages share. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { StatusBadge } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import type { AgreementState } from '../cooperation.schema.ts';

const badge: Record<AgreementState, 'neutral' | 'success' | 'warning' | 'inactive'> = {
  draft: 'neutral',
  proposed: 'warning',
  accepted: 'neutral',
  active: 'success',
  upForRenewal: 'warning',
  renewed: 'success',
  ended: 'inactive',
};

export function StateBadge({ ctx: given, state }: { ctx?: PageCtx; state: AgreementState }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={badge[state]}>{ctx.t(`cooperation.state.${state}`)}</StatusBadge>;
}

/** "1 maart 2026 tot en met 28 februari 2027". */
export function termOf(ctx: PageCtx, a: { startsOn: string; endsOn: string }): string {
  return ctx.t('cooperation.term', { start: formatDate(a.startsOn, ctx.locale), end: formatDate(a.endsOn, ctx.locale) });
}
