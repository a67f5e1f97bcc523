import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { Button, ButtonLink, Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { Form } from '../../../ui/components/form.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import type { PublicOrganisation } from '../network.queries.ts';
import type { DelegationRow } from '../network.delegations.ts';
import { organisationTypes } from '../network.schema.ts';
import { ExperienceFields } from './experiences.tsx';
import { typeLabel } from './organisations.tsx';

type P = { ctx: PageCtx; council: Council };

export const sharePath = (council: Pick<Council, 'slug'>) => `/${council.slug}/ervaring-delen`;
/** The hidden field a person never fills in (it is off screen and out of the tab order). */
export const SHARE_HONEYPOT = 'bedrijfsnaam';

export function PublicNetworkPage({ ctx, council, organisations, delegations }: P & { organisations: PublicOrganisation[]; delegations: DelegationRow[] }) {
  const t = ctx.t;
  // Grouped by type, in the order of the built-in list; the council's own types after them.
  const groups = new Map<string, PublicOrganisation[]>();
  const order = (o: PublicOrganisation) => (o.typeName ? 100 : organisationTypes.indexOf(o.type));
  for (const o of [...organisations].sort((a, b) => order(a) - order(b))) {
    const label = typeLabel(ctx, o);
    groups.set(label, [...(groups.get(label) ?? []), o]);
  }
  let n = 0;
  return (
    <PublicPage title={t('network.public.title')} section={`/${council.slug}/netwerk`} intro={t('network.public.intro')}>
      {organisations.length === 0 && <Paragraph>{t('network.public.none')}</Paragraph>}
      {[...groups].map(([label, list]) => (
        <Section id={`soort-${++n}`} title={label}>
          <ul class="utrecht-unordered-list">
            {list.map((o) => (
              <li class="utrecht-unordered-list__item">
                {o.website ? <Link href={o.website}>{o.name}</Link> : o.name}
                {o.targetGroups ? ` (${o.targetGroups})` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ))}
      {delegations.length > 0 && (
        <Section id="afvaardigingen" title={t('network.public.delegations')}>
          <ul class="utrecht-unordered-list">
            {delegations.map((d) => (
              <li class="utrecht-unordered-list__item">
                {d.bodySlug ? <Link href={`/${d.bodySlug}`}>{d.body}</Link> : d.body}
                {`: ${d.member}`}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="ervaring-delen" title={t('network.public.share')}>
        <Paragraph>{t('network.public.shareText')}</Paragraph>
        <ButtonLink href={sharePath(council)}>{t('network.share.title')}</ButtonLink>
      </Section>
    </PublicPage>
  );
}

export function WithdrawPage({ ctx, council, action }: P & { action: string }) {
  const t = ctx.t;
  return (
    <PublicPage title={t('network.withdraw.title')} section={`/${council.slug}/netwerk`} href={action} intro={t('network.withdraw.intro', { council: council.name })}>
      <Form action={action}>
        <Button variant="primary">{t('network.withdraw.button')}</Button>
      </Form>
    </PublicPage>
  );
}

export function WithdrawnPage({ ctx, council, href }: P & { href: string }) {
  const t = ctx.t;
  return <PublicPage title={t('network.withdraw.done')} section={`/${council.slug}/netwerk`} href={href} intro={t('network.withdraw.doneText')} />;
}

export function SharePage({
  ctx,
  council,
  consultations,
  errors,
  values,
  closed,
}: P & { consultations: { id: string; topic: string; closesOn: string | null }[]; errors?: FieldErrors; values?: FormValues; closed?: boolean }) {
  const t = ctx.t;
  const path = sharePath(council);
  return (
    <PublicPage title={t('network.share.title')} section={path} intro={t('network.share.intro')} errors={errors}>
      {closed && (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <div class="utrecht-alert__content">
            <h2 class="utrecht-heading-3 rw-alert-title">{t('network.share.closed')}</h2>
            <p class="utrecht-paragraph">{t('network.share.closedText')}</p>
          </div>
        </div>
      )}
      <Form action={path}>
        <ExperienceFields
          values={values}
          errors={errors}
          consultations={consultations.map((c) => ({ id: c.id, topic: c.closesOn ? `${c.topic} (${formatDate(c.closesOn, ctx.locale)})` : c.topic }))}
        />
        <div class="rw-visually-hidden" aria-hidden="true">
          <label for="veld-bedrijfsnaam">{t('network.share.honeypot')}</label>
          <input type="text" id="veld-bedrijfsnaam" name={SHARE_HONEYPOT} tabindex={-1} autocomplete="off" value={values?.[SHARE_HONEYPOT] ?? ''} />
        </div>
        <Button variant="primary">{t('network.share.send')}</Button>
      </Form>
    </PublicPage>
  );
}

export function SharedPage({ ctx, council }: P) {
  const t = ctx.t;
  return <PublicPage title={t('network.share.sent')} section={sharePath(council)} href={`${sharePath(council)}/verstuurd`} intro={t('network.share.sentText')} />;
}

export function LimitPage({ ctx, council }: P) {
  const t = ctx.t;
  return <PublicPage title={t('network.share.title')} section={sharePath(council)} intro={t('network.share.limit')} />;
}
