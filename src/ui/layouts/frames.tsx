import type { ComponentChildren } from 'preact';
import { usePageActor, usePageCouncil, usePageCtx, type PageCtx } from '../context.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { can, type Actor } from '../../core/policy.ts';
import { navItems } from '../../core/platform.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import type { NavItem } from '../../core/module.ts';
import { Page, type CouncilBrand, type PageProps } from './page.tsx';

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

const link = (ctx: PageCtx, base: string, item: NavItem) => ({ href: item.path ? `${base}/${item.path}` : base, label: ctx.t(item.label), more: item.more });
/** Whether the organisation's kind has the item's section. */
const hasItem = (council: Council, item: NavItem) => !item.section || hasSection(council.kind, item.section);

/** The public site's menu: every module's public items that this organisation has, in their order. */
export function publicNav(ctx: PageCtx, council: Council, current: string) {
  const base = `/${council.slug}`;
  const items = navItems('public').filter((i) => hasItem(council, i));
  return { label: ctx.t('nav.main'), current, items: items.map((i) => link(ctx, base, i)) };
}

/** The workspace menu: the items of every module that this organisation has and this actor may use. */
function workspaceNav(ctx: PageCtx, council: Council, actor: Actor | null, current: string) {
  const base = `/${council.slug}/werkruimte`;
  const items = navItems('workspace')
    .filter((i) => hasItem(council, i) && (!i.action || can(actor, i.action)))
    .map((i) => link(ctx, base, i));
  items.push({ href: `/${council.slug}`, label: ctx.t('nav.publicSite'), more: true });
  return { label: ctx.t('nav.workspaceMenu'), current, items };
}

type FrameProps = {
  /** Read from the page when left out (ui/context.ts). */
  ctx?: PageCtx;
  council?: Council;
  title: string;
  /** Menu item that is current. */
  section: string;
  trail?: { href: string; label: string }[];
  hasErrors?: boolean;
  children: ComponentChildren;
};

/** A page of one council: its name, logo and theme, a menu, and the trail below its first crumb. */
function CouncilFrame(props: FrameProps & { ctx: PageCtx; council: Council; nav: PageProps['nav']; first: { href: string; label: string }; noindex?: boolean }) {
  const { ctx, council } = props;
  return (
    <Page
      ctx={ctx}
      title={props.title}
      hasErrors={props.hasErrors}
      council={brandOf(council)}
      nav={props.nav}
      breadcrumbs={props.trail?.length ? [props.first, ...props.trail] : undefined}
      noindex={props.noindex}
    >
      {props.children}
    </Page>
  );
}

/** A page of the public council site, with the council's menu and a breadcrumb trail. */
export function PublicFrame(props: FrameProps) {
  const ctx = usePageCtx(props.ctx);
  const council = usePageCouncil(props.council);
  return <CouncilFrame {...props} ctx={ctx} council={council} nav={publicNav(ctx, council, props.section)} first={{ href: `/${council.slug}`, label: council.name }} />;
}

/** A workspace page: council branding, workspace menu, never indexed. */
export function WorkspaceFrame(props: FrameProps & { actor?: Actor | null }) {
  const ctx = usePageCtx(props.ctx);
  const council = usePageCouncil(props.council);
  const actor = usePageActor(props.actor);
  return (
    <CouncilFrame
      {...props}
      ctx={ctx}
      council={council}
      nav={workspaceNav(ctx, council, actor, props.section)}
      first={{ href: `/${council.slug}/werkruimte`, label: ctx.t('nav.workspace') }}
      noindex
    />
  );
}
