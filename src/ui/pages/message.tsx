import type { PageCtx } from '../context.ts';
import { Page, type CouncilBrand } from '../layouts/page.tsx';
import { Heading, Paragraph, Link } from '../components/basics.tsx';
import type { Council } from '../../core/organisations.schema.ts';
import type { Actor } from '../../core/policy.ts';
import { PublicFrame, WorkspaceFrame } from '../layouts/frames.tsx';

/** A page with a heading and a short text: errors, confirmations. */
export function MessagePage(props: { ctx: PageCtx; title: string; body: string; council?: CouncilBrand; backHref?: string; backLabel?: string }) {
  return (
    <Page ctx={props.ctx} title={props.title} council={props.council}>
      <Heading level={1}>{props.title}</Heading>
      <Paragraph>{props.body}</Paragraph>
      <Paragraph>
        <Link href={props.backHref ?? '/'}>{props.backLabel ?? props.ctx.t('nav.home')}</Link>
      </Paragraph>
    </Page>
  );
}

/**
 * "Geen toegang" inside the council's own frame (header, menu, breadcrumbs), so someone who
 * follows a link they may not open stays on the council's site and can go on from its menu: the
 * workspace menu under /{council}/werkruimte, the public menu elsewhere.
 */
export function CouncilForbiddenPage(props: { ctx: PageCtx; council: Council; actor: Actor | null; title: string; body: string; path: string }) {
  const { ctx, council, actor, title } = props;
  const workspace = `/${council.slug}/werkruimte`;
  const inWorkspace = actor !== null && (props.path === workspace || props.path.startsWith(`${workspace}/`));
  const content = (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{props.body}</Paragraph>
      <Paragraph>{ctx.t('page.forbidden.ask')}</Paragraph>
      <Paragraph>
        {inWorkspace ? <Link href={workspace}>{ctx.t('page.forbidden.backToWorkspace')}</Link> : <Link href={`/${council.slug}`}>{ctx.t('page.forbidden.backToSite', { name: council.name })}</Link>}
      </Paragraph>
    </>
  );
  const trail = [{ href: props.path, label: title }];
  return inWorkspace ? (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={title} section="" trail={trail}>
      {content}
    </WorkspaceFrame>
  ) : (
    <PublicFrame ctx={ctx} council={council} title={title} section="" trail={trail}>
      {content}
    </PublicFrame>
  );
}
