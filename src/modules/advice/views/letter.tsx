import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, ButtonLink, ButtonGroup, Alert } from '../../../ui/components/basics.tsx';
import { brandOf } from '../../../ui/layouts/frames.tsx';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import type { Advice } from '../advice.schema.ts';
import type { LetterModel } from '../advice.letter.ts';
import { renderToString } from 'preact-render-to-string';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

/** The advice letter (or the follow-up letter) as an HTML page in the workspace. */
export function LetterPage({ ctx, council, advice, model }: Props & { advice: Advice; model: LetterModel }) {
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/adviezen`;
  const detail = `${list}/${advice.id}`;
  const followUp = model.kind === 'followUp';
  const title = t(followUp ? 'advice.followUpLetter.title' : 'advice.letter.title', { reference: advice.reference });
  const logo = brandOf(council).logoUrl;
  return (
    <WorkspaceFrame
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
      <LetterArticle model={model} title={title} logo={logo} logoAlt={council.logoAlt || council.name} />
      <Paragraph>
        <Link href={detail}>{t('nav.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}

/** The letter itself: the same words on the workspace page and as the HTML part of the mail to the addressee. */
function LetterArticle({ model, title, logo, logoAlt }: { model: LetterModel; title: string; logo?: string | null; logoAlt?: string }) {
  return (
    <article class="rw-letter utrecht-html" aria-label={title}>
      {logo && (
        <p>
          <img src={logo} alt={logoAlt} class="rw-logo-preview" />
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
  );
}

/**
 * The letter as a whole HTML document for the body of the mail (issue 9, part 13): the text part
 * and the signed PDF stay; mail programs that show HTML show this. No logo: mail programs block
 * outside images, and the PDF carries it.
 */
export function letterHtml(model: LetterModel, title: string, lang: string): string {
  const style = 'body{font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em;margin:1em}dt{font-weight:bold}dd{margin:0 0 .5em}';
  return `<!DOCTYPE html>${renderToString(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style>{style}</style>
      </head>
      <body>
        <LetterArticle model={model} title={title} />
      </body>
    </html>,
  )}`;
}
