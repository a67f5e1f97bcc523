import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, Table, StatusBadge, Alert } from '../../../ui/components/basics.tsx';
import { Form, ErrorSummary, TextField, SelectField, CheckboxField, SuccessNotice } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { roles } from '../../../core/roles.ts';
import type { MemberCounts, MemberRow } from '../members.memberships.ts';
import { inviteManyPath, SeatSummary } from './invitations.tsx';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

function roleOptions(ctx: PageCtx) {
  return roles.map((r) => ({ value: r, label: ctx.t(`members.role.${r}`) }));
}

export function MemberStatus({ ctx, m }: { ctx: PageCtx; m: Pick<MemberRow, 'active' | 'invitationPending'> }) {
  if (!m.active) return <StatusBadge status="inactive">{ctx.t('members.status.inactive')}</StatusBadge>;
  if (m.invitationPending) return <StatusBadge status="warning">{ctx.t('members.status.invited')}</StatusBadge>;
  return <StatusBadge status="success">{ctx.t('members.status.active')}</StatusBadge>;
}

export function MembersPage(
  props: Props & {
    members: MemberRow[];
    counts: MemberCounts;
    errors?: FieldErrors;
    values?: FormValues;
    invited?: { name: string; email: string };
    /** How many invitations a list just sent. */
    invitedMany?: number;
  },
) {
  const { ctx, council, actor, members, errors, invited, invitedMany } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/leden`;
  const manage = can(actor, 'members.manage');
  const v = props.values ?? {};
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={t('members.ws.title')} section={path} trail={[{ href: path, label: t('members.ws.title') }]} hasErrors={Boolean(errors)}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Heading level={1}>{t('members.ws.title')}</Heading>
      {invited && (
        <Alert type="ok" role="status" title={t('members.invite.sentTitle')}>
          <Paragraph>{t('members.invite.sentBody', { name: invited.name, email: invited.email })}</Paragraph>
        </Alert>
      )}
      {invitedMany !== undefined && (
        <SuccessNotice title={invitedMany === 1 ? t('members.bulk.sentTitleOne') : t('members.bulk.sentTitle', { n: invitedMany })}>
          <Paragraph>{t('members.bulk.sentBody')}</Paragraph>
        </SuccessNotice>
      )}
      <SeatSummary ctx={ctx} counts={props.counts} />
      <Table
        caption={t('members.ws.caption')}
        empty={t('members.ws.empty')}
        rows={members}
        columns={[
          { header: t('members.ws.name'), cell: (m) => (manage ? <Link href={`${path}/${m.id}`}>{m.name}</Link> : m.name) },
          { header: t('members.ws.email'), cell: (m) => m.email },
          { header: t('members.ws.role'), cell: (m) => t(`members.role.${m.role}`) },
          { header: t('members.ws.targetGroup'), cell: (m) => m.targetGroup || '-' },
          { header: t('members.ws.status'), cell: (m) => <MemberStatus ctx={ctx} m={m} /> },
        ]}
      />
      {manage && (
        <section aria-labelledby="uitnodigen">
          <Heading level={2} id="uitnodigen">
            {t('members.invite.title')}
          </Heading>
          <Paragraph>{t('members.invite.intro')}</Paragraph>
          <Paragraph>
            <Link href={inviteManyPath(council)}>{t('members.bulk.link')}</Link>
          </Paragraph>
          <Form ctx={ctx} action={path}>
            <TextField ctx={ctx} errors={errors} name="name" label={t('members.invite.name')} value={v.name} autocomplete="off" />
            <TextField ctx={ctx} errors={errors} name="email" type="email" label={t('members.invite.email')} value={v.email} autocomplete="off" />
            <SelectField ctx={ctx} errors={errors} name="role" label={t('members.invite.role')} hint={t('members.invite.roleHint')} value={v.role ?? 'member'} options={roleOptions(ctx)} />
            <TextField ctx={ctx} errors={errors} name="targetGroup" label={t('members.invite.targetGroup')} hint={t('members.invite.targetGroupHint')} value={v.targetGroup} optional />
            <Button>{t('members.invite.submit')}</Button>
          </Form>
        </section>
      )}
    </WorkspaceFrame>
  );
}

export type MemberNotice = 'saved' | 'deactivated' | 'reactivated';

export function MemberPage(props: Props & { member: MemberRow; errors?: FieldErrors; values?: FormValues; notice?: MemberNotice }) {
  const { ctx, council, actor, member, errors, notice } = props;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/leden`;
  const path = `${list}/${member.id}`;
  const title = t('members.edit.title', { name: member.name });
  const v = props.values;
  const showOnSite = v ? v.showOnSite !== undefined : member.showOnSite;
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('members.ws.title') },
        { href: path, label: member.name },
      ]}
    >
      <ErrorSummary ctx={ctx} errors={errors} />
      <Heading level={1}>{title}</Heading>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{t(notice === 'saved' ? 'members.edit.saved' : notice === 'deactivated' ? 'members.edit.deactivated' : 'members.edit.reactivated')}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        {member.email} <MemberStatus ctx={ctx} m={member} />
      </Paragraph>
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          {t('members.edit.details')}
        </Heading>
        <Form ctx={ctx} action={path}>
          <SelectField ctx={ctx} errors={errors} name="role" label={t('members.invite.role')} hint={t('members.invite.roleHint')} value={v?.role ?? member.role} options={roleOptions(ctx)} />
          <TextField ctx={ctx} errors={errors} name="targetGroup" label={t('members.invite.targetGroup')} hint={t('members.invite.targetGroupHint')} value={v?.targetGroup ?? member.targetGroup} optional />
          <CheckboxField ctx={ctx} errors={errors} name="showOnSite" label={t('members.edit.showOnSite')} hint={t('members.edit.showOnSiteHint')} checked={showOnSite} />
          <Button>{t('form.save')}</Button>
        </Form>
      </section>
      <section aria-labelledby="veld-status">
        <Heading level={2} id="veld-status">
          {t('members.edit.statusTitle')}
        </Heading>
        <Paragraph>{member.active ? t('members.edit.isActive') : t('members.edit.isInactive')}</Paragraph>
        {member.active ? (
          <>
            <Paragraph>{t('members.edit.deactivateHint')}</Paragraph>
            <Form ctx={ctx} action={`${path}/stoppen`}>
              <Button variant="secondary" danger>
                {t('members.edit.deactivate')}
              </Button>
            </Form>
          </>
        ) : (
          <Form ctx={ctx} action={`${path}/activeren`}>
            <Button variant="secondary">{t('members.edit.reactivate')}</Button>
          </Form>
        )}
      </section>
      <Paragraph>
        <Link href={list}>{t('members.edit.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}
