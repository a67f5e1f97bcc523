import type { Council } from './councils.schema.ts';
import type { CouncilBrand } from '../../ui/layouts/page.tsx';
import type { PageCtx } from '../../ui/context.ts';
import { can, type Actor } from '../../core/policy.ts';

/** Name, logo and theme of a council, for the page header. */
export function brandOf(council: Council): CouncilBrand {
  return {
    slug: council.slug,
    name: council.name,
    logoUrl: council.logoFile ? `/${council.slug}/logo?v=${council.logoFile.slice(0, 12)}` : null,
    logoAlt: council.logoAlt || council.name,
    themeUrl: `/${council.slug}/thema.css?v=${council.version}`,
  };
}

export function publicNav(ctx: PageCtx, council: Council, current: string) {
  const base = `/${council.slug}`;
  return {
    label: ctx.t('nav.main'),
    current,
    items: [
      { href: base, label: ctx.t('nav.home') },
      { href: `${base}/over-ons`, label: ctx.t('councils.nav.about') },
      { href: `${base}/adviezen`, label: ctx.t('register.nav') },
      { href: `${base}/documenten`, label: ctx.t('documents.nav') },
      { href: `${base}/vergaderingen`, label: ctx.t('meetings.nav.public') },
      { href: `${base}/leden`, label: ctx.t('councils.nav.members') },
      { href: `${base}/werkgroepen`, label: ctx.t('councils.nav.workingGroups') },
      { href: `${base}/vacatures`, label: ctx.t('councils.nav.vacancies') },
      { href: `${base}/signaal`, label: ctx.t('signals.intake.nav') },
      { href: `${base}/contact`, label: ctx.t('councils.nav.contact') },
    ],
  };
}

export function workspaceNav(ctx: PageCtx, council: Council, actor: Actor | null, current: string) {
  const base = `/${council.slug}/werkruimte`;
  const items = [{ href: base, label: ctx.t('councils.ws.nav.dashboard') }];
  if (can(actor, 'advice.view')) items.push({ href: `${base}/adviezen`, label: ctx.t('councils.ws.nav.advice') });
  if (can(actor, 'meetings.view')) items.push({ href: `${base}/vergaderingen`, label: ctx.t('meetings.nav.workspace') });
  if (can(actor, 'signals.view')) items.push({ href: `${base}/signalen`, label: ctx.t('signals.nav.workspace') });
  if (can(actor, 'documents.view')) items.push({ href: `${base}/documenten`, label: ctx.t('documents.ws.nav') });
  if (can(actor, 'members.view')) items.push({ href: `${base}/leden`, label: ctx.t('councils.ws.nav.members') });
  if (can(actor, 'workingGroups.manage')) items.push({ href: `${base}/werkgroepen`, label: ctx.t('councils.ws.nav.workingGroups') });
  if (can(actor, 'vacancies.manage')) items.push({ href: `${base}/vacatures`, label: ctx.t('councils.ws.nav.vacancies') });
  if (can(actor, 'advice.overview')) items.push({ href: `${base}/adviezen/overzicht`, label: ctx.t('register.overview.nav') });
  if (can(actor, 'apiTokens.manage')) items.push({ href: `${base}/api-sleutels`, label: ctx.t('register.tokens.nav') });
  if (can(actor, 'calendar.subscribe')) items.push({ href: `${base}/agenda`, label: ctx.t('calendar.nav') });
  if (can(actor, 'settings.manage')) items.push({ href: `${base}/instellingen`, label: ctx.t('councils.ws.nav.settings') });
  items.push({ href: `/${council.slug}`, label: ctx.t('councils.ws.nav.publicSite') });
  return { label: ctx.t('councils.ws.nav.label'), current, items };
}
