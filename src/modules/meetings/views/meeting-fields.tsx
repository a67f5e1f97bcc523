/** The fields of one meeting (title, date, times, place), for a form of another module (a joint meeting). */
import type { PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { TextField } from '../../../ui/components/form.tsx';
import { dateValue, PlaceFields, TimeFields } from './meeting-forms.tsx';

export function MeetingFields({ ctx, errors, values }: { ctx: PageCtx; errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const v = values ?? {};
  return (
    <>
      <TextField ctx={ctx} errors={errors} name="title" label={t('meetings.field.title')} value={v.title} />
      <TextField ctx={ctx} errors={errors} name="date" type="date" label={t('meetings.field.date')} hint={t('meetings.field.dateHint')} value={dateValue(v.date)} width="short" />
      <TimeFields ctx={ctx} errors={errors} v={v} />
      <PlaceFields ctx={ctx} errors={errors} v={v} />
    </>
  );
}
