import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../context.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Actor } from '../../core/policy.ts';
import type { FieldErrors } from '../../core/http/forms.ts';
import { Paragraph } from '../components/basics.tsx';
import { ErrorSummary, SuccessNotice } from '../components/form.tsx';
import { WorkspaceFrame } from './frames.tsx';

/** One step of a breadcrumb trail. */
export type Crumb = { href: string; label: string };

/** What just happened, shown under the heading: a title, and optionally more words below it. */
export type Notice = string | { title: string; children?: ComponentChildren };

export type WorkspacePageProps = {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  /** The page's title: the document title and the heading, unless `heading` says otherwise. */
  title: string;
  /** The menu item that is current: the address of the section's list. */
  section: string;
  /** This page's own address, the last breadcrumb; a list page leaves it out (it is `section`). */
  href?: string;
  /** The label of the last breadcrumb when it is not the title (a meeting shows its date). */
  crumb?: string;
  /** The pages above this one, below "Werkruimte": the list, or the list then the item. */
  parent?: Crumb | Crumb[];
  /** Form errors: an error summary above the heading, and "Fout:" before the title. */
  errors?: FieldErrors;
  /** What a save just did, as a status message under the heading. */
  notice?: Notice;
  /** The heading's content when it differs from the title; `false` when the page writes its own top. */
  heading?: ComponentChildren | false;
  /** A paragraph under the heading (and the notice). */
  intro?: ComponentChildren;
  children?: ComponentChildren;
};

const hasAny = (errors?: FieldErrors): errors is FieldErrors => Boolean(errors && Object.keys(errors).length > 0);

/**
 * A page of the workspace with the top every workspace page has: the frame (menu, breadcrumbs:
 * Werkruimte, then the parents, then this page), the error summary, the heading, the notice of
 * what just happened and an intro. The workspace home has no trail.
 */
export function WorkspacePage(props: WorkspacePageProps) {
  const { ctx, council, actor, title, section } = props;
  const href = props.href ?? section;
  const home = href === `/${council.slug}/werkruimte`;
  const parents = props.parent === undefined ? [] : Array.isArray(props.parent) ? props.parent : [props.parent];
  const trail = home ? undefined : [...parents, { href, label: props.crumb ?? title }];
  const errors = hasAny(props.errors) ? props.errors : undefined;
  const notice = typeof props.notice === 'string' ? { title: props.notice } : props.notice;
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={title} section={section} trail={trail} hasErrors={Boolean(errors)}>
      {props.heading !== false && (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <h1 class="utrecht-heading-1 nl-heading nl-heading--level-1">{props.heading ?? title}</h1>
          {notice && <SuccessNotice title={notice.title}>{notice.children}</SuccessNotice>}
          {props.intro && <Paragraph>{props.intro}</Paragraph>}
        </>
      )}
      {props.children}
    </WorkspaceFrame>
  );
}
