import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors } from '../../../core/http/forms.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { Alert, Button, Heading, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { fieldId, Form, FormPageTop } from '../../../ui/components/form.tsx';
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
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={t('calendar.page.title')}
      section={path}
      trail={[{ href: path, label: t('calendar.page.title') }]}
      hasErrors={Boolean(props.errors && Object.keys(props.errors).length)}
    >
      <FormPageTop ctx={ctx} errors={props.errors} title={t('calendar.page.title')} notice={props.notice === 'revoked' ? t('calendar.page.revokedNotice') : undefined} />
      {privateFeed && (
        <Alert type="ok" title={t('calendar.page.created.title')} role="status">
          <p class="utrecht-paragraph nl-paragraph">{t('calendar.page.created.body')}</p>
          <p class="utrecht-paragraph nl-paragraph">
            <label class="utrecht-form-label" for="agendalink">
              {t('calendar.page.created.label')}
            </label>
          </p>
          <input id="agendalink" class="utrecht-textbox utrecht-textbox--html-input rw-token" type="text" readonly value={privateFeed} spellcheck={false} autocomplete="off" />
          <p class="utrecht-paragraph nl-paragraph">
            <Link href={webcal(privateFeed)}>{t('calendar.page.created.webcal')}</Link>
          </p>
        </Alert>
      )}
      <Paragraph lead>{t('calendar.page.intro')}</Paragraph>

      <section aria-labelledby={fieldId('link')}>
        <Heading level={2} id={fieldId('link')}>
          {t('calendar.page.yourLink')}
        </Heading>
        {state.active ? (
          <>
            <Paragraph>
              {t('calendar.page.active', { date: formatDate(state.active.createdAt, ctx.locale) })}{' '}
              {state.active.lastUsedAt ? t('calendar.page.lastUsed', { date: formatDateTime(state.active.lastUsedAt, ctx.locale) }) : t('calendar.page.neverUsed')}
            </Paragraph>
            <Paragraph>{t('calendar.page.lost')}</Paragraph>
            <Form ctx={ctx} action={path}>
              <Button>{t('calendar.page.replace')}</Button>
            </Form>
            <Form ctx={ctx} action={`${path}/intrekken`}>
              <Button variant="secondary" danger>
                {t('calendar.page.revoke')}
              </Button>
            </Form>
          </>
        ) : actor.membershipId ? (
          <>
            <Paragraph>{t('calendar.page.none')}</Paragraph>
            <Form ctx={ctx} action={path}>
              <Button>{t('calendar.page.create')}</Button>
            </Form>
          </>
        ) : (
          <Paragraph>{t('calendar.link.noMembership')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="zo-werkt-het">
        <Heading level={2} id="zo-werkt-het">
          {t('calendar.page.howTitle')}
        </Heading>
        <Paragraph>{t('calendar.page.howIntro')}</Paragraph>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">{t('calendar.page.how.outlook')}</li>
          <li class="utrecht-unordered-list__item">{t('calendar.page.how.google')}</li>
          <li class="utrecht-unordered-list__item">{t('calendar.page.how.apple')}</li>
        </ul>
        <Paragraph>{t('calendar.page.secret')}</Paragraph>
      </section>

      <section aria-labelledby="openbaar">
        <Heading level={2} id="openbaar">
          {t('calendar.page.publicTitle')}
        </Heading>
        <Paragraph>{t('calendar.page.publicIntro')}</Paragraph>
        <p class="utrecht-paragraph nl-paragraph">
          <Link href={publicFeed}>{publicFeed}</Link>
        </p>
      </section>
    </WorkspaceFrame>
  );
}
