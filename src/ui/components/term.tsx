import { usePageCtx, type PageCtx } from '../context.ts';
import type { MessageKey } from '../../core/i18n/index.ts';

/**
 * "Wat betekent: kenmerk, Woo, Atom-feed": links to the explanations on the glossary page
 * (`/woordenlijst#<id>`) of words a page uses that not everyone knows. Real link text, so a
 * screen reader and a phone user see what each link explains.
 */
export function WordsHelp({ ctx: given, ids }: { ctx?: PageCtx; ids: string[] }) {
  const ctx = usePageCtx(given);
  return (
    <p class="utrecht-paragraph nl-paragraph rw-words-help">
      {ctx.t('glossary.wordsHelp')}{' '}
      {ids.map((id, i) => (
        <>
          {i > 0 && ', '}
          <a class="utrecht-link nl-link" href={`/woordenlijst#${id}`}>
            {ctx.t(`glossary.term.${id}` as MessageKey)}
          </a>
        </>
      ))}
    </p>
  );
}
