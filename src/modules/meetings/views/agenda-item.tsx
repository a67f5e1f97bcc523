/** The board's page for one agenda item: its text, access and links, and its guests. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Button, Table, Section, Heading } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, CheckboxGroup, ActionForm } from '../../../ui/components/form.tsx';
import { EnumRadios } from '../../../ui/components/choice.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage, trail } from '../../../ui/layouts/workspace-page.tsx';
import { guestKinds, type Meeting } from '../meetings.schema.ts';
import type { AgendaItemView } from '../meetings.agenda.ts';
import type { LinkChoice } from '../meetings.links.ts';
import { meetingCrumbs, when, type Props } from './meetings.tsx';
import { accessChoice } from './meeting-forms.tsx';

export type Choices = { advices: LinkChoice[]; signals: LinkChoice[]; documents: LinkChoice[] };

/** Posted checkbox values to show again after an error. */
export type Checked = { adviceIds: string[]; signalIds: string[]; documentIds: string[] };

const optionsOf = (choices: LinkChoice[]) => choices.map((c) => ({ value: c.id, label: c.title }));

/** Add or change an agenda item, with its links; when changing, also its guests. */
export function AgendaItemPage(
  props: Props & {
    meeting: Meeting;
    item?: AgendaItemView;
    choices: Choices;
    errors?: FieldErrors;
    values?: FormValues;
    checked?: Checked;
    guestErrors?: FieldErrors;
    guestValues?: FormValues;
    notice?: string;
  },
) {
  const { ctx, council, meeting, item, choices, errors } = props;
  const t = ctx.t;
  const [list, record] = meetingCrumbs({ ctx, council }, meeting);
  const meetingPath = record.href;
  const path = item ? `${meetingPath}/agenda/${item.id}` : `${meetingPath}/agenda/nieuw`;
  const title = item ? t('meetings.item.editTitle') : t('meetings.item.addTitle');
  const v: FormValues =
    props.values ??
    (item
      ? {
          title: item.title,
          explanation: item.explanation,
          startTime: item.startTime ?? '',
          presenter: item.presenter,
          access: item.isPublic ? 'public' : 'closed',
        }
      : { access: 'public' });
  const checked = props.checked ?? {
    adviceIds: item?.advices.map((a) => a.id) ?? [],
    signalIds: item?.signalIds ?? [],
    documentIds: item?.documents.map((d) => d.id) ?? [],
  };
  const none = t('meetings.item.noChoices');
  return (
    <WorkspacePage
      title={title}
      {...trail(list, record, { href: path, label: title })}
      errors={{ ...errors, ...props.guestErrors }}
      notice={props.notice}
      intro={t('meetings.item.intro', { meeting: `${meeting.title}, ${when(ctx, meeting)}` })}
    >
      <Form action={item ? path : `${meetingPath}/agenda`}>
        <TextField errors={errors} name="title" label={t('meetings.item.title')} value={v.title} />
        <TextArea
          errors={errors}
          name="explanation"
          label={t('meetings.item.explanation')}
          hint={`${t('meetings.item.explanationHint')} ${t('richText.hint')}`}
          value={v.explanation}
          rows={4}
          optional
        />
        <TextField errors={errors} name="startTime" label={t('meetings.item.startTime')} hint={t('meetings.field.timeHint')} value={v.startTime} inputmode="numeric" width="short" optional />
        <TextField errors={errors} name="presenter" label={t('meetings.item.presenter')} hint={t('meetings.item.presenterHint')} value={v.presenter} optional />
        <EnumRadios errors={errors} name="access" label={t('meetings.item.access')} hint={t('meetings.item.accessHint')} value={v.access} {...accessChoice} />
        <CheckboxGroup errors={errors} name="adviceIds" label={t('meetings.item.advices')} options={optionsOf(choices.advices)} checked={checked.adviceIds} empty={none} />
        <CheckboxGroup
          errors={errors}
          name="signalIds"
          label={t('meetings.item.signals')}
          hint={t('meetings.item.signalsHint')}
          options={optionsOf(choices.signals)}
          checked={checked.signalIds}
          empty={none}
        />
        <CheckboxGroup errors={errors} name="documentIds" label={t('meetings.item.documents')} options={optionsOf(choices.documents)} checked={checked.documentIds} empty={none} />
        <Button>{t(item ? 'meetings.item.save' : 'meetings.item.add')}</Button>
      </Form>
      {item && <Guests item={item} path={path} errors={props.guestErrors} values={props.guestValues} />}
    </WorkspacePage>
  );
}

function Guests({ ctx: given, item, path, errors, values }: { ctx?: PageCtx; item: AgendaItemView; path: string; errors?: FieldErrors; values?: FormValues }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Section id="gasten" title={t('meetings.guests.title')} intro={t('meetings.guests.intro')}>
      <Table
        caption={t('meetings.guests.title')}
        empty={t('meetings.guests.none')}
        rows={item.guests}
        columns={[
          { header: t('meetings.guests.name'), cell: (g) => g.name },
          { header: t('meetings.guests.kind'), cell: (g) => t(`meetings.guestKind.${g.kind}`) },
          { header: t('meetings.guests.organisation'), cell: (g) => g.organisation || '-' },
          { header: t('meetings.guests.email'), cell: (g) => g.email },
          {
            header: t('meetings.guests.actions'),
            cell: (g) => <ActionForm action={`${path}/gasten/${g.id}/verwijderen`} inline variant="subtle" danger button={t('meetings.guests.remove')} object={g.name} />,
          },
        ]}
      />
      <Heading level={3}>{t('meetings.guests.add')}</Heading>
      <Form action={`${path}/gasten`}>
        <TextField errors={errors} name="name" label={t('meetings.guests.name')} value={values?.name} />
        <TextField errors={errors} name="email" type="email" label={t('meetings.guests.email')} hint={t('meetings.guests.emailHint')} value={values?.email} autocomplete="off" />
        <EnumRadios errors={errors} name="kind" label={t('meetings.guests.kind')} value={values?.kind ?? 'official'} values={guestKinds} prefix="meetings.guestKind" />
        <TextField errors={errors} name="organisation" label={t('meetings.guests.organisation')} value={values?.organisation} optional />
        <Button variant="secondary">{t('meetings.guests.addButton')}</Button>
      </Form>
    </Section>
  );
}
