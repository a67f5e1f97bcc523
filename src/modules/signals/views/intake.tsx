/**
 * Pages of the residents' signal form. Every page works without JavaScript and without a cookie:
 * the answers so far ride along as hidden fields, and the form token of the start page too (so
 * the minimum fill time counts from there).
 */
import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { FieldErrors } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { PublicFrame } from '../../../ui/layouts/frames.tsx';
import { Alert, Button, ButtonGroup, Heading, Link, Paragraph, Section, TextBlock } from '../../../ui/components/basics.tsx';
import { CheckboxField, ErrorSummary, Form, FormField, RadioGroup, TextField, NumberField } from '../../../ui/components/form.tsx';
import { signalAreas, signalSinces } from '../signals.schema.ts';
import { answerFields, contactChoices, fieldsOf, stepNumber, type AnswerField, type Answers, type IntakePage, type QuestionStep } from '../signals.intake.ts';
import { WordsHelp } from '../../../ui/components/term.tsx';
import { Honeypot } from '../../../ui/components/honeypot.tsx';
import { TextList } from '../../../ui/components/text-list.tsx';
import { EnumRadios } from '../../../ui/components/choice.tsx';

export const HONEYPOT = 'website';

const base = (council: Council) => `/${council.slug}/signaal`;
export const intakePaths = (council: Council) => ({
  start: base(council),
  question: `${base(council)}/vraag`,
  send: `${base(council)}/versturen`,
  sent: `${base(council)}/verstuurd`,
});

type Frame = { ctx: PageCtx; council: Council; title: string; hasErrors?: boolean; children: ComponentChildren };

function IntakeFrame({ ctx, council, title, hasErrors, children }: Frame) {
  const path = base(council);
  return (
    <PublicFrame title={title} section={path} hasErrors={hasErrors} trail={[{ href: path, label: ctx.t('signals.intake.start.title') }]}>
      {children}
    </PublicFrame>
  );
}

/** The answers of the other pages, as hidden fields. */
function Carried({ answers, except = [] }: { answers: Answers; except?: AnswerField[] }) {
  return (
    <>
      {(Object.keys(answerFields) as AnswerField[])
        .filter((f) => !except.includes(f) && answers[f] !== undefined)
        .map((f) => (
          <input type="hidden" name={f} value={answers[f]} />
        ))}
    </>
  );
}

export function StartPage({ ctx, council }: { ctx: PageCtx; council: Council }) {
  const t = ctx.t;
  return (
    <IntakeFrame ctx={ctx} council={council} title={t('signals.intake.start.title')}>
      <Heading level={1}>{t('signals.intake.start.title')}</Heading>
      <Paragraph lead>{t('signals.intake.start.lead', { council: council.name })}</Paragraph>
      <Section id="wat-wij-doen" title={t('signals.intake.start.canTitle')}>
        <TextList items={[t('signals.intake.start.can1'), t('signals.intake.start.can2'), t('signals.intake.start.can3')]} />
      </Section>
      <Section id="wat-wij-niet-doen" title={t('signals.intake.start.cannotTitle')} intro={t('signals.intake.start.cannot')} />
      <Alert type="info" title={t('signals.intake.start.helpTitle')}>
        <Paragraph>{t('signals.intake.start.help')}</Paragraph>
      </Alert>
      <WordsHelp ids={['signaal', 'clientondersteuning', 'wmo']} />
      <Section id="hoe-het-werkt" title={t('signals.intake.start.nextTitle')} intro={t('signals.intake.start.next')}>
        <Paragraph>{t('signals.intake.start.noCookies')}</Paragraph>
      </Section>
      {/* A form, not a link: its token carries the time this page was shown to the last step. */}
      <Form action={intakePaths(council).question}>
        <input type="hidden" name="pagina" value="start" />
        <Button>{t('signals.intake.start.button')}</Button>
      </Form>
    </IntakeFrame>
  );
}

