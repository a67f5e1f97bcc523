import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, ButtonLink, ButtonGroup, Table, StatusBadge, Alert, TextBlock, DataList } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, SelectField, RadioGroup, CheckboxField, FormPageTop } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, formatDateTime, isMessageKey, type MessageKey } from '../../../core/i18n/index.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { policyFields } from '../../advice/index.ts';
import { recordedSources, signalAreas, signalOutcomes, signalSinces } from '../signals.schema.ts';
import { signalStates, type SignalState } from '../signals.workflow.ts';
import type { SignalDetail, SignalListRow } from '../signals.queries.ts';
import type { ListFilter } from '../signals.forms.ts';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };

export const signalsPath = (council: Council) => `/${council.slug}/werkruimte/signalen`;

/** The frame of every signals page: breadcrumb to the list, then this page. */
export function SignalsFrame(props: Props & { title: string; href?: string; hasErrors?: boolean; children: preact.ComponentChildren }) {
  const list = signalsPath(props.council);
  const t = props.ctx.t;
  const trail = [{ href: list, label: t('signals.list.title') }, ...(props.href ? [{ href: props.href, label: props.title }] : [])];
  return (
    <WorkspaceFrame ctx={props.ctx} council={props.council} actor={props.actor} title={props.title} section={list} hasErrors={props.hasErrors} trail={trail}>
      {props.children}
    </WorkspaceFrame>
  );
}

export function SignalStatusBadge({ ctx, status }: { ctx: PageCtx; status: SignalState }) {
  const look = status === 'closed' ? 'success' : status === 'duplicate' ? 'inactive' : status === 'new' ? 'warning' : 'neutral';
  return <StatusBadge status={look}>{ctx.t(`signals.status.${status}`)}</StatusBadge>;
}

/** Sub navigation of the signals pages, by right. */
function SignalsLinks({ ctx, council, actor }: Props) {
  const list = signalsPath(council);
  const t = ctx.t;
  const links = [
    can(actor, 'signals.view') && { href: `${list}/themas`, label: t('signals.themes.title') },
    can(actor, 'signals.contact') && { href: `${list}/inzage`, label: t('signals.export.title') },
    can(actor, 'signals.accessLog') && { href: `${list}/toegangslog`, label: t('signals.accessLog.title') },
    can(actor, 'signals.settings') && { href: `${list}/instellingen`, label: t('signals.settings.title') },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <ul class="utrecht-unordered-list rw-inline-list">
      {links.map((l) => (
        <li class="utrecht-unordered-list__item">
          <Link href={l.href}>{l.label}</Link>
        </li>
      ))}
    </ul>
  );
}

