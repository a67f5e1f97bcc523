/**
 * What the network module shows on other modules' pages (docs/decisions/0013-extension-slots.md):
 * on an advice's page, what the advice was based on ("gebaseerd op N ervaringen uit M
 * raadplegingen") and the experiences, for those who may see the network, without personal details;
 * on the public about page, the regional bodies the council sends delegates to.
 */
import type { SlotRenderer } from '../../core/module.ts';
import { can } from '../../core/policy.ts';
import { listExperiences } from './network.experiences.ts';
import { ExperiencesOfAdvice } from './views/experiences.tsx';
import { hasSection } from '../../core/organisation-kinds.ts';
import { publicDelegations } from './network.delegations.ts';
import { DelegationsOnAbout } from './views/delegations.tsx';

export const networkSlots: Record<string, SlotRenderer> = {
  'advice.detail.related': async ({ deps, council, actor, id, read }) => {
    if (!can(actor, 'network.view')) return null;
    const rows = await listExperiences(deps.db, council.id, { adviceId: id, read });
    return rows.length ? <ExperiencesOfAdvice council={council} rows={rows} /> : null;
  },
  'organisation.about': async ({ deps, council }) => {
    if (!hasSection(council.kind, 'network')) return null;
    const delegations = await publicDelegations(deps.db, council.id);
    return delegations.length ? <DelegationsOnAbout delegations={delegations} /> : null;
  },
};
