/**
 * Workspace pages of campaigns: the list with the form for a new campaign, one campaign (phase,
 * jury, meetings, nominations with the jury's figures, provinces, publishing), the declarations
 * of a juror and one nomination with the score form. Views decide no rights: `may` says.
 */
import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Alert, Button, Link, LinkList, Pagination, Paragraph, Section, StatusBadge, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { ActionForm, CheckboxGroup, Fieldset, Form, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import type { Campaign, Criterion, Nomination } from '../campaigns.schema.ts';
import type { Overview, OverviewRow } from '../campaigns.jury.ts';
import type { ProvinceRow, ScoreFigures } from '../campaigns.workflow.ts';
import { scoreFields } from '../campaigns.jury.ts';
import { campaignMeetingKinds, type MeetingsOfCampaign } from '../campaigns.service.ts';
import type { Nominator } from '../campaigns.privacy.ts';
import { municipality, provinces } from '../municipalities.ts';
import { MeetingFields } from '../../meetings/index.ts';
import { campaignTrail } from './trail.ts';

type Base = { ctx: PageCtx; council: Council; actor: Actor; errors?: FieldErrors; values?: FormValues; notice?: string };

export const wsPaths = (council: Council, campaign?: Pick<Campaign, 'id'>) => {
  const list = `/${council.slug}/werkruimte/campagnes`;
  const one = campaign ? `${list}/${campaign.id}` : list;
  return {
    list,
    one,
    phase: `${one}/fase`,
    jury: `${one}/jury`,
    meetings: `${one}/bijeenkomsten`,
    declarations: `${one}/verklaringen`,
    publish: `${one}/publiceren`,
    change: `${one}/wijzigen`,
    export: (format: 'csv' | 'xlsx' | 'ods') => `${one}/export.${format}`,
    nomination: (id: string) => `${one}/nominaties/${id}`,
  };
};

/** The fields of a campaign: for a new one and to change one. */
function CampaignFields(props: { ctx: PageCtx; values: FormValues; errors?: FieldErrors; partners: { id: string; name: string }[]; checked: string[] }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <>
      <TextField name="title" label={t('campaigns.field.title')} value={values.title} errors={errors} />
      <TextArea name="purpose" label={t('campaigns.field.purpose')} value={values.purpose} errors={errors} rows={4} />
      <TextField name="opensOn" type="date" label={t('campaigns.field.opensOn')} value={values.opensOn} errors={errors} width="medium" />
      <TextField name="opensAt" label={t('campaigns.field.opensAt')} hint={t('campaigns.field.timeHint')} value={values.opensAt ?? '09:00'} errors={errors} width="short" />
      <TextField name="closesOn" type="date" label={t('campaigns.field.closesOn')} value={values.closesOn} errors={errors} width="medium" />
      <TextField name="closesAt" label={t('campaigns.field.closesAt')} hint={t('campaigns.field.timeHint')} value={values.closesAt ?? '17:00'} errors={errors} width="short" />
      <TextArea name="criteria" label={t('campaigns.field.criteria')} hint={t('campaigns.field.criteriaHint')} value={values.criteria} errors={errors} rows={8} />
      {props.partners.length > 0 && (
        <CheckboxGroup name="partnerIds" label={t('campaigns.field.partners')} optional options={props.partners.map((p) => ({ value: p.id, label: p.name }))} checked={props.checked} errors={errors} />
      )}
    </>
  );
}

