import type { PageCtx } from '../../../ui/context.ts';
import { Heading, Link } from '../../../ui/components/basics.tsx';

type LinkedSignal = { id: string; reference: string; themeName: string | null };

/** The section on an advice's page that lists the signals linked to it. */
export function SignalsOfAdvice({ ctx, council, signals }: { ctx: PageCtx; council: { slug: string }; signals: LinkedSignal[] }) {
  return (
    <section aria-labelledby="signalen">
      <Heading level={2} id="signalen">
        {ctx.t('signals.advice.linked')}
      </Heading>
      <ul class="utrecht-unordered-list">
        {signals.map((s) => (
          <li class="utrecht-unordered-list__item">
            <Link href={`/${council.slug}/werkruimte/signalen/${s.id}`}>{s.reference}</Link>
            {s.themeName ? ` (${s.themeName})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
