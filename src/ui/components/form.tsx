import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { LanguageFormScope, languageSwitch, usePageCtx, type PageCtx } from '../context.ts';
import { translator } from '../../core/i18n/index.ts';
import type { FieldErrors } from '../../core/http/forms.ts';
import type { FormDraft } from '../../core/http/form-drafts.ts';
import { Button } from './basics.tsx';

export type FieldProps = {
  /** The page's context; read from the page when left out. */
  ctx?: PageCtx;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  errors?: FieldErrors;
};

type ControlAttrs = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' };

/** Label, hint, error, control: in this order, per the NL Design System form field. */
export function FormField(props: FieldProps & { children: (attrs: ControlAttrs, invalid: boolean) => ComponentChildren }) {
  const { name, label, hint, optional, errors } = props;
  const ctx = usePageCtx(props.ctx);
  const id = fieldId(name);
  const error = errors?.[name];
  const describedBy = describedByOf(id, hint, error);
  const attrs: ControlAttrs = { id };
  if (describedBy) attrs['aria-describedby'] = describedBy;
  if (error) attrs['aria-invalid'] = 'true';
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
          {optional ? ` ${ctx.t('form.optional')}` : ''}
        </label>
      </div>
      <HintAndError id={id} hint={hint} error={error} inField />
      <div class="utrecht-form-field__input">{props.children(attrs, Boolean(error))}</div>
    </div>
  );
}

/** The ids of a field's hint and error, for the control's `aria-describedby`; undefined when it has neither. */
function describedByOf(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A field's hint, then its error starting with a visually hidden "Fout:". In a form field
 * (`inField`) they take the field's grid classes; under a fieldset's legend they stand alone.
 */
function HintAndError({ ctx, id, hint, error, inField }: { ctx?: PageCtx; id?: string; hint?: ComponentChildren; error?: string; inField?: boolean }) {
  const t = usePageCtx(ctx).t;
  return (
    <>
      {hint && (
        <div class={`${inField ? 'utrecht-form-field__description ' : ''}utrecht-form-field-description`} id={id && `${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div class={`${inField ? 'utrecht-form-field__error-message ' : ''}utrecht-form-field-error-message`} id={id && `${id}-error`}>
          <span class="rw-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </div>
      )}
    </>
  );
}

export function fieldId(name: string): string {
  return `veld-${name}`;
}

type InputProps = FieldProps & {
  value?: string | null;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'url' | 'color';
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  width?: 'short' | 'medium';
};

export function TextField(props: InputProps) {
  const { name, type = 'text', autocomplete, inputmode, width } = props;
  const value = useKeptText(name, props.value);
  return (
    <FormField {...props}>
      {(attrs, invalid) => (
        <input
          {...attrs}
          class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${width ? ` rw-width-${width}` : ''}`}
          type={type as 'text'}
          name={name}
          value={type === 'password' ? undefined : type === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value) ? '' : (value ?? '')}
          autocomplete={autocomplete}
          inputmode={inputmode}
          spellcheck={type === 'email' || type === 'password' ? false : undefined}
        />
      )}
    </FormField>
  );
}

/** A whole number (a count, a number of days, a year): a short box, the numeric keyboard on a phone. */
export function NumberField(props: Omit<InputProps, 'type' | 'inputmode' | 'width'>) {
  return <TextField {...props} inputmode="numeric" width="short" />;
}

/** A file upload; the form must be multipart. */
export function FileField(props: FieldProps & { accept: string; multiple?: boolean }) {
  return <FormField {...props}>{(attrs) => <input {...attrs} type="file" name={props.name} accept={props.accept} multiple={props.multiple} />}</FormField>;
}