export function SignalListPage({ ctx, council, actor, rows, filter, themes }: Props & { rows: SignalListRow[]; filter: ListFilter; themes: { id: string; name: string }[] }) {
  const t = ctx.t;
  const path = signalsPath(council);
  return (
    <SignalsFrame ctx={ctx} council={council} actor={actor} title={t('signals.list.title')}>
      <Heading level={1}>{t('signals.list.title')}</Heading>
      <Paragraph>{t('signals.list.intro')}</Paragraph>
      {can(actor, 'signals.record') && (
        <ButtonGroup>
          <ButtonLink href={`${path}/nieuw`}>{t('signals.list.record')}</ButtonLink>
        </ButtonGroup>
      )}
      <SignalsLinks ctx={ctx} council={council} actor={actor} />
      <form method="get" action={path} class="rw-form">
        <SelectField
          ctx={ctx}
          name="status"
          label={t('signals.list.filterStatus')}
          value={filter.status ?? ''}
          options={[{ value: '', label: t('signals.list.all') }, ...signalStates.map((s) => ({ value: s, label: t(`signals.status.${s}`) }))]}
        />
        <SelectField
          ctx={ctx}
          name="theme"
          label={t('signals.list.filterTheme')}
          value={filter.theme ?? ''}
          options={[{ value: '', label: t('signals.list.all') }, ...themes.map((x) => ({ value: x.id, label: x.name }))]}
        />
        <SelectField
          ctx={ctx}
          name="area"
          label={t('signals.list.filterArea')}
          value={filter.area ?? ''}
          options={[{ value: '', label: t('signals.list.all') }, ...signalAreas.map((a) => ({ value: a, label: t(`signals.area.${a}`) }))]}
        />
        <Button variant="secondary">{t('signals.list.filterButton')}</Button>
      </form>
      <Table
        caption={t('signals.list.caption', { n: rows.length })}
        empty={t('signals.list.empty')}
        rows={rows}
        columns={[
          { header: t('signals.field.reference'), cell: (s) => <Link href={`${path}/${s.id}`}>{s.reference}</Link> },
          { header: t('signals.field.summary'), cell: (s) => (s.anonymised ? <em>{t('signals.detail.anonymisedText')}</em> : s.summary) },
          { header: t('signals.field.area'), cell: (s) => t(`signals.area.${s.area}`) },
          { header: t('signals.field.theme'), cell: (s) => s.themeName ?? '-' },
          { header: t('signals.field.status'), cell: (s) => <SignalStatusBadge ctx={ctx} status={s.status} /> },
          { header: t('signals.field.createdAt'), cell: (s) => formatDate(s.createdAt, ctx.locale) },
        ]}
      />
    </SignalsFrame>
  );
}

/** A member or the secretary records a signal that came in by phone, at office hours, by e-mail or from an organisation. */
export function RecordSignalPage({ ctx, council, actor, errors, values }: Props & { errors?: FieldErrors; values?: FormValues }) {
  const t = ctx.t;
  const path = `${signalsPath(council)}/nieuw`;
  const title = t('signals.record.title');
  const v = values ?? {};
  return (
    <SignalsFrame ctx={ctx} council={council} actor={actor} title={title} href={path} hasErrors={Boolean(errors)}>
      <FormPageTop ctx={ctx} errors={errors} title={title} />
      <Paragraph>{t('signals.record.intro')}</Paragraph>
      <Form ctx={ctx} action={path}>
        <RadioGroup ctx={ctx} errors={errors} name="source" label={t('signals.field.source')} value={v.source} options={recordedSources.map((s) => ({ value: s, label: t(`signals.source.${s}`) }))} />
        <TextField ctx={ctx} errors={errors} name="sourceDetail" label={t('signals.field.sourceDetail')} hint={t('signals.field.sourceDetailHint')} value={v.sourceDetail} optional />
        <TextArea ctx={ctx} errors={errors} name="description" label={t('signals.field.description')} hint={t('signals.field.descriptionHint')} value={v.description} rows={8} />
        <RadioGroup ctx={ctx} errors={errors} name="area" label={t('signals.field.area')} value={v.area} options={signalAreas.map((a) => ({ value: a, label: t(`signals.area.${a}`) }))} />
        <RadioGroup ctx={ctx} errors={errors} name="since" label={t('signals.field.since')} value={v.since} options={signalSinces.map((s) => ({ value: s, label: t(`signals.since.${s}`) }))} />
        <TextField ctx={ctx} errors={errors} name="peopleCount" label={t('signals.field.peopleCount')} hint={t('signals.field.peopleCountHint')} value={v.peopleCount} inputmode="numeric" width="short" optional />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('signals.record.contactLegend')}</legend>
          <Paragraph>{t('signals.record.contactIntro')}</Paragraph>
          <TextField ctx={ctx} errors={errors} name="name" label={t('signals.field.name')} value={v.name} autocomplete="off" optional />
          <TextField ctx={ctx} errors={errors} name="email" type="email" label={t('signals.field.email')} value={v.email} autocomplete="off" optional />
          <TextField ctx={ctx} errors={errors} name="phone" type="tel" label={t('signals.field.phone')} value={v.phone} autocomplete="off" optional />
          <CheckboxField ctx={ctx} errors={errors} name="consent" label={t('signals.record.consent')} hint={t('signals.record.consentHint')} checked={v.consent === 'ja'} />
        </fieldset>
        <Button>{t('signals.record.save')}</Button>
      </Form>
    </SignalsFrame>
  );
}

