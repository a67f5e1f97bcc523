import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge, Alert, TextBlock, DataList } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, SelectField, RadioGroup, FormPageTop, FileField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, formatDateTime, isMessageKey, type MessageKey } from '../../../core/i18n/index.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { addressees, answers, policyFields, votes, type Recommendation, publications } from '../advice.schema.ts';
import type { AdviceState } from '../advice.workflow.ts';
import type { AdviceDetail, AdviceListRow } from '../advice.queries.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

const listPath = (council: Council) => `/${council.slug}/werkruimte/adviezen`;
const filterStates = ['requested', 'initiated', 'drafting', 'concept', 'in_approval', 'adopted', 'sent', 'answered', 'withdrawn', 'overdue'] as const;

export function AdviceStatusBadge({ ctx, status, overdue }: { ctx: PageCtx; status: AdviceState; overdue?: boolean }) {
  const look = status === 'answered' ? 'success' : status === 'withdrawn' ? 'inactive' : status === 'in_approval' ? 'warning' : 'neutral';
  return (
    <>
      <StatusBadge status={look}>{ctx.t(`advice.status.${status}`)}</StatusBadge>
      {overdue && (
        <>
          {' '}
          <StatusBadge status="danger">{ctx.t('advice.status.overdue')}</StatusBadge>
        </>
      )}
    </>
  );
}

export function AdviceListPage({ ctx, council, actor, rows, status }: Props & { rows: AdviceListRow[]; status: string | null }) {
  const t = ctx.t;
  const path = listPath(council);
  return (
    <WorkspaceFrame ctx={ctx} council={council} actor={actor} title={t('advice.list.title')} section={path} trail={[{ href: path, label: t('advice.list.title') }]}>
      <Heading level={1}>{t('advice.list.title')}</Heading>
      <Paragraph>{t('advice.list.intro')}</Paragraph>
      <ButtonGroup>
        {can(actor, 'advice.request') && <ButtonLink href={`${path}/aanvraag`}>{t('advice.list.request')}</ButtonLink>}
        {can(actor, 'advice.initiate') && (
          <ButtonLink href={`${path}/ongevraagd`} variant="secondary">
            {t('advice.list.initiate')}
          </ButtonLink>
        )}
      </ButtonGroup>
      <form method="get" action={path} class="rw-form">
        <SelectField
          ctx={ctx}
          name="status"
          label={t('advice.list.filter')}
          value={status ?? ''}
          options={[{ value: '', label: t('advice.status.all') }, ...filterStates.map((s) => ({ value: s, label: t(`advice.status.${s}`) }))]}
        />
        <Button variant="secondary">{t('advice.list.filterButton')}</Button>
      </form>
      <Table
        caption={t('advice.list.caption')}
        empty={t('advice.list.empty')}
        rows={rows}
        columns={[
          { header: t('advice.list.reference'), cell: (a) => a.reference },
          { header: t('advice.list.subject'), cell: (a) => <Link href={`${path}/${a.id}`}>{a.subject}</Link> },
          { header: t('advice.list.kind'), cell: (a) => t(`advice.kind.${a.kind}`) },
          { header: t('advice.list.status'), cell: (a) => <AdviceStatusBadge ctx={ctx} status={a.status} overdue={a.overdue} /> },
          {
            header: t('advice.list.deadline'),
            cell: (a) =>
              a.answerDueOn && (a.status === 'sent' || a.status === 'answered')
                ? t('advice.list.answerDue', { date: formatDate(a.answerDueOn, ctx.locale) })
                : a.neededBy
                  ? t('advice.list.neededBy', { date: formatDate(a.neededBy, ctx.locale) })
                  : '-',
          },
        ]}
      />
    </WorkspaceFrame>
  );
}

