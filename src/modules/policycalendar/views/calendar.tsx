import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import { Button, DataList, Link, Paragraph, Section, StatusBadge, Table, type Column } from '../../../ui/components/basics.tsx';
import { CheckboxField, ChooseOneForm, Form, SelectField, TextField } from '../../../ui/components/form.tsx';
import { PublicPage, WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { TableSection } from '../../../ui/components/table-section.tsx';
import type { listMoments, Moment, momentPage } from '../policycalendar.service.ts';
import { momentKinds, momentStatuses } from '../policycalendar.schema.ts';
import { draftLetter } from '../policycalendar.rules.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };
export const calendarPath = (council: Council) => `/${council.slug}/werkruimte/beleidskalender`;

const statusBadge = { expected: 'neutral', request_received: 'warning', advice_given: 'success' } as const;

function Status({ ctx: given, status }: { ctx?: PageCtx; status: Moment['status'] }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={statusBadge[status]}>{ctx.t(`policycalendar.status.${status}`)}</StatusBadge>;
}

/** "elk jaar" / "elke 4 jaar". */
const every = (ctx: PageCtx, n: number) => (n === 1 ? ctx.t('policycalendar.everyYear') : ctx.t('policycalendar.every', { n }));

function when(ctx: PageCtx, m: Moment): string {
  const date = formatDate(m.expectedOn, ctx.locale);
  return m.recurrenceYears ? `${date} (${every(ctx, m.recurrenceYears)})` : date;
}

/**
 * The feed link and the moments as a table: in the workspace (`href`, `groups`) the title links to
 * the moment and a column names the working group; the public calendar shows neither.
 */
function Moments({ feed, moments, href, groups }: { feed: string; moments: Moment[]; href?: (m: Moment) => string; groups?: { id: string; name: string }[] }) {
  const ctx = usePageCtx();
  const t = ctx.t;
  const group: Column<Moment>[] = groups ? [{ header: t('policycalendar.field.group'), cell: (m) => groups.find((g) => g.id === m.workingGroupId)?.name ?? '-' }] : [];
  const columns: Column<Moment>[] = [
    { header: t('policycalendar.field.title'), cell: (m) => (href ? <Link href={href(m)}>{m.title}</Link> : m.title) },
    { header: t('policycalendar.field.expectedOn'), cell: (m) => when(ctx, m) },
    ...group,
    { header: t('policycalendar.field.status'), cell: (m) => <Status status={m.status} /> },
  ];
  return (
    <>
      <Paragraph>
        <Link href={feed}>{t('policycalendar.feed')}</Link>
      </Paragraph>
      <Table caption={t('policycalendar.moments')} empty={t('policycalendar.empty')} rows={moments} columns={columns} />
    </>
  );
}

/** When a moment's date moved, from what to what and why. */
function Shifts({ shifts }: { shifts: Awaited<ReturnType<typeof momentPage>>['shifts'] }) {
  const ctx = usePageCtx();
  const t = ctx.t;
  const date = (d: string) => formatDate(d, ctx.locale);
  const columns: Column<(typeof shifts)[number]>[] = [
    { header: t('policycalendar.shift.when'), cell: (s) => formatDateTime(s.at, ctx.locale) },
    { header: t('policycalendar.shift.from'), cell: (s) => date(s.fromDate) },
    { header: t('policycalendar.shift.to'), cell: (s) => date(s.toDate) },
    { header: t('policycalendar.field.reason'), cell: (s) => s.reason || '-' },
  ];
  return <TableSection id="verschuivingen" title={t('policycalendar.shifts')} empty={t('policycalendar.noShifts')} rows={shifts} columns={columns} />;
}

/** The fields of a moment, for adding one and for changing it. */
function MomentFields({
  ctx,
  errors,
  values,
  groups,
  withReason,
}: {
  ctx: PageCtx;
  errors?: FieldErrors;
  values: Record<string, string>;
  groups: { id: string; name: string }[];
  withReason?: boolean;
}) {
  const t = ctx.t;
  const select = (name: string, label: string, options: { value: string; label: string }[]) => <SelectField errors={errors} name={name} label={label} value={values[name] ?? ''} options={options} />;
  // How many weeks ahead the working group hears of the moment (12 unless set).
  const weeks = { name: 'remindWeeks', label: t('policycalendar.field.remindWeeks'), hint: t('policycalendar.field.remindWeeksHint'), value: values.remindWeeks ?? '12' };
  return (
    <>
      {select(
        'kind',
        t('policycalendar.field.kind'),
        momentKinds.map((k) => ({ value: k, label: t(`policycalendar.kind.${k}`) })),
      )}
      <TextField errors={errors} name="title" label={t('policycalendar.field.title')} value={values.title} />
      <TextField errors={errors} name="expectedOn" type="date" label={t('policycalendar.field.expectedOn')} value={values.expectedOn} />
      {withReason && <TextField errors={errors} name="reason" label={t('policycalendar.field.reason')} hint={t('policycalendar.field.reasonHint')} value={values.reason} optional />}
      {select('recurrenceYears', t('policycalendar.field.recurrence'), [{ value: '', label: t('policycalendar.once') }, ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: every(ctx, n) }))])}
      {select('workingGroupId', t('policycalendar.field.group'), [{ value: '', label: t('policycalendar.noGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))])}
      <TextField errors={errors} {...weeks} inputmode="numeric" width="short" />
      <CheckboxField errors={errors} name="isPublic" label={t('policycalendar.field.public')} value="ja" checked={values.isPublic === 'ja' || values.isPublic === 'true'} />
    </>
  );
}

export function CalendarPage(props: Props & { data: Awaited<ReturnType<typeof listMoments>>; errors?: FieldErrors; values?: FormValues; notice?: string }) {
  const { ctx, council, data } = props;
  const t = ctx.t;
  const path = calendarPath(council);
  return (
    <WorkspacePage title={t('policycalendar.title')} section={path} intro={t('policycalendar.intro')} errors={props.errors} notice={props.notice}>
      <Moments feed={`/${council.slug}/beleidskalender.ics`} moments={data.moments} href={(m) => `${path}/${m.id}`} groups={data.groups} />
      {data.may.manage && (
        <Section id="nieuw-moment" title={t('policycalendar.add')}>
          <Form action={path}>
            <MomentFields ctx={ctx} errors={props.errors} values={props.values ?? {}} groups={data.groups} />
            <Button>{t('policycalendar.addButton')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

export function MomentPage(props: Props & { data: Awaited<ReturnType<typeof momentPage>>; errors?: FieldErrors; values?: FormValues; notice?: string }) {
  const { ctx, council, data } = props;
  const { moment: m } = data;
  const t = ctx.t;
  const list = calendarPath(council);
  const path = `${list}/${m.id}`;
  const linked = data.advices.find((a) => a.id === m.adviceId);
  const current: Record<string, string> = {
    kind: m.kind,
    title: m.title,
    expectedOn: m.expectedOn,
    recurrenceYears: m.recurrenceYears ? String(m.recurrenceYears) : '',
    workingGroupId: m.workingGroupId ?? '',
    remindWeeks: String(m.remindWeeks),
    isPublic: m.isPublic ? 'ja' : '',
  };
  return (
    <WorkspacePage title={m.title} section={list} href={path} parent={{ href: list, label: t('policycalendar.title') }} errors={props.errors} notice={props.notice}>
      <DataList
        items={[
          { key: t('policycalendar.field.kind'), value: t(`policycalendar.kind.${m.kind}`) },
          { key: t('policycalendar.field.expectedOn'), value: when(ctx, m) },
          { key: t('policycalendar.field.group'), value: data.group?.name ?? '-' },
          { key: t('policycalendar.field.status'), value: <Status status={m.status} /> },
          { key: t('policycalendar.field.advice'), value: linked ? <Link href={`/${council.slug}/werkruimte/adviezen/${linked.id}`}>{`${linked.reference}: ${linked.subject}`}</Link> : '-' },
        ]}
      />
      <Section id="brief" title={t('policycalendar.letter.title')} intro={t('policycalendar.letter.intro', { weeks: m.remindWeeks })}>
        <pre class="rw-draft">{draftLetter({ council: council.name, moment: m.title, date: formatDate(m.expectedOn, 'nl'), group: data.group?.name ?? null })}</pre>
      </Section>
      <Shifts shifts={data.shifts} />
      {data.may.manage && (
        <>
          <Section id="aanvraag" title={t('policycalendar.link.title')}>
            <ChooseOneForm
              action={`${path}/adviesaanvraag`}
              name="adviceId"
              label={t('policycalendar.link.label')}
              errors={props.errors}
              value={m.adviceId}
              options={data.advices.map((a) => ({ value: a.id, label: `${a.reference}: ${a.subject}` }))}
              button={t('policycalendar.link.button')}
            />
          </Section>
          <Section id="status" title={t('policycalendar.field.status')}>
            <ChooseOneForm
              action={`${path}/status`}
              name="status"
              control="radio"
              label={t('policycalendar.field.status')}
              errors={props.errors}
              value={m.status}
              options={momentStatuses.map((s) => ({ value: s, label: t(`policycalendar.status.${s}`) }))}
              button={t('policycalendar.statusButton')}
            />
          </Section>
          <Section id="wijzigen" title={t('policycalendar.change')}>
            <Form action={path}>
              <MomentFields ctx={ctx} errors={props.errors} values={props.values ?? current} groups={data.groups} withReason />
              <Button>{t('policycalendar.save')}</Button>
            </Form>
          </Section>
        </>
      )}
    </WorkspacePage>
  );
}

/** The public view: the moments the council chose to show, with the feed. */
export function PublicCalendarPage({ ctx, council, moments }: { ctx: PageCtx; council: Council; moments: Moment[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/beleidskalender`;
  return (
    <PublicPage title={t('policycalendar.title')} section={path} intro={t('policycalendar.publicIntro', { council: council.name })} lead>
      <Moments feed={`${path}.ics`} moments={moments} />
    </PublicPage>
  );
}