export type QuestionProps = {
  ctx: PageCtx;
  council: Council;
  step: QuestionStep;
  answers: Answers;
  /** The form token of the start page, passed on unchanged. */
  token: string;
  /** The page the back link returns to: null is the start page. */
  back: IntakePage | null;
  fromCheck: boolean;
  honeypot?: string;
  errors?: FieldErrors | null;
  retention: { contactMonths: number; textMonths: number };
};

const questionKey = {
  omschrijving: 'signals.intake.description.question',
  onderwerp: 'signals.intake.area.question',
  sinds: 'signals.intake.since.question',
  aantal: 'signals.intake.people.question',
  contact: 'signals.intake.contact.question',
  toestemming: 'signals.intake.consent.question',
} as const;

/** A back link that keeps the answers: a small form of its own, so Enter in the main form never goes back. */
function BackLink({ ctx, council, answers, back, fromCheck }: Pick<QuestionProps, 'ctx' | 'council' | 'answers' | 'back' | 'fromCheck'>) {
  if (back === null) {
    return (
      <p class="utrecht-paragraph rw-back">
        <Link href={intakePaths(council).start}>{ctx.t('signals.intake.backToStart')}</Link>
      </p>
    );
  }
  return (
    <Form ctx={ctx} action={intakePaths(council).question} class="rw-back" minor>
      <Carried answers={answers} />
      {fromCheck && <input type="hidden" name="naarControle" value="ja" />}
      <input type="hidden" name="ga" value={back} />
      <button type="submit" class="utrecht-link nl-link rw-link-button">
        {ctx.t('signals.intake.back')}
      </button>
    </Form>
  );
}

export function QuestionPage(props: QuestionProps) {
  const { council, step, answers, errors } = props;
  // The form token of the start page goes on, so the fill time counts from there.
  const ctx = { ...props.ctx, csrfToken: props.token };
  const t = ctx.t;
  const { n, total } = stepNumber(step);
  const question = t(questionKey[step]);
  const errs = errors ?? undefined;
  return (
    <IntakeFrame ctx={ctx} council={council} title={t('signals.intake.stepTitle', { n, total, question })} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={errs} />
      <BackLink {...props} ctx={ctx} />
      <p class="utrecht-paragraph rw-meta" id="stap">
        {t('signals.intake.step', { n, total })}
      </p>
      <Heading level={1}>{question}</Heading>
      <Form ctx={ctx} action={intakePaths(council).question}>
        <input type="hidden" name="pagina" value={step} />
        {props.fromCheck && <input type="hidden" name="naarControle" value="ja" />}
        <Carried answers={answers} except={fieldsOf(step)} />
        <StepFields {...props} ctx={ctx} errors={errs} />
        <Honeypot name={HONEYPOT} label={t('signals.intake.honeypot')} value={props.honeypot} />
        <Button>{t('signals.intake.continue')}</Button>
      </Form>
    </IntakeFrame>
  );
}