/** The request form (multipart, with documents) and the unsolicited-advice form. */
export function StartAdvicePage({ ctx, council, actor, kind, errors, values }: Props & { kind: 'requested' | 'unsolicited'; errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const list = listPath(council);
  const requested = kind === 'requested';
  const path = `${list}/${requested ? 'aanvraag' : 'ongevraagd'}`;
  const title = t(requested ? 'advice.request.title' : 'advice.initiate.title');
  const v = values ?? {};
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('advice.list.title') },
        { href: path, label: title },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={title} />
      <Paragraph>{t(requested ? 'advice.request.intro' : 'advice.initiate.intro')}</Paragraph>
      <Form ctx={ctx} action={requested ? `${path}?_csrf=${encodeURIComponent(ctx.csrfToken)}` : path} multipart={requested}>
        <TextField ctx={ctx} errors={errors} name="subject" label={t('advice.field.subject')} hint={t('advice.field.subjectHint')} value={v.subject} />
        <TextArea
          ctx={ctx}
          errors={errors}
          name="question"
          label={t(requested ? 'advice.field.question' : 'advice.field.reason')}
          hint={t(requested ? 'advice.field.questionHint' : 'advice.field.reasonHint')}
          value={v.question}
        />
        <RadioGroup ctx={ctx} errors={errors} name="policyField" label={t('advice.field.policyField')} value={v.policyField} options={policyFields.map((p) => ({ value: p, label: t(`advice.policyField.${p}`) }))} />
        <RadioGroup ctx={ctx} errors={errors} name="addressee" label={t('advice.field.addressee')} value={v.addressee ?? 'college'} options={addressees.map((a) => ({ value: a, label: t(`advice.addressee.${a}`) }))} />
        <TextField ctx={ctx} errors={errors} name="addresseeEmail" type="email" label={t('advice.field.addresseeEmail')} hint={t('advice.field.addresseeEmailHint')} value={v.addresseeEmail} optional />
        {requested && <TextField ctx={ctx} errors={errors} name="neededBy" type="date" label={t('advice.field.neededBy')} hint={t('advice.field.neededByHint')} value={v.neededBy} width="short" />}
        {requested && <FileField ctx={ctx} errors={errors} name="documents" label={t('advice.field.documents')} hint={t('advice.field.documentsHint')} optional multiple accept={DOCUMENT_TYPES} />}
        <Button>{t(requested ? 'advice.request.save' : 'advice.initiate.save')}</Button>
      </Form>
    </WorkspaceFrame>
  );
}

const DOCUMENT_TYPES = '.pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type AdviceNotice = 'created' | 'saved' | 'voted' | 'state' | 'sent';

