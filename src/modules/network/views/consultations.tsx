import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Button, DataList, Link, Paragraph, Section, Table } from '../../../ui/components/basics.tsx';
import { CheckboxField, CheckboxGroup, Form, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { AgendaItemRef } from '../../meetings/index.ts';
import { consultationKinds, type Consultation } from '../network.schema.ts';
import type { ConsultationDetail, ConsultationRow } from '../network.consultations.ts';
import type { ExperienceView } from '../network.experiences.ts';
import type { ConsentStatus } from '../network.rules.ts';
import { ExperienceTable } from './experiences.tsx';
import { NetworkPage, networkPath, SectionAction, type FormState, type Props } from './common.tsx';

export const consultationsPath = (council: Props['council']) => `${networkPath(council)}/raadplegingen`;

/** "8 december 2026, 19:30-21:30". */
function whenOf(ctx: PageCtx, c: Pick<Consultation, 'heldOn' | 'startTime' | 'endTime'>): string {
  return `${formatDate(c.heldOn, ctx.locale)}${c.startTime ? `, ${c.startTime}-${c.endTime}` : ''}`;
}

function ConsultationTable({ ctx: given, rows, href, caption }: { ctx?: PageCtx; rows: ConsultationRow[]; href: (c: ConsultationRow) => string; caption: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Table
      caption={caption}
      empty={t('network.cons.none')}
      rows={rows}
      columns={[
        { header: t('network.cons.col.topic'), cell: (c) => <Link href={href(c)}>{c.topic}</Link> },
        { header: t('network.cons.col.date'), cell: (c) => whenOf(ctx, c) },
        { header: t('network.cons.col.kind'), cell: (c) => t(`network.kind.${c.kind}`) },
        { header: t('network.cons.col.organisations'), cell: (c) => String(c.organisations), numeric: true },
        { header: t('network.cons.col.experiences'), cell: (c) => String(c.experiences), numeric: true },
      ]}
    />
  );
}

export function ConsultationsPage({ ctx, council, rows, mayManage }: Props & { rows: ConsultationRow[]; mayManage: boolean }) {
  const t = ctx.t;
  const path = consultationsPath(council);
  return (
    <NetworkPage title={t('network.cons.title')} href={path} intro={t('network.cons.intro')} add={mayManage && t('network.cons.add')}>
      <ConsultationTable rows={rows} caption={t('network.cons.title')} href={(c) => `${path}/${c.id}`} />
    </NetworkPage>
  );
}

const agendaLabel = (ctx: PageCtx, a: AgendaItemRef) => `${formatDateTime(a.startsAt, ctx.locale)}: ${a.meetingTitle}, ${a.title}`;

/** A consultation as the form shows it. */
const formValuesOf = (c: Consultation) => ({
  kind: c.kind,
  topic: c.topic,
  heldOn: c.heldOn,
  startTime: c.startTime,
  endTime: c.endTime,
  location: c.location,
  agendaItemId: c.agendaItemId ?? '',
  isPublic: c.isPublic ? 'ja' : '',
  closesOn: c.closesOn ?? '',
});

/** Planning a consultation, or (`edit`) changing one while it is open. */
export function ConsultationFormPage({ ctx, council, items, errors, values, edit }: Props & FormState & { items: AgendaItemRef[]; edit?: Consultation }) {
  const t = ctx.t;
  const path = consultationsPath(council);
  const v = values ?? (edit ? formValuesOf(edit) : { kind: 'expert_meeting' });
  const href = edit ? `${path}/${edit.id}/wijzigen` : `${path}/nieuw`;
  const parent = [{ href: path, label: t('network.cons.title') }, ...(edit ? [{ href: `${path}/${edit.id}`, label: edit.topic }] : [])];
  return (
    <NetworkPage title={t(edit ? 'network.cons.edit' : 'network.cons.add')} href={href} parent={parent} errors={errors} intro={edit ? t('network.cons.editIntro') : undefined}>
      <Form action={href}>
        <SelectField name="kind" label={t('network.cons.kind')} value={v.kind} options={consultationKinds.map((k) => ({ value: k, label: t(`network.kind.${k}`) }))} errors={errors} />
        <TextField name="topic" label={t('network.cons.topic')} value={v.topic} errors={errors} />
        <TextField name="heldOn" type="date" label={t('network.cons.heldOn')} value={v.heldOn} errors={errors} width="short" />
        <TextField name="startTime" label={t('network.cons.startTime')} hint={t('network.cons.timeHint')} optional inputmode="numeric" value={v.startTime} errors={errors} width="short" />
        <TextField name="endTime" label={t('network.cons.endTime')} optional inputmode="numeric" value={v.endTime} errors={errors} width="short" />
        <TextField name="location" label={t('network.cons.location')} optional value={v.location} errors={errors} />
        <SelectField
          name="agendaItemId"
          label={t('network.cons.agendaItem')}
          hint={t('network.cons.agendaItemHint')}
          value={v.agendaItemId ?? ''}
          options={[{ value: '', label: t('network.cons.noAgendaItem') }, ...items.map((a) => ({ value: a.id, label: agendaLabel(ctx, a) }))]}
          errors={errors}
        />
        <CheckboxField name="isPublic" label={t('network.cons.isPublic')} checked={v.isPublic === 'ja'} errors={errors} />
        <TextField name="closesOn" type="date" label={t('network.cons.closesOn')} hint={t('network.cons.closesOnHint')} optional value={v.closesOn} errors={errors} width="short" />
        <Button variant="primary">{t('network.cons.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

type Invitable = { id: string; organisation: string; role: string; name: string | null; status: ConsentStatus };

export function ConsultationPage({
  ctx,
  council,
  detail,
  experiences,
  contacts,
  errors,
  values,
  notice,
  form,
}: Props & FormState & { detail: ConsultationDetail; experiences: ExperienceView[]; contacts: Invitable[]; notice?: string; form?: 'invite' | 'outcome' }) {
  const t = ctx.t;
  const path = consultationsPath(council);
  const c = detail.consultation;
  const href = `${path}/${c.id}`;
  const invited = new Set(detail.invited);
  const checkedOf = (name: string) => {
    const v = values?.[name];
    return v === undefined ? [] : [v];
  };
  return (
    <NetworkPage title={c.topic} href={href} parent={{ href: path, label: t('network.cons.title') }} errors={errors} notice={notice}>
      <Section id="gegevens" title={t('network.cons.facts')} after={<SectionAction show={detail.may.change} href={`${href}/wijzigen`} label={t('network.cons.edit')} />}>
        <DataList
          items={[
            { key: t('network.cons.kind'), value: t(`network.kind.${c.kind}`) },
            { key: t('network.cons.heldOn'), value: whenOf(ctx, c) },
            { key: t('network.cons.location'), value: c.location || '-' },
            ...(detail.agendaItem
              ? [{ key: t('network.cons.meeting'), value: <Link href={`/${council.slug}/werkruimte/vergaderingen/${detail.agendaItem.meetingId}`}>{agendaLabel(ctx, detail.agendaItem)}</Link> }]
              : []),
            ...(c.closesOn ? [{ key: t('network.cons.closesOn'), value: formatDate(c.closesOn, ctx.locale) }] : []),
          ]}
        />
      </Section>
      <Section id="uitgenodigd" title={t('network.cons.invited')} items={detail.organisations} empty={t('network.cons.noneInvited')}>
        <ul class="utrecht-unordered-list">
          {detail.organisations.map((o) => (
            <li class="utrecht-unordered-list__item">
              {o.name}
              {o.attended ? ` (${t('network.cons.present')})` : ''}
            </li>
          ))}
        </ul>
        {c.headCount !== null && <Paragraph>{`${t('network.cons.headCount')}: ${c.headCount}`}</Paragraph>}
        {c.report && <Paragraph>{c.report}</Paragraph>}
      </Section>
      {detail.may.manage && (
        <Section id="uitnodigen" title={t('network.cons.invite')} intro={t('network.cons.inviteIntro')}>
          <Form action={`${href}/uitnodigen`}>
            <CheckboxGroup
              name="contactIds"
              label={t('network.cons.inviteWho')}
              empty={t('network.cons.noContacts')}
              // Expired, withdrawn and erased contacts drop out of the list (the use case refuses them too).
              options={contacts
                .filter((x) => !invited.has(x.id) && (x.status === 'valid' || x.status === 'expiring'))
                .map((x) => ({ value: x.id, label: `${x.organisation}: ${x.name ?? t('network.contact.privateLabel')}${x.role ? `, ${x.role}` : ''} (${t(`network.status.${x.status}`)})` }))}
              checked={form === 'invite' ? checkedOf('contactIds') : []}
              errors={form === 'invite' ? errors : undefined}
            />
            <Button variant="primary">{t('network.cons.sendInvites')}</Button>
          </Form>
        </Section>
      )}
      {detail.may.manage && detail.organisations.length > 0 && (
        <Section id="verslag" title={t('network.cons.outcome')}>
          <Form action={`${href}/verslag`}>
            <CheckboxGroup
              name="attended"
              label={t('network.cons.attended')}
              options={detail.organisations.map((o) => ({ value: o.id, label: o.name }))}
              checked={detail.organisations.filter((o) => o.attended).map((o) => o.id)}
              errors={form === 'outcome' ? errors : undefined}
            />
            <TextField
              name="headCount"
              label={t('network.cons.headCount')}
              optional
              inputmode="numeric"
              width="short"
              value={form === 'outcome' ? values?.headCount : c.headCount === null ? '' : String(c.headCount)}
              errors={form === 'outcome' ? errors : undefined}
            />
            <TextArea name="report" label={t('network.cons.report')} optional value={form === 'outcome' ? values?.report : c.report} errors={form === 'outcome' ? errors : undefined} />
            <Button>{t('network.cons.saveOutcome')}</Button>
          </Form>
        </Section>
      )}
      <Section
        id="ervaringen"
        title={t('network.cons.experiences')}
        after={<SectionAction show={detail.may.record} href={`${networkPath(council)}/ervaringen/nieuw?raadpleging=${c.id}`} label={t('network.cons.addExperience')} />}
      >
        <ExperienceTable council={council} rows={experiences} empty={t('network.cons.noExperiences')} caption={t('network.cons.experiences')} />
      </Section>
    </NetworkPage>
  );
}
