import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, Table, Section } from '../../../ui/components/basics.tsx';
import { Form, TextArea, SelectField, FormPageTop } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { LineDiff } from '../../../ui/components/diff.tsx';
import type { Advice } from '../advice.schema.ts';
import type { DraftVersion } from '../advice.drafts.ts';
import { DateText } from '../../../ui/components/date-text.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

export type Compare = { from: DraftVersion; to: DraftVersion } | null;

/** Versions of the working group's draft, a form for a new one, and a line diff of two versions. */
export function DraftsPage(
  props: Props & {
    advice: Advice;
    versions: DraftVersion[];
    mayEdit: boolean;
    compare: Compare;
    show: DraftVersion | null;
    errors?: FieldErrors;
    values?: FormValues;
    saved?: number;
  },
) {
  const { ctx, council, advice, versions, mayEdit, compare, show, errors } = props;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/adviezen`;
  const detail = `${list}/${advice.id}`;
  const path = `${detail}/versies`;
  const title = t('advice.drafts.title', { subject: advice.subject });
  const last = versions[versions.length - 1];
  const v = props.values ?? {};
  const options = versions.map((x) => ({ value: String(x.version), label: `${t('advice.drafts.version')} ${x.version}` }));
  return (
    <WorkspaceFrame
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('advice.list.title') },
        { href: detail, label: advice.reference },
        { href: path, label: t('advice.drafts.caption') },
      ]}
    >
      <FormPageTop errors={errors} title={title} notice={props.saved ? t('advice.drafts.saved', { n: props.saved }) : undefined} />
      <Table
        caption={t('advice.drafts.caption')}
        empty={t('advice.drafts.empty')}
        rows={[...versions].reverse()}
        columns={[
          { header: t('advice.drafts.version'), cell: (x) => <Link href={`${path}?versie=${x.version}`}>{t('advice.drafts.show', { n: x.version })}</Link> },
          { header: t('advice.drafts.author'), cell: (x) => x.author ?? '-' },
          { header: t('advice.drafts.when'), cell: (x) => <DateText value={x.createdAt} time /> },
        ]}
      />
      {show && (
        <Section id="versie" title={t('advice.drafts.show', { n: show.version })}>
          <pre class="rw-draft">{show.body}</pre>
        </Section>
      )}
      {versions.length > 1 && (
        <Section id="vergelijken" title={t('advice.drafts.compare')}>
          <form method="get" action={path} class="rw-form">
            <SelectField errors={errors} name="van" label={t('advice.drafts.from')} value={String(compare?.from.version ?? versions[versions.length - 2]!.version)} options={options} />
            <SelectField errors={errors} name="naar" label={t('advice.drafts.to')} value={String(compare?.to.version ?? last!.version)} options={options} />
            <Button variant="secondary">{t('advice.drafts.compareButton')}</Button>
          </form>
          {compare && <DiffView compare={compare} />}
        </Section>
      )}
      <Section id="nieuwe-versie" title={t('advice.drafts.edit')}>
        {mayEdit ? (
          <Form action={path}>
            <TextArea errors={errors} name="body" label={t('advice.drafts.body')} hint={t('advice.drafts.bodyHint')} value={v.body ?? last?.body ?? ''} rows={16} />
            <Button>{t('advice.drafts.save')}</Button>
          </Form>
        ) : (
          <Paragraph>{t('advice.drafts.readOnly')}</Paragraph>
        )}
      </Section>
      <Paragraph>
        <Link href={detail}>{t('nav.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}

/** A line diff of two draft versions (ui/components/diff.tsx). */
function DiffView({ ctx: given, compare }: { ctx?: PageCtx; compare: NonNullable<Compare> }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <Heading level={3}>{t('advice.drafts.diffTitle', { from: compare.from.version, to: compare.to.version })}</Heading>
      <Paragraph>{t('advice.drafts.diffHelp')}</Paragraph>
      <LineDiff from={compare.from.body} to={compare.to.body} added={t('advice.drafts.added')} removed={t('advice.drafts.removed')} same={t('advice.drafts.same')} />
    </>
  );
}