export function WorkspaceList(props: Base & { campaigns: Campaign[]; partners: { id: string; name: string }[]; mayCreate: boolean }) {
  const { ctx, council, errors, values = {} } = props;
  const t = ctx.t;
  const paths = wsPaths(council);
  return (
    <WorkspacePage title={t('campaigns.ws.title')} section={paths.list} errors={errors} notice={props.notice}>
      <LinkList items={props.campaigns.map((c) => ({ href: wsPaths(council, c).one, label: c.title, after: ` (${t(`campaigns.phase.${c.phase}`)})` }))} empty={t('campaigns.ws.none')} />
      {props.mayCreate && (
        <Section id="nieuw" title={t('campaigns.ws.new')}>
          <Form action={paths.list}>
            <CampaignFields ctx={ctx} values={values} errors={errors} partners={props.partners} checked={[]} />
            <Button variant="primary">{t('campaigns.ws.new')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}

export type CampaignWorkspace = {
  campaign: Campaign;
  criteria: Criterion[];
  jury: { membershipId: string; name: string }[];
  possibleJurors: { membershipId: string; name: string }[];
  overview: Overview;
  provinces: ProvinceRow[];
  /** For organisers: the kick-off and closing meetings. */
  meetings: MeetingsOfCampaign | null;
  /** For organisers: a score was given (or it is published), so criteria and jury stay as they are. */
  locked: boolean;
};

/** One formatter for every figure: `toLocaleString` with options builds a new one per call, slow on a list of 1,000. */
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const figure = (n: number | null | undefined) => (n === null || n === undefined ? '–' : oneDecimal.format(n));

function FiguresBadge({ ctx: given, f }: { ctx?: PageCtx; f: ScoreFigures | null }) {
  const ctx = usePageCtx(given);
  return f?.discuss ? <StatusBadge status="warning">{ctx.t('campaigns.ws.discuss')}</StatusBadge> : null;
}

/** The status of a nomination for this actor, in words (never colour alone). */
function statusOf(ctx: PageCtx, r: OverviewRow, juror: boolean) {
  const t = ctx.t;
  if (r.nomination.selected) return <StatusBadge status="success">{t('campaigns.ws.frontRunner')}</StatusBadge>;
  if (!juror) return null;
  if (r.declared === null) return <StatusBadge status="neutral">{t('campaigns.ws.toDeclare')}</StatusBadge>;
  if (r.declared) return <StatusBadge status="inactive">{t('campaigns.ws.conflict')}</StatusBadge>;
  return <StatusBadge status={r.ownScored ? 'success' : 'neutral'}>{t(r.ownScored ? 'campaigns.ws.scoredOwn' : 'campaigns.ws.toScore')}</StatusBadge>;
}

function Nominations({ ctx: given, council, view }: { ctx?: PageCtx; council: Council; view: CampaignWorkspace }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const { rows, juror } = view.overview;
  const paths = wsPaths(council, view.campaign);
  // Until a juror has declared, only the municipality's name; a conflicted nomination has no link.
  const nameCell = (r: OverviewRow) => (juror && r.declared !== false ? r.name : <Link href={paths.nomination(r.nomination.id)}>{r.name}</Link>);
  return (
    <Section id="voordrachten" title={t('campaigns.ws.nominations')}>
      {juror && view.overview.undeclared > 0 && (
        <Alert type="info">
          {t('campaigns.ws.declareFirst')} <Link href={paths.declarations}>{t('campaigns.ws.declarations')}</Link>
        </Alert>
      )}
      {(view.overview.total > 0 || view.overview.province) && <OverviewFilter href={paths.one} overview={view.overview} />}
      {rows.length === 0 ? (
        <Paragraph>{t('campaigns.ws.noNominations')}</Paragraph>
      ) : (
        <Table
          caption={t('campaigns.ws.nominationsTable')}
          columns={[
            { header: t('campaigns.col.municipality'), cell: nameCell },
            { header: t('campaigns.col.province'), cell: (r: OverviewRow) => r.provinceName },
            { header: t('campaigns.col.nominations'), cell: (r) => String(r.coNominations + 1), numeric: true },
            { header: t('campaigns.col.mean'), cell: (r) => figure(r.figures?.mean), numeric: true },
            { header: t('campaigns.col.spread'), cell: (r) => figure(r.figures?.spread), numeric: true },
            {
              header: t('campaigns.col.status'),
              cell: (r) => (
                <>
                  {statusOf(ctx, r, juror)} <FiguresBadge f={r.figures} />
                </>
              ),
            },
          ]}
          rows={rows}
        />
      )}
      <Pagination page={view.overview.page} pages={view.overview.pages} href={(n) => overviewHref(paths.one, view.overview.province, n)} />
    </Section>
  );
}

const overviewHref = (base: string, province: string | null, page: number) => {
  const q = new URLSearchParams();
  if (province) q.set('provincie', province);
  if (page > 1) q.set('pagina', String(page));
  const query = q.toString();
  return `${base}${query ? `?${query}` : ''}#voordrachten`;
};

/** A plain GET form (works without JavaScript): nominations of one province, and where in the list we are. */
function OverviewFilter({ ctx: given, href, overview }: { ctx?: PageCtx; href: string; overview: Overview }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <form method="get" action={`${href}#voordrachten`} class="rw-form rw-filter" role="search" aria-label={t('campaigns.ws.filter')}>
        <SelectField
          name="provincie"
          label={t('campaigns.ws.filterProvince')}
          value={overview.province ?? ''}
          options={[{ value: '', label: t('campaigns.ws.allProvinces') }, ...provinces.map((p) => ({ value: p.code, label: p.name }))]}
        />
        <Button>{t('campaigns.ws.filter')}</Button>
      </form>
      <Paragraph>{t('campaigns.ws.shown', { total: String(overview.total), page: String(overview.page), pages: String(overview.pages) })}</Paragraph>
    </>
  );
}

function Provinces({ ctx: given, council, view, errors }: { ctx?: PageCtx; council: Council; view: CampaignWorkspace; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const paths = wsPaths(council, view.campaign);
  const uncovered = view.provinces.filter((p) => p.warning);
  return (
    <Section id="provincies" title={t('campaigns.ws.provinces')}>
      <Table
        caption={t('campaigns.ws.provincesTable')}
        columns={[
          { header: t('campaigns.col.province'), cell: (p: ProvinceRow) => p.name },
          { header: t('campaigns.col.nominations'), cell: (p) => String(p.nominations), numeric: true },
          { header: t('campaigns.col.scored'), cell: (p) => String(p.scored), numeric: true },
          {
            header: t('campaigns.col.frontRunners'),
            cell: (p) => (p.warning ? <StatusBadge status="warning">{t('campaigns.ws.provinceWarning', { province: p.name })}</StatusBadge> : String(p.frontRunners)),
          },
        ]}
        rows={view.provinces}
      />
      {view.campaign.phase === 'decision' && (
        <Form action={paths.publish}>
          {uncovered.length > 0 && <TextArea name="reason" label={t('campaigns.field.reason')} hint={t('campaigns.field.reasonHint')} errors={errors} rows={3} />}
          <Button variant="primary">{t('campaigns.ws.publish')}</Button>
        </Form>
      )}
    </Section>
  );
}

function Jury({ ctx: given, council, view, errors }: { ctx?: PageCtx; council: Council; view: CampaignWorkspace; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const paths = wsPaths(council, view.campaign);
  const candidates = view.possibleJurors.filter((p) => !view.jury.some((j) => j.membershipId === p.membershipId));
  const mayChange = view.overview.organiser && !view.locked;
  return (
    <Section
      id="jury"
      title={t('campaigns.ws.jury')}
      items={view.jury}
      empty={t('campaigns.ws.noJury')}
      after={
        <>
          {view.overview.organiser && view.locked && <Paragraph>{t('campaigns.ws.lockedWhy')}</Paragraph>}
          {mayChange && candidates.length > 0 && (
            <Form action={paths.jury}>
              <SelectField name="membershipId" label={t('campaigns.field.juror')} options={candidates.map((c) => ({ value: c.membershipId, label: c.name }))} errors={errors} />
              <Button>{t('campaigns.ws.add')}</Button>
            </Form>
          )}
        </>
      }
    >
      <ul class="utrecht-unordered-list">
        {view.jury.map((j) => (
          <li class="utrecht-unordered-list__item">
            {j.name}
            {mayChange && (
              <ActionForm action={`${paths.jury}/verwijderen`} name="membershipId" value={j.membershipId} inline variant="subtle" button={t('campaigns.ws.removeJuror', { name: j.name })} />
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const meetingLabel = { kickoff: 'campaigns.public.kickoff', closing: 'campaigns.public.closing' } as const;

/**
 * The kick-off and closing meetings: meetings of the meetings module, opened there to change,
 * invite or cancel. A form plans the ones not planned yet (or cancelled).
 */
function CampaignMeetingsSection({ ctx: given, council, view, errors, values }: { ctx?: PageCtx; council: Council; view: CampaignWorkspace; errors?: FieldErrors; values?: FormValues }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const meetings = view.meetings ?? { kickoff: null, closing: null };
  const open = campaignMeetingKinds.filter((k) => !meetings[k] || meetings[k]!.status === 'cancelled');
  const v = values ?? { title: view.campaign.title, startTime: '13:00', endTime: '17:00', mode: 'in_person' };
  return (
    <Section id="bijeenkomsten" title={t('campaigns.ws.meetings')}>
      <Paragraph>{t('campaigns.ws.meetingsIntro')}</Paragraph>
      <ul class="utrecht-unordered-list">
        {campaignMeetingKinds.map((kind) => {
          const m = meetings[kind];
          return (
            <li class="utrecht-unordered-list__item">
              {t(meetingLabel[kind])}:{' '}
              {m ? (
                <>
                  <Link href={m.workspacePath}>{m.title}</Link>, {formatDateTime(m.startsAt, ctx.locale)}
                  {m.location ? `, ${m.location}` : ''}
                  {m.status === 'cancelled' && <> ({t('campaigns.public.meetingCancelled')})</>}
                </>
              ) : (
                t('campaigns.ws.meetingNone')
              )}
            </li>
          );
        })}
      </ul>
      {open.length > 0 && (
        <Form action={wsPaths(council, view.campaign).meetings}>
          <RadioGroup name="kind" label={t('campaigns.field.meetingKind')} options={open.map((k) => ({ value: k, label: t(meetingLabel[k]) }))} value={v.kind ?? open[0]} errors={errors} />
          <MeetingFields errors={errors} values={v} />
          <Button>{t('campaigns.ws.planMeeting')}</Button>
        </Form>
      )}
    </Section>
  );
}

/** A page under one campaign: the trail goes through the list and the campaign. */
function UnderCampaign(props: {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  campaign: Campaign;
  title: string;
  href: string;
  errors?: FieldErrors;
  notice?: string;
  intro?: string;
  children: ComponentChildren;
}) {
  const paths = wsPaths(props.council, props.campaign);
  return <WorkspacePage {...props} section={paths.list} parent={campaignTrail(paths, props.ctx.t('campaigns.ws.title'), props.campaign)} />;
}

const exportLabel = { csv: 'campaigns.ws.export', xlsx: 'campaigns.ws.exportXlsx', ods: 'campaigns.ws.exportOds' } as const;

/** Change title, purpose, window, partners and criteria; after the first score the page says why it cannot. */
export function ChangeCampaignPage(props: Base & { campaign: Campaign; partners: { id: string; name: string }[]; locked: boolean; form: Record<string, string | string[]> }) {
  const { ctx, council, campaign, errors } = props;
  const t = ctx.t;
  const paths = wsPaths(council, campaign);
  const { partnerIds, ...rest } = props.form;
  const values = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)]));
  const checked = Array.isArray(partnerIds) ? partnerIds : partnerIds ? [partnerIds] : [];
  return (
    <UnderCampaign {...props} campaign={campaign} title={t('campaigns.ws.change')} href={paths.change} intro={props.locked ? undefined : t('campaigns.ws.changeIntro')}>
      {props.locked ? (
        <Alert type="info">{t('campaigns.ws.lockedWhy')}</Alert>
      ) : (
        <Form action={paths.change}>
          <CampaignFields ctx={ctx} values={values} errors={errors} partners={props.partners} checked={checked} />
          <Button variant="primary">{t('campaigns.ws.save')}</Button>
        </Form>
      )}
    </UnderCampaign>
  );
}

export function CampaignWorkspacePage(props: Base & { view: CampaignWorkspace; publicHref: string }) {
  const { ctx, council, view, errors } = props;
  const t = ctx.t;
  const { campaign, overview } = view;
  const paths = wsPaths(council, campaign);
  return (
    <WorkspacePage
      {...props}
      title={campaign.title}
      section={paths.list}
      href={paths.one}
      parent={{ href: paths.list, label: t('campaigns.ws.title') }}
      intro={t(campaign.phase === 'nominations' ? 'campaigns.ws.intro' : 'campaigns.ws.introClosed', {
        phase: t(`campaigns.phase.${campaign.phase}`),
        opens: formatDateTime(campaign.opensAt, ctx.locale),
        closes: formatDateTime(campaign.closesAt, ctx.locale),
      })}
    >
      <LinkList
        items={[
          { href: props.publicHref, label: t('campaigns.ws.publicPage') },
          overview.juror && { href: paths.declarations, label: t('campaigns.ws.declarations') },
          overview.organiser && !view.locked && { href: paths.change, label: t('campaigns.ws.change') },
          ...(overview.organiser ? (['csv', 'xlsx', 'ods'] as const).map((f) => ({ href: paths.export(f), label: t(exportLabel[f]) })) : []),
        ]}
      />
      {overview.organiser && campaign.phase !== 'published' && campaign.phase !== 'decision' && <ActionForm action={paths.phase} button={t('campaigns.ws.nextPhase')} />}
      {overview.organiser && <Provinces council={council} view={view} errors={errors} />}
      <Nominations council={council} view={view} />
      <Jury council={council} view={view} errors={errors} />
      {overview.organiser && <CampaignMeetingsSection council={council} view={view} errors={errors} values={props.values} />}
    </WorkspacePage>
  );
}

export function DeclarationsPage(props: Base & { campaign: Campaign; rows: OverviewRow[] }) {
  const { ctx, council, campaign, errors } = props;
  const t = ctx.t;
  const paths = wsPaths(council, campaign);
  const open = props.rows.filter((r) => r.declared === null);
  const done = props.rows.filter((r) => r.declared !== null);
  return (
    <UnderCampaign
      {...props}
      campaign={campaign}
      title={t('campaigns.ws.declarations')}
      href={paths.declarations}
      notice={props.notice}
      intro={`${t('campaigns.ws.declareFirst')} ${t('campaigns.ws.declareWhat')}`}
    >
      {open.length > 0 && (
        <Form action={paths.declarations}>
          {open.map((r) => (
            <RadioGroup
              name={`verklaring-${r.nomination.id}`}
              label={t('campaigns.ws.declareLegend', { municipality: r.name })}
              options={[
                { value: 'geen', label: t('campaigns.ws.declareNone') },
                { value: 'conflict', label: t('campaigns.ws.declareConflict') },
              ]}
              errors={errors}
            />
          ))}
          <Button variant="primary">{t('campaigns.ws.declareSave')}</Button>
        </Form>
      )}
      {done.length > 0 && (
        <ul class="utrecht-unordered-list">
          {done.map((r) => (
            <li class="utrecht-unordered-list__item">
              {r.name}: {r.declared ? t('campaigns.ws.conflict') : t('campaigns.ws.declareNone')}
            </li>
          ))}
        </ul>
      )}
    </UnderCampaign>
  );
}

type Score = { criterionId: string; score: number; motivation: string; juror?: string };

export type NominationWorkspace = {
  campaign: Campaign;
  criteria: Criterion[];
  nomination: Nomination;
  coNominations: Nomination[];
  /** Nominator per nomination id; null once erased after the retention period. */
  nominators: Record<string, Nominator | null>;
  own: Score[];
  others: Score[];
  mayScore: boolean;
  maySelect: boolean;
  figures: ScoreFigures | null;
};

export function NominationWorkspacePage(props: Base & { view: NominationWorkspace }) {
  const { ctx, council, view, errors, values = {} } = props;
  const t = ctx.t;
  const { campaign, nomination: n, criteria } = view;
  const paths = wsPaths(council, campaign);
  const name = municipality(n.municipalityCode)?.name ?? n.municipalityCode;
  const question = (id: string) => criteria.find((c) => c.id === id)?.question ?? '';
  const byLine = (x: Nomination) => {
    const who = view.nominators[x.id];
    return who ? t('campaigns.nom.by', { name: who.name, role: who.role }) : t('campaigns.nom.erased');
  };
  const scoreColumns = [
    { header: t('campaigns.col.juror'), cell: (s: Score) => s.juror ?? '' },
    { header: t('campaigns.col.criterion'), cell: (s: Score) => question(s.criterionId) },
    { header: t('campaigns.col.score'), cell: (s: Score) => String(s.score), numeric: true },
    { header: t('campaigns.col.motivation'), cell: (s: Score) => s.motivation },
  ];
  return (
    <UnderCampaign {...props} campaign={campaign} title={t('campaigns.nom.title', { municipality: name })} href={paths.nomination(n.id)} notice={props.notice} intro={byLine(n)}>
      {criteria.map((c) => (
        <Section id={`criterium-${c.position}`} title={c.question}>
          <TextBlock text={n.motivations[c.id] ?? ''} />
        </Section>
      ))}
      {n.fileName && <Paragraph>{t('campaigns.nom.file', { name: n.fileName })}</Paragraph>}
      {view.coNominations.length > 0 && (
        <Section id="ook" title={t('campaigns.nom.co')}>
          {view.coNominations.map((c) => (
            <>
              <Paragraph>{byLine(c)}</Paragraph>
              {criteria.map((cr) => (
                <TextBlock text={c.motivations[cr.id] ?? ''} />
              ))}
            </>
          ))}
        </Section>
      )}
      {view.mayScore && (
        <Section id="beoordeling" title={t('campaigns.nom.score')}>
          <Form action={`${paths.nomination(n.id)}/beoordeling`}>
            {criteria.map((c) => (
              <Fieldset legend={c.question}>
                <RadioGroup
                  name={scoreFields.score(c)}
                  label={t('campaigns.nom.scoreLabel')}
                  hint={t('campaigns.nom.scoreHint')}
                  options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
                  value={values[scoreFields.score(c)]}
                  errors={errors}
                />
                <TextArea name={scoreFields.motivation(c)} label={t('campaigns.nom.scoreMotivation')} value={values[scoreFields.motivation(c)]} errors={errors} rows={3} />
              </Fieldset>
            ))}
            <Button variant="primary">{t('campaigns.nom.submit')}</Button>
          </Form>
        </Section>
      )}
      {view.own.length > 0 && <Table caption={t('campaigns.nom.score')} columns={scoreColumns.slice(1)} rows={view.own} />}
      <Section id="jury-scores" title={t('campaigns.nom.others')}>
        {view.figures ? (
          <>
            <Paragraph>
              {t('campaigns.col.mean')}: {figure(view.figures.mean)}. {t('campaigns.col.spread')}: {figure(view.figures.spread)}. <FiguresBadge f={view.figures} />
            </Paragraph>
            <Table caption={t('campaigns.nom.others')} columns={scoreColumns} rows={view.others} />
          </>
        ) : (
          <Paragraph>{t('campaigns.nom.othersHidden')}</Paragraph>
        )}
      </Section>
      {view.maySelect &&
        (n.selected ? (
          <Section id="koploper" title={t('campaigns.nom.deselect')}>
            <Alert type="ok">{t('campaigns.nom.selected')}</Alert>
            <Form action={`${paths.nomination(n.id)}/terugdraaien`}>
              <TextArea name="reason" label={t('campaigns.field.deselectReason')} hint={t('campaigns.field.deselectHint')} value={values.reason} errors={errors} rows={3} />
              <Button>{t('campaigns.nom.deselect')}</Button>
            </Form>
          </Section>
        ) : (
          <Section id="koploper" title={t('campaigns.nom.select')}>
            <Form action={`${paths.nomination(n.id)}/koploper`}>
              <TextArea name="motivation" label={t('campaigns.field.selection')} value={values.motivation} errors={errors} rows={3} />
              <Button variant="primary">{t('campaigns.nom.select')}</Button>
            </Form>
          </Section>
        ))}
    </UnderCampaign>
  );
}
