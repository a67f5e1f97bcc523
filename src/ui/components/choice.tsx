/**
 * Choose-one questions over a fixed list of values (an enum of the schema): each value's label is
 * the message `<prefix>.<value>`, its hint (if any) `<hintPrefix>.<value>`. The types only accept
 * values that have such a message, so a new value without words does not compile.
 */
import type { MessageKey, Translate } from '../../core/i18n/index.ts';
import { usePageCtx } from '../context.ts';
import { RadioGroup, SelectField, type FieldProps } from './form.tsx';

/** `P` when every value `V` has a message `P.V`; else never, so the call does not compile. */
type Labelled<P extends string, V extends string> = `${P}.${V}` extends MessageKey ? P : never;

type ChoiceOption = { value: string; label: string; hint?: string };

/** A fixed list of values, labelled (and hinted) by the messages under a prefix. */
type EnumChoice<V extends string, P extends string, H extends string = P> = {
  values: readonly V[];
  prefix: P & Labelled<P, V>;
  hintPrefix?: H & Labelled<H, V>;
};

/** The options of an enum: one per value, with its message as label (and hint). */
export function enumOptions<V extends string, P extends string, H extends string = P>(t: Translate, { values, prefix, hintPrefix }: EnumChoice<V, P, H>): ChoiceOption[] {
  return values.map((value) => ({
    value,
    label: t(`${prefix}.${value}` as MessageKey),
    ...(hintPrefix ? { hint: t(`${hintPrefix}.${value}` as MessageKey) } : {}),
  }));
}

type EnumFieldProps<V extends string, P extends string, H extends string> = FieldProps & EnumChoice<V, P, H> & { value?: string | null };

/** Radio buttons for one value of an enum. */
export function EnumRadios<V extends string, P extends string, H extends string = P>({ values, prefix, hintPrefix, ...field }: EnumFieldProps<V, P, H>) {
  const t = usePageCtx(field.ctx).t;
  return <RadioGroup {...field} options={enumOptions<V, P, H>(t, { values, prefix, hintPrefix })} />;
}

/** A select box for one value of an enum; `none` adds a first option with the empty value (no choice, or a filter's "all"). */
export function EnumSelect<V extends string, P extends string>({ values, prefix, ...field }: EnumFieldProps<V, P, P> & { none?: string }) {
  const t = usePageCtx(field.ctx).t;
  return <SelectField {...field} options={enumOptions<V, P>(t, { values, prefix })} />;
}
