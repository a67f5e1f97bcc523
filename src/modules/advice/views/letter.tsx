import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, ButtonLink, ButtonGroup, Alert } from '../../../ui/components/basics.tsx';
import { brandOf } from '../../../ui/layouts/frames.tsx';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import type { Advice } from '../advice.schema.ts';
import type { LetterModel } from '../advice.letter.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

/** The advice letter (or the follow-up letter) as an HTML page in the workspace. */
export function LetterPage({ ctx, council, actor, advice, model }: Props & { advice: Advice; model: LetterModel }) {
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/adviezen`;
  const detail = `${list}/${advice.id}`;
  const followUp = model.kind === 'followUp';
  const title = t(followUp ? 'advice.followUpLetter.title' : 'advice.letter.title', { reference: advice.reference });
  const logo = brandOf(council).logoUrl;
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      trail={[
        { href: list, label: t('advice.list.title') },
        { href: detail, label: advice.reference },
        { href: `${detail}/${followUp ? 'herinneringsbrief' : 'brief'}`, label: title },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      {followUp ? (
        <Alert type="info">
          <Paragraph>{t('advice.followUpLetter.intro')}</Paragraph>
        </Alert>
      ) : (
        <ButtonGroup>
          <ButtonLink href={`${detail}/brief.pdf`} variant="secondary">
            {t('advice.letter.pdf')}
          </ButtonLink>
        </ButtonGroup>
      )}
      <article class="rw-letter utrecht-html" aria-label={title}>
        {logo && (
          <p>
            <img src={logo} alt={council.logoAlt || council.name} class="rw-logo-preview" />
          </p>
        )}
        <p>
          <strong>{model.council}</strong>
          {model.postalAddress && (
            <>
              <br />
              {model.postalAddress}
            </>
          )}
        </p>
        <p>{model.addressee}</p>
        <dl>
          <dt>{model.labels.date}</dt>
          <dd>{model.date}</dd>
          <dt>{model.labels.reference}</dt>
          <dd>{model.reference}</dd>
          <dt>{model.labels.subject}</dt>
          <dd>{model.subject}</dd>
        </dl>
        <p>{model.salutation}</p>
        {model.opening.map((p) => (
          <p>{p}</p>
        ))}
        {model.recommendations.length > 0 && (
          <>
            <h2>{model.recommendationsTitle}</h2>
            <ol>
              {model.recommendations.map((r) => (
                <li value={r.number}>{r.text}</li>
              ))}
            </ol>
          </>
        )}
        {model.explanation.length > 0 && (
          <>
            <h2>{model.explanationTitle}</h2>
            {model.explanation.map((p) => (
              <p>{p}</p>
            ))}
          </>
        )}
        <p>{model.answerRequest}</p>
        <p>{model.closing}</p>
        {model.signatures.map((s) => (
          <p>
            <strong>{s.name}</strong>
            <br />
            {s.role}
          </p>
        ))}
      </article>
      <Paragraph>
        <Link href={detail}>{t('nav.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}
