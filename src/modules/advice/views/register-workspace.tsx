import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { Alert, Button, Heading, Link, Paragraph, StatusBadge, Table } from '../../../ui/components/basics.tsx';
import { Form, FormPageTop, RadioGroup, TextField } from '../../../ui/components/form.tsx';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { Overview, OverviewRow } from '../advice.register.ts';
import type { TokenRow } from '../advice.tokens.ts';
import { apiTokenScopes } from '../advice.schema.ts';

export function OverviewPage({ ctx, council, actor, overview }: { ctx: PageCtx; council: Council; actor: Actor; overview: Overview }) {
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/adviezen/overzicht`;
  const numbers = [
    { header: t('register.overview.advices'), numeric: true, cell: (r: OverviewRow) => r.advices },
    { header: t('register.overview.adopted'), numeric: true, cell: (r: OverviewRow) => r.adopted },
    { header: t('register.overview.partly'), numeric: true, cell: (r: OverviewRow) => r.partly },
    { header: t('register.overview.notAdopted'), numeric: true, cell: (r: OverviewRow) => r.notAdopted },
    { header: t('register.overview.unanswered'), numeric: true, cell: (r: OverviewRow) => r.unanswered },
    { header: t('register.overview.averageDays'), numeric: true, cell: (r: OverviewRow) => (r.averageDays === null ? '-' : r.averageDays) },
  ];
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={t('register.overview.title')} section={path} trail={[{ href: path, label: t('register.overview.title') }]}>
      <Heading level={1}>{t('register.overview.title')}</Heading>
      <Paragraph lead>{t('register.overview.intro')}</Paragraph>
      <section aria-labelledby="per-jaar">
        <Heading level={2} id="per-jaar">
          {t('register.overview.perYear')}
        </Heading>
        <Table
          caption={t('register.overview.perYearCaption')}
          empty={t('register.overview.empty')}
          rows={overview.totals}
          columns={[{ header: t('register.overview.year'), cell: (r) => String(r.year) }, ...numbers]}
        />
      </section>
      {overview.rows.length > 0 && (
        <section aria-labelledby="per-beleidsveld">
          <Heading level={2} id="per-beleidsveld">
            {t('register.overview.perField')}
          </Heading>
          <Table
            caption={t('register.overview.perFieldCaption')}
            rows={overview.rows}
            columns={[
              { header: t('register.overview.year'), cell: (r) => String(r.year) },
              { header: t('register.overview.field'), cell: (r) => t(`register.policyField.${r.policyField}`) },
              ...numbers,
            ]}
          />
        </section>
      )}
      <section aria-labelledby="te-laat">
        <Heading level={2} id="te-laat">
          {t('register.overview.overdue')}
        </Heading>
        <Table
          caption={t('register.overview.overdueCaption')}
          empty={t('register.overview.overdueNone')}
          rows={overview.overdue}
          columns={[
            { header: t('register.list.subject'), cell: (a) => <Link href={`/${council.slug}/werkruimte/adviezen/${a.id}`}>{a.subject}</Link> },
            { header: t('register.list.reference'), cell: (a) => a.reference },
            { header: t('register.list.sent'), cell: (a) => (a.sentAt ? formatDate(a.sentAt, ctx.locale) : '-') },
            { header: t('register.overview.dueOn'), cell: (a) => <StatusBadge status="danger">{formatDate(a.answerDueOn, ctx.locale)}</StatusBadge> },
            { header: t('register.overview.openCount'), numeric: true, cell: (a) => a.unanswered },
          ]}
        />
      </section>
    </WorkspaceFrame>
  );
}

export type TokensNotice = 'revoked';

export function TokensPage(props: {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  tokens: TokenRow[];
  seesAll: boolean;
  /** The new token, shown this once. */
  created?: { name: string; token: string };
  notice?: TokensNotice;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { ctx, council, actor, tokens } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/api-sleutels`;
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={t('register.tokens.title')}
      section={path}
      trail={[{ href: path, label: t('register.tokens.title') }]}
      hasErrors={Boolean(props.errors && Object.keys(props.errors).length)}
    >
      <FormPageTop ctx={ctx} errors={props.errors} title={t('register.tokens.title')} notice={props.notice === 'revoked' ? t('register.tokens.revokedNotice') : undefined} />
      {props.created && (
        <Alert type="ok" title={t('register.tokens.created.title')} role="status">
          <p class="utrecht-paragraph nl-paragraph">{t('register.tokens.created.body')}</p>
          <p class="utrecht-paragraph nl-paragraph">
            <label class="utrecht-form-label" for="nieuwe-sleutel">
              {t('register.tokens.created.label', { name: props.created.name })}
            </label>
          </p>
          <input id="nieuwe-sleutel" class="utrecht-textbox utrecht-textbox--html-input rw-token" type="text" readonly value={props.created.token} spellcheck={false} autocomplete="off" />
        </Alert>
      )}
      <Paragraph>{t('register.tokens.intro')}</Paragraph>
      <Paragraph>{t('register.tokens.signalsIntro')}</Paragraph>
      <p class="utrecht-paragraph nl-paragraph">
        <Link href="/api/v1/openapi.json">{t('register.tokens.docs')}</Link>
      </p>
      <Table
        caption={props.seesAll ? t('register.tokens.caption') : t('register.tokens.captionOwn')}
        empty={t('register.tokens.empty')}
        rows={tokens}
        columns={[
          { header: t('register.tokens.name'), cell: (k) => k.name },
          { header: t('register.tokens.kind'), cell: (k) => t(`register.tokens.kind.${k.scope}`) },
          ...(props.seesAll ? [{ header: t('register.tokens.owner'), cell: (k: TokenRow) => k.ownerName }] : []),
          { header: t('register.tokens.created'), cell: (k) => formatDate(k.createdAt, ctx.locale) },
          { header: t('register.tokens.lastUsed'), cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, ctx.locale) : t('register.tokens.never')) },
          {
            header: t('register.tokens.status'),
            cell: (k) =>
              k.revokedAt ? (
                <StatusBadge status="inactive">{t('register.tokens.revoked', { date: formatDate(k.revokedAt, ctx.locale) })}</StatusBadge>
              ) : (
                <StatusBadge status="success">{t('register.tokens.active')}</StatusBadge>
              ),
          },
          {
            header: t('register.tokens.action'),
            cell: (k) =>
              k.revokedAt ? (
                '-'
              ) : (
                <Form ctx={ctx} action={`${path}/${k.id}/intrekken`} class="rw-inline-form">
                  <button class="utrecht-button utrecht-button--secondary-action utrecht-button--danger nl-button nl-button--secondary" type="submit" aria-label={t('register.tokens.revokeLabel', { name: k.name })}>
                    {t('register.tokens.revoke')}
                  </button>
                </Form>
              ),
          },
        ]}
      />
      <Heading level={2}>{t('register.tokens.new')}</Heading>
      {actor.role ? (
        <Form ctx={ctx} action={path}>
          <TextField ctx={ctx} name="name" label={t('register.tokens.name')} hint={t('register.tokens.nameHint')} value={props.values?.name} errors={props.errors} />
          {props.seesAll && (
            <RadioGroup
              ctx={ctx}
              name="scope"
              label={t('register.tokens.scope')}
              hint={t('register.tokens.scopeHint')}
              value={props.values?.scope ?? 'member'}
              errors={props.errors}
              options={apiTokenScopes.map((v) => ({ value: v, label: t(`register.tokens.scope.${v}`) }))}
            />
          )}
          <Button>{t('register.tokens.create')}</Button>
        </Form>
      ) : (
        <Paragraph>{t('register.tokens.noRole')}</Paragraph>
      )}
    </WorkspaceFrame>
  );
}