function StepFields(props: QuestionProps & { errors?: FieldErrors }) {
  const { ctx, step, answers: a, errors } = props;
  const t = ctx.t;
  switch (step) {
    case 'omschrijving':
      return (
        <FormField name="description" label={t('signals.intake.description.question')} hint={`${t('signals.intake.description.hint')} ${t('signals.intake.description.limit')}`} errors={errors}>
          {(attrs, invalid) => (
            <>
              <div class="utrecht-alert utrecht-alert--warning" id="veld-description-let-op">
                <div class="utrecht-alert__content">
                  <p class="utrecht-paragraph nl-paragraph">
                    <strong>{t('signals.intake.description.warningTitle')}:</strong> {t('signals.intake.description.warning')}
                  </p>
                </div>
              </div>
              <textarea
                {...attrs}
                aria-describedby={[attrs['aria-describedby'], 'veld-description-let-op'].filter(Boolean).join(' ')}
                class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
                name="description"
                rows={10}
              >
                {a.description ?? ''}
              </textarea>
            </>
          )}
        </FormField>
      );
    case 'onderwerp':
      return <EnumRadios name="area" label={t('signals.intake.area.question')} hint={t('signals.intake.area.hint')} value={a.area} errors={errors} values={signalAreas} prefix="signals.area" />;
    case 'sinds':
      return <EnumRadios name="since" label={t('signals.intake.since.question')} value={a.since} errors={errors} values={signalSinces} prefix="signals.since" />;
    case 'aantal':
      return <NumberField name="peopleCount" label={t('signals.intake.people.label')} hint={t('signals.intake.people.hint')} optional value={a.peopleCount} errors={errors} />;
    case 'contact':
      return (
        <>
          <RadioGroup
            name="contactChoice"
            label={t('signals.intake.contact.question')}
            hint={t('signals.intake.contact.hint')}
            value={a.contactChoice}
            errors={errors}
            options={contactChoices.map((v) => ({
              value: v,
              label: t(v === 'anoniem' ? 'signals.intake.contact.anonymous' : 'signals.intake.contact.details'),
            }))}
          />
          <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" aria-describedby="contactgegevens-uitleg">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('signals.intake.contact.detailsTitle')}</legend>
            <div class="utrecht-form-field-description" id="contactgegevens-uitleg">
              {t('signals.intake.contact.detailsHint')}
            </div>
            <TextField name="name" label={t('signals.intake.contact.name')} optional value={a.name} errors={errors} autocomplete="name" />
            <TextField name="email" type="email" label={t('signals.intake.contact.email')} hint={t('signals.intake.contact.emailHint')} value={a.email} errors={errors} autocomplete="email" />
            <TextField name="phone" type="tel" label={t('signals.intake.contact.phone')} value={a.phone} errors={errors} autocomplete="tel" width="medium" />
          </fieldset>
        </>
      );
    case 'toestemming':
      return (
        <>
          <Paragraph>{t('signals.intake.consent.explain1')}</Paragraph>
          <Paragraph>{t('signals.intake.consent.explain2')}</Paragraph>
          <Paragraph>{t('signals.intake.consent.explain3')}</Paragraph>
          <Paragraph>
            {t('signals.intake.consent.retention', {
              contactMonths: months(ctx, props.retention.contactMonths),
              textMonths: months(ctx, props.retention.textMonths),
            })}
          </Paragraph>
          <CheckboxField name="consent" label={t('signals.intake.consent.label')} checked={a.consent !== undefined} errors={errors} />
        </>
      );
  }
}

const months = (ctx: PageCtx, n: number) => ctx.t(n === 1 ? 'signals.intake.months.one' : 'signals.intake.months.other', { n });

export type CheckProps = {
  ctx: PageCtx;
  council: Council;
  answers: Answers;
  token: string;
  back: QuestionStep;
  honeypot?: string;
  errors?: FieldErrors;
};

