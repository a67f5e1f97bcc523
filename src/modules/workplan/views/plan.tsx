import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import { WorkspacePage, PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import { ActionForm, Form, SelectField, TextArea, TextField, ChooseOneForm } from '../../../ui/components/form.tsx';
import { Button, DataList, Link, LinkList, Paragraph, Section, StatusBadge, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { policyFields } from '../../advice/index.ts';
import type { Workplan } from '../workplan.schema.ts';
import type { TaggedRecord, TopicView } from '../workplan.plans.ts';
import { topicStates, type Vote } from '../workplan.workflow.ts';
import { ApprovalSection, type ApprovalMay } from './approval.tsx';

type Common = { ctx: PageCtx; council: Council; errors?: FieldErrors; values?: FormValues; notice?: string };
const wsBase = (c: Council) => `/${c.slug}/werkruimte/werkplan`;

const statusBadge = (ctx: PageCtx, status: TopicView['status']) => (
  <StatusBadge status={status === 'done' ? 'success' : status === 'dropped' ? 'inactive' : status === 'in_progress' ? 'warning' : 'neutral'}>{ctx.t(`workplan.topic.status.${status}`)}</StatusBadge>
);
const quarter = (ctx: PageCtx, q: number | null) => (q ? ctx.t('workplan.topic.quarter.n', { n: q }) : ctx.t('workplan.topic.quarter.none'));
const field = (ctx: PageCtx, f: string) => ctx.t(`advice.policyField.${f}` as never);

/** The fields of a topic: title, policy field, working group, aim, quarter (add and change). */
function TopicFields({ ctx: given, groups, values, errors }: { ctx?: PageCtx; groups: { id: string; name: string }[]; values: FormValues; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const select = (name: string, label: string, options: { value: string; label: string }[]) => <SelectField name={name} label={label} value={values[name]} errors={errors} options={options} />;
  return (
    <>
      <TextField name="title" label={t('workplan.topic.title')} value={values.title} errors={errors} />
      {select(
        'policyField',
        t('workplan.topic.policyField'),
        policyFields.map((f) => ({ value: f, label: field(ctx, f) })),
      )}
      {select('workingGroupId', t('workplan.topic.group'), [{ value: '', label: t('workplan.topic.group.none') }, ...groups.map((g) => ({ value: g.id, label: g.name }))])}
      <TextArea name="aim" label={t('workplan.topic.aim')} hint={t('workplan.topic.aim.hint')} optional value={values.aim} errors={errors} rows={3} />
      {select('plannedQuarter', t('workplan.topic.quarter'), [
        { value: '', label: t('workplan.topic.quarter.none') },
        ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('workplan.topic.quarter.n', { n }) })),
      ])}
    </>
  );
}

