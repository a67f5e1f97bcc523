/** Who comes to a meeting (counts, the member's answer, the board's list), and the member's private note. */
import { Button, Table, Section } from '../../../../ui/components/basics.tsx';
import { ChooseOneForm, Form, TextArea } from '../../../../ui/components/form.tsx';
import { enumOptions } from '../../../../ui/components/choice.tsx';
import { usePageCtx } from '../../../../ui/context.ts';
import type { FieldErrors } from '../../../../core/http/forms.ts';
import { attendanceAnswers } from '../../meetings.schema.ts';
import type { MeetingPart } from './part.ts';

/** Whether the member comes: asked on the meeting's page and on the "for you" page. */
export function AttendanceForm({ action, value, errors }: { action: string; value?: string | null; errors?: FieldErrors }) {
  const t = usePageCtx().t;
  return (
    <ChooseOneForm
      action={action}
      control="radio"
      errors={errors}
      name="answer"
      label={t('meetings.attendance.question')}
      value={value}
      options={enumOptions(t, { values: attendanceAnswers, prefix: 'meetings.attendance' })}
      button={t('meetings.attendance.save')}
    />
  );
}

export function AttendanceSection({ ctx, detail, errors, v, path }: MeetingPart) {
  const { attendance, may } = detail;
  const t = ctx.t;
  return (
    <Section id="aanwezigheid" title={t('meetings.attendance.title')} intro={t('meetings.attendance.counts', { yes: attendance.yes, no: attendance.no, maybe: attendance.maybe })}>
      {may.attend && <AttendanceForm action={`${path}/aanwezigheid`} errors={errors} value={v.answer ?? attendance.mine} />}
      {may.manage && attendance.list.length > 0 && (
        <Table
          caption={t('meetings.attendance.list')}
          rows={attendance.list}
          columns={[
            { header: t('meetings.attendance.name'), cell: (a) => a.name },
            { header: t('meetings.attendance.answer'), cell: (a) => t(`meetings.attendance.${a.answer as 'yes'}`) },
          ]}
        />
      )}
    </Section>
  );
}

export function NoteSection({ ctx, detail, errors, v, path }: MeetingPart) {
  const t = ctx.t;
  return (
    <Section id="notities" title={t('meetings.note.title')}>
      <Form action={`${path}/notities`}>
        <TextArea errors={errors} name="body" label={t('meetings.note.label')} hint={t('meetings.note.hint')} value={v.body ?? detail.myNote ?? ''} rows={5} optional />
        <Button variant="secondary">{t('meetings.note.save')}</Button>
      </Form>
    </Section>
  );
}
