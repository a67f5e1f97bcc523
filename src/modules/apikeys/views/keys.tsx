import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Button, Link, Paragraph, Section, StatusBadge, Table } from '../../../ui/components/basics.tsx';
import { Form, RadioGroup, ShownOnce, TextField } from '../../../ui/components/form.tsx';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { TokenRow } from '../apikeys.service.ts';
import { apiTokenScopes } from '../apikeys.schema.ts';
import { API_PREFIX } from '../../../core/api/index.ts';

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
    <WorkspacePage title={t('apikeys.title')} section={path} errors={props.errors} notice={props.notice === 'revoked' ? t('apikeys.revokedNotice') : undefined}>
      {props.created && (
        <ShownOnce
          id="nieuwe-sleutel"
          title={t('apikeys.created.title')}
          body={t('apikeys.created.body')}
          label={t('apikeys.created.label', { name: props.created.name })}
          value={props.created.token}
        />
      )}
      <Paragraph>{t('apikeys.intro')}</Paragraph>
      <Paragraph>{t('apikeys.signalsIntro')}</Paragraph>
      <p class="utrecht-paragraph nl-paragraph">
        <Link href={`${API_PREFIX}/openapi.json`}>{t('apikeys.docs')}</Link>
      </p>
      <Table
        caption={props.seesAll ? t('apikeys.caption') : t('apikeys.captionOwn')}
        empty={t('apikeys.empty')}
        rows={tokens}
        columns={[
          { header: t('apikeys.name'), cell: (k) => k.name },
          { header: t('apikeys.kind'), cell: (k) => t(`apikeys.kind.${k.scope}`) },
          ...(props.seesAll ? [{ header: t('apikeys.owner'), cell: (k: TokenRow) => k.ownerName }] : []),
          { header: t('apikeys.created'), cell: (k) => formatDate(k.createdAt, ctx.locale) },
          { header: t('apikeys.lastUsed'), cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, ctx.locale) : t('apikeys.never')) },
          {
            header: t('apikeys.status'),
            cell: (k) =>
              k.revokedAt ? (
                <StatusBadge status="inactive">{t('apikeys.revoked', { date: formatDate(k.revokedAt, ctx.locale) })}</StatusBadge>
              ) : (
                <StatusBadge status="success">{t('apikeys.active')}</StatusBadge>
              ),
          },
          {
            header: t('apikeys.action'),
            cell: (k) =>
              k.revokedAt ? (
                '-'
              ) : (
                <Form action={`${path}/${k.id}/intrekken`} class="rw-inline-form">
                  <button
                    class="utrecht-button utrecht-button--secondary-action utrecht-button--danger nl-button nl-button--secondary"
                    type="submit"
                    aria-label={t('apikeys.revokeLabel', { name: k.name })}
                  >
                    {t('apikeys.revoke')}
                  </button>
                </Form>
              ),
          },
        ]}
      />
      <Section id="nieuwe-sleutel-maken" title={t('apikeys.new')}>
        {actor.role ? (
          <Form action={path}>
            <TextField name="name" label={t('apikeys.name')} hint={t('apikeys.nameHint')} value={props.values?.name} errors={props.errors} />
            {props.seesAll && (
              <RadioGroup
                name="scope"
                label={t('apikeys.scope')}
                hint={t('apikeys.scopeHint')}
                value={props.values?.scope ?? 'member'}
                errors={props.errors}
                options={apiTokenScopes.map((v) => ({ value: v, label: t(`apikeys.scope.${v}`) }))}
              />
            )}
            <Button>{t('apikeys.create')}</Button>
          </Form>
        ) : (
          <Paragraph>{t('apikeys.noRole')}</Paragraph>
        )}
      </Section>
    </WorkspacePage>
  );
}
