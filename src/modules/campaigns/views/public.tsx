/**
 * The public pages of campaigns: the list, one campaign (with its results once published), the
 * nomination form (new and through the edit link) and the page after sending. No JavaScript, no
 * cookie: the form's token carries its time, the page is never stored by a browser or proxy.
 */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import { Alert, Button, Link, LinkList, Paragraph, Section, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { FileField, Fieldset, Form, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { Honeypot } from '../../../ui/components/honeypot.tsx';
import type { Campaign, Criterion } from '../campaigns.schema.ts';
import { municipalities, MUNICIPALITIES_AS_OF } from '../municipalities.ts';
import { motivationField } from '../campaigns.nominations.ts';
import type { ProvinceRow } from '../campaigns.workflow.ts';
import { campaignMeetingKinds, type MeetingsOfCampaign } from '../campaigns.service.ts';
import { campaignTrail } from './trail.ts';

export const HONEYPOT = 'website';

export const publicPaths = (council: Council, campaign?: Pick<Campaign, 'id'>) => {
  const list = `/${council.slug}/campagnes`;
  const one = campaign ? `${list}/${campaign.id}` : list;
  // The meetings' calendar is the organisation's feed of the meetings module.
  return { list, one, nominate: `${one}/voordragen`, sent: `${one}/verstuurd`, ics: `/${council.slug}/agenda.ics` };
};

export function CampaignList({ ctx, council, campaigns }: { ctx: PageCtx; council: Council; campaigns: Campaign[] }) {
  const t = ctx.t;
  const paths = publicPaths(council);
  return (
    <PublicPage title={t('campaigns.public.title')} section={paths.list} intro={t('campaigns.public.intro', { council: council.name })}>
      <LinkList items={campaigns.map((c) => ({ href: publicPaths(council, c).one, label: c.title, after: ` (${t(`campaigns.phase.${c.phase}`)})` }))} empty={t('campaigns.public.none')} />
    </PublicPage>
  );
}

type FrontRunner = { code: string; name: string; province: string; provinceName: string; motivation: string };

export type CampaignView = {
  campaign: Campaign;
  criteria: Criterion[];
  organisers: string[];
  open: boolean;
  /** Published campaigns only. */
  provinces: ProvinceRow[];
  frontRunners: FrontRunner[];
  /** The kick-off and closing meetings, as the meetings module has them. */
  meetings: MeetingsOfCampaign;
};

function Window({ ctx: given, campaign, open, href }: { ctx?: PageCtx; campaign: Campaign; open: boolean; href: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const opens = formatDateTime(campaign.opensAt, ctx.locale);
  const closes = formatDateTime(campaign.closesAt, ctx.locale);
  if (open)
    return (
      <>
        <Paragraph>{t('campaigns.public.window', { opens, closes })}</Paragraph>
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action nl-button nl-button--primary" href={href}>
            {t('campaigns.public.nominate')}
          </a>
        </p>
      </>
    );
  if (Date.now() < campaign.opensAt.getTime()) return <Paragraph>{t('campaigns.public.notYet', { opens })}</Paragraph>;
  return <Alert type="info">{t('campaigns.public.closed', { closes })}</Alert>;
}

const meetingLabels = { kickoff: 'campaigns.public.kickoff', closing: 'campaigns.public.closing' } as const;

/** The planned meetings in order, each with its label; cancelled ones too (the page says so). */
const plannedMeetings = (view: CampaignView) =>
  campaignMeetingKinds.flatMap((kind) => {
    const m = view.meetings[kind];
    return m ? [{ kind, m }] : [];
  });

function Meetings({ ctx: given, view, ics }: { ctx?: PageCtx; view: CampaignView; ics: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const items = plannedMeetings(view);
  return (
    <Section id="bijeenkomsten" title={t('campaigns.public.meetings')} items={items} empty={t('campaigns.public.noMeetings')}>
      <ul class="utrecht-unordered-list">
        {items.map(({ kind, m }) => (
          <li class="utrecht-unordered-list__item">
            <Link href={m.publicPath}>{t(meetingLabels[kind])}</Link>:{' '}
            {t('campaigns.public.meetingAt', { date: formatDateTime(m.startsAt, ctx.locale), place: m.location || t('campaigns.public.placeUnknown') })}
            {m.status === 'cancelled' && <> {t('campaigns.public.meetingCancelled')}</>}
          </li>
        ))}
      </ul>
      {items.length > 0 && <LinkList items={[{ href: ics, label: t('campaigns.public.calendar') }]} />}
    </Section>
  );
}

/** The news items of a published campaign: the kick-off and the closing meeting (not a cancelled one). */
function News({ ctx: given, view }: { ctx?: PageCtx; view: CampaignView }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const news = { kickoff: 'campaigns.public.newsKickoff', closing: 'campaigns.public.newsClosing' } as const;
  const items = plannedMeetings(view)
    .filter(({ m }) => m.status !== 'cancelled')
    .map(({ kind, m }) => t(news[kind], { date: formatDateTime(m.startsAt, ctx.locale), place: m.location || t('campaigns.public.placeUnknown') }));
  if (items.length === 0) return null;
  return (
    <Section id="nieuws" title={t('campaigns.public.news')}>
      {items.map((s) => (
        <Paragraph>{s}</Paragraph>
      ))}
    </Section>
  );
}

/** The results: per province a list of front runners with the motivation, then the same in a table. */
function Results({ ctx: given, view }: { ctx?: PageCtx; view: CampaignView }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <>
      <Section id="koplopers" title={t('campaigns.public.results')}>
        {view.provinces.map((p) => {
          const here = view.frontRunners.filter((f) => f.province === p.code);
          return (
            <Section id={`provincie-${p.code}`} level={3} title={p.name} items={here} empty={t('campaigns.public.noFrontRunner')}>
              <ul class="utrecht-unordered-list">
                {here.map((f) => (
                  <li class="utrecht-unordered-list__item">
                    <strong>{f.name}</strong>: {f.motivation}
                  </li>
                ))}
              </ul>
            </Section>
          );
        })}
        {view.campaign.uncoveredReason && (
          <Section id="reden" level={3} title={t('campaigns.public.uncoveredReason')}>
            <TextBlock text={view.campaign.uncoveredReason} />
          </Section>
        )}
      </Section>
      <Table
        caption={t('campaigns.public.resultsTable')}
        columns={[
          { header: t('campaigns.col.municipality'), cell: (f: FrontRunner) => f.name },
          { header: t('campaigns.col.province'), cell: (f) => f.provinceName },
          { header: t('campaigns.col.motivation'), cell: (f) => f.motivation },
        ]}
        rows={view.frontRunners}
      />
    </>
  );
}

export function CampaignPage({ ctx, council, view }: { ctx: PageCtx; council: Council; view: CampaignView }) {
  const t = ctx.t;
  const { campaign } = view;
  const paths = publicPaths(council, campaign);
  return (
    <PublicPage title={campaign.title} section={paths.list} href={paths.one} parent={{ href: paths.list, label: t('campaigns.public.title') }}>
      <Paragraph lead>{`${t('campaigns.public.organisers')}: ${view.organisers.join(', ')}`}</Paragraph>
      <TextBlock text={campaign.purpose} />
      {campaign.phase === 'published' ? <Results view={view} /> : <Window campaign={campaign} open={view.open} href={paths.nominate} />}
      <Section id="criteria" title={t('campaigns.public.criteria')}>
        <ol class="utrecht-ordered-list">
          {view.criteria.map((c) => (
            <li class="utrecht-ordered-list__item">
              <strong>{c.question}</strong> {c.explanation}
            </li>
          ))}
        </ol>
      </Section>
      <Meetings view={view} ics={paths.ics} />
      {campaign.phase === 'published' && <News view={view} />}
    </PublicPage>
  );
}

const municipalityOptions = (ctx: PageCtx) => [{ value: '', label: ctx.t('campaigns.form.choose') }, ...municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.provinceName})` }))];

/** The nomination form; with `edit` the address of the edit link and the municipality fixed. */
export function NominationPage(props: {
  ctx: PageCtx;
  council: Council;
  campaign: Campaign;
  criteria: Criterion[];
  values?: FormValues;
  errors?: FieldErrors;
  edit?: { action: string; municipality: string; saved?: boolean; open: boolean };
  /** The form's token when shown again after errors: its time still counts from the first showing. */
  token?: string;
}) {
  const { ctx, council, campaign, criteria, values = {}, errors, edit } = props;
  const t = ctx.t;
  const paths = publicPaths(council, campaign);
  const closes = formatDateTime(campaign.closesAt, ctx.locale);
  const title = edit ? t('campaigns.edit.title', { municipality: edit.municipality }) : t('campaigns.form.title', { campaign: campaign.title });
  const action = `${edit ? edit.action : paths.nominate}?_csrf=${encodeURIComponent(props.token ?? ctx.csrfToken)}`;
  return (
    <PublicPage
      title={title}
      section={paths.list}
      href={edit ? edit.action : paths.nominate}
      crumb={edit ? undefined : t('campaigns.public.nominate')}
      parent={campaignTrail(paths, t('campaigns.public.title'), campaign)}
      errors={errors}
      notice={edit?.saved ? t('campaigns.edit.saved') : undefined}
      intro={edit && !edit.open ? undefined : t('campaigns.form.intro', { closes })}
    >
      {edit && !edit.open ? (
        <Alert type="info">{t('campaigns.edit.closed')}</Alert>
      ) : (
        <Form action={action} multipart>
          {!edit && (
            <SelectField
              name="municipality"
              label={t('campaigns.form.municipality')}
              hint={t('campaigns.form.municipalityHint', { date: formatDate(MUNICIPALITIES_AS_OF, ctx.locale) })}
              options={municipalityOptions(ctx)}
              value={values.municipality}
              errors={errors}
            />
          )}
          <Fieldset legend={t('campaigns.form.about')}>
            <TextField name="name" label={t('campaigns.form.name')} value={values.name} errors={errors} autocomplete="name" />
            <TextField name="role" label={t('campaigns.form.role')} hint={t('campaigns.form.roleHint')} value={values.role} errors={errors} />
            <TextField name="email" type="email" label={t('campaigns.form.email')} hint={t('campaigns.form.emailHint')} value={values.email} errors={errors} autocomplete="email" />
            <Paragraph>{t('campaigns.form.privacyText')}</Paragraph>
          </Fieldset>
          {criteria.map((c) => (
            <TextArea
              name={motivationField(c)}
              label={c.question}
              hint={t('campaigns.form.motivationHint', { explanation: c.explanation })}
              value={values[motivationField(c)]}
              errors={errors}
              rows={6}
            />
          ))}
          <FileField name="bijlage" label={t('campaigns.form.file')} hint={t('campaigns.form.fileHint')} optional accept="application/pdf,.pdf" errors={errors} />
          <Honeypot name={HONEYPOT} label={ctx.t('campaigns.form.honeypot')} value={values[HONEYPOT]} />
          <Button variant="primary">{edit ? t('campaigns.form.save') : t('campaigns.form.send')}</Button>
        </Form>
      )}
    </PublicPage>
  );
}

export function SentPage({ ctx, council, campaign }: { ctx: PageCtx; council: Council; campaign: Campaign }) {
  const t = ctx.t;
  const paths = publicPaths(council, campaign);
  return (
    <PublicPage title={t('campaigns.sent.title')} section={paths.list} href={paths.sent} parent={campaignTrail(paths, t('campaigns.public.title'), campaign)}>
      <Alert type="ok" title={t('campaigns.sent.title')}>
        {t('campaigns.sent.body')}
      </Alert>
      <LinkList items={[{ href: paths.one, label: campaign.title }]} />
    </PublicPage>
  );
}

/** Too many forms from one address in an hour. */
export function LimitPage({ ctx, council, campaign }: { ctx: PageCtx; council: Council; campaign: Campaign }) {
  const paths = publicPaths(council, campaign);
  return (
    <PublicPage title={ctx.t('campaigns.form.limitTitle')} section={paths.list} href={paths.nominate}>
      <Alert type="warning">{ctx.t('campaigns.form.limit')}</Alert>
    </PublicPage>
  );
}
