/**
 * What the signals module shows on other modules' pages (docs/decisions/0013-extension-slots.md).
 * The advice module does not know signals exist; its detail page renders the slot
 * 'advice.detail.related', and this fills it.
 */
import type { SlotRenderer } from '../../core/module.ts';
import { can } from '../../core/policy.ts';
import { signalsForAdvice } from './signals.queries.ts';
import { SignalsOfAdvice } from './views/related.tsx';

export const signalsSlots: Record<string, SlotRenderer> = {
  // The signals that led to an (unsolicited) advice, for those who may see signals.
  'advice.detail.related': async ({ deps, ctx, council, actor, id }) => {
    if (!can(actor, 'signals.view')) return null;
    const linked = await signalsForAdvice(deps.db, council.id, id);
    return linked.length ? <SignalsOfAdvice ctx={ctx} council={council} signals={linked} /> : null;
  },
};
