import type { ComponentChildren } from 'preact';
import { usePageActor, usePageCouncil, usePageCtx, type PageCtx } from '../context.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Actor } from '../../core/policy.ts';
import type { FieldErrors } from '../../core/http/forms.ts';
import { Paragraph } from '../components/basics.tsx';
import { ErrorSummary, SuccessNotice } from '../components/form.tsx';
import { PublicFrame, WorkspaceFrame } from './frames.tsx';

/** One step of a breadcrumb trail. */
export type Crumb = { href: string; label: string };

/** What just happened, shown under the heading: a title, and optionally more words below it. */
export type Notice = string | { title: string; children?: ComponentChildren };

/** What every council page built from these parts takes: its title, place in the site and top. */
type CouncilPageProps = {
  /** The request's page context, organisation and actor are read from the page when left out (ui/context.ts). */
  ctx?: PageCtx;
  council?: Council;
  /** The page's title: the document title and the heading, unless `heading` says otherwise. */
  title: string;
  /** The menu item that is current: the address of the section's list. */
  section: string;
  /** This page's own address, the last breadcrumb; a list page leaves it out (it is `section`). */
  href?: string;
  /** The label of the last breadcrumb when it is not the title (a meeting shows its date). */
  crumb?: string;
  /** The pages above this one, below the first crumb: the list, or the list then the item. */
  parent?: Crumb | Crumb[];
  /** Form errors: an error summary above the heading, and "Fout:" before the title. */
  errors?: FieldErrors;
  /** What a save just did, as a status message under the heading. */
  notice?: Notice;
  /** The heading's content when it differs from the title; `false` when the page writes its own top. */
  heading?: ComponentChildren | false;
  /** A paragraph under the heading (and the notice). */
  intro?: ComponentChildren;
  /** Show the intro as a lead paragraph. */
  lead?: boolean;
  children?: ComponentChildren;
};

/** What `WorkspacePage` and `PublicPage` take; context, organisation and actor may be left to the page. */
export type WorkspacePageParts = CouncilPageProps & { actor?: Actor };
export type PublicPageParts = CouncilPageProps;

/**
 * The place of a page below a list, from its trail: the list (the menu section), any pages
 * between, then this page. Spread into a page: `<WorkspacePage title {...trail(list, record, here)}>`.
 */
export function trail(...crumbs: [Crumb, ...Crumb[], Crumb]): Pick<CouncilPageProps, 'section' | 'parent' | 'href' | 'crumb'> {
  const here = crumbs[crumbs.length - 1]!;
  return { section: crumbs[0].href, parent: crumbs.slice(0, -1), href: here.href, crumb: here.label };
}

const hasAny = (errors?: FieldErrors): errors is FieldErrors => Boolean(errors && Object.keys(errors).length > 0);

/** The trail below the frame's first crumb: the parents, then this page; none on the home page `home`. */
function trailOf(props: CouncilPageProps, home: string): Crumb[] | undefined {
  const href = props.href ?? props.section;
  if (href === home) return undefined;
  const parents = props.parent === undefined ? [] : Array.isArray(props.parent) ? props.parent : [props.parent];
  return [...parents, { href, label: props.crumb ?? props.title }];
}

/** The top of the page: error summary, heading, what just happened, intro. */
function PageTop(props: CouncilPageProps) {
  if (props.heading === false) return null;
  const notice = typeof props.notice === 'string' ? { title: props.notice } : props.notice;
  return (
    <>
      <ErrorSummary errors={hasAny(props.errors) ? props.errors : undefined} />
      <h1 class="utrecht-heading-1 nl-heading nl-heading--level-1">{props.heading ?? props.title}</h1>
      {notice && <SuccessNotice title={notice.title}>{notice.children}</SuccessNotice>}
      {props.intro && <Paragraph lead={props.lead}>{props.intro}</Paragraph>}
    </>
  );
}

/**
 * A page of the workspace with the top every workspace page has: the frame (menu, breadcrumbs:
 * Werkruimte, then the parents, then this page), the error summary, the heading, the notice of
 * what just happened and an intro. The workspace home has no trail.
 */
export function WorkspacePage(props: WorkspacePageParts) {
  const ctx = usePageCtx(props.ctx);
  const council = usePageCouncil(props.council);
  const actor = usePageActor(props.actor);
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={props.title} section={props.section} trail={trailOf(props, `/${council.slug}/werkruimte`)} hasErrors={hasAny(props.errors)}>
      <PageTop {...props} />
      {props.children}
    </WorkspaceFrame>
  );
}

/** The same for a page of a council's public site: breadcrumbs below the council's name, none on its home page. */
export function PublicPage(props: PublicPageParts) {
  const ctx = usePageCtx(props.ctx);
  const council = usePageCouncil(props.council);
  return (
    <PublicFrame ctx={ctx} council={council} title={props.title} section={props.section} trail={trailOf(props, `/${council.slug}`)} hasErrors={hasAny(props.errors)}>
      <PageTop {...props} />
      {props.children}
    </PublicFrame>
  );
}
