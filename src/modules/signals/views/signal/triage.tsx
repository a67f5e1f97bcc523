/** The board's steps with a signal: theme, agenda, advice, duplicate, close, reopen. */
import { Button, Heading, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm, ChooseOneForm, Form, TextArea, TextField } from '../../../../ui/components/form.tsx';
import { policyFields } from '../../../advice/index.ts';
import { signalOutcomes } from '../../signals.schema.ts';
import type { SignalPart } from './part.ts';
import { EnumSelect, enumOptions } from '../../../../ui/components/choice.tsx';

export function Triage({ ctx, detail, errors, v, path }: SignalPart) {
  const { signal, may } = detail;
  const t = ctx.t;
  const none = t('signals.detail.none');
  return (
    // The heading takes focus for errors that belong to no one field (their summary links to #veld-form).
    <section aria-labelledby="veld-form">
      <h2 class="utrecht-heading-2 nl-heading nl-heading--level-2" id="veld-form" tabindex={-1}>
        {t('signals.detail.triage')}
      </h2>
      {may.classify && (
        <>
          <Heading level={3}>{t('signals.classify.title')}</Heading>
          <ChooseOneForm
            action={`${path}/thema`}
            errors={errors}
            name="themeId"
            label={t('signals.field.theme')}
            hint={t('signals.classify.themeHint')}
            value={v.themeId ?? signal.themeId ?? ''}
            none={t('signals.classify.noTheme')}
            options={[...detail.themes.map((x) => ({ value: x.id, label: x.name })), { value: 'nieuw', label: t('signals.classify.newThemeOption') }]}
            button={t('signals.classify.save')}
          >
            <TextField errors={errors} name="newTheme" label={t('signals.classify.newTheme')} hint={t('signals.classify.newThemeHint')} value={v.newTheme} optional />
            <EnumSelect
              errors={errors}
              name="policyField"
              label={t('signals.field.policyField')}
              value={v.policyField ?? signal.policyField ?? ''}
              none={none}
              values={policyFields}
              prefix="advice.policyField"
            />
          </ChooseOneForm>
        </>
      )}
      {may.toDiscuss && <ActionForm action={`${path}/bespreken`} hint={t('signals.toDiscuss.hint')} button={t('signals.toDiscuss.button')} />}
      {may.markDiscussed && <ActionForm action={`${path}/besproken`} hint={t('signals.markDiscussed.hint')} button={t('signals.markDiscussed.button')} />}
      {may.linkAdvice && (
        <Section level={3} id="advies-koppelen" title={t('signals.linkAdvice.title')} items={detail.adviceOptions} empty={t('signals.linkAdvice.none')}>
          <ChooseOneForm
            action={`${path}/advies`}
            errors={errors}
            name="adviceId"
            label={t('signals.linkAdvice.label')}
            value={v.adviceId ?? signal.adviceId ?? ''}
            options={detail.adviceOptions.map((a) => ({ value: a.id, label: `${a.reference}: ${a.subject}` }))}
            button={t('signals.linkAdvice.button')}
          />
        </Section>
      )}
      {may.markDuplicate && (
        <>
          <Heading level={3}>{t('signals.duplicate.title')}</Heading>
          <Form action={`${path}/dubbel`}>
            <TextField
              errors={errors}
              name="duplicateOf"
              label={t('signals.duplicate.label')}
              hint={detail.similar.length ? t('signals.duplicate.hintSimilar', { references: detail.similar.map((s) => s.reference).join(', ') }) : t('signals.duplicate.hint')}
              value={v.duplicateOf}
              width="short"
            />
            <Button variant="secondary">{t('signals.duplicate.button')}</Button>
          </Form>
        </>
      )}
      {may.close && (
        <>
          <Heading level={3}>{t('signals.close.title')}</Heading>
          <ChooseOneForm
            action={`${path}/afsluiten`}
            control="radio"
            errors={errors}
            name="outcome"
            label={t('signals.field.outcome')}
            value={v.outcome}
            options={enumOptions(t, { values: signalOutcomes, prefix: 'signals.outcome' })}
            button={t('signals.close.button')}
            variant="primary"
          >
            <TextArea errors={errors} name="outcomeNote" label={t('signals.field.outcomeNote')} hint={t('signals.field.outcomeNoteHint')} value={v.outcomeNote} rows={3} optional />
          </ChooseOneForm>
        </>
      )}
      {may.reopen && <ActionForm action={`${path}/heropenen`} button={t('signals.reopen.button')} />}
    </section>
  );
}
