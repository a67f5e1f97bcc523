/** The decisions and action points of a meeting's minutes, with the forms to add them. */
import type { ComponentChildren } from 'preact';
import { usePageCtx } from '../../../../ui/context.ts';
import { Button, StatusBadge, type Column } from '../../../../ui/components/basics.tsx';
import { ActionForm, Form, SelectField, TextArea, TextField } from '../../../../ui/components/form.tsx';
import { EnumRadios } from '../../../../ui/components/choice.tsx';
import { TableSection } from '../../../../ui/components/table-section.tsx';
import { accessChoice, dateValue } from '../meeting-forms.tsx';
import type { MeetingPart } from './part.ts';
import { DateText } from '../../../../ui/components/date-text.tsx';

const anchors = { decisions: 'besluiten', actions: 'actiepunten' } as const;

/**
 * A list of the minutes (decisions, action points): its table, each row's text first and then
 * `columns`, then while drafting (`children`) the form to add one.
 */
function MinutesList<T extends { text: string }>({ words, rows, columns, children }: { words: keyof typeof anchors; rows: T[]; columns: Column<T>[]; children: ComponentChildren }) {
  const t = usePageCtx().t;
  return (
    <TableSection
      level={3}
      id={anchors[words]}
      title={t(`meetings.${words}.title`)}
      empty={t(`meetings.${words}.none`)}
      rows={rows}
      columns={[{ header: t(`meetings.${words}.text`), cell: (r) => r.text }, ...columns]}
    >
      {children}
    </TableSection>
  );
}

export function Decisions({ ctx, detail, errors, v, path }: MeetingPart) {
  const t = ctx.t;
  const access = (isPublic: boolean) => t(isPublic ? 'meetings.item.public' : 'meetings.item.closed');
  return (
    <MinutesList words="decisions" rows={detail.minutes?.decisions ?? []} columns={[{ header: t('meetings.item.access'), cell: (d) => access(d.isPublic) }]}>
      {detail.may.draftMinutes && (
        <Form action={`${path}/notulen/besluiten`}>
          <TextArea errors={errors} name="decision" label={t('meetings.decisions.add')} value={v.decision} rows={3} />
          <SelectField
            errors={errors}
            name="agendaItemId"
            label={t('meetings.decisions.item')}
            value={v.agendaItemId ?? ''}
            none={t('meetings.decisions.noItem')}
            options={detail.agenda.map((i) => ({ value: i.id, label: i.title }))}
            optional
          />
          <EnumRadios errors={errors} name="access" label={t('meetings.decisions.access')} value={v.access ?? 'public'} {...accessChoice} />
          <Button variant="secondary">{t('meetings.decisions.addButton')}</Button>
        </Form>
      )}
    </MinutesList>
  );
}

export function ActionPoints({ ctx, detail, errors, v, path, list }: MeetingPart) {
  const t = ctx.t;
  const { may } = detail;
  return (
    <MinutesList
      words="actions"
      rows={detail.minutes?.actionPoints ?? []}
      columns={[
        { header: t('meetings.actions.owner'), cell: (p) => p.ownerName ?? '-' },
        { header: t('meetings.actions.due'), cell: (p) => <DateText value={p.dueOn} /> },
        {
          header: t('meetings.actions.state'),
          cell: (p) =>
            p.doneAt ? (
              <StatusBadge status="success">{t('meetings.actions.done')}</StatusBadge>
            ) : may.markDone.includes(p.id) ? (
              <ActionForm action={`${list}/actiepunten/${p.id}/klaar`} inline button={t('meetings.actions.markDone')} object={p.text} />
            ) : (
              t('meetings.actions.open')
            ),
        },
      ]}
    >
      {may.draftMinutes && (
        <Form action={`${path}/notulen/actiepunten`}>
          <TextField errors={errors} name="action" label={t('meetings.actions.add')} value={v.action} />
          <SelectField
            errors={errors}
            name="ownerMembershipId"
            label={t('meetings.actions.owner')}
            value={v.ownerMembershipId ?? ''}
            none={t('meetings.actions.chooseOwner')}
            options={detail.members.map((m) => ({ value: m.membershipId, label: m.name }))}
          />
          <TextField errors={errors} name="dueOn" type="date" label={t('meetings.actions.due')} hint={t('meetings.field.dateHint')} value={dateValue(v.dueOn)} width="short" />
          <Button variant="secondary">{t('meetings.actions.addButton')}</Button>
        </Form>
      )}
    </MinutesList>
  );
}
