/** What every part of the advice page gets, and the parts several steps show: the texts and the recommendations. */
import { usePageCtx, type PageCtx } from '../../../../ui/context.ts';
import type { Council } from '../../../../core/organisations.schema.ts';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { formatDate } from '../../../../core/i18n/index.ts';
import { Heading, Paragraph, Button, ButtonGroup, StatusBadge, TextBlock } from '../../../../ui/components/basics.tsx';
import { Form, TextArea } from '../../../../ui/components/form.tsx';
import type { Advice, Recommendation } from '../../advice.schema.ts';
import type { AdviceDetail } from '../../advice.queries.ts';
import { RichText } from '../../../../ui/components/rich-text.tsx';

export type StepProps = {
  ctx: PageCtx;
  council: Council;
  detail: AdviceDetail;
  /** The advice's own address. */
  path: string;
  errors?: FieldErrors;
  values?: FormValues;
  /** On the step's own page (`?stap=`), not as the open step of the list. */
  full: boolean;
};

/** The introduction and explanation, to read. */
export function AdviceTexts({ ctx: given, advice }: { ctx?: PageCtx; advice: Pick<Advice, 'introduction' | 'explanation'> }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  if (!advice.introduction && !advice.explanation) return <Paragraph>{t('advice.detail.noTexts')}</Paragraph>;
  return (
    <>
      {advice.introduction && (
        <>
          <Heading level={3}>{t('advice.detail.introduction')}</Heading>
          <RichText markdown={advice.introduction} baseLevel={4} />
        </>
      )}
      {advice.explanation && (
        <>
          <Heading level={3}>{t('advice.detail.explanation')}</Heading>
          <RichText markdown={advice.explanation} baseLevel={4} />
        </>
      )}
    </>
  );
}

/** The recommendations, to read or (while they may be changed) each in its own small form. */
export function Recommendations({ ctx: given, path, recommendations, sent, editable }: { ctx?: PageCtx; path: string; recommendations: Recommendation[]; sent: boolean; editable?: boolean }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  if (recommendations.length === 0) return <Paragraph>{t('advice.detail.noRecommendations')}</Paragraph>;
  return (
    <ol class="utrecht-ordered-list rw-recommendations">
      {recommendations.map((r, i) => (
        <li class="utrecht-ordered-list__item">
          {editable ? <RecommendationEditor path={path} rec={r} first={i === 0} last={i === recommendations.length - 1} /> : <RecommendationView rec={r} sent={sent} />}
        </li>
      ))}
    </ol>
  );
}

const answerLook = { adopted: 'success', not_adopted: 'danger', partly: 'warning', unanswered: 'neutral' } as const;

function RecommendationView({ ctx: given, rec, sent }: { ctx?: PageCtx; rec: Recommendation; sent: boolean }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <div>
      <TextBlock text={rec.text} />
      {sent && (
        <p class="utrecht-paragraph">
          <StatusBadge status={answerLook[rec.answer]}>{t(`advice.answer.${rec.answer}`)}</StatusBadge>
          {rec.answerReason && <> {rec.answerReason}</>}
        </p>
      )}
      {rec.followUp && <p class="utrecht-paragraph">{t('advice.followUp.current', { text: rec.followUp })}</p>}
      {rec.reviewOn && <p class="utrecht-paragraph">{t('advice.followUp.review', { date: formatDate(rec.reviewOn, ctx.locale) })}</p>}
    </div>
  );
}

function RecommendationEditor({ ctx: given, path, rec, first, last }: { ctx?: PageCtx; path: string; rec: Recommendation; first: boolean; last: boolean }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const id = `aanbeveling-${rec.id}`;
  return (
    <Form action={`${path}/aanbevelingen/${rec.id}`}>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={id}>
            {t('advice.rec.number', { n: rec.number })}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <textarea id={id} class="utrecht-textarea utrecht-textarea--html-textarea" name="text" rows={3}>
            {rec.text}
          </textarea>
        </div>
      </div>
      <ButtonGroup>
        <Button variant="secondary" name="actie" value="opslaan">
          {t('advice.rec.save')}
        </Button>
        {!first && (
          <Button variant="subtle" name="actie" value="omhoog">
            {t('advice.rec.up')}
          </Button>
        )}
        {!last && (
          <Button variant="subtle" name="actie" value="omlaag">
            {t('advice.rec.down')}
          </Button>
        )}
        <Button variant="subtle" danger name="actie" value="verwijderen">
          {t('advice.rec.remove')}
        </Button>
      </ButtonGroup>
    </Form>
  );
}

/** The form that adds a recommendation. */
export function AddRecommendation({ ctx, path, errors, values }: Pick<StepProps, 'ctx' | 'path' | 'errors' | 'values'>) {
  const t = ctx.t;
  return (
    <Form action={`${path}/aanbevelingen`}>
      <TextArea errors={errors} name="text" label={t('advice.rec.text')} value={values?.text} rows={3} />
      <Button variant="secondary">{t('advice.rec.add')}</Button>
    </Form>
  );
}
