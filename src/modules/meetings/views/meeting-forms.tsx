/** The board's forms for the meeting rhythm and for adding or changing one meeting. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Button, Section } from '../../../ui/components/basics.tsx';
import { Form, TextField, NumberField } from '../../../ui/components/form.tsx';
import { EnumRadios, EnumSelect } from '../../../ui/components/choice.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage, trail, type Crumb } from '../../../ui/layouts/workspace-page.tsx';
import { meetingModes, type Meeting, type MeetingRhythm } from '../meetings.schema.ts';
import { isDate } from '../meetings.recurrence.ts';
import { localTimes } from '../meetings.queries.ts';
import { meetingCrumbs, wsPath, type Props } from './meetings.tsx';

type FormProps = { errors?: FieldErrors; values?: FormValues };

/** A date field can only hold a real date: an impossible one (2026-02-30) is not shown again, its error says why. */
export const dateValue = (v: string | undefined) => (v && isDate(v) ? v : '');

/** Whether an agenda item or a decision is public: the choice, labelled "Openbaar" and "Besloten". */
export const accessChoice = { values: ['public', 'closed'], prefix: 'meetings.item' } as const;

const nths = ['1', '2', '3', '4', '-1'] as const;
const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Place, mode and link fields, shared by the rhythm and the meeting form. */
export function PlaceFields({ ctx: given, errors, v }: { ctx?: PageCtx; errors?: FieldErrors; v: FormValues }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <EnumRadios errors={errors} name="mode" label={t('meetings.field.mode')} value={v.mode ?? 'in_person'} values={meetingModes} prefix="meetings.mode" />
      <TextField errors={errors} name="location" label={t('meetings.field.location')} hint={t('meetings.field.locationHint')} value={v.location} optional />
      <TextField errors={errors} name="onlineUrl" type="url" label={t('meetings.field.onlineUrl')} hint={t('meetings.field.onlineUrlHint')} value={v.onlineUrl} optional />
    </>
  );
}

export function TimeFields({ ctx: given, errors, v }: { ctx?: PageCtx; errors?: FieldErrors; v: FormValues }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <TextField errors={errors} name="startTime" label={t('meetings.field.startTime')} hint={t('meetings.field.timeHint')} value={v.startTime} inputmode="numeric" width="short" />
      <TextField errors={errors} name="endTime" label={t('meetings.field.endTime')} hint={t('meetings.field.timeHint')} value={v.endTime} inputmode="numeric" width="short" />
    </>
  );
}

export function RhythmPage({ ctx, council, rhythm, errors, values, notice, year }: Props & FormProps & { rhythm: MeetingRhythm | null; notice?: string; year: number }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = `${list}/ritme`;
  const v: FormValues =
    values ??
    (rhythm
      ? ({ ...rhythm, nth: String(rhythm.nth), weekday: String(rhythm.weekday) } as unknown as FormValues)
      : { title: t('meetings.rhythm.defaultTitle'), nth: '3', weekday: '3', startTime: '09:30', endTime: '12:30' });
  return (
    <WorkspacePage
      title={t('meetings.rhythm.title')}
      section={list}
      href={path}
      parent={{ href: list, label: t('meetings.ws.title') }}
      errors={errors}
      notice={notice}
      intro={t('meetings.rhythm.intro')}
    >
      <Form action={path}>
        <TextField errors={errors} name="title" label={t('meetings.field.title')} hint={t('meetings.field.titleHint')} value={v.title} />
        <EnumSelect errors={errors} name="nth" label={t('meetings.field.nth')} value={v.nth} values={nths} prefix="meetings.nth" />
        <EnumSelect errors={errors} name="weekday" label={t('meetings.field.weekday')} value={v.weekday} values={weekdays} prefix="meetings.weekday" />
        <TimeFields errors={errors} v={v} />
        <PlaceFields errors={errors} v={v} />
        <Button>{t('meetings.rhythm.save')}</Button>
      </Form>
      {rhythm && (
        <Section id="genereren" title={t('meetings.generate.title')} intro={t('meetings.generate.intro')}>
          <Form action={`${path}/genereren`}>
            <NumberField errors={errors} name="year" label={t('meetings.field.year')} value={values?.year ?? String(year)} />
            <Button variant="secondary">{t('meetings.generate.button')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

/** Add a meeting by hand, or move / change one. */
export function MeetingFormPage({ ctx, council, meeting, errors, values }: Props & FormProps & { meeting?: Meeting }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = meeting ? `${list}/${meeting.id}/wijzigen` : `${list}/nieuw`;
  const title = t(meeting ? 'meetings.edit.title' : 'meetings.add.title');
  const l = meeting ? localTimes(meeting) : null;
  const v: FormValues =
    values ?? (meeting && l ? { title: meeting.title, date: l.date, startTime: l.start, endTime: l.end, location: meeting.location, mode: meeting.mode, onlineUrl: meeting.onlineUrl } : {});
  const above: [Crumb, ...Crumb[]] = meeting ? meetingCrumbs({ ctx, council }, meeting) : [{ href: list, label: t('meetings.ws.title') }];
  return (
    <WorkspacePage
      title={title}
      {...trail(...above, { href: path, label: title })}
      errors={errors}
      intro={t(meeting ? (meeting.invitedAt ? 'meetings.edit.introInvited' : 'meetings.edit.intro') : 'meetings.add.intro')}
    >
      <Form action={path}>
        <TextField errors={errors} name="title" label={t('meetings.field.title')} value={v.title} />
        <TextField errors={errors} name="date" type="date" label={t('meetings.field.date')} hint={t('meetings.field.dateHint')} value={dateValue(v.date)} width="short" />
        <TimeFields errors={errors} v={v} />
        <PlaceFields errors={errors} v={v} />
        <Button>{t(meeting ? 'meetings.edit.save' : 'meetings.add.save')}</Button>
      </Form>
    </WorkspacePage>
  );
}