export function TextArea(props: FieldProps & { value?: string | null; rows?: number }) {
  const value = useKeptText(props.name, props.value);
  return (
    <FormField {...props}>
      {(attrs, invalid) => (
        <textarea {...attrs} class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`} name={props.name} rows={props.rows ?? 6}>
          {value ?? ''}
        </textarea>
      )}
    </FormField>
  );
}

/**
 * A select box; the theme draws the arrow that shows it opens (`--utrecht-select-background-image`).
 * `none` adds a first option with the empty value: no choice, or in a filter "all".
 */
export function SelectField(props: FieldProps & { value?: string | null; options: { value: string; label: string }[]; none?: string }) {
  const value = useKeptText(props.name, props.value);
  const options = props.none === undefined ? props.options : [{ value: '', label: props.none }, ...props.options];
  return (
    <FormField {...props}>
      {(attrs, invalid) => (
        <select {...attrs} class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`} name={props.name}>
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * One checkbox with its label beside it, in the NL Design System's grid: the control in the
 * first column, label, hint and error in the second (`utrecht-form-field--checkbox`).
 */
export function CheckboxField(props: FieldProps & { checked?: boolean; value?: string }) {
  const kept = useKept(props.name);
  const { name, label, hint, errors } = props;
  const id = fieldId(name);
  const error = errors?.[name];
  const describedBy = describedByOf(id, hint, error);
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__input">
        <input
          class={`utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom${error ? ' utrecht-checkbox--invalid' : ''}`}
          type="checkbox"
          id={id}
          name={name}
          value={props.value ?? 'ja'}
          checked={kept ? kept.includes(props.value ?? 'on') : props.checked}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
          {label}
        </label>
      </div>
      <HintAndError id={id} hint={hint} error={error} inField />
    </div>
  );
}

/**
 * A group of fields under one question: the legend, then the hint and the error (starting with a
 * visually hidden "Fout:"), then the fields. On error the fieldset is marked `--invalid`. With a
 * `name`, its id is that field's id, so the error summary links to it, and its error is shown.
 */
export function Fieldset(props: { ctx?: PageCtx; name?: string; legend: ComponentChildren; hint?: ComponentChildren; errors?: FieldErrors; class?: string; children: ComponentChildren }) {
  const { name, hint, errors } = props;
  const id = name ? fieldId(name) : undefined;
  const error = name ? errors?.[name] : undefined;
  const describedBy = id ? describedByOf(id, hint, error) : undefined;
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${props.class ? ` ${props.class}` : ''}${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
      id={id}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{props.legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      {props.children}
    </fieldset>
  );
}

/**
 * A group of radio buttons in a fieldset; the legend is the question. Each option is a radio
 * form field of the NL Design System: the button in the first grid column, its label (and
 * hint) beside it.
 */
export function RadioGroup(props: FieldProps & { value?: string | null; options: { value: string; label: string; hint?: string }[] }) {
  const { name, label, hint, errors, options } = props;
  const value = useKeptText(name, props.value);
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <Fieldset name={name} legend={label} hint={hint} errors={errors} class="rw-radio-group">
      {options.map((o, i) => {
        const optionId = i === 0 ? `${id}-optie` : `${id}-optie-${i}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__input">
              <input
                class={`utrecht-radio-button utrecht-radio-button--html-input${error ? ' utrecht-radio-button--invalid' : ''}`}
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={o.value === value}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--radio">
              <label class="utrecht-form-label utrecht-form-label--radio" for={optionId}>
                {o.label}
              </label>
            </div>
            {o.hint && (
              <div class="utrecht-form-field__description utrecht-form-field-description" id={`${optionId}-hint`}>
                {o.hint}
              </div>
            )}
          </div>
        );
      })}
    </Fieldset>
  );
}

/** Error summary above the form; rw-error-summary gets focus from a small script and via autofocus-less anchor. */
/**
 * `fieldOf` names the field an error belongs to when its key is not that field's name: several
 * problems of one field (the lines of a pasted list) each get their own link to that field.
 */
export function ErrorSummary({ ctx: given, errors, fieldOf }: { ctx?: PageCtx; errors?: FieldErrors; fieldOf?: Readonly<Record<string, string>> }) {
  const ctx = usePageCtx(given);
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error rw-error-summary" role="alert" data-module="error-summary">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2 rw-error-summary__title" id="foutmeldingen" tabindex={-1}>
          {ctx.t('form.errorSummaryTitle')}
        </h2>
        <ul class="utrecht-unordered-list">
          {Object.entries(errors).map(([name, message]) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link nl-link" href={`#${fieldId(fieldOf?.[name] ?? name)}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A POST form with the CSRF token; server-side validation only. */
/** The id of the page's main form, and of the button after it that switches language and sends the form along. */
const LANGUAGE_FORM_ID = 'rw-taal';
export const LANGUAGE_BUTTON_ID = 'taal-wissel';

/** What was typed before a language switch, for the fields of the form that was sent (core/http/form-drafts.ts). */
const DraftContext = createContext<FormDraft | null>(null);

/** The kept values of this field: undefined without a draft, else the values sent (none: []). */
function useKept(name: string): string[] | undefined {
  const draft = useContext(DraftContext);
  return draft ? (draft[name] ?? []) : undefined;
}

/** The kept text of a field, else the given value (a field the draft does not hold keeps its value). */
function useKeptText(name: string, value: string | null | undefined): string | null | undefined {
  const kept = useKept(name);
  return kept && kept.length > 0 ? kept[0] : value;
}

export function Form(props: {
  ctx?: PageCtx;
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  class?: string;
  /** A one-button action beside the page's real form: it does not take the language switch. */
  minor?: boolean;
}) {
  const ctx = usePageCtx(props.ctx);
  // The page's first form takes the header's language switch, so what is typed comes along
  // (outside renderDocument there is no page, so no switch).
  const scope = useContext(LanguageFormScope);
  const main = !props.minor && scope !== null && !scope.taken;
  if (main) scope.taken = true;
  const form = (
    <form method="post" action={props.action} novalidate class={props.class ?? 'rw-form'} enctype={props.multipart ? 'multipart/form-data' : undefined} id={main ? LANGUAGE_FORM_ID : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {props.children}
    </form>
  );
  if (!main) return form;
  // After the form, so it is never the form's default button (Enter in a field submits the form, not this).
  const other = languageSwitch(ctx);
  return (
    <DraftContext.Provider value={ctx.draft ?? null}>
      {form}
      <p class="rw-lang-keep">
        <button
          class="rw-link-button"
          type="submit"
          id={LANGUAGE_BUTTON_ID}
          form={LANGUAGE_FORM_ID}
          formaction={other.href}
          formmethod="post"
          formenctype="application/x-www-form-urlencoded"
          formnovalidate
          lang={other.to}
        >
          {translator(other.to)('lang.switchKeep')}
        </button>
      </p>
    </DraftContext.Provider>
  );
}

/**
 * What just happened after a save: a status message whose heading says it and takes focus (a
 * small script, as for the error summary), so screen readers read it first and keyboard users
 * go on from there instead of from the top of the page.
 */
export function SuccessNotice({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="utrecht-alert utrecht-alert--ok rw-notice" role="status" data-module="notice">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-3 rw-alert-title rw-notice__title" id="melding" tabindex={-1}>
          {title}
        </h2>
        {children && <div class="utrecht-alert__message">{children}</div>}
      </div>
    </div>
  );
}

/** Top of a page with a form: error summary first, then the heading, then a notice of what just happened. */
export function FormPageTop({ errors, title, notice }: { ctx?: PageCtx; errors?: FieldErrors; title: string; notice?: string }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="utrecht-heading-1 nl-heading nl-heading--level-1">{title}</h1>
      {notice && <SuccessNotice title={notice} />}
    </>
  );
}

type ChoiceOption = { value: string; label: string; hint?: string };

/**
 * A small POST form that asks one thing and sends it: a status, a working group, a theme. One
 * question as radio buttons (`control="radio"`) or a select box (the default), any further fields
 * as children, then the button.
 */
export function ChooseOneForm(props: {
  ctx?: PageCtx;
  action: string;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  options: ChoiceOption[];
  /** A first option with the empty value, for choosing none (no theme, no lead); a select box only. */
  none?: string;
  value?: string | null;
  control?: 'radio' | 'select';
  /** The button's text. */
  button: string;
  variant?: 'primary' | 'secondary';
  /** A paragraph above the question. */
  intro?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const field = { ctx: props.ctx, errors: props.errors, name: props.name, label: props.label, hint: props.hint, value: props.value, options: props.options };
  return (
    <Form action={props.action}>
      {props.intro && <p class="utrecht-paragraph nl-paragraph">{props.intro}</p>}
      {props.control === 'radio' ? <RadioGroup {...field} /> : <SelectField {...field} none={props.none} />}
      {props.children}
      <Button variant={props.variant ?? 'secondary'}>{props.button}</Button>
    </Form>
  );
}

/**
 * A form that is one button: invite, cancel, mark as done, remove. `hint` says what happens.
 * `inline` puts it in a row or a table cell; `object` names what the button acts on for screen
 * readers ("Verwijderen <hidden>Jan Jansen</hidden>").
 */
export function ActionForm(props: {
  ctx?: PageCtx;
  action: string;
  button: ComponentChildren;
  hint?: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'subtle';
  danger?: boolean;
  name?: string;
  value?: string;
  inline?: boolean;
  object?: string;
}) {
  return (
    <Form action={props.action} class={props.inline ? 'rw-inline-form' : undefined} minor>
      {props.hint && <p class="utrecht-paragraph nl-paragraph">{props.hint}</p>}
      <Button variant={props.variant ?? 'secondary'} danger={props.danger} name={props.name} value={props.value}>
        {props.button}
        {props.object && <span class="rw-visually-hidden"> {props.object}</span>}
      </Button>
    </Form>
  );
}

/**
 * Several checkboxes with one name under one question (link advices, signals, documents). Each
 * is a checkbox form field of the NL Design System, as CheckboxField: control, label beside it.
 */
export function CheckboxGroup(props: FieldProps & { options: { value: string; label: string }[]; checked: readonly string[]; empty?: string }) {
  const checked = useKept(props.name) ?? props.checked;
  const { name, label, hint, errors } = props;
  const id = fieldId(name);
  return (
    <Fieldset name={name} legend={label} hint={hint} errors={errors}>
      {props.options.length === 0 && props.empty && <p class="utrecht-paragraph">{props.empty}</p>}
      {props.options.map((o) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              type="checkbox"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
    </Fieldset>
  );
}

/**
 * A secret shown this once after it was made (an API key, a calendar link): a status message with
 * what to do, and the secret in a read-only box to copy, labelled; `children` follow below it.
 */
export function ShownOnce(props: { id: string; title: string; body: string; label: string; value: string; children?: ComponentChildren }) {
  return (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-3 rw-alert-title">{props.title}</h2>
        <div class="utrecht-alert__message">
          <p class="utrecht-paragraph nl-paragraph">{props.body}</p>
          <p class="utrecht-paragraph nl-paragraph">
            <label class="utrecht-form-label" for={props.id}>
              {props.label}
            </label>
          </p>
          <input id={props.id} class="utrecht-textbox utrecht-textbox--html-input rw-token" type="text" readonly value={props.value} spellcheck={false} autocomplete="off" />
          {props.children}
        </div>
      </div>
    </div>
  );
}
