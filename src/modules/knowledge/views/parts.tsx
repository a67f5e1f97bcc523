/** Parts the public and workspace pages of the knowledge base share. */
import type { PageCtx } from '../../../ui/context.ts';
import { Alert, StatusBadge } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import type { PlainLanguageReport } from '../knowledge.plain-language.ts';

/** "Mogelijk verouderd" with the review date, as a badge with words (never colour alone). */
export function OverdueBadge({ ctx, reviewBy }: { ctx: PageCtx; reviewBy: string }) {
  return <StatusBadge status="warning">{ctx.t('knowledge.overdue', { date: formatDate(reviewBy, ctx.locale) })}</StatusBadge>;
}

/** The plain-language advice after a save: the score and what to look at. Never blocks. */
export function PlainLanguageAdvice({ ctx, report }: { ctx: PageCtx; report: PlainLanguageReport }) {
  const t = ctx.t;
  if (report.level === 'empty') return null;
  const remarks = report.longSentences.length + report.passive.length + report.hardWords.length;
  return (
    <Alert type={report.level === 'easy' && remarks === 0 ? 'ok' : 'info'} title={t('knowledge.b1.title')}>
      <p class="utrecht-paragraph nl-paragraph">{t(`knowledge.b1.level.${report.level}`, { score: report.score ?? 0 })}</p>
      <p class="utrecht-paragraph nl-paragraph">{t('knowledge.b1.advice')}</p>
      {report.longSentences.length > 0 && (
        <>
          <p class="utrecht-paragraph nl-paragraph">{t('knowledge.b1.long', { n: report.longSentences.length })}</p>
          <ul class="utrecht-unordered-list">
            {report.longSentences.slice(0, 5).map((s) => (
              <li class="utrecht-unordered-list__item">{s}</li>
            ))}
          </ul>
        </>
      )}
      {report.passive.length > 0 && (
        <>
          <p class="utrecht-paragraph nl-paragraph">{t('knowledge.b1.passive', { n: report.passive.length })}</p>
          <ul class="utrecht-unordered-list">
            {report.passive.slice(0, 5).map((s) => (
              <li class="utrecht-unordered-list__item">{s}</li>
            ))}
          </ul>
        </>
      )}
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
