import type { PageCtx } from '../context.ts';
import { Page, type CouncilBrand } from '../layouts/page.tsx';
import { Heading, Paragraph, Link } from '../components/basics.tsx';

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
