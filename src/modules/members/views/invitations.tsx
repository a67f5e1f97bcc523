/**
 * Seats and invitations: the counts of active members and open invitations (members page), and
 * the pages to invite several people at once: the list, then a check page, then one mail each.
 */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { roles, type Role } from '../../../core/roles.ts';
import { Button, ButtonGroup, DataList, Heading, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { ErrorSummary, Form, SelectField, TextArea } from '../../../ui/components/form.tsx';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import type { LineProblem } from '../members.forms.ts';
import type { InvitePlan, MemberCounts } from '../members.memberships.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

const membersPath = (council: Council) => `/${council.slug}/werkruimte/leden`;
export const inviteManyPath = (council: Council) => `${membersPath(council)}/uitnodigen`;

/** "Actieve leden: 12 (van de 14 plaatsen)", open invitations and free seats, apart. */
export function SeatSummary({ ctx: given, counts }: { ctx?: PageCtx; counts: MemberCounts }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Section id="plaatsen" title={t('members.counts.title')}>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">{counts.cap === null ? t('members.counts.active', { n: counts.active }) : t('members.counts.activeOfCap', { n: counts.active, cap: counts.cap })}</li>
        <li class="utrecht-unordered-list__item">{t('members.counts.invited', { n: counts.invited })}</li>
        {counts.left !== null && <li class="utrecht-unordered-list__item">{t('members.counts.left', { n: counts.left })}</li>}
      </ul>
      <Paragraph>{t('members.counts.who')}</Paragraph>
    </Section>
  );
}

function roleOptions(ctx: PageCtx) {
  return roles.map((r) => ({ value: r, label: ctx.t(`members.role.${r}`) }));
}

/**
 * The list's problems as form errors, all at the text box: the summary links each problem (a
 * line, or the list as a whole) to it, and the error at the box names them all, one per line.
 */
function problemErrors(ctx: PageCtx, problems: LineProblem[]): { summary: FieldErrors; fieldOf: Record<string, string>; field: string } {
  const summary: FieldErrors = {};
  const fieldOf: Record<string, string> = {};
  problems.forEach((p, i) => {
    const key = `people-${i + 1}`;
    summary[key] = ctx.t(p.key, p.params);
    fieldOf[key] = 'people';
  });
  const field = [...Object.values(summary), ctx.t('members.bulk.refused')].join('\n');
  return { summary, fieldOf, field };
}

/** The form: a list of people, one role for all. With `problems`, the list came back refused. */
export function InviteManyPage(props: Props & { values?: FormValues; errors?: FieldErrors; problems?: LineProblem[]; counts: MemberCounts }) {
  const { ctx, council, problems } = props;
  const t = ctx.t;
  const refused = problems?.length ? problemErrors(ctx, problems) : null;
  // The summary: one link per problem; at the fields: their own error.
  const summary = refused ? refused.summary : props.errors;
  const errors = refused ? { ...props.errors, people: refused.field } : props.errors;
  const v = props.values ?? {};
  const title = t('members.bulk.title');
  return (
    <WorkspacePage title={title} section={membersPath(council)} href={inviteManyPath(council)} parent={{ href: membersPath(council), label: t('members.ws.title') }} errors={errors} heading={false}>
      <ErrorSummary errors={summary} fieldOf={refused?.fieldOf} />
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t('members.bulk.intro')}</Paragraph>
      <SeatSummary counts={props.counts} />
      <Form action={inviteManyPath(council)}>
        <TextArea errors={errors} name="people" label={t('members.bulk.people')} hint={t('members.bulk.peopleHint')} value={v.people} rows={10} />
        <SelectField errors={errors} name="role" label={t('members.invite.role')} hint={t('members.bulk.roleHint')} value={v.role ?? 'member'} options={roleOptions(ctx)} />
        <Button>{t('members.bulk.check')}</Button>
      </Form>
    </WorkspacePage>
  );
}

/** Check your answers: who gets an invitation, with what role; send, or go back to change the list. */
export function CheckInvitesPage(props: Props & { plan: InvitePlan; values: { people: string; role: Role } }) {
  const { ctx, council, plan, values } = props;
  const t = ctx.t;
  const n = plan.people.length;
  const takesSeats = plan.role === 'chair' || plan.role === 'member';
  const leftAfter = plan.counts.left === null ? null : plan.counts.left - (takesSeats ? n : 0);
  const hidden = (
    <>
      <input type="hidden" name="people" value={values.people} />
      <input type="hidden" name="role" value={values.role} />
    </>
  );
  return (
    <WorkspacePage
      title={t('members.bulk.checkTitle')}
      section={membersPath(council)}
      href={inviteManyPath(council)}
      crumb={t('members.bulk.title')}
      parent={{ href: membersPath(council), label: t('members.ws.title') }}
      intro={t(n === 1 ? 'members.bulk.checkIntroOne' : 'members.bulk.checkIntro', { n, role: t(`members.role.${plan.role}`).toLowerCase() })}
    >
      {/* Name and address as a list of pairs: an address stays whole on a phone. */}
      <DataList items={plan.people.map((p) => ({ key: p.name, value: p.email }))} />
      {leftAfter !== null && plan.counts.cap !== null && <Paragraph>{t('members.bulk.seatsAfter', { n: leftAfter, cap: plan.counts.cap })}</Paragraph>}
      <ButtonGroup>
        <Form action={`${inviteManyPath(council)}/versturen`} class="rw-inline-form">
          {hidden}
          <Button>{n === 1 ? t('members.bulk.sendOne') : t('members.bulk.send', { n })}</Button>
        </Form>
        <Form action={inviteManyPath(council)} class="rw-inline-form">
          {hidden}
          <input type="hidden" name="wijzigen" value="ja" />
          <Button variant="secondary">{t('members.bulk.change')}</Button>
        </Form>
      </ButtonGroup>
    </WorkspacePage>
  );
}
