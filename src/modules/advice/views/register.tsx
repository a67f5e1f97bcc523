import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Page } from '../../../ui/layouts/page.tsx';
import { brandOf, publicNav } from '../../../ui/layouts/frames.tsx';
import { Button, DataList, Heading, Link, Pagination, Paragraph, StatusBadge, Table, TextBlock, Section } from '../../../ui/components/basics.tsx';
import { SelectField, TextField } from '../../../ui/components/form.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { answers, policyFields } from '../advice.schema.ts';
import { todayInAmsterdam } from '../../../core/dates/working-days.ts';
import { filterParams, givenStates, type Answer, type PublicAdvice, type RegisterFilter, type RegisterPage } from '../advice.register.ts';
import { WordsHelp } from '../../../ui/components/term.tsx';
import { RichText } from '../../../ui/components/rich-text.tsx';
import { DateText } from '../../../ui/components/date-text.tsx';
import { EnumSelect } from '../../../ui/components/choice.tsx';

/** The Woo information category of every page in the register. */
const wooMeta = [{ name: 'DCTERMS.type', content: 'adviezen' }];

/** A page of the public register: the council's site frame, its Atom feed and Woo metadata. */
function RegisterFrame(props: { ctx: PageCtx; council: Council; title: string; trail: { href: string; label: string }[]; meta?: { name: string; content: string }[]; children: ComponentChildren }) {
  const { ctx, council } = props;
  const base = `/${council.slug}`;
  return (
    <Page
      ctx={ctx}
      title={props.title}
      council={brandOf(council)}
      nav={publicNav(ctx, council, `${base}/adviezen`)}
      breadcrumbs={[{ href: base, label: council.name }, ...props.trail]}
      alternate={[{ href: `${base}/feed.atom`, type: 'application/atom+xml', title: ctx.t('register.feedTitle', { council: council.name }) }]}
      meta={[...wooMeta, ...(props.meta ?? [])]}
    >
      {props.children}
    </Page>
  );
}

const answerStatus: Record<Answer, 'success' | 'warning' | 'danger' | 'neutral'> = {
  adopted: 'success',
  partly: 'warning',
  not_adopted: 'danger',
  unanswered: 'neutral',
};

export function RegisterListPage({ ctx, council, filter, result, years }: { ctx: PageCtx; council: Council; filter: RegisterFilter; result: RegisterPage; years: number[] }) {
  const t = ctx.t;
  const path = `/${council.slug}/adviezen`;
  const all = t('register.filter.all');
  const countText = result.total === 0 ? t('register.count.zero') : result.total === 1 ? t('register.count.one') : t('register.count.many', { n: result.total });
  const pageHref = (n: number) => {
    const q = filterParams(filter, n).toString();
    return q ? `${path}?${q}` : path;
  };
  const filtered = filterParams(filter).toString() !== '';
  return (
    <RegisterFrame ctx={ctx} council={council} title={t('register.title')} trail={[{ href: path, label: t('register.title') }]}>
      <Heading level={1}>{t('register.title')}</Heading>
      <Paragraph lead>{t('register.intro')}</Paragraph>
      <form method="get" action={path} class="rw-form rw-filter" role="search" aria-labelledby="filter-titel">
        <Heading level={2} id="filter-titel">
          {t('register.filter.title')}
        </Heading>
        <TextField name="zoekterm" label={t('register.filter.q')} hint={t('register.filter.qHint')} value={filter.q} optional />
        <SelectField name="jaar" label={t('register.filter.year')} value={filter.year ? String(filter.year) : ''} none={all} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <EnumSelect name="beleidsveld" label={t('register.filter.policyField')} value={filter.policyField ?? ''} none={all} values={policyFields} prefix="register.policyField" />
        <EnumSelect name="status" label={t('register.filter.status')} value={filter.status ?? ''} none={all} values={givenStates} prefix="register.status" />
        <EnumSelect name="antwoord" label={t('register.filter.answer')} hint={t('register.filter.answerHint')} value={filter.answer ?? ''} none={all} values={answers} prefix="register.answer" />
        <Button>{t('register.filter.submit')}</Button>
        {filtered && (
          <p class="utrecht-paragraph nl-paragraph">
            <Link href={path}>{t('register.filter.reset')}</Link>
          </p>
        )}
      </form>
      <p class="utrecht-paragraph nl-paragraph rw-result-count" role="status" id="aantal">
        {countText}
      </p>
      {result.items.length > 0 && (
        <Table
          caption={t('register.list.caption')}
          rows={result.items}
          columns={[
            { header: t('register.list.subject'), cell: (a) => <Link href={`${path}/${a.id}`}>{a.subject}</Link> },
            { header: t('register.list.reference'), cell: (a) => a.reference },
            { header: t('register.list.sent'), cell: (a) => <DateText value={a.sentAt} none={t('register.detail.none')} /> },
            { header: t('register.list.policyField'), cell: (a) => t(`register.policyField.${a.policyField}`) },
            {
              header: t('register.list.status'),
              cell: (a) => <StatusBadge status={a.status === 'answered' ? 'success' : 'neutral'}>{t(`register.status.${a.status}`)}</StatusBadge>,
            },
            {
              header: t('register.list.answers'),
              numeric: true,
              cell: (a) => {
                const total = a.recommendations.adopted + a.recommendations.partly + a.recommendations.not_adopted + a.recommendations.unanswered;
                return total ? t('register.list.answersValue', { adopted: a.recommendations.adopted, total }) : t('register.detail.none');
              },
            },
          ]}
        />
      )}
      <Pagination page={result.page} pages={result.pages} href={pageHref} />
      <WordsHelp ids={['kenmerk', 'woo', 'atom']} />
      <p class="utrecht-paragraph nl-paragraph">
        <Link href={`/${council.slug}/feed.atom`}>{t('register.feed')}</Link>
      </p>
    </RegisterFrame>
  );
}