function timelineLabel(ctx: PageCtx, action: string): string {
  const key = `advice.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : ctx.t('advice.action.other');
}

function stateLabel(ctx: PageCtx, s: string | null): string {
  const key = `advice.status.${s}`;
  return s && isMessageKey(key) ? ctx.t(key as MessageKey) : '-';
}

export function AdviceDetailPage(props: Props & { detail: AdviceDetail; related?: ComponentChildren[]; errors?: FieldErrors; values?: FormValues; notice?: AdviceNotice }) {
  const { ctx, council, actor, detail, errors, notice } = props;
  const { advice, recommendations, documents, timeline, approval } = detail;
  const t = ctx.t;
  const v = props.values ?? {};
  const list = listPath(council);
  const path = `${list}/${advice.id}`;
  const title = `${advice.reference}: ${advice.subject}`;
  const has = (a: (typeof detail.actions)[number]) => detail.actions.includes(a);
  const editable = (advice.status === 'drafting' || advice.status === 'concept') && can(actor, 'advice.manage');
  const hasLetter = ['adopted', 'sent', 'answered'].includes(advice.status);
  const mayAnswer = (advice.status === 'sent' || advice.status === 'answered') && can(actor, 'advice.answer') && !actor.isPlatformAdmin;
  const followUpRecs = recommendations.filter((r) => r.answer === 'adopted' || r.answer === 'partly');
  const noticeText =
    notice === 'created'
      ? t('advice.notice.created')
      : notice === 'saved'
        ? t('advice.notice.saved')
        : notice === 'voted'
          ? t('advice.notice.voted')
          : notice === 'sent' && advice.answerDueOn
            ? t('advice.notice.sent', { date: formatDate(advice.answerDueOn, ctx.locale) })
            : notice === 'state'
              ? t('advice.notice.state', { status: t(`advice.status.${advice.status}`) })
              : undefined;
  return (
    <WorkspaceFrame
      ctx={ctx}
      council={council}
      actor={actor}
      title={title}
      section={list}
      hasErrors={Boolean(errors)}
      trail={[
        { href: list, label: t('advice.list.title') },
        { href: path, label: advice.reference },
      ]}
    >
      <FormPageTop ctx={ctx} errors={errors} title={title} notice={noticeText} />
      <Paragraph>
        <AdviceStatusBadge ctx={ctx} status={advice.status} overdue={detail.overdue} />
      </Paragraph>
      {detail.overdue && advice.answerDueOn && (
        <Alert type="warning">
          <Paragraph>{t('advice.detail.overdue', { date: formatDate(advice.answerDueOn, ctx.locale) })}</Paragraph>
          <Paragraph>
            <Link href={`${path}/herinneringsbrief`}>{t('advice.detail.followUpLetter')}</Link>
          </Paragraph>
        </Alert>
      )}

      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          {t('advice.detail.overview')}
        </Heading>
        <DataList
          items={[
            { key: t('advice.detail.kind'), value: t(`advice.kind.${advice.kind}`) },
            { key: t('advice.field.policyField'), value: t(`advice.policyField.${advice.policyField}`) },
            { key: t('advice.field.addressee'), value: t(`advice.addressee.${advice.addressee}`) },
            { key: t('advice.detail.question'), value: <TextBlock text={advice.question} /> },
            { key: t('advice.detail.neededBy'), value: advice.neededBy ? formatDate(advice.neededBy, ctx.locale) : '-' },
            { key: t('advice.detail.workingGroup'), value: detail.workingGroup?.name ?? t('advice.detail.none') },
            { key: t('advice.detail.sentAt'), value: advice.sentAt ? formatDate(advice.sentAt, ctx.locale) : t('advice.detail.none') },
            { key: t('advice.detail.answerDueOn'), value: advice.answerDueOn ? formatDate(advice.answerDueOn, ctx.locale) : '-' },
          ]}
        />
        {hasLetter && (
          <ButtonGroup>
            <ButtonLink href={`${path}/brief`} variant="secondary">
              {t('advice.detail.letter')}
            </ButtonLink>
            <ButtonLink href={`${path}/brief.pdf`} variant="secondary">
              {t('advice.detail.letterPdf')}
            </ButtonLink>
          </ButtonGroup>
        )}
      </section>

      <section aria-labelledby="veld-form">
        <h2 class="utrecht-heading-2 nl-heading nl-heading--level-2" id="veld-form" tabindex={-1}>
          {t('advice.detail.actions')}
        </h2>
        {(advice.status === 'drafting' || detail.draftVersions > 0) && actorIsCouncil(actor) && (
          <Paragraph>
            <Link href={`${path}/versies`}>{t('advice.detail.versions', { n: detail.draftVersions })}</Link>
          </Paragraph>
        )}
        {has('assign') && (
          <>
            <Heading level={3}>{t('advice.assign.title')}</Heading>
            {detail.workingGroups.length === 0 ? (
              <Paragraph>{t('advice.assign.noGroups')}</Paragraph>
            ) : (
              <Form ctx={ctx} action={`${path}/toewijzen`}>
                <SelectField
                  ctx={ctx}
                  errors={errors}
                  name="workingGroupId"
                  label={t('advice.assign.label')}
                  hint={t('advice.assign.hint')}
                  value={v.workingGroupId ?? advice.workingGroupId ?? ''}
                  options={detail.workingGroups.map((g) => ({ value: g.id, label: g.name }))}
                />
                <Button variant="secondary">{t('advice.assign.button')}</Button>
              </Form>
            )}
          </>
        )}
        {has('toConcept') && (
          <Form ctx={ctx} action={`${path}/concept`}>
            <Paragraph>{t('advice.concept.hint')}</Paragraph>
            <Button>{t('advice.concept.button')}</Button>
          </Form>
        )}
        {has('openApproval') && (
          <>
            <Heading level={3}>{t('advice.approval.title')}</Heading>
            <Paragraph>{t('advice.approval.intro')}</Paragraph>
            <Paragraph>{t(`advice.approval.rule.${council.adviceApprovalRule}`)}</Paragraph>
            <Form ctx={ctx} action={`${path}/stemronde`}>
              <TextField ctx={ctx} errors={errors} name="closesOn" type="date" label={t('advice.approval.closesOn')} hint={t('advice.field.neededByHint')} value={v.closesOn} width="short" />
              <TextField ctx={ctx} errors={errors} name="closesTime" label={t('advice.approval.closesTime')} hint={t('advice.approval.closesTimeHint')} value={v.closesTime ?? '17:00'} width="short" />
              <Button>{t('advice.approval.button')}</Button>
            </Form>
          </>
        )}
        {advice.status === 'in_approval' && <ApprovalSection {...props} />}
        {has('send') && (
          <Form ctx={ctx} action={`${path}/versturen`}>
            <Paragraph>{t('advice.send.hint', { to: advice.addresseeEmail || council.contactEmail })}</Paragraph>
            <Button>{t('advice.send.button')}</Button>
          </Form>
        )}
        {has('withdraw') && (
          <Form ctx={ctx} action={`${path}/intrekken`}>
            <Button variant="secondary" danger>
              {t('advice.withdraw.button')}
            </Button>
          </Form>
        )}
      </section>

      {editable && (
        <section aria-labelledby="tekst">
          <Heading level={2} id="tekst">
            {t('advice.detail.texts')}
          </Heading>
          <Form ctx={ctx} action={`${path}/tekst`}>
            <TextArea ctx={ctx} errors={errors} name="introduction" label={t('advice.detail.introduction')} value={v.introduction ?? advice.introduction} optional rows={6} />
            <TextArea ctx={ctx} errors={errors} name="explanation" label={t('advice.detail.explanation')} value={v.explanation ?? advice.explanation} optional rows={10} />
            <Button variant="secondary">{t('advice.texts.button')}</Button>
          </Form>
        </section>
      )}
      {!editable && (advice.introduction || advice.explanation) && (
        <section aria-labelledby="tekst">
          <Heading level={2} id="tekst">
            {t('advice.detail.texts')}
          </Heading>
          {advice.introduction && (
            <>
              <Heading level={3}>{t('advice.detail.introduction')}</Heading>
              <TextBlock text={advice.introduction} />
            </>
          )}
          {advice.explanation && (
            <>
              <Heading level={3}>{t('advice.detail.explanation')}</Heading>
              <TextBlock text={advice.explanation} />
            </>
          )}
        </section>
      )}

      {/* What other modules show here (the slot 'advice.detail.related'), such as the signals that led to this advice. */}
      {props.related}

      <section aria-labelledby="aanbevelingen">
        <Heading level={2} id="aanbevelingen">
          {t('advice.detail.recommendations')}
        </Heading>
        {recommendations.length === 0 && <Paragraph>{t('advice.detail.noRecommendations')}</Paragraph>}
        {recommendations.length > 0 && (
          <ol class="utrecht-ordered-list rw-recommendations">
            {recommendations.map((r, i) => (
              <li class="utrecht-ordered-list__item">
                {editable ? <RecommendationEditor ctx={ctx} path={path} rec={r} first={i === 0} last={i === recommendations.length - 1} /> : <RecommendationView ctx={ctx} rec={r} sent={advice.sentAt !== null} />}
              </li>
            ))}
          </ol>
        )}
        {editable && (
          <Form ctx={ctx} action={`${path}/aanbevelingen`}>
            <TextArea ctx={ctx} errors={errors} name="text" label={t('advice.rec.text')} value={v.text} rows={3} />
            <Button variant="secondary">{t('advice.rec.add')}</Button>
          </Form>
        )}
      </section>

      {mayAnswer && recommendations.length > 0 && (
        <section aria-labelledby="antwoord">
          <Heading level={2} id="antwoord">
            {t('advice.answers.title')}
          </Heading>
          <Paragraph>{t('advice.answers.intro')}</Paragraph>
          <Form ctx={ctx} action={`${path}/antwoorden`}>
            {recommendations.map((r) => (
              <>
                <SelectField
                  ctx={ctx}
                  errors={errors}
                  name={`answer-${r.id}`}
                  label={t('advice.answers.answer', { n: r.number })}
                  hint={r.text.length > 300 ? `${r.text.slice(0, 300)}…` : r.text}
                  value={v[`answer-${r.id}`] ?? r.answer}
                  options={answers.map((a) => ({ value: a, label: t(`advice.answer.${a}`) }))}
                />
                <TextArea ctx={ctx} errors={errors} name={`reason-${r.id}`} label={t('advice.answers.reason', { n: r.number })} value={v[`reason-${r.id}`] ?? r.answerReason} optional rows={3} />
              </>
            ))}
            <Button>{t('advice.answers.button')}</Button>
          </Form>
        </section>
      )}

      {(advice.status === 'sent' || advice.status === 'answered') && can(actor, 'advice.manage') && followUpRecs.length > 0 && (
        <section aria-labelledby="opvolging">
          <Heading level={2} id="opvolging">
            {t('advice.followUp.title')}
          </Heading>
          <Paragraph>{t('advice.followUp.intro')}</Paragraph>
          <Form ctx={ctx} action={`${path}/opvolging`}>
            <SelectField
              ctx={ctx}
              errors={errors}
              name="recommendationId"
              label={t('advice.followUp.recommendation')}
              value={v.recommendationId}
              options={followUpRecs.map((r) => ({ value: r.id, label: `${r.number}. ${r.text.slice(0, 80)}` }))}
            />
            <TextArea ctx={ctx} errors={errors} name="followUp" label={t('advice.followUp.text')} value={v.followUp} rows={4} />
            <TextField ctx={ctx} errors={errors} name="reviewOn" type="date" label={t('advice.followUp.reviewOn')} hint={t('advice.field.neededByHint')} value={v.reviewOn} optional width="short" />
            <Button variant="secondary">{t('advice.followUp.button')}</Button>
          </Form>
        </section>
      )}

      {can(actor, 'advice.manage') && advice.status !== 'withdrawn' && (
        <section aria-labelledby="publicatie">
          <Heading level={2} id="publicatie">
            {t('advice.publication.title')}
          </Heading>
          <Paragraph>{t('advice.publication.intro')}</Paragraph>
          <Form ctx={ctx} action={`${path}/publicatie`}>
            <RadioGroup
              ctx={ctx}
              errors={errors}
              name="publication"
              label={t('advice.publication.choice')}
              value={v.publication ?? advice.publication}
              options={publications.map((p) => ({ value: p, label: t(`advice.publication.${p}`) }))}
            />
            <TextArea ctx={ctx} errors={errors} name="publicationGround" label={t('advice.publication.ground')} hint={t('advice.publication.groundHint')} value={v.publicationGround ?? advice.publicationGround} rows={3} optional />
            <TextField ctx={ctx} errors={errors} name="publishAfter" type="date" label={t('advice.publication.after')} hint={t('advice.field.neededByHint')} value={v.publishAfter ?? advice.publishAfter ?? ''} optional width="short" />
            <Button variant="secondary">{t('advice.publication.button')}</Button>
          </Form>
        </section>
      )}

      <section aria-labelledby="documenten">
        <Heading level={2} id="documenten">
          {t('advice.detail.documents')}
        </Heading>
        {documents.length === 0 ? (
          <Paragraph>{t('advice.detail.noDocuments')}</Paragraph>
        ) : (
          <ul class="utrecht-unordered-list">
            {documents.map((d) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`${path}/documenten/${d.id}`}>{d.filename}</Link> ({t(`advice.detail.documentKind.${d.kind}`)}, {Math.max(1, Math.round(d.size / 1024))} kB)
              </li>
            ))}
          </ul>
        )}
        {(can(actor, 'advice.manage') || ((advice.status === 'sent' || advice.status === 'answered') && can(actor, 'advice.answer'))) && (
          <Form ctx={ctx} action={`${path}/documenten?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
            <Heading level={3}>{t('advice.detail.upload')}</Heading>
            <FileField ctx={ctx} errors={errors} name="documents" label={t('advice.field.documents')} hint={t('advice.field.documentsHint')} multiple accept={DOCUMENT_TYPES} />
            <RadioGroup
              ctx={ctx}
              errors={errors}
              name="kind"
              label={t('advice.detail.uploadKind')}
              value={advice.status === 'sent' || advice.status === 'answered' ? 'answer_letter' : 'other'}
              options={[
                ...(advice.status === 'sent' || advice.status === 'answered' ? [{ value: 'answer_letter', label: t('advice.answerLetter.kind') }] : []),
                ...(can(actor, 'advice.manage') ? [{ value: 'other', label: t('advice.answerLetter.other') }] : []),
              ]}
            />
            <Button variant="secondary">{t('advice.detail.uploadButton')}</Button>
          </Form>
        )}
      </section>

      <section aria-labelledby="geschiedenis">
        <Heading level={2} id="geschiedenis">
          {t('advice.detail.timeline')}
        </Heading>
        <Table
          caption={t('advice.detail.timelineCaption')}
          rows={timeline}
          rowHeader={false}
          columns={[
            { header: t('advice.detail.when'), cell: (e) => formatDateTime(e.at, ctx.locale) },
            { header: t('advice.detail.who'), cell: (e) => e.who ?? t('advice.detail.system') },
            {
              header: t('advice.detail.what'),
              cell: (e) => (
                <>
                  {timelineLabel(ctx, e.action)}
                  {e.to && e.from !== e.to && (
                    <>
                      {' '}
                      ({e.from ? t('advice.detail.fromTo', { from: stateLabel(ctx, e.from), to: stateLabel(ctx, e.to) }) : stateLabel(ctx, e.to)})
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      </section>
      <Paragraph>
        <Link href={list}>{t('advice.detail.back')}</Link>
      </Paragraph>
    </WorkspaceFrame>
  );
}

function actorIsCouncil(actor: Actor): boolean {
  return actor.isPlatformAdmin || actor.role === 'chair' || actor.role === 'secretary' || actor.role === 'member';
}

function RecommendationView({ ctx, rec, sent }: { ctx: PageCtx; rec: Recommendation; sent: boolean }) {
  const t = ctx.t;
  return (
    <div>
      <TextBlock text={rec.text} />
      {sent && (
        <p class="utrecht-paragraph">
          <StatusBadge status={rec.answer === 'adopted' ? 'success' : rec.answer === 'not_adopted' ? 'danger' : rec.answer === 'partly' ? 'warning' : 'neutral'}>{t(`advice.answer.${rec.answer}`)}</StatusBadge>
          {rec.answerReason && <> {rec.answerReason}</>}
        </p>
      )}
      {rec.followUp && <p class="utrecht-paragraph">{t('advice.followUp.current', { text: rec.followUp })}</p>}
      {rec.reviewOn && <p class="utrecht-paragraph">{t('advice.followUp.review', { date: formatDate(rec.reviewOn, ctx.locale) })}</p>}
    </div>
  );
}

function RecommendationEditor({ ctx, path, rec, first, last }: { ctx: PageCtx; path: string; rec: Recommendation; first: boolean; last: boolean }) {
  const t = ctx.t;
  const id = `aanbeveling-${rec.id}`;
  return (
    <Form ctx={ctx} action={`${path}/aanbevelingen/${rec.id}`}>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={id}>
            {t('advice.rec.number', { n: rec.number })}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <textarea id={id} class="utrecht-textarea utrecht-textarea--html-textarea" name="text" rows={3}>
            {rec.text}
          </textarea>
        </div>
      </div>
      <ButtonGroup>
        <Button variant="secondary" name="actie" value="opslaan">
          {t('advice.rec.save')}
        </Button>
        {!first && (
          <Button variant="subtle" name="actie" value="omhoog">
            {t('advice.rec.up')}
          </Button>
        )}
        {!last && (
          <Button variant="subtle" name="actie" value="omlaag">
            {t('advice.rec.down')}
          </Button>
        )}
        <Button variant="subtle" danger name="actie" value="verwijderen">
          {t('advice.rec.remove')}
        </Button>
      </ButtonGroup>
    </Form>
  );
}

function ApprovalSection(props: Props & { detail: AdviceDetail; errors?: FieldErrors; values?: FormValues }) {
  const { ctx, council, detail, errors } = props;
  const { advice, approval } = detail;
  const t = ctx.t;
  const v = props.values ?? {};
  const path = `${listPath(council)}/${advice.id}`;
  const closes = approval.closesAt ? formatDateTime(approval.closesAt, ctx.locale) : '-';
  return (
    <>
      <Paragraph>{t('advice.approval.round', { round: approval.round, closes })}</Paragraph>
      {approval.open === 'closed' && <Paragraph>{t('advice.approval.closed')}</Paragraph>}
      {approval.myVote && <Paragraph>{t('advice.vote.yours', { vote: t(`advice.vote.${approval.myVote.vote}`).toLowerCase() })}</Paragraph>}
      {approval.mayVote && (
        <>
          <Heading level={3}>{t('advice.vote.title')}</Heading>
          <Form ctx={ctx} action={`${path}/stem`}>
            <RadioGroup ctx={ctx} errors={errors} name="vote" label={t('advice.vote.label')} value={v.vote} options={votes.map((x) => ({ value: x, label: t(`advice.vote.${x}`) }))} />
            <TextArea ctx={ctx} errors={errors} name="remark" label={t('advice.vote.remark')} hint={t('advice.vote.remarkHint')} value={v.remark} optional rows={4} />
            <Button>{t('advice.vote.button')}</Button>
          </Form>
        </>
      )}
      {approval.tally && (
        <>
          <Heading level={3}>{t('advice.tally.title')}</Heading>
          <Paragraph>{t(`advice.approval.rule.${council.adviceApprovalRule}`)}</Paragraph>
          <Table
            caption={t('advice.tally.countsCaption')}
            rows={[
              { label: t('advice.vote.agree'), n: approval.tally.agree },
              { label: t('advice.vote.agree_with_remark'), n: approval.tally.agreeWithRemark },
              { label: t('advice.vote.object'), n: approval.tally.object },
              { label: t('advice.tally.notVoted'), n: approval.tally.notVoted },
            ]}
            columns={[
              { header: t('advice.tally.vote'), cell: (r) => r.label },
              { header: t('advice.tally.count'), cell: (r) => String(r.n), numeric: true },
            ]}
          />
          <Paragraph>
            <strong>{t(approval.tally.passes ? 'advice.tally.passes' : 'advice.tally.fails')}</strong>
          </Paragraph>
          {approval.votes && approval.votes.length > 0 && (
            <Table
              caption={t('advice.tally.caption')}
              rows={approval.votes}
              columns={[
                { header: t('advice.tally.member'), cell: (x) => x.name },
                { header: t('advice.tally.vote'), cell: (x) => t(`advice.vote.${x.vote}`) },
                { header: t('advice.tally.remark'), cell: (x) => x.remark || '-' },
              ]}
            />
          )}
          <ButtonGroup>
            {detail.actions.includes('adopt') && (
              <Form ctx={ctx} action={`${path}/vaststellen`} class="rw-inline-form">
                <Button>{t('advice.adopt.button')}</Button>
              </Form>
            )}
            {detail.actions.includes('reopen') && (
              <Form ctx={ctx} action={`${path}/heropenen`} class="rw-inline-form">
                <Button variant="secondary">{t('advice.reopen.button')}</Button>
              </Form>
            )}
          </ButtonGroup>
        </>
      )}
    </>
  );
}
