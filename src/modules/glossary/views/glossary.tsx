import type { PageCtx } from '../../../ui/context.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Heading, Paragraph } from '../../../ui/components/basics.tsx';
import { definitionKey, termKey, terms } from '../glossary.terms.ts';

/** "Wat betekent dit?": each word with its explanation; other pages link to `/woordenlijst#<id>`. */
export function GlossaryPage({ ctx }: { ctx: PageCtx }) {
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('glossary.title')}>
      <Heading level={1}>{t('glossary.title')}</Heading>
      <Paragraph lead>{t('glossary.intro')}</Paragraph>
      <dl class="rw-glossary">
        {terms.map((id) => (
          <div class="rw-glossary__entry" id={id}>
            <dt class="rw-glossary__term">{t(termKey(id))}</dt>
            <dd class="rw-glossary__definition">{t(definitionKey(id))}</dd>
          </div>
        ))}
      </dl>
    </Page>
  );
}
