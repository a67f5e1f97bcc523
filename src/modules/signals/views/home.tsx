import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { ButtonLink, Heading, Paragraph } from '../../../ui/components/basics.tsx';

/** On the organisation's home page: a clear way for residents to report a problem. */
export function ReportOnHome({ ctx: given, council }: { ctx?: PageCtx; council: Council }) {
  const ctx = usePageCtx(given);
  return (
    <section aria-labelledby="probleem-melden" class="rw-report-entry">
      <Heading level={2} id="probleem-melden">
        {ctx.t('signals.home.title')}
      </Heading>
      <Paragraph>{ctx.t('signals.home.text')}</Paragraph>
      <ButtonLink href={`/${council.slug}/signaal`}>{ctx.t('signals.home.button')}</ButtonLink>
    </section>
  );
}
