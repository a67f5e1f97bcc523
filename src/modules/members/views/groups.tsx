import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import type { ComponentChildren } from 'preact';
import { Heading, Paragraph, Link, Button, Table, StatusBadge, Alert, type Column } from '../../../ui/components/basics.tsx';
import { Form, ErrorSummary, TextField, TextArea, SelectField, FormPageTop, CheckboxGroup } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { WorkingGroupDetail, WorkingGroupRow } from '../members.groups.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

export function WorkingGroupsPage(props: Props & { groups: WorkingGroupRow[]; errors?: FieldErrors; values?: FormValues }) {
  const { ctx, council, actor, groups, errors } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/werkgroepen`;
  const v = props.values ?? {};
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={t('members.wg.title')}
      section={path}
      trail={[{ href: path, label: t('members.wg.title') }]}
      hasErrors={Boolean(errors)}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <Heading level={1}>{t('members.wg.title')}</Heading>
      <Table
        caption={t('members.wg.caption')}
        empty={t('members.wg.empty')}
        rows={groups}
        columns={[
          { header: t('members.wg.name'), cell: (g) => (g.open ? <Link href={`${path}/${g.id}`}>{g.name}</Link> : g.name) },
          { header: t('members.wg.lead'), cell: (g) => g.lead ?? t('members.none') },
          { header: t('members.wg.memberCount'), cell: (g) => String(g.members), numeric: true },
        ]}
      />
      {can(actor, 'workingGroups.manage') && (
        <section aria-labelledby="nieuwe-werkgroep">
          <Heading level={2} id="nieuwe-werkgroep">
            {t('members.wg.new')}
          </Heading>
          <Form ctx={ctx} action={path}>
            <TextField ctx={ctx} errors={errors} name="name" label={t('members.wg.name')} value={v.name} />
            <TextArea
              ctx={ctx}
              errors={errors}
              name="description"
              label={t('members.wg.description')}
              hint={t('members.wg.descriptionHint')}
              value={v.description}
              optional
              rows={4}
            />
            <Button>{t('members.wg.create')}</Button>
          </Form>
        </section>
      )}
    </WorkspaceFrame>
  );
}

type GroupMember = WorkingGroupDetail['members'][number];

export type GroupNotice = 'created' | 'saved' | 'added' | 'removed' | 'leadSet';
const noticeKey = {
  created: 'members.wg.created',
  saved: 'members.wg.saved',
  added: 'members.wg.added',
  removed: 'members.wg.removed',
  leadSet: 'members.wg.leadSet',
} as const;

export function WorkingGroupPage(
  props: Props & {
    group: WorkingGroupDetail;
    errors?: FieldErrors;
    values?: FormValues;
    notice?: GroupNotice;
    /** What other modules show of this group (its advices). */
    related?: ComponentChildren[];
    /** The members ticked when the add form came back with an error. */
    checked?: string[];
  },
) {
  const { ctx, council, actor, group, errors, notice } = props;
  const manage = group.mayManage;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/werkgroepen`;
  const path = `${list}/${group.id}`;
  const title = t('members.wg.editTitle', { name: group.name });
  const v = props.values ?? {};
  const activeMembers = group.members.filter((m) => m.active);
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('members.wg.title') },
        { href: path, label: group.name },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={title} notice={notice && t(noticeKey[notice])} />
      {!manage && <Paragraph>{t('members.wg.leadReads')}</Paragraph>}
      <section aria-labelledby="werkgroep-leden">
        <Heading level={2} id="werkgroep-leden">
          {t('members.wg.membersTitle')}
        </Heading>
        <Table
          caption={t('members.wg.membersCaption', { name: group.name })}
          empty={t('members.wg.noMembers')}
          rows={group.members}
          columns={([
            { header: t('members.ws.name'), cell: (m) => m.name },
            { header: t('members.ws.role'), cell: (m) => t(`members.role.${m.role}`) },
            {
              header: t('members.ws.status'),
              cell: (m) => (
                <>
                  {m.id === group.leadId && <StatusBadge status="neutral">{t('members.wg.lead')}</StatusBadge>}{' '}
                  {!m.active && <StatusBadge status="inactive">{t('members.status.inactive')}</StatusBadge>}
                </>
              ),
            },
            manage && {
              header: t('members.wg.actions'),
              cell: (m) => (
                <Form ctx={ctx} action={`${path}/leden/${m.id}/verwijderen`} class="rw-inline-form">
                  <button class="rw-link-button" type="submit" aria-label={t('members.wg.remove', { name: m.name })}>
                    {t('members.wg.removeShort')}
                  </button>
                </Form>
              ),
            },
          ] satisfies (Column<GroupMember> | false)[]).filter((c) => c !== false)}
        />
        {manage && <Heading level={3}>{t('members.wg.add')}</Heading>}
        {manage &&
          (group.candidates.length === 0 ? (
            <Paragraph>{t('members.wg.noCandidates')}</Paragraph>
          ) : (
            <Form ctx={ctx} action={`${path}/leden`}>
              <CheckboxGroup
                ctx={ctx}
                errors={errors}
                name="membershipId"
                label={t('members.wg.addLegend')}
                hint={t('members.wg.addManyHint')}
                checked={props.checked ?? []}
                options={group.candidates.map((c) => ({ value: c.id, label: c.name }))}
              />
              <Button variant="secondary">{t('members.wg.addSubmit')}</Button>
            </Form>
          ))}
      </section>
      {props.related}
      {manage && (
        <>
          <section aria-labelledby="trekker">
            <Heading level={2} id="trekker">
              {t('members.wg.leadTitle')}
            </Heading>
            <Form ctx={ctx} action={`${path}/trekker`}>
              <SelectField
                ctx={ctx}
                errors={errors}
                name="lead"
                label={t('members.wg.leadLabel')}
                hint={t('members.wg.leadHint')}
                value={v.lead ?? group.leadId ?? ''}
                options={[{ value: '', label: t('members.wg.noLead') }, ...activeMembers.map((m) => ({ value: m.id, label: m.name }))]}
              />
              <Button variant="secondary">{t('members.wg.setLead')}</Button>
            </Form>
          </section>
          <section aria-labelledby="werkgroep-gegevens">
            <Heading level={2} id="werkgroep-gegevens">
              {t('members.wg.details')}
            </Heading>
            <Form ctx={ctx} action={path}>
              <TextField ctx={ctx} errors={errors} name="name" label={t('members.wg.name')} value={v.name ?? group.name} />
              <TextArea
                ctx={ctx}
                errors={errors}
                name="description"
                label={t('members.wg.description')}
                hint={t('members.wg.descriptionHint')}
                value={v.description ?? group.description}
                optional
                rows={4}
              />
              <Button>{t('form.save')}</Button>
            </Form>
          </section>
        </>
      )}
      <Paragraph>
        <Link href={list}>{t('members.wg.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}
