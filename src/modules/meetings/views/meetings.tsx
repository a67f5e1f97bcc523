import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge, Alert, TextBlock, DataList } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, SelectField, RadioGroup, FormPageTop, fieldId } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, formatWeekday, type MessageKey } from '../../../core/i18n/index.ts';
import { todayInAmsterdam } from '../../../core/dates/working-days.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { attendanceAnswers, guestKinds, meetingModes, type Meeting, type MeetingRhythm } from '../meetings.schema.ts';
import type { MeetingStatus } from '../meetings.workflow.ts';
import { isDate } from '../meetings.recurrence.ts';
import { localTimes, type MeetingDetail } from '../meetings.queries.ts';
import type { AgendaItemView } from '../meetings.agenda.ts';
import type { LinkChoice } from '../meetings.links.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };
type FormProps = { errors?: FieldErrors; values?: FormValues };

export const wsPath = (council: Council) => `/${council.slug}/werkruimte/vergaderingen`;

export function MeetingStatusBadge({ ctx, status }: { ctx: PageCtx; status: MeetingStatus }) {
  const look = status === 'cancelled' ? 'danger' : status === 'held' ? 'success' : 'neutral';
  return <StatusBadge status={look}>{ctx.t(`meetings.status.${status}`)}</StatusBadge>;
}

/** The status under a meeting's heading; a cancelled meeting also says so in words. */
export function MeetingStatusLine({ ctx, status }: { ctx: PageCtx; status: MeetingStatus }) {
  return (
    <>
      <Paragraph>
        <MeetingStatusBadge ctx={ctx} status={status} />
      </Paragraph>
      {status === 'cancelled' && <Alert type="warning">{ctx.t('meetings.detail.cancelledNote')}</Alert>}
    </>
  );
}

/** "woensdag 21 januari 2026, 09:30-12:30" in Amsterdam time. */
export function when(ctx: PageCtx, m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const l = localTimes(m);
  const day = formatWeekday(m.startsAt, ctx.locale);
  return ctx.t('meetings.when', { day, date: formatDate(l.date, ctx.locale), start: l.start, end: l.end });
}

export function placeOf(ctx: PageCtx, m: Pick<Meeting, 'mode' | 'location'>): string {
  const mode = ctx.t(`meetings.mode.${m.mode}`);
  return m.mode === 'online' || !m.location ? mode : `${m.location} (${mode.toLowerCase()})`;
}

const notices = {
  created: 'meetings.notice.created',
  saved: 'meetings.notice.saved',
  moved: 'meetings.notice.moved',
  cancelled: 'meetings.notice.cancelled',
  invited: 'meetings.notice.invited',
  held: 'meetings.notice.held',
  attendance: 'meetings.notice.attendance',
  note: 'meetings.notice.note',
  minutes: 'meetings.notice.minutes',
  approved: 'meetings.notice.approved',
  published: 'meetings.notice.published',
  done: 'meetings.notice.done',
  rhythm: 'meetings.notice.rhythm',
  removed: 'meetings.notice.removed',
} as const satisfies Record<string, MessageKey>;
export type MeetingNotice = keyof typeof notices;

/** Meetings as a table; `href` leads to the workspace or to the public page of a meeting. */
export function MeetingTable({ ctx, rows, caption, empty, href }: { ctx: PageCtx; rows: Meeting[]; caption: string; empty: string; href: (m: Meeting) => string }) {
  const t = ctx.t;
  return (
    <Table
      caption={caption}
      empty={empty}
      rows={rows}
      columns={[
        { header: t('meetings.list.date'), cell: (m) => <Link href={href(m)}>{when(ctx, m)}</Link> },
        { header: t('meetings.list.title'), cell: (m) => m.title },
        { header: t('meetings.list.place'), cell: (m) => placeOf(ctx, m) },
        { header: t('meetings.list.status'), cell: (m) => <MeetingStatusBadge ctx={ctx} status={m.status} /> },
      ]}
    />
  );
}

