import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { Heading, Paragraph, TextBlock, Link, Button, DataList, Section } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { hasSection, organisationKinds } from '../../../core/organisation-kinds.ts';
import { organisationHasPage } from '../../../core/sections.ts';

type Props = { ctx: PageCtx; council: Council };

/** Titled parts of a statement page, each a labelled section with one paragraph. */
function TextSections({ prefix, blocks }: { prefix: string; blocks: [string, string][] }) {
  return (
    <>
      {blocks.map(([title, body], i) => (
        <Section id={`${prefix}-${i + 1}`} title={title} intro={body} />
      ))}
    </>
  );
}

function ContactDetails({ ctx, council }: Props) {
  const items = [{ key: ctx.t('councils.home.email'), value: <Link href={`mailto:${council.contactEmail}`}>{council.contactEmail}</Link> }];
  if (council.contactPhone) items.push({ key: ctx.t('councils.home.phone'), value: <>{council.contactPhone}</> });
  if (council.postalAddress) items.push({ key: ctx.t('councils.home.address'), value: <>{council.postalAddress}</> });
  return <DataList items={items} />;
}

export function CouncilHome({ ctx, council, parts = [] }: Props & { parts?: ComponentChildren[] }) {
  const base = `/${council.slug}`;
  const cards = [
    { href: `${base}/over-ons`, title: ctx.t('councils.nav.about'), text: ctx.t('councils.home.aboutCard') },
    {
      href: `${base}/leden`,
      title: ctx.t('councils.nav.members'),
      text: ctx.t(hasSection(council.kind, 'workingGroups') ? 'councils.home.membersCard' : 'councils.home.peopleCard'),
    },
    { href: `${base}/vacatures`, title: ctx.t('councils.nav.vacancies'), text: ctx.t('councils.home.vacanciesCard') },
    { href: `${base}/contact`, title: ctx.t('councils.nav.contact'), text: ctx.t('councils.home.contactCard') },
  ].filter((c) => organisationHasPage(council, c.href));
  const firstParagraph = council.about.split(/\n\s*\n/)[0] ?? '';
  const advises = hasSection(council.kind, 'advice') ? 'councils.home.advises' : 'councils.home.worksFor';
  return (
    <PublicPage title={council.name} section={base} intro={council.tagline} lead>
      <Paragraph>
        {ctx.t(`councils.home.weAre.${council.kind}`)} {ctx.t(advises, { name: council.advises })}
      </Paragraph>
      {firstParagraph && (
        <Section id="wat-wij-doen" title={ctx.t('councils.home.whatWeDo')}>
          <TextBlock text={firstParagraph} />
        </Section>
      )}
      {parts}
      <Section id="meer" title={ctx.t('councils.home.linksTitle')}>
        <ul class="rw-cards" role="list">
          {cards.map((c) => (
            <li class="rw-card">
              <Heading level={3}>
                <Link href={c.href}>{c.title}</Link>
              </Heading>
              <Paragraph>{c.text}</Paragraph>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="contact" title={ctx.t('councils.home.contactTitle')}>
        <ContactDetails ctx={ctx} council={council} />
      </Section>
    </PublicPage>
  );
}

export function AboutPage({ ctx, council, parts = [] }: Props & { parts?: ComponentChildren[] }) {
  const sections = [
    ['who', 'councils.about.who', council.about],
    ['visie', 'councils.about.vision', council.vision],
    ['wet', 'councils.about.legal', council.legalBasis],
    ['doelgroepen', 'councils.about.targetGroups', council.targetGroups],
    ['beleidsvelden', 'councils.about.policyFields', council.policyFields],
  ] as const;
  return (
    <PublicPage title={ctx.t('councils.about.title')} section={`/${council.slug}/over-ons`} intro={ctx.t(`councils.kind.${council.kind}`)} lead>
      {sections
        .filter(([, , text]) => text.trim() !== '')
        .map(([id, key, text]) => (
          <Section id={`over-${id}`} title={ctx.t(key)}>
            <TextBlock text={text} />
          </Section>
        ))}
      {parts}
    </PublicPage>
  );
}

export function ContactPage({ ctx, council, errors, values }: Props & { errors?: FieldErrors; values?: FormValues }) {
  const v = values ?? {};
  return (
    <PublicPage title={ctx.t('councils.contact.title')} section={`/${council.slug}/contact`} errors={errors} intro={ctx.t('councils.contact.intro')}>
      <ContactDetails ctx={ctx} council={council} />
      <Form action={`/${council.slug}/contact`}>
        <TextField errors={errors} name="name" label={ctx.t('councils.contact.name')} value={v.name} autocomplete="name" />
        <TextField errors={errors} name="email" type="email" label={ctx.t('councils.contact.email')} hint={ctx.t('councils.contact.emailHint')} value={v.email} autocomplete="email" />
        <TextField errors={errors} name="subject" label={ctx.t('councils.contact.subject')} value={v.subject} />
        <TextArea errors={errors} name="message" label={ctx.t('councils.contact.message')} hint={ctx.t('councils.contact.messageHint')} value={v.message} rows={8} />
        <Button>{ctx.t('form.send')}</Button>
      </Form>
    </PublicPage>
  );
}

export function ContactSentPage({ ctx, council }: Props) {
  return (
    <PublicPage title={ctx.t('councils.contact.sentTitle')} section={`/${council.slug}/contact`} heading={false}>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <Heading level={1}>{ctx.t('councils.contact.sentTitle')}</Heading>
        <Paragraph>{ctx.t('councils.contact.sentBody')}</Paragraph>
      </div>
      <Paragraph>
        <Link href={`/${council.slug}`}>{ctx.t('nav.back')}</Link>
      </Paragraph>
    </PublicPage>
  );
}

/** Structure of the Dutch model statement: scope, status, how checked, known issues, feedback, enforcement. */
export function AccessibilityPage({ ctx, council, baseUrl }: Props & { baseUrl: string }) {
  const t = ctx.t;
  const blocks: [string, string][] = [
    [t('councils.a11y.scopeTitle'), t('councils.a11y.scope', { council: council.name, url: `${baseUrl}/${council.slug}` })],
    [t('councils.a11y.statusTitle'), t('councils.a11y.status')],
    [t('councils.a11y.checkedTitle'), t('councils.a11y.checked', { date: formatDate(council.accessibilityCheckedOn, ctx.locale) })],
    [t('councils.a11y.knownTitle'), t('councils.a11y.known')],
    [t('councils.a11y.feedbackTitle'), t('councils.a11y.feedback', { email: council.contactEmail })],
    [t('councils.a11y.enforcementTitle'), t('councils.a11y.enforcement')],
  ];
  return (
    <PublicPage title={t('councils.a11y.title')} section={`/${council.slug}/toegankelijkheid`} intro={t('councils.a11y.intro', { council: council.name })} lead>
      <TextSections prefix="verklaring" blocks={blocks} />
    </PublicPage>
  );
}

export function PrivacyPage({ ctx, council }: Props) {
  const t = ctx.t;
  const blocks: [string, string][] = [
    [t('councils.privacy.who'), t('councils.privacy.whoBody', { council: council.name, email: council.contactEmail })],
    [t('councils.privacy.what'), t('councils.privacy.whatBody')],
    [t('councils.privacy.cookies'), t('councils.privacy.cookiesBody')],
    [t('councils.privacy.retention'), t('councils.privacy.retentionBody')],
    [t('councils.privacy.rights'), t('councils.privacy.rightsBody')],
  ];
  return (
    <PublicPage title={t('councils.privacy.title')} section={`/${council.slug}/privacy`}>
      <TextSections prefix="privacy" blocks={blocks} />
    </PublicPage>
  );
}

/** The platform home: the organisations grouped by kind, a heading per kind that has any. */
export function PlatformHome({ ctx, list }: { ctx: PageCtx; list: Council[] }) {
  const groups = organisationKinds.map((kind) => ({ kind, orgs: list.filter((c) => c.kind === kind) })).filter((g) => g.orgs.length > 0);
  return (
    <Page ctx={ctx} title={ctx.t('councils.platform.title')}>
      <Heading level={1}>{ctx.t('councils.platform.title')}</Heading>
      <Paragraph lead>{ctx.t('councils.platform.intro')}</Paragraph>
      {groups.length === 0 && <Paragraph>{ctx.t('councils.platform.empty')}</Paragraph>}
      {groups.map(({ kind, orgs }) => (
        <section aria-labelledby={`soort-${kind}`}>
          <Heading level={2} id={`soort-${kind}`}>
            {ctx.t(`councils.kinds.${kind}`)}
          </Heading>
          <ul class="rw-cards" role="list">
            {orgs.map((c) => (
              <li class="rw-card">
                <Heading level={3}>
                  <Link href={`/${c.slug}`}>{c.name}</Link>
                </Heading>
                <Paragraph>{c.tagline || ctx.t(`councils.kind.${c.kind}`)}</Paragraph>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

export function PlatformStatementPage({ ctx, kind }: { ctx: PageCtx; kind: 'a11y' | 'privacy' }) {
  const title = kind === 'a11y' ? ctx.t('councils.a11y.title') : ctx.t('councils.privacy.title');
  return (
    <Page ctx={ctx} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{kind === 'a11y' ? ctx.t('councils.platform.a11yIntro') : ctx.t('councils.platform.privacyIntro')}</Paragraph>
      {kind === 'a11y' ? (
        <>
          <Heading level={2}>{ctx.t('councils.a11y.statusTitle')}</Heading>
          <Paragraph>{ctx.t('councils.a11y.status')}</Paragraph>
        </>
      ) : (
        <>
          <Heading level={2}>{ctx.t('councils.privacy.cookies')}</Heading>
          <Paragraph>{ctx.t('councils.privacy.cookiesBody')}</Paragraph>
          <Heading level={2}>{ctx.t('councils.privacy.rights')}</Heading>
          <Paragraph>{ctx.t('councils.privacy.rightsBody')}</Paragraph>
        </>
      )}
    </Page>
  );
}
