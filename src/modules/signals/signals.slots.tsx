/**
 * What the signals module shows on other modules' pages (docs/decisions/0013-extension-slots.md).
 * The advice module does not know signals exist; its detail page renders the slot
 * 'advice.detail.related', and this fills it.
 */
import type { SlotRenderer } from '../../core/module.ts';
import { can } from '../../core/policy.ts';
import { signalsForAdvice } from './signals.queries.ts';
import { SignalsOfAdvice } from './views/related.tsx';
import { ReportOnHome } from './views/home.tsx';
import { hasSection } from '../../core/organisation-kinds.ts';

export const signalsSlots: Record<string, SlotRenderer> = {
  // The home page invites residents to report a problem, where the organisation takes signals.
  'organisation.home': async ({ council }) => (hasSection(council.kind, 'signals') ? <ReportOnHome council={council} /> : null),
  // The signals that led to an (unsolicited) advice, for those who may see signals.
  'advice.detail.related': async ({ deps, council, actor, id, read }) => {
    if (!can(actor, 'signals.view')) return null;
    const linked = await signalsForAdvice(deps.db, council.id, id, read);
    return linked.length ? <SignalsOfAdvice council={council} signals={linked} /> : null;
  },
};
