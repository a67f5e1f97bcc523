/** The fields of one meeting (title, date, times, place), for a form of another module (a joint meeting). */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { TextField } from '../../../ui/components/form.tsx';
import { dateValue, PlaceFields, TimeFields } from './meeting-forms.tsx';

export function MeetingFields({ ctx: given, errors, values }: { ctx?: PageCtx; errors?: FieldErrors; values?: FormValues }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const v = values ?? {};
  return (
    <>
      <TextField errors={errors} name="title" label={t('meetings.field.title')} value={v.title} />
      <TextField errors={errors} name="date" type="date" label={t('meetings.field.date')} hint={t('meetings.field.dateHint')} value={dateValue(v.date)} width="short" />
      <TimeFields errors={errors} v={v} />
      <PlaceFields errors={errors} v={v} />
    </>
  );
}
