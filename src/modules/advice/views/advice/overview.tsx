/** The main page of an advice: the steps with the current one open, what else there is, and the way to stop. */
import type { ComponentChildren } from 'preact';
import { Heading, Paragraph, Link, LinkList } from '../../../../ui/components/basics.tsx';
import { currentStep, mayOpenStap, stepKeys, stepStatus, type StepKey } from '../../advice.steps.ts';
import { listPath } from './list.tsx';
import type { StepProps } from './shared.tsx';
import { StepBadge, label, parts } from './parts.tsx';
import { StopSection, WithdrawnAlert } from './withdraw.tsx';

export function Overview(props: StepProps & { related?: ComponentChildren[] }) {
  const { ctx, detail, path } = props;
  const { advice, may } = detail;
  const t = ctx.t;
  // The open step: the current one; for an official's own request before sending, the request.
  const current = may.seeCouncilWork ? currentStep(advice.status) : 'aanvraag';
  const Current = current ? parts[current] : null;
  return (
    <>
      {advice.status === 'withdrawn' && <WithdrawnAlert ctx={ctx} detail={detail} path={path} />}
      <ol class="rw-task-list" aria-label={t('advice.steps.title')}>
        {stepKeys.map((key, i) => {
          const status = stepStatus(key, advice.status, detail.withdrawal);
          const name = `${i + 1}. ${label(ctx, key, detail)}`;
          return (
            <li class={`rw-task-list__item rw-task-list__item--${status}`}>
              <div class="rw-task-list__row">
                {key === current ? (
                  <h2 class="utrecht-heading-2 nl-heading nl-heading--level-2 rw-task-list__name" id={`stap-${key}`}>
                    {name}
                  </h2>
                ) : (
                  <StepName path={path} stap={key} name={name} open={mayOpenStap(key, may.seeCouncilWork)} />
                )}
                <span class="rw-task-list__status" id={`stap-${key}-status`}>
                  <StepBadge status={status} />
                </span>
              </div>
              {key === current && Current && (
                <div class="rw-task-list__panel" id={advice.status === 'withdrawn' ? undefined : 'veld-form'} tabindex={-1}>
                  <Current {...props} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {/* What other modules show here (the slot 'advice.detail.related'), such as the signals that led to this advice. */}
      {may.seeCouncilWork && props.related}
      <Heading level={2}>{t('advice.steps.more')}</Heading>
      <LinkList
        items={[
          { href: `${path}?stap=documenten`, label: t('advice.detail.documentsCount', { n: detail.documents.length }) },
          may.seeCouncilWork && { href: `${path}?stap=openbaarheid`, label: t('advice.publication.title') },
          may.seeCouncilWork && { href: `${path}?stap=geschiedenis`, label: t('advice.detail.timeline') },
        ]}
      />
      {may.withdraw && <StopSection ctx={ctx} path={path} />}
      <Paragraph>
        <Link href={listPath(props.council)}>{t('advice.detail.back')}</Link>
      </Paragraph>
    </>
  );
}

function StepName({ path, stap, name, open }: { path: string; stap: StepKey; name: string; open: boolean }) {
  if (!open) return <span class="rw-task-list__name">{name}</span>;
  return (
    <span class="rw-task-list__name">
      <a class="utrecht-link nl-link" href={`${path}?stap=${stap}`} aria-describedby={`stap-${stap}-status`}>
        {name}
      </a>
    </span>
  );
}
