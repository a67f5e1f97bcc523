import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Heading, Paragraph, TextBlock, Link, ButtonLink, Button, Table, DataList, Section } from '../../../ui/components/basics.tsx';
import { TextList } from '../../../ui/components/text-list.tsx';
import { Form, TextField, TextArea } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import type { PublicMember } from '../members.memberships.ts';
import type { PublicWorkingGroup } from '../members.groups.ts';
import type { Vacancy } from '../members.vacancies.ts';
import { summarise } from '../members.workflow.ts';
import { PublicFrame } from '../../../ui/layouts/frames.tsx';
import { PublicPage, trail } from '../../../ui/layouts/workspace-page.tsx';

type Props = { ctx: PageCtx; council: Council };

export function PublicMembersPage({ ctx, council, members }: Props & { members: PublicMember[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/leden`;
  return (
    <PublicPage title={t('members.public.title')} section={path} intro={t('members.public.intro')} lead>
      <Table
        caption={t('members.public.caption')}
        empty={t('members.public.empty')}
        rows={members}
        columns={[
          { header: t('members.public.name'), cell: (m) => m.name },
          { header: t('members.public.role'), cell: (m) => t(`members.role.${m.role}`) },
          { header: t('members.public.targetGroup'), cell: (m) => m.targetGroup || '-' },
          { header: t('members.public.groups'), cell: (m) => (m.groups.length ? m.groups.join(', ') : '-') },
        ]}
      />
    </PublicPage>
  );
}

export function PublicWorkingGroupsPage({ ctx, council, groups }: Props & { groups: PublicWorkingGroup[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/werkgroepen`;
  return (
    <PublicPage title={t('members.publicWg.title')} section={path} intro={t('members.publicWg.intro')} lead>
      {groups.length === 0 && <Paragraph>{t('members.publicWg.empty')}</Paragraph>}
      {groups.map((g, i) => (
        <Section id={`werkgroep-${i + 1}`} title={g.name}>
          {g.description && <TextBlock text={g.description} />}
          <DataList
            items={[
              { key: t('members.publicWg.lead'), value: g.lead ?? t('members.none') },
              { key: t('members.publicWg.members'), value: g.members.length ? g.members.join(', ') : t('members.none') },
            ]}
          />
        </Section>
      ))}
    </PublicPage>
  );
}

function vacancyFacts(ctx: PageCtx, v: Vacancy) {
  const t = ctx.t;
  const items: { key: string; value: preact.ComponentChildren }[] = [];
  if (v.profile) items.push({ key: t('members.publicVac.profile'), value: v.profile });
  if (v.hoursPerMonth) items.push({ key: t('members.publicVac.hours'), value: v.hoursPerMonth });
  items.push({
    key: t('members.publicVac.closesOn'),
    value: v.closesOn ? formatDate(v.closesOn, ctx.locale) : t('members.publicVac.noClosingDate'),
  });
  return items;
}

export function PublicVacanciesPage({ ctx, council, vacancies }: Props & { vacancies: Vacancy[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/vacatures`;
  return (
    <PublicPage title={t('members.publicVac.title')} section={path} intro={t('members.publicVac.intro')} lead>
      {vacancies.length === 0 && (
        <Paragraph>
          {t('members.publicVac.empty')} <Link href={`/${council.slug}/contact`}>{t('footer.contact')}</Link>
        </Paragraph>
      )}
      {vacancies.map((v, i) => (
        <Section id={`vacature-${i + 1}`} title={v.title} intro={summarise(v.description)}>
          <DataList items={vacancyFacts(ctx, v)} />
          <Paragraph>
            <Link href={`${path}/${v.id}`}>{t('members.publicVac.readMore', { title: v.title })}</Link>
          </Paragraph>
        </Section>
      ))}
    </PublicPage>
  );
}

export function PublicVacancyPage({ ctx, council, vacancy }: Props & { vacancy: Vacancy }) {
  const t = ctx.t;
  const list = `/${council.slug}/vacatures`;
  const path = `${list}/${vacancy.id}`;
  return (
    <PublicPage title={vacancy.title} section={list} href={path} parent={{ href: list, label: t('members.publicVac.title') }}>
      <DataList items={vacancyFacts(ctx, vacancy)} />
      <Heading level={2}>{t('members.publicVac.about')}</Heading>
      <TextBlock text={vacancy.description} />
      <Paragraph>
        <ButtonLink href={`${path}/reageren`}>{t('members.publicVac.apply')}</ButtonLink>
      </Paragraph>
    </PublicPage>
  );
}

export function ApplyPage({ ctx, council, vacancy, errors, values }: Props & { vacancy: Vacancy; errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const v = values ?? {};
  const list = `/${council.slug}/vacatures`;
  const path = `${list}/${vacancy.id}`;
  return (
    <PublicPage
      title={t('members.apply.title', { title: vacancy.title })}
      {...trail({ href: list, label: t('members.publicVac.title') }, { href: path, label: vacancy.title }, { href: `${path}/reageren`, label: t('members.publicVac.apply') })}
      errors={errors}
      intro={t('members.apply.intro')}
    >
      <Form action={`${path}/reageren`}>
        <TextField errors={errors} name="name" label={t('members.apply.name')} value={v.name} autocomplete="name" />
        <TextField errors={errors} name="email" type="email" label={t('members.apply.email')} hint={t('members.apply.emailHint')} value={v.email} autocomplete="email" />
        <TextField errors={errors} name="phone" type="tel" label={t('members.apply.phone')} value={v.phone} autocomplete="tel" optional width="medium" />
        <TextArea errors={errors} name="motivation" label={t('members.apply.motivation')} hint={t('members.apply.motivationHint')} value={v.motivation} rows={10} />
        <Button>{t('members.apply.submit')}</Button>
      </Form>
    </PublicPage>
  );
}

export function AppliedPage({ ctx, council, vacancy }: Props & { vacancy: Vacancy }) {
  const t = ctx.t;
  const list = `/${council.slug}/vacatures`;
  return (
    <PublicFrame title={t('members.apply.sentTitle')} section={list} trail={[{ href: list, label: t('members.publicVac.title') }]}>
      <div class="utrecht-alert utrecht-alert--ok" role="status">
        <div class="utrecht-alert__content">
          <Heading level={1}>{t('members.apply.sentTitle')}</Heading>
          <Paragraph>{t('members.apply.sentBody', { title: vacancy.title })}</Paragraph>
        </div>
      </div>
      <Heading level={2}>{t('members.apply.nextTitle')}</Heading>
      <TextList ordered items={[t('members.apply.next1'), t('members.apply.next2'), t('members.apply.next3')]} />
      <Paragraph>{t('members.apply.questions', { email: council.contactEmail })}</Paragraph>
      <Paragraph>
        <Link href={list}>{t('members.apply.backToVacancies')}</Link>
      </Paragraph>
    </PublicFrame>
  );
}
