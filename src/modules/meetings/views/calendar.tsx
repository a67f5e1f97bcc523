import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors } from '../../../core/http/forms.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { ActionForm, fieldId, ShownOnce } from '../../../ui/components/form.tsx';
import { TextList } from '../../../ui/components/text-list.tsx';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { FeedLinkState } from '../meetings.calendar.ts';

export type CalendarNotice = 'revoked';

/** The member's own calendar link: make, replace or revoke it, and how to subscribe. */
export function CalendarPage(props: {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  state: FeedLinkState;
  /** Base address of the site, for the full feed links. */
  site: string;
  /** The new link's secret, shown this once. */
  created?: string;
  notice?: CalendarNotice;
  errors?: FieldErrors;
}) {
  const { ctx, council, actor, state } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/agenda`;
  const publicFeed = `${props.site}/${council.slug}/agenda.ics`;
  const privateFeed = props.created ? `${props.site}/${council.slug}/agenda/${props.created}.ics` : null;
  const webcal = (url: string) => url.replace(/^https?:\/\//, 'webcal://');
  return (
    <WorkspacePage title={t('calendar.page.title')} section={path} errors={props.errors} notice={props.notice === 'revoked' ? t('calendar.page.revokedNotice') : undefined}>
      {privateFeed && (
        <ShownOnce id="agendalink" title={t('calendar.page.created.title')} body={t('calendar.page.created.body')} label={t('calendar.page.created.label')} value={privateFeed}>
          <p class="utrecht-paragraph nl-paragraph">
            <Link href={webcal(privateFeed)}>{t('calendar.page.created.webcal')}</Link>
          </p>
        </ShownOnce>
      )}
      <Paragraph lead>{t('calendar.page.intro')}</Paragraph>

      <Section id={fieldId('link')} title={t('calendar.page.yourLink')}>
        {state.active ? (
          <>
            <Paragraph>
              {t('calendar.page.active', { date: formatDate(state.active.createdAt, ctx.locale) })}{' '}
              {state.active.lastUsedAt ? t('calendar.page.lastUsed', { date: formatDateTime(state.active.lastUsedAt, ctx.locale) }) : t('calendar.page.neverUsed')}
            </Paragraph>
            <Paragraph>{t('calendar.page.lost')}</Paragraph>
            <ActionForm action={path} variant="primary" button={t('calendar.page.replace')} />
            <ActionForm action={`${path}/intrekken`} danger button={t('calendar.page.revoke')} />
          </>
        ) : actor.membershipId ? (
          <ActionForm action={path} hint={t('calendar.page.none')} variant="primary" button={t('calendar.page.create')} />
        ) : (
          <Paragraph>{t('calendar.link.noMembership')}</Paragraph>
        )}
      </Section>

      <Section id="zo-werkt-het" title={t('calendar.page.howTitle')} intro={t('calendar.page.howIntro')}>
        <TextList items={[t('calendar.page.how.outlook'), t('calendar.page.how.google'), t('calendar.page.how.apple')]} />
        <Paragraph>{t('calendar.page.secret')}</Paragraph>
      </Section>

      <Section id="openbaar" title={t('calendar.page.publicTitle')} intro={t('calendar.page.publicIntro')}>
        <p class="utrecht-paragraph nl-paragraph">
          <Link href={publicFeed}>{publicFeed}</Link>
        </p>
      </Section>
    </WorkspacePage>
  );
}
