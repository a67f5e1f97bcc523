import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { ComponentChildren } from 'preact';
import { Heading, Paragraph, Link, Button, Table, StatusBadge, Section, type Column } from '../../../ui/components/basics.tsx';
import { ChooseOneForm, Form, TextField, TextArea, CheckboxGroup } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { WorkingGroupDetail, WorkingGroupRow } from '../members.groups.ts';
import { WorkspacePage, trail } from '../../../ui/layouts/workspace-page.tsx';
import { ConfirmPage } from '../../../ui/layouts/confirm-page.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

/** A working group's name and description, for a new group and to change one. */
function GroupFields({ ctx: given, errors, name, description }: { ctx?: PageCtx; errors?: FieldErrors; name?: string; description?: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <TextField errors={errors} name="name" label={t('members.wg.name')} value={name} />
      <TextArea errors={errors} name="description" label={t('members.wg.description')} hint={t('members.wg.descriptionHint')} value={description} optional rows={4} />
    </>
  );
}

export function WorkingGroupsPage(props: Props & { groups: WorkingGroupRow[]; may: { create: boolean }; errors?: FieldErrors; values?: FormValues }) {
  const { ctx, council, groups, errors } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/werkgroepen`;
  const v = props.values ?? {};
  return (
    <WorkspacePage title={t('members.wg.title')} section={path} errors={errors}>
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
      {props.may.create && (
        <Section id="nieuwe-werkgroep" title={t('members.wg.new')}>
          <Form action={path}>
            <GroupFields errors={errors} name={v.name} description={v.description} />
            <Button>{t('members.wg.create')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

type GroupMember = WorkingGroupDetail['members'][number];

/** What a save on a working group's page just did; its words are the message `members.wg.<notice>`. */
export type GroupNotice = 'created' | 'saved' | 'added' | 'removed' | 'leadSet';

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
  const { ctx, council, group, errors, notice } = props;
  const manage = group.mayManage;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/werkgroepen`;
  const path = `${list}/${group.id}`;
  const v = props.values ?? {};
  const activeMembers = group.members.filter((m) => m.active);
  return (
    <WorkspacePage
      title={t('members.wg.editTitle', { name: group.name })}
      {...trail({ href: list, label: t('members.wg.title') }, { href: path, label: group.name })}
      errors={errors}
      notice={notice && t(`members.wg.${notice}`)}
      intro={!manage && t('members.wg.leadReads')}
    >
      <Section id="werkgroep-leden" title={t('members.wg.membersTitle')}>
        <Table
          caption={t('members.wg.membersCaption', { name: group.name })}
          empty={t('members.wg.noMembers')}
          rows={group.members}
          columns={(
            [
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
                  <Link href={`${path}/leden/${m.id}/verwijderen`}>
                    {t('members.wg.removeShort')}
                    <span class="rw-visually-hidden"> {m.name}</span>
                  </Link>
                ),
              },
            ] satisfies (Column<GroupMember> | false)[]
          ).filter((c) => c !== false)}
        />
        {manage && <Heading level={3}>{t('members.wg.add')}</Heading>}
        {manage &&
          (group.candidates.length === 0 ? (
            <Paragraph>{t('members.wg.noCandidates')}</Paragraph>
          ) : (
            <Form action={`${path}/leden`}>
              <CheckboxGroup
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
      </Section>
      {props.related}
      {manage && (
        <>
          <Section id="trekker" title={t('members.wg.leadTitle')}>
            <ChooseOneForm
              action={`${path}/trekker`}
              errors={errors}
              name="lead"
              label={t('members.wg.leadLabel')}
              hint={t('members.wg.leadHint')}
              value={v.lead ?? group.leadId ?? ''}
              none={t('members.wg.noLead')}
              options={activeMembers.map((m) => ({ value: m.id, label: m.name }))}
              button={t('members.wg.setLead')}
            />
          </Section>
          <Section id="werkgroep-gegevens" title={t('members.wg.details')}>
            <Form action={path}>
              <GroupFields errors={errors} name={v.name ?? group.name} description={v.description ?? group.description} />
              <Button>{t('form.save')}</Button>
            </Form>
          </Section>
        </>
      )}
      <Paragraph>
        <Link href={list}>{t('members.wg.back')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}

/** Taking a member out of a working group asks first. */
export function RemoveGroupMemberPage({ ctx, council, group, member }: Props & { group: WorkingGroupDetail; member: { id: string; name: string } }) {
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/werkgroepen`;
  const path = `${list}/${group.id}`;
  return (
    <ConfirmPage
      title={t('members.wgRemove.title', { name: member.name, group: group.name })}
      {...trail({ href: list, label: t('members.wg.title') }, { href: path, label: group.name }, { href: `${path}/leden/${member.id}/verwijderen`, label: t('members.wg.removeShort') })}
      consequences={[
        t('members.wgRemove.what', { name: member.name }),
        ...(group.leadId === member.id ? [t('members.wgRemove.lead', { name: member.name })] : []),
        t('members.wgRemove.noMail'),
        t('members.wgRemove.again'),
      ]}
      button={t('members.wgRemove.confirm')}
      back={{ href: path, label: t('members.wgRemove.back') }}
    />
  );
}