/** "Check your answers": each change button posts the answers back to its page. */
export function CheckPage(props: CheckProps) {
  const { council, answers: a } = props;
  const ctx = { ...props.ctx, csrfToken: props.token };
  const t = ctx.t;
  const paths = intakePaths(council);
  const anonymous = a.contactChoice === 'anoniem';
  const rows: { key: string; value: ComponentChildren; page: QuestionStep }[] = [
    { key: t('signals.intake.description.question'), value: <TextBlock text={a.description ?? ''} />, page: 'omschrijving' },
    { key: t('signals.intake.area.question'), value: a.area ? t(`signals.area.${a.area as (typeof signalAreas)[number]}`) : '', page: 'onderwerp' },
    { key: t('signals.intake.since.question'), value: a.since ? t(`signals.since.${a.since as (typeof signalSinces)[number]}`) : '', page: 'sinds' },
    { key: t('signals.intake.people.question'), value: a.peopleCount ?? t('signals.intake.check.unknown'), page: 'aantal' },
    {
      key: t('signals.intake.check.contact'),
      value: anonymous
        ? t('signals.intake.check.anonymous')
        : [a.name, a.email, a.phone].filter(Boolean).map((line) => (
            <>
              {line}
              <br />
            </>
          )),
      page: 'contact',
    },
  ];
  if (!anonymous) rows.push({ key: t('signals.intake.consent.question'), value: t('signals.intake.consent.given'), page: 'toestemming' });
  return (
    <IntakeFrame ctx={ctx} council={council} title={t('signals.intake.check.title')} hasErrors={Boolean(props.errors)}>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <BackLink ctx={ctx} council={council} answers={a} back={props.back} fromCheck={false} />
      <Heading level={1}>{t('signals.intake.check.title')}</Heading>
      <Paragraph>{t('signals.intake.check.intro')}</Paragraph>
      <Form ctx={ctx} action={paths.send}>
        <input type="hidden" name="naarControle" value="ja" />
        {/* Which page this is, for the language switch (it comes back here with the answers). */}
        <input type="hidden" name="pagina" value="controleren" />
        <Carried answers={a} />
        {/* id: errors that belong to no one field link here (fieldId('form')). */}
        <dl class="utrecht-data-list utrecht-data-list--rows" aria-label={t('signals.intake.check.caption')} id="veld-form" tabindex={-1}>
          {rows.map((r) => (
            <div class="utrecht-data-list__item">
              <dt class="utrecht-data-list__item-key">{r.key}</dt>
              <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{r.value}</dd>
              <dd class="utrecht-data-list__actions">
                <button type="submit" class="utrecht-link nl-link rw-link-button" formaction={paths.question} name="ga" value={r.page}>
                  {t('form.change')}
                  <span class="rw-visually-hidden"> {r.key}</span>
                </button>
              </dd>
            </div>
          ))}
        </dl>
        <Heading level={2}>{t('signals.intake.check.sendTitle')}</Heading>
        <Paragraph>{t('signals.intake.check.sendText')}</Paragraph>
        <Honeypot name={HONEYPOT} label={t('signals.intake.honeypot')} value={props.honeypot} />
        <Button>{t('signals.intake.check.submit')}</Button>
      </Form>
    </IntakeFrame>
  );
}

/** The confirmation; a reference only when the signal was really stored. */
/** `held`: the signal waits beyond the organisation's hourly budget (signals.intake.held.ts). */
export function SentPage({ ctx, council, reference, held }: { ctx: PageCtx; council: Council; reference: string | null; held?: boolean }) {
  const t = ctx.t;
  return (
    <IntakeFrame ctx={ctx} council={council} title={t('signals.intake.done.title')}>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <div class="utrecht-alert__content">
          <Heading level={1}>{t('signals.intake.done.title')}</Heading>
          {reference && (
            <p class="utrecht-paragraph nl-paragraph">
              {t('signals.intake.done.reference')} <strong class="rw-reference">{reference}</strong>
            </p>
          )}
          {held && !reference && <p class="utrecht-paragraph nl-paragraph">{t('signals.intake.done.held')}</p>}
        </div>
      </div>
      <Paragraph>{t('signals.intake.done.thanks')}</Paragraph>
      {reference && <Paragraph>{t('signals.intake.done.keep')}</Paragraph>}
      <Heading level={2}>{t('signals.intake.done.nextTitle')}</Heading>
      <TextList items={[t('signals.intake.done.next1'), t('signals.intake.done.next2'), t('signals.intake.done.next3')]} />
      <Paragraph>{t('signals.intake.done.help')}</Paragraph>
      <ButtonGroup>
        <Link href={intakePaths(council).start}>{t('signals.intake.done.another')}</Link>
        <Link href={`/${council.slug}`}>{t('signals.intake.done.home', { council: council.name })}</Link>
      </ButtonGroup>
    </IntakeFrame>
  );
}

/** 429: friendly, says nothing was stored, and offers another way. */
/** `busy`: too many signals wait for the whole organisation, not only from this address. */
export function LimitPage({ ctx, council, busy }: { ctx: PageCtx; council: Council; busy?: boolean }) {
  const t = ctx.t;
  const title = t(busy ? 'signals.intake.busy.title' : 'signals.intake.limit.title');
  return (
    <IntakeFrame ctx={ctx} council={council} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t(busy ? 'signals.intake.busy.body' : 'signals.intake.limit.body')}</Paragraph>
      <Paragraph>{t('signals.intake.limit.contact', { email: council.contactEmail })}</Paragraph>
      <Paragraph>
        <Link href={`/${council.slug}`}>{t('signals.intake.done.home', { council: council.name })}</Link>
      </Paragraph>
    </IntakeFrame>
  );
}
