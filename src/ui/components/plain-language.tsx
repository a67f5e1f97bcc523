/**
 * The plain-language (B1) advice after a save: the score and what to look at. Never blocks.
 * The check itself is pure (ui/plain-language.ts); the texts are in the knowledge catalogue
 * (`knowledge.b1.*`), as the footer takes the glossary's.
 */
import { usePageCtx, type PageCtx } from '../context.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import type { PlainLanguageReport } from '../plain-language.ts';
import { Alert } from './basics.tsx';

/** A count with the sentences it counts, at most five shown. */
function Sentences({ ctx: given, label, sentences }: { ctx?: PageCtx; label: MessageKey; sentences: string[] }) {
  const ctx = usePageCtx(given);
  if (sentences.length === 0) return null;
  return (
    <>
      <p class="utrecht-paragraph nl-paragraph">{ctx.t(label, { n: sentences.length })}</p>
      <ul class="utrecht-unordered-list">
        {sentences.slice(0, 5).map((s) => (
          <li class="utrecht-unordered-list__item">{s}</li>
        ))}
      </ul>
    </>
  );
}

export function PlainLanguageAdvice({ ctx: given, report }: { ctx?: PageCtx; report: PlainLanguageReport }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  if (report.level === 'empty') return null;
  const remarks = report.longSentences.length + report.passive.length + report.hardWords.length;
  return (
    <Alert type={report.level === 'easy' && remarks === 0 ? 'ok' : 'info'} title={t('knowledge.b1.title')}>
      <p class="utrecht-paragraph nl-paragraph">{t(`knowledge.b1.level.${report.level}`, { score: report.score ?? 0 })}</p>
      <p class="utrecht-paragraph nl-paragraph">{t('knowledge.b1.advice')}</p>
      <Sentences ctx={ctx} label="knowledge.b1.long" sentences={report.longSentences} />
      <Sentences ctx={ctx} label="knowledge.b1.passive" sentences={report.passive} />
      {report.hardWords.length > 0 && (
        <>
          <p class="utrecht-paragraph nl-paragraph">{t('knowledge.b1.hardWords')}</p>
          <ul class="utrecht-unordered-list">
            {report.hardWords.map((h) => (
              <li class="utrecht-unordered-list__item">{t('knowledge.b1.insteadOf', { word: h.word, alternative: h.alternative })}</li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
