import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../councils.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { brandOf, publicNav, workspaceNav } from '../councils.nav.ts';

/** Frames for council pages, shared by every module. A page of the public council site, with the council's menu and a breadcrumb trail. */
export function PublicFrame(props: {
  ctx: PageCtx;
  council: Council;
  title: string;
  /** Menu item that is current. */
  section: string;
  trail?: { href: string; label: string }[];
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { ctx, council } = props;
  const base = `/${council.slug}`;
  return (
    <Page
      ctx={ctx}
      title={props.title}
      hasErrors={props.hasErrors}
      council={brandOf(council)}
      nav={publicNav(ctx, council, props.section)}
      breadcrumbs={props.trail?.length ? [{ href: base, label: council.name }, ...props.trail] : undefined}
    >
      {props.children}
    </Page>
  );
}

/** A workspace page: council branding, workspace menu, never indexed. */
export function WorkspaceFrame(props: {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  title: string;
  section: string;
  trail?: { href: string; label: string }[];
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { ctx, council, actor } = props;
  const base = `/${council.slug}/werkruimte`;
  return (
    <Page
      ctx={ctx}
      title={props.title}
      hasErrors={props.hasErrors}
      council={brandOf(council)}
      nav={workspaceNav(ctx, council, actor, props.section)}
      breadcrumbs={props.trail?.length ? [{ href: base, label: ctx.t('nav.workspace') }, ...props.trail] : undefined}
      noindex
    >
      {props.children}
    </Page>
  );
}
