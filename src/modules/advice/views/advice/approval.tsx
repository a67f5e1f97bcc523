/**
 * Step 4: the approval round. Members read the concept first and vote below it; until the round
 * closes they may change their vote. The chair sees the tally and adopts or reopens.
 */
import { formatDate, formatDateTime } from '../../../../core/i18n/index.ts';
import { Heading, Paragraph, Link, Button, ButtonGroup, Table, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm, Form, TextArea } from '../../../../ui/components/form.tsx';
import { votes } from '../../advice.schema.ts';
import { AdviceTexts, Recommendations, type StepProps } from './shared.tsx';
import { EnumRadios } from '../../../../ui/components/choice.tsx';

export function ApprovalStep(props: StepProps) {
  const { ctx, detail } = props;
  const t = ctx.t;
  const { advice, approval } = detail;
  const closes = approval.closesAt ? formatDateTime(approval.closesAt, ctx.locale) : '-';
  if (approval.round === 0) return <Paragraph>{t('advice.approval.none')}</Paragraph>;
  return (
    <>
      {advice.status === 'in_approval' && <Paragraph>{t('advice.approval.round', { round: approval.round, closes })}</Paragraph>}
      {approval.open === 'closed' && <Paragraph>{t('advice.approval.closed')}</Paragraph>}
      {advice.adoptedAt && <Paragraph>{t('advice.approval.adoptedOn', { date: formatDate(advice.adoptedAt, ctx.locale) })}</Paragraph>}
      {advice.status === 'in_approval' && (
        <>
          <Heading level={3}>{t('advice.approval.readFirst')}</Heading>
          <AdviceTexts advice={advice} />
          <Heading level={3}>{t('advice.detail.recommendations')}</Heading>
          <Recommendations path={props.path} recommendations={detail.recommendations} sent={false} />
          <YourVote {...props} closes={closes} />
        </>
      )}
      {detail.may.seeTally && <Tally {...props} />}
    </>
  );
}

/** The member's vote: the form, or what they voted with a way to change it while the round is open. */
function YourVote({ ctx, detail, path, errors, values, full, closes }: StepProps & { closes: string }) {
  const t = ctx.t;
  const { approval, may } = detail;
  const mine = approval.myVote;
  const showForm = may.vote || (may.changeVote && full);
  if (!mine && !showForm) return null;
  const v = values ?? {};
  return (
    <Section id="stem" title={t('advice.vote.title')} level={3}>
      {mine && (
        <Paragraph>
          {t('advice.vote.yours', { vote: t(`advice.vote.${mine.vote}`).toLowerCase() })}
          {may.changeVote && !full && (
            <>
              {' '}
              <Link href={`${path}?stap=stemronde#stem`}>{t('advice.vote.change')}</Link>
            </>
          )}
        </Paragraph>
      )}
      {mine && may.changeVote && full && <Paragraph>{t('advice.vote.changeHint', { closes })}</Paragraph>}
      {showForm && (
        <Form action={`${path}/stem`}>
          <EnumRadios errors={errors} name="vote" label={t('advice.vote.label')} value={v.vote ?? mine?.vote} values={votes} prefix="advice.vote" />
          <TextArea errors={errors} name="remark" label={t('advice.vote.remark')} hint={t('advice.vote.remarkHint')} value={v.remark ?? mine?.remark} optional rows={4} />
          <Button>{t(mine ? 'advice.vote.changeButton' : 'advice.vote.button')}</Button>
        </Form>
      )}
    </Section>
  );
}

/** For the chair: the counts, every vote with its remark, and the decision. */
function Tally({ ctx, council, detail, path }: StepProps) {
  const t = ctx.t;
  const { approval, may } = detail;
  if (!approval.tally) return null;
  return (
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
      {(may.adopt || may.reopen) && (
        <ButtonGroup>
          {may.adopt && <ActionForm action={`${path}/vaststellen`} button={t('advice.adopt.button')} variant="primary" inline />}
          {may.reopen && <ActionForm action={`${path}/heropenen`} button={t('advice.reopen.button')} inline />}
        </ButtonGroup>
      )}
    </>
  );
}
