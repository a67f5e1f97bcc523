/** One agreement in the workspace: what it is, its parties, the steps, the signed PDF and the shared dossiers. */
import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Alert, Button, DataList, Heading, LinkList, Paragraph, Section, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { ActionForm, CheckboxGroup, ChooseOneForm, FileField, Form, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { policyFields } from '../../advice/index.ts';
import type { AgreementDetail } from '../cooperation.queries.ts';
import { CONTRIBUTE_FILE, type DossierView } from '../cooperation.dossiers.ts';
import type { SharedConsultationView } from '../cooperation.experiences.ts';
import { MeetingFields, type JointMeeting } from '../../meetings/index.ts';
import { JointMeetingList } from './meetings.tsx';
import { dossierLevels } from '../cooperation.schema.ts';
import { attendanceAnswers } from '../cooperation.meetings.ts';
import { jointYear } from '../cooperation.joint.ts';
import { StateBadge, termOf } from './parts.tsx';

export type AgreementNotice =
  | 'created'
  | 'step'
  | 'saved'
  | 'signed'
  | 'shared'
  | 'unshared'
  | 'meetingPlanned'
  | 'meetingAccepted'
  | 'consultationShared'
  | 'attendance'
  | 'contributed'
  | 'networkInvited'
  | 'networkNone';

type Props = {
  ctx: PageCtx;
  council: Council;
  actor: Actor;
  detail: AgreementDetail;
  dossiers: DossierView[];
  folders: { id: string; name: string }[];
  meetings: JointMeeting[];
  sources: { key: string; kind: 'document' | 'meeting' | 'experience'; title: string; ownerName: string }[];
  consultations: SharedConsultationView[];
  ownRounds: { id: string; topic: string }[];
  /** Contacts of the own network with consent for invitations (the board, while the agreement is in force). */
  contacts: { id: string; name: string; organisation: string }[];
  notice?: AgreementNotice;
  errors?: FieldErrors;
  values?: FormValues;
};
type Part = Props & { base: string };

export function AgreementPage(props: Props) {
  const { ctx, council, detail } = props;
  const section = `/${council.slug}/werkruimte/samenwerking`;
  const base = `${section}/${detail.agreement.id}`;
  const part = { ...props, base };
  return (
    <WorkspacePage
      title={detail.agreement.title}
      section={section}
      href={base}
      parent={{ href: section, label: ctx.t('cooperation.list.title') }}
      errors={props.errors}
      notice={props.notice && ctx.t(`cooperation.notice.${props.notice}`)}
    >
      <About {...part} />
      <Parties {...part} />
      <Steps {...part} />
      <Signed {...part} />
      <Dossiers {...part} />
      <JointMeetings {...part} />
      <Experiences {...part} />
      <OwnAdvice {...part} />
    </WorkspacePage>
  );
}

function About({ ctx, detail }: Part) {
  const { t } = ctx;
  const a = detail.agreement;
  const renewal = a.noticeGivenAt
    ? t('cooperation.detail.noticeGiven', { date: formatDate(a.endsOn, ctx.locale) })
    : t(`cooperation.detail.renewal.${a.renewal}`, { date: formatDate(detail.noticeOn, ctx.locale) });
  return (
    <Section id="over" title={t('cooperation.detail.about')}>
      <DataList
        items={[
          { key: t('cooperation.detail.state'), value: <StateBadge state={a.state} /> },
          { key: t('cooperation.detail.purpose'), value: <TextBlock text={a.purpose} /> },
          { key: t('cooperation.detail.term'), value: termOf(ctx, a) },
          { key: t('cooperation.detail.renewal'), value: renewal },
          { key: t('cooperation.detail.woo'), value: t('cooperation.detail.wooValue') },
        ]}
      />
      <Paragraph>{t(detail.inForce ? 'cooperation.detail.inForce' : 'cooperation.detail.notInForce')}</Paragraph>
    </Section>
  );
}

function Parties({ ctx, detail, base, errors, values }: Part) {
  const { t } = ctx;
  return (
    <Section id="partijen" title={t('cooperation.detail.parties')}>
      <Table
        caption={t('cooperation.detail.partiesCaption')}
        rows={detail.parties}
        columns={[
          { header: t('cooperation.detail.party'), cell: (p) => (p.councilId ? p.name : `${p.name} (${t('cooperation.detail.outside')})`) },
          { header: t('cooperation.detail.brings'), cell: (p) => p.contribution || t('cooperation.detail.nothing') },
          {
            header: t('cooperation.detail.accepted'),
            cell: (p) => (p.councilId ? (p.acceptedAt ? t('cooperation.detail.acceptedOn', { date: formatDate(p.acceptedAt, ctx.locale) }) : t('cooperation.detail.notAccepted')) : '–'),
          },
        ]}
      />
      {detail.may.contribution && (
        <Form action={`${base}/inbreng`}>
          <TextArea
            errors={errors}
            name="contribution"
            label={t('cooperation.field.contribution')}
            hint={t('cooperation.field.contributionHint')}
            value={values?.contribution ?? detail.own.contribution}
            rows={3}
            optional
          />
          <Button variant="secondary">{t('cooperation.detail.contributionSubmit')}</Button>
        </Form>
      )}
    </Section>
  );
}

function Steps({ ctx, council, detail, base }: Part) {
  const { t } = ctx;
  const actions = detail.may.actions;
  return (
    <Section id="stappen" title={t('cooperation.detail.steps')}>
      {actions.length === 0 && <Paragraph>{t('cooperation.step.none')}</Paragraph>}
      {actions.includes('propose') && <ActionForm action={`${base}/voorstellen`} button={t('cooperation.step.propose')} hint={t('cooperation.step.proposeHint')} variant="primary" />}
      {actions.includes('accept') && (
        <Form action={`${base}/aanvaarden`}>
          <p class="utrecht-paragraph nl-paragraph">{t('cooperation.step.acceptHint')}</p>
          <input type="hidden" name="organisation" value={council.id} />
          <Button>{t('cooperation.step.accept', { council: council.name })}</Button>
        </Form>
      )}
      {actions.includes('renew') && <ActionForm action={`${base}/verlengen`} button={t('cooperation.step.renew')} variant="primary" />}
      {actions.includes('giveNotice') && <ActionForm action={`${base}/opzeggen`} button={t('cooperation.step.giveNotice')} hint={t('cooperation.step.giveNoticeHint')} />}
      {actions.includes('end') && <ActionForm action={`${base}/beeindigen`} button={t('cooperation.step.end')} hint={t('cooperation.step.endHint')} danger />}
    </Section>
  );
}

function Signed({ ctx, detail, base, errors }: Part) {
  const { t } = ctx;
  const a = detail.agreement;
  const mayUpload = detail.may.manage && a.state !== 'draft';
  return (
    <Section id="overeenkomst" title={t('cooperation.signed.title')}>
      {a.signedFileHash ? <LinkList items={[{ href: `${base}/overeenkomst`, label: t('cooperation.signed.download') }]} /> : <Paragraph>{t('cooperation.signed.none')}</Paragraph>}
      {mayUpload && (
        <Form action={`${base}/overeenkomst?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
          <FileField errors={errors} name="file" label={t('cooperation.signed.file')} accept="application/pdf,.pdf" />
          <Button variant="secondary">{t('cooperation.signed.submit')}</Button>
        </Form>
      )}
    </Section>
  );
}

function Dossiers(props: Part) {
  const { ctx, council, detail, dossiers, folders, base, errors, values } = props;
  const { t } = ctx;
  const mayShare = detail.may.manage && detail.agreement.state !== 'draft';
  return (
    <PartSection
      part="dossiers"
      items={dossiers}
      after={
        mayShare &&
        (folders.length ? (
          <ShareOne {...props} what="dossiers" options={folders.map((f) => ({ value: f.id, label: f.name }))}>
            <RadioGroup
              errors={errors}
              name="level"
              label={t('cooperation.dossiers.level')}
              value={values?.level ?? 'read'}
              options={dossierLevels.map((l) => ({ value: l, label: t(`cooperation.dossiers.level.${l}`) }))}
            />
          </ShareOne>
        ) : (
          <Paragraph>{t('cooperation.dossiers.noFolders')}</Paragraph>
        ))
      }
    >
      <Contribute {...props} />
      {dossiers.map((d) => (
        <Shared
          id={`dossier-${d.id}`}
          title={d.folderName}
          by={`${t('cooperation.dossiers.sharedBy', { council: d.sharedByName })} · ${t(`cooperation.dossiers.level.${d.level}`)}`}
          closed={!d.own && !detail.inForce && t('cooperation.dossiers.closed')}
        >
          <LinkList
            items={d.documents.map((doc) => ({
              href: `/${council.slug}/werkruimte/documenten/${doc.id}`,
              label: doc.title,
              after: doc.sharedBy ? ` (${t('cooperation.dossiers.sharedBy', { council: doc.sharedBy })})` : undefined,
            }))}
            empty={t('cooperation.dossiers.noDocuments')}
          />
          {d.own && detail.may.manage && <ActionForm action={`${base}/dossiers/${d.id}/stoppen`} button={t('cooperation.dossiers.stop')} object={d.folderName} inline />}
        </Shared>
      ))}
    </PartSection>
  );
}

/**
 * One thing a party shares with the agreement (a dossier, a consultation): a heading, who shared
 * it, then its contents; for the other parties `closed` replaces them while the agreement is not in force.
 */
function Shared(props: { id: string; title: string; by: string; closed: string | false; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <Heading level={3} id={props.id}>
        {props.title}
      </Heading>
      <Paragraph>{props.by}</Paragraph>
      {props.closed ? <Alert type="info">{props.closed}</Alert> : props.children}
    </section>
  );
}

/** A partner adds a document of its own to a "contribute" dossier of another party. */
function Contribute({ ctx, actor, detail, dossiers, base, errors, values }: Part) {
  const { t } = ctx;
  const open = dossiers.filter((d) => !d.own && d.level === 'contribute');
  if (!detail.inForce || !open.length || !can(actor, 'documents.upload')) return null;
  const choices = open.map((d) => ({ value: d.id, label: `${d.folderName} (${d.sharedByName})` }));
  return (
    <>
      <Heading level={3}>{t('cooperation.contribute.title')}</Heading>
      <Paragraph>{t('cooperation.contribute.intro')}</Paragraph>
      <Form action={`${base}/bijdragen`} multipart>
        <Choose ctx={ctx} errors={errors} values={values} name="dossierId" label={t('cooperation.contribute.dossier')} options={choices} />
        <TextField errors={errors} name="documentTitle" label={t('cooperation.contribute.titleField')} value={values?.documentTitle} optional />
        <FileField errors={errors} name={CONTRIBUTE_FILE} label={t('cooperation.contribute.file')} accept=".pdf,.docx,.odt,application/pdf" />
        <Button variant="secondary">{t('cooperation.contribute.submit')}</Button>
      </Form>
    </>
  );
}

function JointMeetings(part: Part) {
  const { ctx, council, detail, meetings, base, errors, values } = part;
  const { t } = ctx;
  const mayPlan = detail.may.manage && detail.inForce;
  const year = jointYear(meetings);
  return (
    <PartSection
      part="meetings"
      items={meetings}
      after={
        mayPlan && (
          <>
            <Paragraph>{t('cooperation.meetings.rule')}</Paragraph>
            {year.short ? (
              <Alert type="warning">{t('cooperation.meetings.short', { year: year.year, planned: year.planned })}</Alert>
            ) : (
              <Paragraph>{t('cooperation.meetings.enough', { year: year.year, planned: year.planned })}</Paragraph>
            )}
            <Heading level={3}>{t('cooperation.meetings.plan')}</Heading>
            <Form action={`${base}/vergaderingen`}>
              <MeetingFields errors={errors} values={values?.startTime !== undefined ? values : undefined} />
              <Button variant="secondary">{t('cooperation.meetings.submit')}</Button>
            </Form>
            <NetworkInvite {...part} />
          </>
        )
      }
    >
      <JointMeetingList
        ctx={ctx}
        meetings={meetings}
        href={(m) => (m.own ? `/${council.slug}/werkruimte/vergaderingen/${m.id}` : null)}
        action={(m) =>
          m.waitingForUs && detail.may.manage ? (
            <ActionForm action={`${base}/vergaderingen/${m.id}/aanvaarden`} button={t('cooperation.meetings.accept')} object={m.title} variant="primary" />
          ) : (
            <Attendance ctx={ctx} meeting={m} action={`${base}/vergaderingen/${m.id}/aanwezigheid`} mayAnswer={!m.own && !m.waitingForUs && detail.inForce && m.status === 'planned'} />
          )
        }
      />
    </PartSection>
  );
}

/** The planner's board invites contacts of its own network to a joint meeting it planned and that is still to come. */
function NetworkInvite({ ctx, meetings, contacts, base, errors, values }: Part) {
  const { t } = ctx;
  const open = meetings.filter((m) => m.own && m.status === 'planned');
  if (!open.length) return null;
  const choices = open.map((m) => ({ value: m.id, label: `${m.title} (${formatDateTime(m.startsAt, ctx.locale)})` }));
  return (
    <>
      <Heading level={3}>{t('cooperation.network.title')}</Heading>
      <Paragraph>{t('cooperation.network.intro')}</Paragraph>
      <Form action={`${base}/netwerk`}>
        <Choose ctx={ctx} errors={errors} values={values} name="meetingId" label={t('cooperation.network.meeting')} options={choices} />
        <CheckboxGroup
          errors={errors}
          name="contactIds"
          label={t('cooperation.network.contacts')}
          options={contacts.map((c) => ({ value: c.id, label: t('cooperation.network.contact', { name: c.name, organisation: c.organisation }) }))}
          checked={values?.contactIds ? [values.contactIds] : []}
          empty={t('cooperation.network.noContacts')}
        />
        {contacts.length > 0 && <Button variant="secondary">{t('cooperation.network.submit')}</Button>}
      </Form>
    </>
  );
}

/** How many come; a partner's member says whether they come (the planner's members do so on the meeting's own page). */
function Attendance({ ctx, meeting, action, mayAnswer }: { ctx: Part['ctx']; meeting: JointMeeting; action: string; mayAnswer: boolean }) {
  const { t } = ctx;
  return (
    <>
      <Paragraph>{t('cooperation.meetings.coming', { n: String(meeting.coming) })}</Paragraph>
      {mayAnswer && (
        <>
          <Paragraph>
            {t('cooperation.meetings.attend')}
            {meeting.myAnswer && ` ${t(`cooperation.meetings.answer.${meeting.myAnswer}`)}.`}
          </Paragraph>
          {attendanceAnswers.map((a) => (
            <ActionForm
              action={action}
              name="answer"
              value={a}
              button={t(`cooperation.meetings.answer.${a}`)}
              object={meeting.title}
              variant={meeting.myAnswer === a ? 'primary' : 'secondary'}
              inline
            />
          ))}
        </>
      )}
    </>
  );
}

function OwnAdvice({ ctx, council, detail, sources, base, errors, values }: Part) {
  const { t } = ctx;
  if (!detail.may.manage || !detail.inForce) return null;
  const addressee = t(council.kind === 'clientenraad' ? 'cooperation.advice.to.bestuur' : 'cooperation.advice.to.college');
  return (
    <Section id="advies" title={t('cooperation.advice.title')} intro={t('cooperation.advice.intro', { addressee })}>
      <Form action={`${base}/advies`}>
        <TextField errors={errors} name="subject" label={t('cooperation.advice.subject')} value={values?.subject} />
        <TextArea errors={errors} name="question" label={t('cooperation.advice.question')} value={values?.question} rows={4} />
        <SelectField
          errors={errors}
          name="policyField"
          label={t('cooperation.advice.policyField')}
          value={values?.policyField ?? 'wmo'}
          options={policyFields.map((f) => ({ value: f, label: t(`advice.policyField.${f}`) }))}
        />
        <CheckboxGroup
          errors={errors}
          name="sources"
          label={t('cooperation.advice.sources')}
          options={sources.map((s) => ({ value: s.key, label: t(`cooperation.advice.source.${s.kind}`, { title: s.title, owner: s.ownerName }) }))}
          checked={values?.sources ? [values.sources] : []}
          empty={t('cooperation.advice.noSources')}
        />
        <Button variant="secondary">{t('cooperation.advice.submit')}</Button>
      </Form>
    </Section>
  );
}

/** A choice of the page's own things (a dossier, a meeting), keeping what was posted when the page comes back with a message. */
function Choose(props: Pick<Part, 'ctx' | 'errors' | 'values'> & { name: string; label: string; options: { value: string; label: string }[] }) {
  return <SelectField errors={props.errors} name={props.name} label={props.label} value={props.values?.[props.name]} options={props.options} />;
}

/** The parts the agreement's partners share, and the id of each one's section. */
const partIds = { dossiers: 'dossiers', meetings: 'vergaderingen', experiences: 'ervaringen' } as const;

/** A section of a shared part: title, intro and empty text by the catalogue's convention `cooperation.{part}.title` and so on. */
function PartSection({ part, items, after, children }: { part: keyof typeof partIds; items: readonly unknown[]; after: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePageCtx();
  return (
    <Section id={partIds[part]} title={t(`cooperation.${part}.title`)} intro={t(`cooperation.${part}.intro`)} empty={t(`cooperation.${part}.empty`)} items={items} after={after}>
      {children}
    </Section>
  );
}

/** Where a share is posted below the agreement, the field that names the shared thing, and its label. */
const shares = {
  dossiers: { path: 'dossiers', name: 'folderId', label: 'cooperation.dossiers.folder' },
  experiences: { path: 'raadplegingen', name: 'consultationId', label: 'cooperation.experiences.consultation' },
} as const;

/** A party shares one of its own (a folder, a consultation) with the agreement: a heading and a one-choice form. */
function ShareOne(props: Part & { what: keyof typeof shares; options: { value: string; label: string }[]; children?: ComponentChildren }) {
  const { ctx, what } = props;
  const { path, name, label } = shares[what];
  return (
    <>
      <Heading level={3}>{ctx.t(`cooperation.${what}.share`)}</Heading>
      <ChooseOneForm
        action={`${props.base}/${path}`}
        name={name}
        label={ctx.t(label)}
        errors={props.errors}
        value={props.values?.[name]}
        options={props.options}
        button={ctx.t(`cooperation.${what}.submit`)}
      >
        {props.children}
      </ChooseOneForm>
    </>
  );
}

function Experiences(props: Part) {
  const { ctx, detail, consultations, ownRounds } = props;
  const { t } = ctx;
  const mayShare = detail.may.manage && detail.agreement.state !== 'draft' && ownRounds.length > 0;
  return (
    <PartSection part="experiences" items={consultations} after={mayShare && <ShareOne {...props} what="experiences" options={ownRounds.map((c) => ({ value: c.id, label: c.topic }))} />}>
      {consultations.map((c) => (
        <Shared
          id={`raadpleging-${c.id}`}
          title={c.topic}
          by={t('cooperation.dossiers.sharedBy', { council: c.sharedByName })}
          closed={!c.own && !detail.inForce && t('cooperation.experiences.closed')}
        >
          {c.experiences.length ? (
            <ul class="utrecht-unordered-list">
              {c.experiences.map((e) => (
                <li class="utrecht-unordered-list__item" lang="nl">
                  {e.text}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('cooperation.experiences.none')}</Paragraph>
          )}
        </Shared>
      ))}
    </PartSection>
  );
}
