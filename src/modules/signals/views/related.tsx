import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Link, Section } from '../../../ui/components/basics.tsx';

type LinkedSignal = { id: string; reference: string; themeName: string | null };

/** The section on an advice's page that lists the signals linked to it. */
export function SignalsOfAdvice({ ctx: given, council, signals }: { ctx?: PageCtx; council: { slug: string }; signals: LinkedSignal[] }) {
  const ctx = usePageCtx(given);
  return (
    <Section id="signalen" title={ctx.t('signals.advice.linked')}>
      <ul class="utrecht-unordered-list">
        {signals.map((s) => (
          <li class="utrecht-unordered-list__item">
            <Link href={`/${council.slug}/werkruimte/signalen/${s.id}`}>{s.reference}</Link>
            {s.themeName ? ` (${s.themeName})` : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}