export function MeetingsListPage({ ctx, council, actor, coming, past, notice }: Props & { coming: Meeting[]; past: Meeting[]; notice?: string }) {
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={t('meetings.ws.title')} section={path} trail={[{ href: path, label: t('meetings.ws.title') }]}>
      <FormPageTop ctx={ctx} title={t('meetings.ws.title')} notice={notice} />
      <Paragraph>{t('meetings.ws.intro')}</Paragraph>
      {can(actor, 'meetings.manage') && (
        <ButtonGroup>
          <ButtonLink href={`${path}/ritme`}>{t('meetings.rhythm.title')}</ButtonLink>
          <ButtonLink href={`${path}/nieuw`} variant="secondary">
            {t('meetings.add.title')}
          </ButtonLink>
        </ButtonGroup>
      )}
      <Heading level={2}>{t('meetings.list.coming')}</Heading>
      <MeetingTable ctx={ctx} rows={coming} caption={t('meetings.list.coming')} empty={t('meetings.list.noneComing')} href={(m) => `${path}/${m.id}`} />
      <Heading level={2}>{t('meetings.list.past')}</Heading>
      <MeetingTable ctx={ctx} rows={past} caption={t('meetings.list.past')} empty={t('meetings.list.nonePast')} href={(m) => `${path}/${m.id}`} />
    </WorkspaceFrame>
  );
}

/** A date field can only hold a real date: an impossible one (2026-02-30) is not shown again, its error says why. */
const dateValue = (v: string | undefined) => (v && isDate(v) ? v : '');

const nths = ['1', '2', '3', '4', '-1'] as const;
const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Place, mode and link fields, shared by the rhythm and the meeting form. */
function PlaceFields({ ctx, errors, v }: { ctx: PageCtx; errors?: FieldErrors; v: FormValues }) {
  const t = ctx.t;
  return (
    <>
      <RadioGroup ctx={ctx} errors={errors} name="mode" label={t('meetings.field.mode')} value={v.mode ?? 'in_person'} options={meetingModes.map((m) => ({ value: m, label: t(`meetings.mode.${m}`) }))} />
      <TextField ctx={ctx} errors={errors} name="location" label={t('meetings.field.location')} hint={t('meetings.field.locationHint')} value={v.location} optional />
      <TextField ctx={ctx} errors={errors} name="onlineUrl" type="url" label={t('meetings.field.onlineUrl')} hint={t('meetings.field.onlineUrlHint')} value={v.onlineUrl} optional />
    </>
  );
}

function TimeFields({ ctx, errors, v }: { ctx: PageCtx; errors?: FieldErrors; v: FormValues }) {
  const t = ctx.t;
  return (
    <>
      <TextField ctx={ctx} errors={errors} name="startTime" label={t('meetings.field.startTime')} hint={t('meetings.field.timeHint')} value={v.startTime} inputmode="numeric" width="short" />
      <TextField ctx={ctx} errors={errors} name="endTime" label={t('meetings.field.endTime')} hint={t('meetings.field.timeHint')} value={v.endTime} inputmode="numeric" width="short" />
    </>
  );
}

export function RhythmPage({ ctx, council, actor, rhythm, errors, values, notice, year }: Props & FormProps & { rhythm: MeetingRhythm | null; notice?: string; year: number }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = `${list}/ritme`;
  const v: FormValues = values ?? (rhythm ? { ...rhythm, nth: String(rhythm.nth), weekday: String(rhythm.weekday) } as unknown as FormValues : { title: t('meetings.rhythm.defaultTitle'), nth: '3', weekday: '3', startTime: '09:30', endTime: '12:30' });
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={t('meetings.rhythm.title')}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('meetings.ws.title') },
        { href: path, label: t('meetings.rhythm.title') },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={t('meetings.rhythm.title')} notice={notice} />
      <Paragraph>{t('meetings.rhythm.intro')}</Paragraph>
      <Form ctx={ctx} action={path}>
        <TextField ctx={ctx} errors={errors} name="title" label={t('meetings.field.title')} hint={t('meetings.field.titleHint')} value={v.title} />
        <SelectField ctx={ctx} errors={errors} name="nth" label={t('meetings.field.nth')} value={v.nth} options={nths.map((n) => ({ value: n, label: t(`meetings.nth.${n}`) }))} />
        <SelectField ctx={ctx} errors={errors} name="weekday" label={t('meetings.field.weekday')} value={v.weekday} options={weekdays.map((d) => ({ value: d, label: t(`meetings.weekday.${d}`) }))} />
        <TimeFields ctx={ctx} errors={errors} v={v} />
        <PlaceFields ctx={ctx} errors={errors} v={v} />
        <Button>{t('meetings.rhythm.save')}</Button>
      </Form>
      {rhythm && (
        <section aria-labelledby="genereren">
          <Heading level={2} id="genereren">
            {t('meetings.generate.title')}
          </Heading>
          <Paragraph>{t('meetings.generate.intro')}</Paragraph>
          <Form ctx={ctx} action={`${path}/genereren`}>
            <TextField ctx={ctx} errors={errors} name="year" label={t('meetings.field.year')} value={values?.year ?? String(year)} inputmode="numeric" width="short" />
            <Button variant="secondary">{t('meetings.generate.button')}</Button>
          </Form>
        </section>
      )}
    </WorkspaceFrame>
  );
}