export function RegisterAdvicePage({ ctx, council, advice }: { ctx: PageCtx; council: Council; advice: PublicAdvice }) {
  const t = ctx.t;
  const path = `/${council.slug}/adviezen`;
  const date = (d: Date | string | null) => (d ? formatDate(d, ctx.locale) : t('register.detail.none'));
  const facts: { key: string; value: ComponentChildren }[] = [
    { key: t('register.detail.reference'), value: advice.reference },
    { key: t('register.detail.kind'), value: t(`register.kind.${advice.kind}`) },
    { key: t('register.list.policyField'), value: t(`register.policyField.${advice.policyField}`) },
    { key: t('register.detail.addressee'), value: t(`register.addressee.${advice.addressee}`) },
    { key: t('register.detail.sent'), value: date(advice.sentAt) },
    {
      key: t('register.list.status'),
      value: <StatusBadge status={advice.status === 'answered' ? 'success' : 'neutral'}>{t(`register.status.${advice.status}`)}</StatusBadge>,
    },
  ];
  if (advice.answerDueOn) facts.push({ key: t('register.detail.due'), value: date(advice.answerDueOn) });
  if (advice.answeredAt) facts.push({ key: t('register.detail.answered'), value: date(advice.answeredAt) });
  const followUps = advice.recommendations.filter((r) => r.followUp.trim() !== '');
  return (
    <RegisterFrame
      ctx={ctx}
      council={council}
      title={advice.subject}
      meta={[
        { name: 'DCTERMS.identifier', content: advice.reference },
        { name: 'DCTERMS.title', content: advice.subject },
        { name: 'DCTERMS.creator', content: council.name },
        ...(advice.sentAt ? [{ name: 'DCTERMS.issued', content: todayInAmsterdam(advice.sentAt) }] : []),
      ]}
      trail={[
        { href: path, label: t('register.title') },
        { href: `${path}/${advice.id}`, label: advice.subject },
      ]}
    >
      <Heading level={1}>{advice.subject}</Heading>
      <Section id="gegevens" title={t('register.detail.facts')}>
        <DataList items={facts} />
      </Section>
      <Section id="vraag" title={advice.kind === 'requested' ? t('register.detail.question') : t('register.detail.reason')}>
        <TextBlock text={advice.question} />
      </Section>
      {advice.introduction.trim() && (
        <Section id="inleiding" title={t('register.detail.introduction')}>
          <RichText markdown={advice.introduction} baseLevel={3} />
        </Section>
      )}
      <Section id="aanbevelingen" title={t('register.detail.recommendations')}>
        <Table
          caption={t('register.detail.caption')}
          empty={t('register.detail.noRecommendations')}
          rows={advice.recommendations}
          columns={[
            { header: t('register.detail.recommendation'), cell: (r) => `${r.number}. ${r.text}` },
            { header: t('register.detail.answer'), cell: (r) => <StatusBadge status={answerStatus[r.answer]}>{t(`register.answer.${r.answer}`)}</StatusBadge> },
            { header: t('register.detail.answerReason'), cell: (r) => r.answerReason || t('register.detail.none') },
          ]}
        />
      </Section>
      {advice.explanation.trim() && (
        <Section id="toelichting" title={t('register.detail.explanation')}>
          <RichText markdown={advice.explanation} baseLevel={3} />
        </Section>
      )}
      {followUps.length > 0 && (
        <Section id="opvolging" title={t('register.detail.followUp')}>
          <Table
            caption={t('register.detail.followUpCaption')}
            rows={followUps}
            columns={[
              { header: t('register.detail.recommendation'), cell: (r) => `${r.number}. ${r.text}` },
              { header: t('register.detail.followUpText'), cell: (r) => r.followUp },
            ]}
          />
        </Section>
      )}
      {advice.documents.length > 0 && (
        <Section id="documenten" title={t('register.detail.documents')}>
          <ul class="utrecht-unordered-list">
            {advice.documents.map((d) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`${path}/${advice.id}/documenten/${d.id}`}>
                  {t(`register.detail.doc.${d.kind}`)}: {d.filename}
                </Link>{' '}
                ({t('register.detail.docSize', { kb: Math.max(1, Math.round(d.size / 1024)) })})
              </li>
            ))}
          </ul>
        </Section>
      )}
      <p class="utrecht-paragraph nl-paragraph">
        <Link href={path}>{t('register.detail.back')}</Link>
      </p>
    </RegisterFrame>
  );
}