/** A topic's progress notes, oldest first: the date, then what happened (written in Dutch). */
function Notes({ ctx: given, notes, label }: { ctx?: PageCtx; notes: TopicView['notes']; label?: string }) {
  const ctx = usePageCtx(given);
  return (
    <ul class="utrecht-unordered-list" aria-label={label}>
      {notes.map((n) => (
        <li class="utrecht-unordered-list__item">
          <strong>{formatDate(n.notedOn, ctx.locale)}</strong>: <span lang="nl">{n.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Links to the plan of the year before and after. */
function YearLinks({ ctx: given, href, year, max }: { ctx?: PageCtx; href: (y: number) => string; year: number; max: number }) {
  const ctx = usePageCtx(given);
  const label = (y: number) => ctx.t('workplan.year.previous', { year: y });
  return (
    <nav aria-label={ctx.t('workplan.years')}>
      <LinkList inline items={[{ href: href(year - 1), label: label(year - 1) }, year + 1 <= max && { href: href(year + 1), label: label(year + 1) }]} />
    </nav>
  );
}

export function PlanPage(
  props: Common & {
    actor: Actor;
    year: number;
    maxYear: number;
    plan: Workplan | null;
    topics: TopicView[];
    groups: { id: string; name: string }[];
    votes: { vote: Vote }[];
    ownVote: Vote | null;
    unfinished: number;
    may: ApprovalMay & { create: boolean; manage: boolean; carryOver: boolean };
  },
) {
  const { ctx, council, plan, may } = props;
  const t = ctx.t;
  const base = `${wsBase(council)}/${props.year}`;
  return (
    <WorkspacePage title={t('workplan.title', { year: props.year })} section={wsBase(council)} href={base} errors={props.errors} notice={props.notice} intro={t('workplan.intro')}>
      <YearLinks year={props.year} max={props.maxYear} href={(y) => `${wsBase(council)}/${y}`} />
      {!plan && (
        <Section id="geen-plan" title={t('workplan.none', { year: props.year })}>
          {may.create && <ActionForm action={base} button={t('workplan.create', { year: props.year })} variant="primary" />}
        </Section>
      )}
      {plan && (
        <>
          <Paragraph>
            {t('workplan.plan.status', { status: t(`workplan.status.${plan.status}`) })}{' '}
            {plan.status === 'approved' && <Link href={`/${council.slug}/werkplan/${props.year}`}>{t('workplan.public.link')}</Link>}
          </Paragraph>
          <Section id="onderwerpen" title={t('workplan.topics')} items={props.topics} empty={t('workplan.topics.empty')}>
            <Table
              caption={t('workplan.topics.caption')}
              columns={[
                { header: t('workplan.topic.title'), cell: (x: TopicView) => <Link href={`${wsBase(council)}/onderwerpen/${x.id}`}>{x.title}</Link> },
                { header: t('workplan.topic.policyField'), cell: (x: TopicView) => field(ctx, x.policyField) },
                { header: t('workplan.topic.group'), cell: (x: TopicView) => x.groupName ?? t('workplan.topic.group.none') },
                { header: t('workplan.topic.quarter'), cell: (x: TopicView) => quarter(ctx, x.plannedQuarter) },
                { header: t('workplan.topic.status'), cell: (x: TopicView) => statusBadge(ctx, x.status) },
              ]}
              rows={props.topics}
            />
          </Section>
          {may.manage && (
            <Section id="onderwerp-toevoegen" title={t('workplan.topic.add')}>
              <Form action={`${base}/onderwerpen`}>
                <TopicFields groups={props.groups} values={props.values ?? {}} errors={props.errors} />
                <Button>{t('workplan.topic.add')}</Button>
              </Form>
            </Section>
          )}
          <ApprovalSection ctx={ctx} council={council} base={base} status={plan.status} votes={props.votes} ownVote={props.ownVote} may={may} errors={props.errors} values={props.values} />
          {may.carryOver && (
            <Section id="doorzetten" title={t('workplan.carry', { year: props.year + 1 })}>
              <ActionForm action={`${base}/doorzetten`} button={t('workplan.carry', { year: props.year + 1 })} hint={t('workplan.carry.hint', { year: props.year + 1 })} />
            </Section>
          )}
        </>
      )}
    </WorkspacePage>
  );
}

export function TopicPage(
  props: Common & {
    actor: Actor;
    topic: TopicView;
    plan: Workplan;
    groups: { id: string; name: string }[];
    taggable: TaggedRecord[];
    may: { manage: boolean; note: boolean };
    today: string;
  },
) {
  const { ctx, council, topic, may } = props;
  const t = ctx.t;
  const href = `${wsBase(council)}/onderwerpen/${topic.id}`;
  const values = props.values ?? {};
  const tagged = new Set(topic.tags.map((x) => x.id));
  // The records not tagged yet, as choices: "Advies: ...".
  const options = props.taggable.filter((r) => !tagged.has(r.id)).map((r) => ({ value: `${r.kind}:${r.id}`, label: `${t(`workplan.tag.kind.${r.kind}`)}: ${r.label}` }));
  return (
    <WorkspacePage
      title={topic.title}
      section={wsBase(council)}
      href={href}
      parent={{ href: `${wsBase(council)}/${props.plan.year}`, label: t('workplan.title', { year: props.plan.year }) }}
      errors={props.errors}
      notice={props.notice}
    >
      <DataList
        items={[
          { key: t('workplan.topic.status'), value: statusBadge(ctx, topic.status) },
          ...(topic.status === 'dropped' ? [{ key: t('workplan.topic.dropReason'), value: topic.dropReason }] : []),
          { key: t('workplan.topic.policyField'), value: field(ctx, topic.policyField) },
          { key: t('workplan.topic.group'), value: topic.groupName ?? t('workplan.topic.group.none') },
          { key: t('workplan.topic.quarter'), value: quarter(ctx, topic.plannedQuarter) },
          { key: t('workplan.topic.aim'), value: topic.aim ? <TextBlock text={topic.aim} /> : '-' },
        ]}
      />
      {topic.carriedFromId && <Paragraph>{t('workplan.topic.carried')}</Paragraph>}
      {may.manage && (
        <Section id="stand" title={t('workplan.topic.changeStatus')}>
          <ChooseOneForm
            action={`${href}/status`}
            name="status"
            control="radio"
            label={t('workplan.topic.status')}
            options={topicStates.map((s) => ({ value: s, label: t(`workplan.topic.status.${s}`) }))}
            value={values.status ?? topic.status}
            errors={props.errors}
            button={t('workplan.topic.changeStatus')}
          >
            <TextArea
              name="dropReason"
              label={t('workplan.topic.dropReason')}
              hint={t('workplan.topic.dropReason.hint')}
              optional
              value={values.dropReason ?? topic.dropReason}
              errors={props.errors}
              rows={3}
            />
          </ChooseOneForm>
        </Section>
      )}
      <Section id="voortgang" title={t('workplan.notes')} items={topic.notes} empty={t('workplan.notes.empty')}>
        <Notes notes={topic.notes} />
      </Section>
      {may.note && (
        <Section id="voortgang-noteren" title={t('workplan.note.add')} level={3}>
          <Form action={`${href}/voortgang`}>
            <TextField name="notedOn" type="date" label={t('workplan.note.date')} value={values.notedOn ?? props.today} errors={props.errors} width="short" />
            <TextArea name="text" label={t('workplan.note.text')} value={values.text} errors={props.errors} rows={3} />
            <Button variant="secondary">{t('workplan.note.add')}</Button>
          </Form>
        </Section>
      )}
      <Section id="gekoppeld" title={t('workplan.tags')} items={topic.tags} empty={t('workplan.tags.empty')}>
        <ul class="utrecht-unordered-list">
          {topic.tags.map((x) => (
            <li class="utrecht-unordered-list__item">
              {t(`workplan.tag.kind.${x.kind}`)}: <Link href={x.href}>{x.label}</Link>{' '}
              {may.manage && <ActionForm action={`${href}/ontkoppelen`} button={t('workplan.tag.remove')} object={x.label} inline variant="subtle" name="recordId" value={x.id} />}
            </li>
          ))}
        </ul>
      </Section>
      {may.manage && (
        <Section id="koppelen" title={t('workplan.tag.add')} level={3}>
          {options.length === 0 ? (
            <Paragraph>{t('workplan.tag.none')}</Paragraph>
          ) : (
            <ChooseOneForm action={`${href}/koppelen`} name="record" label={t('workplan.tag.record')} value={values.record} errors={props.errors} options={options} button={t('workplan.tag.add')} />
          )}
        </Section>
      )}
      {may.manage && (
        <Section id="wijzigen" title={t('workplan.topic.edit')} level={3}>
          <Form action={href}>
            <TopicFields
              groups={props.groups}
              values={
                props.values ?? {
                  title: topic.title,
                  policyField: topic.policyField,
                  workingGroupId: topic.workingGroupId ?? '',
                  aim: topic.aim,
                  plannedQuarter: topic.plannedQuarter ? String(topic.plannedQuarter) : '',
                }
              }
              errors={props.errors}
            />
            <Button variant="secondary">{t('workplan.topic.save')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

/** The approved plan on the public site; or a clear page when the year has none (yet). */
export function PublicPlanPage(props: { ctx: PageCtx; council: Council; year: number; maxYear: number; plan: Workplan | null; topics: TopicView[] }) {
  const { ctx, council, plan, year } = props;
  const t = ctx.t;
  const section = `/${council.slug}/werkplan`;
  return (
    <PublicPage
      title={plan ? t('workplan.public.title', { year }) : t('workplan.public.none', { year })}
      section={section}
      href={`${section}/${year}`}
      intro={plan?.approvedAt ? t('workplan.public.intro', { date: formatDate(plan.approvedAt, ctx.locale) }) : t('workplan.public.none.text')}
    >
      <YearLinks year={year} max={props.maxYear} href={(y) => `${section}/${y}`} />
      {props.topics.map((x) => (
        <Section id={`onderwerp-${x.id}`} title={x.title}>
          <DataList
            items={[
              { key: t('workplan.topic.status'), value: statusBadge(ctx, x.status) },
              ...(x.status === 'dropped' ? [{ key: t('workplan.topic.dropReason'), value: <span lang="nl">{x.dropReason}</span> }] : []),
              { key: t('workplan.topic.policyField'), value: field(ctx, x.policyField) },
              { key: t('workplan.topic.group'), value: x.groupName ?? t('workplan.topic.group.none') },
              { key: t('workplan.topic.quarter'), value: quarter(ctx, x.plannedQuarter) },
            ]}
          />
          {x.aim && <TextBlock text={x.aim} />}
          {x.notes.length > 0 && <Notes notes={x.notes} label={t('workplan.notes')} />}
        </Section>
      ))}
    </PublicPage>
  );
}
