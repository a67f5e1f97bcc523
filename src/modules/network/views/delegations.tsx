import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Button, Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { CheckboxField, ChooseOneForm, Form, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import { delegationRoles } from '../network.schema.ts';
import type { DelegationRow, PublicDelegation, ReportRow } from '../network.delegations.ts';
import { NetworkPage, networkPath, type FormState, type Props } from './common.tsx';

export const delegationsPath = (council: Props['council']) => `${networkPath(council)}/afvaardigingen`;

/** Which form of the page came back with errors. */
export type DelegationsForm = 'delegation' | 'report' | 'place';
type Meeting = { id: string; title: string; startsAt: Date };

const meetingLabel = (ctx: PageCtx, m: Meeting) => `${m.title}, ${formatDateTime(m.startsAt, ctx.locale)}`;

function ReportStatus({ ctx: given, council, r }: { ctx?: PageCtx; council: Props['council']; r: ReportRow }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  if (r.item) {
    return (
      <Link href={`/${council.slug}/werkruimte/vergaderingen/${r.item.meetingId}`}>{t('network.report.placed', { meeting: r.item.meetingTitle, date: formatDate(r.item.startsAt, ctx.locale) })}</Link>
    );
  }
  // Taken off the agenda after it was placed: it does not go back on by itself.
  return <strong>{r.placedAt ? t('network.report.removed') : t('network.report.waiting')}</strong>;
}

function Reports({
  ctx,
  council,
  reports,
  reportable,
  meetings,
  mayManage,
  form,
}: Props & { reports: ReportRow[]; reportable: DelegationRow[]; meetings: Meeting[]; mayManage: boolean; form?: ReturnedForm }) {
  const t = ctx.t;
  const href = delegationsPath(council);
  const waiting = reports.filter((r) => !r.item);
  const errorsOf = (which: DelegationsForm) => (form?.which === which ? form : undefined);
  const report = errorsOf('report');
  const place = errorsOf('place');
  return (
    <>
      <Section id="terugkoppelingen" title={t('network.report.title')} intro={t('network.report.intro')} items={reports} empty={t('network.report.none')}>
        <ul class="utrecht-unordered-list">
          {reports.map((r) => (
            <li class="utrecht-unordered-list__item">
              {t('network.report.line', { body: r.body, member: r.member, date: formatDate(r.createdAt, ctx.locale) })}
              {': '}
              <ReportStatus council={council} r={r} />
            </li>
          ))}
        </ul>
        {waiting.length > 0 && meetings.length === 0 && <Paragraph>{t('network.report.waitingHint')}</Paragraph>}
      </Section>
      {mayManage && waiting.length > 0 && meetings.length > 0 && (
        <Section id="agenderen" title={t('network.report.placeTitle')}>
          <ChooseOneForm
            action={`${href}/agenderen`}
            name="reportId"
            label={t('network.report.which')}
            value={place?.values.reportId}
            options={waiting.map((r) => ({ value: r.id, label: t('network.report.line', { body: r.body, member: r.member, date: formatDate(r.createdAt, ctx.locale) }) }))}
            errors={place?.errors}
            button={t('network.report.place')}
            variant="primary"
          >
            <SelectField
              name="meetingId"
              label={t('network.report.meeting')}
              value={place?.values.meetingId}
              options={meetings.map((m) => ({ value: m.id, label: meetingLabel(ctx, m) }))}
              errors={place?.errors}
            />
          </ChooseOneForm>
        </Section>
      )}
      <Section id="terugkoppelen" title={t('network.report.add')}>
        {reportable.length === 0 ? (
          <Paragraph>{t('network.report.noDelegations')}</Paragraph>
        ) : (
          <ChooseOneForm
            action={`${href}/terugkoppeling`}
            name="delegationId"
            label={t('network.report.delegation')}
            value={report?.values.delegationId}
            options={reportable.map((d) => ({ value: d.id, label: `${d.body}: ${d.member}` }))}
            errors={report?.errors}
            button={t('network.report.save')}
            variant="primary"
          >
            <TextArea name="text" label={t('network.report.text')} hint={t('network.report.textHint')} value={report?.values.text} errors={report?.errors} rows={6} />
            <CheckboxField name="closed" label={t('network.report.closed')} checked={report?.values.closed === 'ja'} errors={report?.errors} />
          </ChooseOneForm>
        )}
      </Section>
    </>
  );
}

type ReturnedForm = { which: DelegationsForm } & Required<FormState>;

export function DelegationsPage({
  ctx,
  council,
  actor,
  rows,
  reports,
  reportable,
  meetings,
  members,
  bodies,
  mayManage,
  form,
  notice,
}: Props & {
  rows: DelegationRow[];
  reports: ReportRow[];
  reportable: DelegationRow[];
  meetings: Meeting[];
  members: { id: string; name: string }[];
  bodies: { id: string; name: string }[];
  mayManage: boolean;
  form?: ReturnedForm;
  notice?: string;
}) {
  const t = ctx.t;
  const href = delegationsPath(council);
  const add = form?.which === 'delegation' ? form : undefined;
  return (
    <NetworkPage title={t('network.del.title')} href={href} intro={t('network.del.intro')} errors={form?.errors} notice={notice}>
      <Section id="lijst" title={t('network.del.title')} items={rows} empty={t('network.del.none')}>
        <ul class="utrecht-unordered-list">
          {rows.map((d) => (
            <li class="utrecht-unordered-list__item">
              {t('network.del.line', { member: d.member, body: d.body, from: formatDate(d.startsOn, ctx.locale) })}
              {d.endsOn ? ` - ${formatDate(d.endsOn, ctx.locale)}` : ''}
              {` (${t(`network.role.${d.role}`).toLowerCase()})`}
              {d.bodySlug && (
                <>
                  {' '}
                  <Link href={`/${d.bodySlug}`}>{d.body}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Reports ctx={ctx} council={council} actor={actor} reports={reports} reportable={reportable} meetings={meetings} mayManage={mayManage} form={form} />
      {mayManage && (
        <Section id="toevoegen" title={t('network.del.add')}>
          <Form action={href}>
            <SelectField name="membershipId" label={t('network.del.member')} value={add?.values.membershipId} options={members.map((m) => ({ value: m.id, label: m.name }))} errors={add?.errors} />
            <SelectField
              name="bodyCouncilId"
              label={t('network.del.body')}
              value={add?.values.bodyCouncilId ?? ''}
              options={[{ value: '', label: t('network.del.noBody') }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
              errors={add?.errors}
            />
            <TextField name="bodyName" label={t('network.del.bodyName')} optional value={add?.values.bodyName} errors={add?.errors} />
            <SelectField
              name="role"
              label={t('network.del.role')}
              value={add?.values.role ?? 'delegate'}
              options={delegationRoles.map((r) => ({ value: r, label: t(`network.role.${r}`) }))}
              errors={add?.errors}
            />
            <TextField name="startsOn" type="date" label={t('network.del.startsOn')} value={add?.values.startsOn} errors={add?.errors} width="short" />
            <TextField name="endsOn" type="date" label={t('network.del.endsOn')} optional value={add?.values.endsOn} errors={add?.errors} width="short" />
            <Button variant="primary">{t('network.del.add')}</Button>
          </Form>
        </Section>
      )}
    </NetworkPage>
  );
}

/** The public about page's part: which bodies the council is in, in which role, since when (no names). */
export function DelegationsOnAbout({ ctx: given, delegations }: { ctx?: PageCtx; delegations: PublicDelegation[] }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Section id="over-afvaardigingen" title={t('network.about.delegations')} intro={t('network.about.delegationsIntro')}>
      <ul class="utrecht-unordered-list">
        {delegations.map((d) => (
          <li class="utrecht-unordered-list__item">
            {`${t('network.about.roleIn', { role: t(`network.role.${d.role}`) })} `}
            {d.bodySlug ? <Link href={`/${d.bodySlug}`}>{d.body}</Link> : d.body}
            {`, ${t('network.about.since', { from: formatDate(d.startsOn, ctx.locale) })}`}
          </li>
        ))}
      </ul>
    </Section>
  );
}
