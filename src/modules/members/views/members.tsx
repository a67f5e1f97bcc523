import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Paragraph, Link, Button, Table, StatusBadge, Section } from '../../../ui/components/basics.tsx';
import { ActionForm, Form, TextField, SelectField, CheckboxField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { roles } from '../../../core/roles.ts';
import type { MemberCounts, MemberRow } from '../members.memberships.ts';
import { inviteManyPath, SeatSummary } from './invitations.tsx';
import { WorkspacePage, trail, type Notice } from '../../../ui/layouts/workspace-page.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

function roleOptions(ctx: PageCtx) {
  return roles.map((r) => ({ value: r, label: ctx.t(`members.role.${r}`) }));
}

function MemberStatus({ ctx: given, m }: { ctx?: PageCtx; m: Pick<MemberRow, 'active' | 'invitationPending'> }) {
  const ctx = usePageCtx(given);
  if (!m.active) return <StatusBadge status="inactive">{ctx.t('members.status.inactive')}</StatusBadge>;
  if (m.invitationPending) return <StatusBadge status="warning">{ctx.t('members.status.invited')}</StatusBadge>;
  return <StatusBadge status="success">{ctx.t('members.status.active')}</StatusBadge>;
}

export function MembersPage(
  props: Props & {
    members: MemberRow[];
    counts: MemberCounts;
    may: { manage: boolean };
    errors?: FieldErrors;
    values?: FormValues;
    invited?: { name: string; email: string };
    /** How many invitations a list just sent. */
    invitedMany?: number;
  },
) {
  const { ctx, council, members, errors, invited, invitedMany } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/leden`;
  const manage = props.may.manage;
  const v = props.values ?? {};
  const notice: Notice | undefined = invited
    ? { title: t('members.invite.sentTitle'), children: <Paragraph>{t('members.invite.sentBody', { name: invited.name, email: invited.email })}</Paragraph> }
    : invitedMany !== undefined
      ? {
          title: invitedMany === 1 ? t('members.bulk.sentTitleOne') : t('members.bulk.sentTitle', { n: invitedMany }),
          children: <Paragraph>{t('members.bulk.sentBody')}</Paragraph>,
        }
      : undefined;
  return (
    <WorkspacePage title={t('members.ws.title')} section={path} errors={errors} notice={notice}>
      <SeatSummary counts={props.counts} />
      <Table
        caption={t('members.ws.caption')}
        empty={t('members.ws.empty')}
        rows={members}
        columns={[
          { header: t('members.ws.name'), cell: (m) => (manage ? <Link href={`${path}/${m.id}`}>{m.name}</Link> : m.name) },
          { header: t('members.ws.email'), cell: (m) => m.email },
          { header: t('members.ws.role'), cell: (m) => t(`members.role.${m.role}`) },
          { header: t('members.ws.targetGroup'), cell: (m) => m.targetGroup || '-' },
          { header: t('members.ws.status'), cell: (m) => <MemberStatus m={m} /> },
        ]}
      />
      {manage && (
        <Section id="uitnodigen" title={t('members.invite.title')} intro={t('members.invite.intro')}>
          <Paragraph>
            <Link href={inviteManyPath(council)}>{t('members.bulk.link')}</Link>
          </Paragraph>
          <Form action={path}>
            <TextField errors={errors} name="name" label={t('members.invite.name')} value={v.name} autocomplete="off" />
            <TextField errors={errors} name="email" type="email" label={t('members.invite.email')} value={v.email} autocomplete="off" />
            <SelectField errors={errors} name="role" label={t('members.invite.role')} hint={t('members.invite.roleHint')} value={v.role ?? 'member'} options={roleOptions(ctx)} />
            <TextField errors={errors} name="targetGroup" label={t('members.invite.targetGroup')} hint={t('members.invite.targetGroupHint')} value={v.targetGroup} optional />
            <Button>{t('members.invite.submit')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

export type MemberNotice = 'saved' | 'deactivated' | 'reactivated';

export function MemberPage(props: Props & { member: MemberRow; errors?: FieldErrors; values?: FormValues; notice?: MemberNotice }) {
  const { ctx, council, member, errors, notice } = props;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/leden`;
  const path = `${list}/${member.id}`;
  const v = props.values;
  const showOnSite = v ? v.showOnSite !== undefined : member.showOnSite;
  return (
    <WorkspacePage
      title={t('members.edit.title', { name: member.name })}
      {...trail({ href: list, label: t('members.ws.title') }, { href: path, label: member.name })}
      errors={errors}
      notice={notice && t(notice === 'saved' ? 'members.edit.saved' : notice === 'deactivated' ? 'members.edit.deactivated' : 'members.edit.reactivated')}
    >
      <Paragraph>
        {member.email} <MemberStatus m={member} />
      </Paragraph>
      <Section id="gegevens" title={t('members.edit.details')}>
        <Form action={path}>
          <SelectField errors={errors} name="role" label={t('members.invite.role')} hint={t('members.invite.roleHint')} value={v?.role ?? member.role} options={roleOptions(ctx)} />
          <TextField errors={errors} name="targetGroup" label={t('members.invite.targetGroup')} hint={t('members.invite.targetGroupHint')} value={v?.targetGroup ?? member.targetGroup} optional />
          <CheckboxField errors={errors} name="showOnSite" label={t('members.edit.showOnSite')} hint={t('members.edit.showOnSiteHint')} checked={showOnSite} />
          <Button>{t('form.save')}</Button>
        </Form>
      </Section>
      {/* The status heading takes the id of the field its errors name, so the error summary leads here. */}
      <Section id="veld-status" title={t('members.edit.statusTitle')} intro={member.active ? t('members.edit.isActive') : t('members.edit.isInactive')}>
        {member.active ? (
          <ActionForm action={`${path}/stoppen`} hint={t('members.edit.deactivateHint')} danger button={t('members.edit.deactivate')} />
        ) : (
          <ActionForm action={`${path}/activeren`} button={t('members.edit.reactivate')} />
        )}
      </Section>
      <Paragraph>
        <Link href={list}>{t('members.edit.back')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}