/** Add a meeting by hand, or move / change one. */
export function MeetingFormPage({ ctx, council, actor, meeting, errors, values }: Props & FormProps & { meeting?: Meeting }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = meeting ? `${list}/${meeting.id}/wijzigen` : `${list}/nieuw`;
  const title = t(meeting ? 'meetings.edit.title' : 'meetings.add.title');
  const l = meeting ? localTimes(meeting) : null;
  const v: FormValues = values ?? (meeting && l ? { title: meeting.title, date: l.date, startTime: l.start, endTime: l.end, location: meeting.location, mode: meeting.mode, onlineUrl: meeting.onlineUrl } : {});
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('meetings.ws.title') },
        ...(meeting ? [{ href: `${list}/${meeting.id}`, label: meeting.title }] : []),
        { href: path, label: title },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={title} />
      <Paragraph>{t(meeting ? (meeting.invitedAt ? 'meetings.edit.introInvited' : 'meetings.edit.intro') : 'meetings.add.intro')}</Paragraph>
      <Form ctx={ctx} action={path}>
        <TextField ctx={ctx} errors={errors} name="title" label={t('meetings.field.title')} value={v.title} />
        <TextField ctx={ctx} errors={errors} name="date" type="date" label={t('meetings.field.date')} hint={t('meetings.field.dateHint')} value={dateValue(v.date)} width="short" />
        <TimeFields ctx={ctx} errors={errors} v={v} />
        <PlaceFields ctx={ctx} errors={errors} v={v} />
        <Button>{t(meeting ? 'meetings.edit.save' : 'meetings.add.save')}</Button>
      </Form>
    </WorkspaceFrame>
  );
}