export type SignalNotice = 'created' | 'state' | 'saved' | 'erased';

function eventLabel(ctx: PageCtx, action: string): string {
  const key = `signals.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : action;
}

function stateLabel(ctx: PageCtx, s: string | null): string {
  const key = `signals.status.${s}`;
  return s && isMessageKey(key) ? ctx.t(key as MessageKey) : '-';
}

export function SignalDetailPage(props: Props & { detail: SignalDetail; errors?: FieldErrors; values?: FormValues; notice?: SignalNotice }) {
  const { ctx, council, actor, detail, errors, notice } = props;
  const { signal } = detail;
  const t = ctx.t;
  const v = props.values ?? {};
  const list = signalsPath(council);
  const path = `${list}/${signal.id}`;
  const title = t('signals.detail.title', { reference: signal.reference });
  const has = (a: (typeof detail.actions)[number]) => detail.actions.includes(a);
  const noticeText =
    notice === 'created'
      ? t('signals.notice.created', { reference: signal.reference })
      : notice === 'state'
        ? t('signals.notice.state', { status: t(`signals.status.${signal.status}`) })
        : notice === 'saved'
          ? t('signals.notice.saved')
          : notice === 'erased'
            ? t('signals.notice.erased')
            : undefined;
  return (
    <SignalsFrame ctx={ctx} council={council} actor={actor} title={title} href={path} hasErrors={Boolean(errors)}>
      <FormPageTop ctx={ctx} errors={errors} title={title} notice={noticeText} />
      <Paragraph>
        <SignalStatusBadge ctx={ctx} status={signal.status} />
      </Paragraph>
      {signal.anonymisedAt && (
        <Alert type="info">
          <Paragraph>
            {signal.erasedAt ? t('signals.detail.erasedOn', { date: formatDate(signal.erasedAt, ctx.locale) }) : t('signals.detail.anonymisedOn', { date: formatDate(signal.anonymisedAt, ctx.locale) })}
          </Paragraph>
        </Alert>
      )}
      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">
          {t('signals.detail.overview')}
        </Heading>
        <DataList
          items={[
            { key: t('signals.field.description'), value: signal.anonymisedAt ? <em>{t('signals.detail.anonymisedText')}</em> : <TextBlock text={signal.description} /> },
            { key: t('signals.field.area'), value: t(`signals.area.${signal.area}`) },
            { key: t('signals.field.since'), value: t(`signals.since.${signal.since}`) },
            { key: t('signals.field.peopleCount'), value: signal.peopleCount === null ? t('signals.detail.unknown') : String(signal.peopleCount) },
            { key: t('signals.field.source'), value: signal.sourceDetail ? `${t(`signals.source.${signal.source}`)} (${signal.sourceDetail})` : t(`signals.source.${signal.source}`) },
            ...(detail.recordedBy ? [{ key: t('signals.detail.recordedBy'), value: detail.recordedBy }] : []),
            { key: t('signals.field.createdAt'), value: formatDate(signal.createdAt, ctx.locale) },
            { key: t('signals.field.theme'), value: detail.theme?.name ?? t('signals.detail.none') },
            { key: t('signals.field.policyField'), value: signal.policyField ? t(`advice.policyField.${signal.policyField}`) : t('signals.detail.none') },
            ...(detail.duplicateOf ? [{ key: t('signals.detail.duplicateOf'), value: <Link href={`${list}/${detail.duplicateOf.id}`}>{detail.duplicateOf.reference}</Link> }] : []),
            ...(signal.outcome ? [{ key: t('signals.field.outcome'), value: t(`signals.outcome.${signal.outcome}`) + (signal.outcomeNote ? `: ${signal.outcomeNote}` : '') }] : []),
            ...(signal.closedAt ? [{ key: t('signals.detail.closedAt'), value: formatDate(signal.closedAt, ctx.locale) }] : []),
            {
              key: t('signals.detail.advice'),
              value: detail.advice ? <Link href={`/${council.slug}/werkruimte/adviezen/${detail.advice.id}`}>{`${detail.advice.reference}: ${detail.advice.subject}`}</Link> : t('signals.detail.none'),
            },
            { key: t('signals.detail.contact'), value: detail.contactStored ? t('signals.detail.contactStored') : t('signals.detail.noContact') },
          ]}
        />
        {detail.contactStored && detail.mayViewContact && (
          <Form ctx={ctx} action={`${path}/contactgegevens`}>
            <Paragraph>{t('signals.contact.logged')}</Paragraph>
            <Button variant="secondary">{t('signals.contact.show')}</Button>
          </Form>
        )}
      </section>

      {detail.actions.length > 0 && (
        <section aria-labelledby="veld-form">
          <h2 class="utrecht-heading-2 nl-heading nl-heading--level-2" id="veld-form" tabindex={-1}>
            {t('signals.detail.triage')}
          </h2>
          {has('classify') && (
            <>
              <Heading level={3}>{t('signals.classify.title')}</Heading>
              <Form ctx={ctx} action={`${path}/thema`}>
                <SelectField
                  ctx={ctx}
                  errors={errors}
                  name="themeId"
                  label={t('signals.field.theme')}
                  hint={t('signals.classify.themeHint')}
                  value={v.themeId ?? signal.themeId ?? ''}
                  options={[{ value: '', label: t('signals.classify.noTheme') }, ...detail.themes.map((x) => ({ value: x.id, label: x.name })), { value: 'nieuw', label: t('signals.classify.newThemeOption') }]}
                />
                <TextField ctx={ctx} errors={errors} name="newTheme" label={t('signals.classify.newTheme')} hint={t('signals.classify.newThemeHint')} value={v.newTheme} optional />
                <SelectField
                  ctx={ctx}
                  errors={errors}
                  name="policyField"
                  label={t('signals.field.policyField')}
                  value={v.policyField ?? signal.policyField ?? ''}
                  options={[{ value: '', label: t('signals.detail.none') }, ...policyFields.map((p) => ({ value: p, label: t(`advice.policyField.${p}`) }))]}
                />
                <Button variant="secondary">{t('signals.classify.save')}</Button>
              </Form>
            </>
          )}
          {has('toDiscuss') && (
            <Form ctx={ctx} action={`${path}/bespreken`}>
              <Paragraph>{t('signals.toDiscuss.hint')}</Paragraph>
              <Button variant="secondary">{t('signals.toDiscuss.button')}</Button>
            </Form>
          )}
          {has('markDiscussed') && (
            <Form ctx={ctx} action={`${path}/besproken`}>
              <Paragraph>{t('signals.markDiscussed.hint')}</Paragraph>
              <Button variant="secondary">{t('signals.markDiscussed.button')}</Button>
            </Form>
          )}
          {has('linkAdvice') && (
            <>
              <Heading level={3}>{t('signals.linkAdvice.title')}</Heading>
              {detail.adviceOptions.length === 0 ? (
                <Paragraph>{t('signals.linkAdvice.none')}</Paragraph>
              ) : (
                <Form ctx={ctx} action={`${path}/advies`}>
                  <SelectField
                    ctx={ctx}
                    errors={errors}
                    name="adviceId"
                    label={t('signals.linkAdvice.label')}
                    value={v.adviceId ?? signal.adviceId ?? ''}
                    options={detail.adviceOptions.map((a) => ({ value: a.id, label: `${a.reference}: ${a.subject}` }))}
                  />
                  <Button variant="secondary">{t('signals.linkAdvice.button')}</Button>
                </Form>
              )}
            </>
          )}
          {has('markDuplicate') && (
            <>
              <Heading level={3}>{t('signals.duplicate.title')}</Heading>
              <Form ctx={ctx} action={`${path}/dubbel`}>
                <TextField
                  ctx={ctx}
                  errors={errors}
                  name="duplicateOf"
                  label={t('signals.duplicate.label')}
                  hint={detail.similar.length ? t('signals.duplicate.hintSimilar', { references: detail.similar.map((s) => s.reference).join(', ') }) : t('signals.duplicate.hint')}
                  value={v.duplicateOf}
                  width="short"
                />
                <Button variant="secondary">{t('signals.duplicate.button')}</Button>
              </Form>
            </>
          )}
          {has('close') && (
            <>
              <Heading level={3}>{t('signals.close.title')}</Heading>
              <Form ctx={ctx} action={`${path}/afsluiten`}>
                <RadioGroup ctx={ctx} errors={errors} name="outcome" label={t('signals.field.outcome')} value={v.outcome} options={signalOutcomes.map((o) => ({ value: o, label: t(`signals.outcome.${o}`) }))} />
                <TextArea ctx={ctx} errors={errors} name="outcomeNote" label={t('signals.field.outcomeNote')} hint={t('signals.field.outcomeNoteHint')} value={v.outcomeNote} rows={3} optional />
                <Button>{t('signals.close.button')}</Button>
              </Form>
            </>
          )}
          {has('reopen') && (
            <Form ctx={ctx} action={`${path}/heropenen`}>
              <Button variant="secondary">{t('signals.reopen.button')}</Button>
            </Form>
          )}
        </section>
      )}

      {detail.similar.length > 0 && (
        <section aria-labelledby="vergelijkbaar">
          <Heading level={2} id="vergelijkbaar">
            {t('signals.similar.title')}
          </Heading>
          <Paragraph>{t('signals.similar.intro')}</Paragraph>
          <Table
            caption={t('signals.similar.caption')}
            rows={detail.similar}
            columns={[
              { header: t('signals.field.reference'), cell: (s) => <Link href={`${list}/${s.id}`}>{s.reference}</Link> },
              { header: t('signals.field.summary'), cell: (s) => s.summary },
              { header: t('signals.field.theme'), cell: (s) => s.themeName ?? '-' },
              { header: t('signals.field.status'), cell: (s) => <SignalStatusBadge ctx={ctx} status={s.status} /> },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="verloop">
        <Heading level={2} id="verloop">
          {t('signals.detail.history')}
        </Heading>
        <Table
          caption={t('signals.detail.historyCaption')}
          rows={detail.events}
          columns={[
            { header: t('signals.detail.when'), cell: (e) => formatDateTime(e.at, ctx.locale) },
            { header: t('signals.detail.what'), cell: (e) => eventLabel(ctx, e.action) },
            { header: t('signals.field.status'), cell: (e) => stateLabel(ctx, e.to) },
            { header: t('signals.detail.who'), cell: (e) => e.who ?? t('signals.detail.resident') },
          ]}
        />
      </section>

      {can(actor, 'signals.contact') && !signal.erasedAt && (
        <section aria-labelledby="privacy">
          <Heading level={2} id="privacy">
            {t('signals.detail.privacy')}
          </Heading>
          <Paragraph>{t('signals.detail.privacyIntro')}</Paragraph>
          <ButtonGroup>
            <ButtonLink href={`${list}/inzage?kenmerk=${encodeURIComponent(signal.reference)}`} variant="secondary">
              {t('signals.export.button')}
            </ButtonLink>
            <ButtonLink href={`${path}/wissen`} variant="secondary">
              {t('signals.erase.title')}
            </ButtonLink>
          </ButtonGroup>
        </section>
      )}
    </SignalsFrame>
  );
}
