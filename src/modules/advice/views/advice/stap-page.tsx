/** One step of an advice, or its documents, publication or history, on a page of its own (`?stap=`). */
import { Heading, Paragraph, Link } from '../../../../ui/components/basics.tsx';
import { isStepKey, stepKeys, stepStatus, type Stap } from '../../advice.steps.ts';
import type { StepProps } from './shared.tsx';
import { StepBadge, parts } from './parts.tsx';

export function StapPage(props: StepProps & { stap: Stap; label: string }) {
  const { ctx, detail, path, stap } = props;
  const t = ctx.t;
  const Part = parts[stap];
  const step = isStepKey(stap) ? stap : null;
  return (
    <>
      <div class="rw-stap" id="veld-form" tabindex={-1}>
        <Heading level={2}>{props.label}</Heading>
        {step && (
          <p class="utrecht-paragraph nl-paragraph rw-meta">
            {t('advice.steps.counter', { n: stepKeys.indexOf(step) + 1, total: stepKeys.length })} <StepBadge status={stepStatus(step, detail.advice.status, detail.withdrawal)} />
          </p>
        )}
        <Part {...props} />
      </div>
      <Paragraph>
        <Link href={path}>{t('advice.steps.back')}</Link>
      </Paragraph>
    </>
  );
}