/** A group of checkboxes with one name (links to advices, signals, documents). */
function CheckboxGroup({ ctx, name, label, hint, choices, checked, errors }: { ctx: PageCtx; name: string; label: string; hint?: string; choices: LinkChoice[]; checked: string[]; errors?: FieldErrors }) {
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id={id} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{label}</legend>
      {hint && (
        <div class="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message" id={`${id}-error`}>
          <span class="rw-visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {error}
        </div>
      )}
      {choices.length === 0 && <p class="utrecht-paragraph">{ctx.t('meetings.item.noChoices')}</p>}
      {choices.map((c) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input rw-checkbox-row">
            <input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" id={`${id}-${c.id}`} name={name} value={c.id} checked={checked.includes(c.id)} />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${c.id}`}>
              {c.title}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export type Choices = { advices: LinkChoice[]; signals: LinkChoice[]; documents: LinkChoice[] };

/** Posted checkbox values to show again after an error. */
export type Checked = { adviceIds: string[]; signalIds: string[]; documentIds: string[] };

/** Add or change an agenda item, with its links; when changing, also its guests. */
export function AgendaItemPage(props: Props & { meeting: Meeting; item?: AgendaItemView; choices: Choices; errors?: FieldErrors; values?: FormValues; checked?: Checked; guestErrors?: FieldErrors; guestValues?: FormValues; notice?: string }) {
  const { ctx, council, actor, meeting, item, choices, errors } = props;
  const t = ctx.t;
  const list = wsPath(council);
  const meetingPath = `${list}/${meeting.id}`;
  const path = item ? `${meetingPath}/agenda/${item.id}` : `${meetingPath}/agenda/nieuw`;
  const title = item ? t('meetings.item.editTitle') : t('meetings.item.addTitle');
  const v: FormValues = props.values ?? (item ? { title: item.title, explanation: item.explanation, startTime: item.startTime ?? '', presenter: item.presenter, access: item.isPublic ? 'public' : 'closed' } : { access: 'public' });
  const checked = props.checked ?? { adviceIds: item?.advices.map((a) => a.id) ?? [], signalIds: item?.signalIds ?? [], documentIds: item?.documents.map((d) => d.id) ?? [] };
  const allErrors = { ...errors, ...props.guestErrors };
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Object.keys(allErrors).length > 0}
      trail={[
        { href: list, label: t('meetings.ws.title') },
        { href: meetingPath, label: meeting.title },
        { href: path, label: title },
      ]}
    >
      <FormPageTop ctx={ctx} errors={Object.keys(allErrors).length ? allErrors : undefined} title={title} notice={props.notice} />
      <Paragraph>{t('meetings.item.intro', { meeting: `${meeting.title}, ${when(ctx, meeting)}` })}</Paragraph>
      <Form ctx={ctx} action={item ? path : `${meetingPath}/agenda`}>
        <TextField ctx={ctx} errors={errors} name="title" label={t('meetings.item.title')} value={v.title} />
        <TextArea ctx={ctx} errors={errors} name="explanation" label={t('meetings.item.explanation')} hint={t('meetings.item.explanationHint')} value={v.explanation} rows={4} optional />
        <TextField ctx={ctx} errors={errors} name="startTime" label={t('meetings.item.startTime')} hint={t('meetings.field.timeHint')} value={v.startTime} inputmode="numeric" width="short" optional />
        <TextField ctx={ctx} errors={errors} name="presenter" label={t('meetings.item.presenter')} hint={t('meetings.item.presenterHint')} value={v.presenter} optional />
        <RadioGroup
          ctx={ctx}
          errors={errors}
          name="access"
          label={t('meetings.item.access')}
          hint={t('meetings.item.accessHint')}
          value={v.access}
          options={[
            { value: 'public', label: t('meetings.item.public') },
            { value: 'closed', label: t('meetings.item.closed') },
          ]}
        />
        <CheckboxGroup ctx={ctx} errors={errors} name="adviceIds" label={t('meetings.item.advices')} choices={choices.advices} checked={checked.adviceIds} />
        <CheckboxGroup ctx={ctx} errors={errors} name="signalIds" label={t('meetings.item.signals')} hint={t('meetings.item.signalsHint')} choices={choices.signals} checked={checked.signalIds} />
        <CheckboxGroup ctx={ctx} errors={errors} name="documentIds" label={t('meetings.item.documents')} choices={choices.documents} checked={checked.documentIds} />
        <Button>{t(item ? 'meetings.item.save' : 'meetings.item.add')}</Button>
      </Form>
      {item && (
        <section aria-labelledby="gasten">
          <Heading level={2} id="gasten">
            {t('meetings.guests.title')}
          </Heading>
          <Paragraph>{t('meetings.guests.intro')}</Paragraph>
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
                cell: (g) => (
                  <Form ctx={ctx} action={`${path}/gasten/${g.id}/verwijderen`} class="rw-inline-form">
                    <Button variant="subtle" danger>
                      {t('meetings.guests.remove')}
                      <span class="rw-visually-hidden"> {g.name}</span>
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
          <Heading level={3}>{t('meetings.guests.add')}</Heading>
          <Form ctx={ctx} action={`${path}/gasten`}>
            <TextField ctx={ctx} errors={props.guestErrors} name="name" label={t('meetings.guests.name')} value={props.guestValues?.name} />
            <TextField ctx={ctx} errors={props.guestErrors} name="email" type="email" label={t('meetings.guests.email')} hint={t('meetings.guests.emailHint')} value={props.guestValues?.email} autocomplete="off" />
            <RadioGroup ctx={ctx} errors={props.guestErrors} name="kind" label={t('meetings.guests.kind')} value={props.guestValues?.kind ?? 'official'} options={guestKinds.map((k) => ({ value: k, label: t(`meetings.guestKind.${k}`) }))} />
            <TextField ctx={ctx} errors={props.guestErrors} name="organisation" label={t('meetings.guests.organisation')} value={props.guestValues?.organisation} optional />
            <Button variant="secondary">{t('meetings.guests.addButton')}</Button>
          </Form>
        </section>
      )}
    </WorkspaceFrame>
  );
}

/** One agenda item as members read it; the board gets buttons to order, change and remove. */
function AgendaItemBlock({ ctx, item, index, count, path, manage, councilSlug }: { ctx: PageCtx; item: AgendaItemView; index: number; count: number; path: string; manage: boolean; councilSlug: string }) {
  const t = ctx.t;
  return (
    <li class="rw-agenda-item">
      <Heading level={3}>
        {item.startTime ? `${item.startTime} ` : ''}
        {item.title}
      </Heading>
      <Paragraph>
        <StatusBadge status={item.isPublic ? 'neutral' : 'warning'}>{t(item.isPublic ? 'meetings.item.public' : 'meetings.item.closed')}</StatusBadge>
        {item.presenter && ` ${t('meetings.item.presentedBy', { name: item.presenter })}`}
      </Paragraph>
      {item.explanation && <TextBlock text={item.explanation} />}
      {item.advices.length > 0 && (
        <Paragraph>
          {t('meetings.item.advices')}:{' '}
          {item.advices.map((a, i) => (
            <>
              {i > 0 && ', '}
              <Link href={`/${councilSlug}/werkruimte/adviezen/${a.id}`}>{`${a.reference} ${a.subject}`}</Link>
            </>
          ))}
        </Paragraph>
      )}
      {item.documents.length > 0 && (
        <Paragraph>
          {t('meetings.item.documents')}:{' '}
          {item.documents.map((d, i) => (
            <>
              {i > 0 && ', '}
              <Link href={`/${councilSlug}/werkruimte/documenten/${d.id}`}>{d.title}</Link>
            </>
          ))}
        </Paragraph>
      )}
      {item.signalIds.length > 0 && <Paragraph>{t('meetings.item.signalCount', { n: item.signalIds.length })}</Paragraph>}
      {item.guests.length > 0 && (
        <Paragraph>
          {t('meetings.guests.title')}: {item.guests.map((g) => `${g.name} (${g.organisation || t(`meetings.guestKind.${g.kind}`)})`).join(', ')}
        </Paragraph>
      )}
      {manage && (
        <div class="rw-button-group utrecht-button-group">
          <ButtonLink href={`${path}/agenda/${item.id}`} variant="secondary">
            {t('meetings.item.change')}
            <span class="rw-visually-hidden"> {item.title}</span>
          </ButtonLink>
          {index > 0 && (
            <Form ctx={ctx} action={`${path}/agenda/${item.id}/volgorde`} class="rw-inline-form">
              <Button variant="subtle" name="direction" value="up">
                {t('meetings.item.up')}
                <span class="rw-visually-hidden"> {item.title}</span>
              </Button>
            </Form>
          )}
          {index < count - 1 && (
            <Form ctx={ctx} action={`${path}/agenda/${item.id}/volgorde`} class="rw-inline-form">
              <Button variant="subtle" name="direction" value="down">
                {t('meetings.item.down')}
                <span class="rw-visually-hidden"> {item.title}</span>
              </Button>
            </Form>
          )}
          <Form ctx={ctx} action={`${path}/agenda/${item.id}/verwijderen`} class="rw-inline-form">
            <Button variant="subtle" danger>
              {t('meetings.item.remove')}
              <span class="rw-visually-hidden"> {item.title}</span>
            </Button>
          </Form>
        </div>
      )}
    </li>
  );
}

export function MeetingDetailPage(props: Props & { detail: MeetingDetail; errors?: FieldErrors; values?: FormValues; notice?: MeetingNotice }) {
  const { ctx, council, actor, detail, errors, notice } = props;
  const { meeting, agenda, attendance } = detail;
  const t = ctx.t;
  const v = props.values ?? {};
  const list = wsPath(council);
  const path = `${list}/${meeting.id}`;
  const has = (a: (typeof detail.actions)[number]) => detail.actions.includes(a);
  const manage = can(actor, 'meetings.manage');
  const mins = detail.minutes;
  const minutesStatus = mins?.minutes.status ?? 'draft';
  const mayDraft = detail.minutesActions.includes('draft') && meeting.status !== 'cancelled';
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={`${meeting.title}, ${formatDate(detail.local.date, ctx.locale)}`}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('meetings.ws.title') },
        { href: path, label: formatDate(detail.local.date, ctx.locale) },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={`${meeting.title}, ${formatDate(detail.local.date, ctx.locale)}`} notice={notice ? t(notices[notice]) : undefined} />
      <MeetingStatusLine ctx={ctx} status={meeting.status} />
      <DataList
        items={[
          { key: t('meetings.detail.when'), value: when(ctx, meeting) },
          { key: t('meetings.field.mode'), value: t(`meetings.mode.${meeting.mode}`) },
          { key: t('meetings.field.location'), value: meeting.location || '-' },
          {
            key: t('meetings.field.onlineUrl'),
            value: meeting.onlineUrl ? <Link href={meeting.onlineUrl}>{meeting.onlineUrl}</Link> : '-',
          },
          { key: t('meetings.detail.invitation'), value: meeting.invitedAt ? t('meetings.detail.invitedAt', { date: formatDate(meeting.invitedAt, ctx.locale) }) : t('meetings.detail.notInvited') },
        ]}
      />
      {/* The meeting packet (meetings.packet.ts): agenda and papers in one PDF. */}
      <p class="utrecht-paragraph nl-paragraph">
        <Link href={`${path}/vergaderstukken.pdf`}>{t('calendar.packet.link')}</Link>
        <br />
        {t('calendar.packet.linkHint')}
      </p>
      {detail.dossiers.length > 0 && (
        <section aria-labelledby="dossiers">
          <Heading level={2} id="dossiers">
            {t('meetings.detail.dossiers')}
          </Heading>
          <ul class="utrecht-unordered-list">
            {detail.dossiers.map((f) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`/${council.slug}/werkruimte/documenten/mappen/${f.id}`}>{f.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {manage && (has('move') || has('invite') || has('cancel')) && (
        <section aria-labelledby="beheer">
          <Heading level={2} id="beheer">
            {t('meetings.detail.manage')}
          </Heading>
          <ButtonGroup>
            {has('move') && (
              <ButtonLink href={`${path}/wijzigen`} variant="secondary">
                {t('meetings.edit.title')}
              </ButtonLink>
            )}
          </ButtonGroup>
          {has('invite') && (
            <Form ctx={ctx} action={`${path}/uitnodigen`}>
              <Paragraph>{t(meeting.invitedAt ? 'meetings.invite.again' : 'meetings.invite.hint')}</Paragraph>
              <Button>{t('meetings.invite.button')}</Button>
            </Form>
          )}
          {has('markHeld') && meeting.startsAt.getTime() <= Date.now() && (
            <Form ctx={ctx} action={`${path}/gehouden`}>
              <Button variant="secondary">{t('meetings.held.button')}</Button>
            </Form>
          )}
          {has('cancel') && (
            <Form ctx={ctx} action={`${path}/afzeggen`}>
              <Paragraph>{t(meeting.invitedAt ? 'meetings.cancel.hintInvited' : 'meetings.cancel.hint')}</Paragraph>
              <Button variant="secondary" danger>
                {t('meetings.cancel.button')}
              </Button>
            </Form>
          )}
        </section>
      )}

      <section aria-labelledby="agenda">
        <Heading level={2} id="agenda">
          {t('meetings.agenda.title')}
        </Heading>
        {agenda.length === 0 ? (
          <Paragraph>{t('meetings.agenda.empty')}</Paragraph>
        ) : (
          <ol class="rw-agenda">
            {agenda.map((item, i) => (
              <AgendaItemBlock ctx={ctx} item={item} index={i} count={agenda.length} path={path} manage={manage && has('editAgenda')} councilSlug={council.slug} />
            ))}
          </ol>
        )}
        {manage && has('editAgenda') && <ButtonLink href={`${path}/agenda/nieuw`}>{t('meetings.item.addTitle')}</ButtonLink>}
      </section>

      <section aria-labelledby="aanwezigheid">
        <Heading level={2} id="aanwezigheid">
          {t('meetings.attendance.title')}
        </Heading>
        <Paragraph>{t('meetings.attendance.counts', { yes: attendance.yes, no: attendance.no, maybe: attendance.maybe })}</Paragraph>
        {detail.mayAttend && meeting.status === 'planned' && (
          <Form ctx={ctx} action={`${path}/aanwezigheid`}>
            <RadioGroup
              ctx={ctx}
              errors={errors}
              name="answer"
              label={t('meetings.attendance.question')}
              value={v.answer ?? attendance.mine}
              options={attendanceAnswers.map((a) => ({ value: a, label: t(`meetings.attendance.${a}`) }))}
            />
            <Button variant="secondary">{t('meetings.attendance.save')}</Button>
          </Form>
        )}
        {manage && attendance.list.length > 0 && (
          <Table
            caption={t('meetings.attendance.list')}
            rows={attendance.list}
            columns={[
              { header: t('meetings.attendance.name'), cell: (a) => a.name },
              { header: t('meetings.attendance.answer'), cell: (a) => t(`meetings.attendance.${a.answer as 'yes'}`) },
            ]}
          />
        )}
      </section>

      {detail.mayAttend && (
        <section aria-labelledby="notities">
          <Heading level={2} id="notities">
            {t('meetings.note.title')}
          </Heading>
          <Form ctx={ctx} action={`${path}/notities`}>
            <TextArea ctx={ctx} errors={errors} name="body" label={t('meetings.note.label')} hint={t('meetings.note.hint')} value={v.body ?? detail.myNote ?? ''} rows={5} optional />
            <Button variant="secondary">{t('meetings.note.save')}</Button>
          </Form>
        </section>
      )}

      {meeting.status !== 'cancelled' && (mins || manage) && (
        <section aria-labelledby="notulen">
          <Heading level={2} id="notulen">
            {t('meetings.minutes.title')}
          </Heading>
          <Paragraph>
            <StatusBadge status={minutesStatus === 'published' ? 'success' : 'neutral'}>{t(`meetings.minutesStatus.${minutesStatus}`)}</StatusBadge>
          </Paragraph>
          {mayDraft ? (
            <Form ctx={ctx} action={`${path}/notulen`}>
              <TextArea ctx={ctx} errors={errors} name="publicText" label={t('meetings.minutes.publicText')} hint={t('meetings.minutes.publicTextHint')} value={v.publicText ?? mins?.minutes.publicText ?? ''} rows={8} optional />
              <TextArea ctx={ctx} errors={errors} name="closedText" label={t('meetings.minutes.closedText')} hint={t('meetings.minutes.closedTextHint')} value={v.closedText ?? mins?.minutes.closedText ?? ''} rows={5} optional />
              <Button variant="secondary">{t('meetings.minutes.save')}</Button>
            </Form>
          ) : (
            mins && (
              <>
                <Heading level={3}>{t('meetings.minutes.publicText')}</Heading>
                {mins.minutes.publicText ? <TextBlock text={mins.minutes.publicText} /> : <Paragraph>-</Paragraph>}
                <Heading level={3}>{t('meetings.minutes.closedText')}</Heading>
                {mins.minutes.closedText ? <TextBlock text={mins.minutes.closedText} /> : <Paragraph>-</Paragraph>}
              </>
            )
          )}
          <Heading level={3}>{t('meetings.decisions.title')}</Heading>
          <Table
            caption={t('meetings.decisions.title')}
            empty={t('meetings.decisions.none')}
            rows={mins?.decisions ?? []}
            columns={[
              { header: t('meetings.decisions.text'), cell: (d) => d.text },
              { header: t('meetings.item.access'), cell: (d) => t(d.isPublic ? 'meetings.item.public' : 'meetings.item.closed') },
            ]}
          />
          {mayDraft && (
            <Form ctx={ctx} action={`${path}/notulen/besluiten`}>
              <TextArea ctx={ctx} errors={errors} name="decision" label={t('meetings.decisions.add')} value={v.decision} rows={3} />
              <SelectField
                ctx={ctx}
                errors={errors}
                name="agendaItemId"
                label={t('meetings.decisions.item')}
                value={v.agendaItemId ?? ''}
                options={[{ value: '', label: t('meetings.decisions.noItem') }, ...agenda.map((i) => ({ value: i.id, label: i.title }))]}
                optional
              />
              <RadioGroup
                ctx={ctx}
                errors={errors}
                name="access"
                label={t('meetings.decisions.access')}
                value={v.access ?? 'public'}
                options={[
                  { value: 'public', label: t('meetings.item.public') },
                  { value: 'closed', label: t('meetings.item.closed') },
                ]}
              />
              <Button variant="secondary">{t('meetings.decisions.addButton')}</Button>
            </Form>
          )}
          <Heading level={3} id="actiepunten">
            {t('meetings.actions.title')}
          </Heading>
          <Table
            caption={t('meetings.actions.title')}
            empty={t('meetings.actions.none')}
            rows={mins?.actionPoints ?? []}
            columns={[
              { header: t('meetings.actions.text'), cell: (p) => p.text },
              { header: t('meetings.actions.owner'), cell: (p) => p.ownerName ?? '-' },
              { header: t('meetings.actions.due'), cell: (p) => (p.dueOn ? formatDate(p.dueOn, ctx.locale) : '-') },
              {
                header: t('meetings.actions.state'),
                cell: (p) =>
                  p.doneAt ? (
                    <StatusBadge status="success">{t('meetings.actions.done')}</StatusBadge>
                  ) : p.ownerMembershipId === actor.membershipId || manage ? (
                    <Form ctx={ctx} action={`${list}/actiepunten/${p.id}/klaar`} class="rw-inline-form">
                      <Button variant="secondary">
                        {t('meetings.actions.markDone')}
                        <span class="rw-visually-hidden"> {p.text}</span>
                      </Button>
                    </Form>
                  ) : (
                    t('meetings.actions.open')
                  ),
              },
            ]}
          />
          {mayDraft && (
            <Form ctx={ctx} action={`${path}/notulen/actiepunten`}>
              <TextField ctx={ctx} errors={errors} name="action" label={t('meetings.actions.add')} value={v.action} />
              <SelectField
                ctx={ctx}
                errors={errors}
                name="ownerMembershipId"
                label={t('meetings.actions.owner')}
                value={v.ownerMembershipId ?? ''}
                options={[{ value: '', label: t('meetings.actions.chooseOwner') }, ...detail.members.map((m) => ({ value: m.membershipId, label: m.name }))]}
              />
              <TextField ctx={ctx} errors={errors} name="dueOn" type="date" label={t('meetings.actions.due')} hint={t('meetings.field.dateHint')} value={dateValue(v.dueOn)} width="short" />
              <Button variant="secondary">{t('meetings.actions.addButton')}</Button>
            </Form>
          )}
          {detail.minutesActions.includes('approve') && mins && (
            <Form ctx={ctx} action={`${path}/notulen/vaststellen`}>
              <Heading level={3}>{t('meetings.minutes.approveTitle')}</Heading>
              {detail.otherMeetings.length === 0 ? (
                <Paragraph>{t('meetings.minutes.noLaterMeeting')}</Paragraph>
              ) : (
                <>
                  <SelectField
                    ctx={ctx}
                    errors={errors}
                    name="approvedInMeetingId"
                    label={t('meetings.minutes.approvedIn')}
                    value={v.approvedInMeetingId ?? detail.otherMeetings[0]!.id}
                    options={detail.otherMeetings.map((m) => ({ value: m.id, label: `${m.title}, ${formatDate(m.startsAt, ctx.locale)}` }))}
                  />
                  <Button>{t('meetings.minutes.approve')}</Button>
                </>
              )}
            </Form>
          )}
          {detail.minutesActions.includes('publish') && (
            <Form ctx={ctx} action={`${path}/notulen/publiceren`}>
              <Paragraph>{t('meetings.minutes.publishHint')}</Paragraph>
              <Button>{t('meetings.minutes.publish')}</Button>
            </Form>
          )}
        </section>
      )}
    </WorkspaceFrame>
  );
}

/** The owner's open action points, on the workspace dashboard. */
export function OpenActionPoints({ ctx, council, points }: { ctx: PageCtx; council: Council; points: { id: string; text: string; dueOn: string | null; meetingId: string }[] }) {
  if (points.length === 0) return null;
  const t = ctx.t;
  const today = todayInAmsterdam();
  return (
    <section aria-labelledby="mijn-actiepunten">
      <Heading level={2} id="mijn-actiepunten">
        {t('meetings.dashboard.actionPoints')}
      </Heading>
      <ul class="utrecht-unordered-list">
        {points.map((p) => (
          <li class="utrecht-unordered-list__item">
            <Link href={`${wsPath(council)}/${p.meetingId}#actiepunten`}>{p.text}</Link>
            {p.dueOn && ` (${t('meetings.dashboard.due', { date: formatDate(p.dueOn, ctx.locale) })})`}
            {p.dueOn && p.dueOn < today && (
              <>
                {' '}
                <StatusBadge status="danger">{t('meetings.dashboard.overdue')}</StatusBadge>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
