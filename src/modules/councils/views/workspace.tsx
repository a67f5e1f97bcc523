import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Heading, Paragraph, Link, Button, Table, ButtonGroup, Section } from '../../../ui/components/basics.tsx';
import { Form, TextField, TextArea, CheckboxField, FileField, ActionForm, NumberField } from '../../../ui/components/form.tsx';
import { EnumRadios } from '../../../ui/components/choice.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { brandOf } from '../../../ui/layouts/frames.tsx';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import type { ComponentChildren } from 'preact';
import type { DashboardFigure } from '../../../core/module.ts';
import { hasSection } from '../../../core/organisation-kinds.ts';
import { checkPlainLanguage } from '../../../ui/plain-language.ts';
import { PlainLanguageAdvice } from '../../../ui/components/plain-language.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };

export function Dashboard({ ctx, council, actor, figures, panels }: Props & { figures: DashboardFigure[]; panels: ComponentChildren[] }) {
  const base = `/${council.slug}/werkruimte`;
  return (
    <WorkspacePage title={ctx.t('councils.ws.title')} section={base} heading={`${ctx.t('councils.ws.title')}: ${council.name}`}>
      <Paragraph lead>{ctx.t('councils.ws.welcome', { name: ctx.user?.name ?? '' })}</Paragraph>
      <Paragraph>{actor.role ? ctx.t('councils.ws.yourRole', { role: ctx.t(`members.role.${actor.role}`).toLowerCase() }) : ctx.t('councils.ws.adminRole')}</Paragraph>
      <Section id="voor-u" title={ctx.t('councils.ws.forYou')}>
        {panels.some(Boolean) ? panels : <Paragraph>{ctx.t('councils.ws.nothingWaiting')}</Paragraph>}
      </Section>
      {figures.length > 0 && (
        <Table
          caption={ctx.t('councils.ws.figures')}
          columns={[
            { header: ctx.t('councils.ws.figure'), cell: (r) => (r.linked ? <Link href={r.href}>{r.label}</Link> : r.label) },
            { header: ctx.t('councils.ws.count'), cell: (r) => String(r.n), numeric: true },
          ]}
          rows={figures}
        />
      )}
    </WorkspacePage>
  );
}

export function SettingsPage(props: Props & { errors?: FieldErrors; values?: FormValues; logoErrors?: FieldErrors; notice?: 'saved' | 'logoSaved' | 'logoRemoved' }) {
  const { ctx, council, errors, logoErrors, notice } = props;
  const v: Record<string, string | boolean> = { ...council, ...(props.values ?? {}) } as never;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const base = `/${council.slug}/werkruimte/instellingen`;
  const allErrors = errors ?? logoErrors;
  const t = ctx.t;
  return (
    <WorkspacePage
      title={t('councils.settings.title')}
      section={base}
      errors={allErrors}
      notice={notice && t(notice === 'saved' ? 'councils.settings.saved' : notice === 'logoSaved' ? 'councils.settings.logoSaved' : 'councils.settings.logoRemoved')}
    >
      {/* The B1 check of the texts residents read on the public site, as advice (issue 11, point 3). */}
      {notice === 'saved' && <PlainLanguageAdvice report={checkPlainLanguage([council.about, council.vision, council.legalBasis].filter(Boolean).join('\n\n'))} />}
      <Form action={base}>
        <TextField errors={errors} name="name" label={t('councils.settings.name')} value={s('name')} />
        <TextField errors={errors} name="tagline" label={t('councils.settings.tagline')} hint={t('councils.settings.taglineHint')} value={s('tagline')} optional />
        <TextField errors={errors} name="advises" label={t('councils.settings.advises')} hint={t('councils.settings.advisesHint')} value={s('advises')} />
        <TextArea errors={errors} name="about" label={t('councils.settings.about')} value={s('about')} optional />
        <TextArea errors={errors} name="vision" label={t('councils.settings.vision')} value={s('vision')} optional />
        <TextArea errors={errors} name="legalBasis" label={t('councils.settings.legalBasis')} value={s('legalBasis')} optional />
        <TextArea errors={errors} name="targetGroups" label={t('councils.settings.targetGroups')} value={s('targetGroups')} optional rows={4} />
        <TextArea errors={errors} name="policyFields" label={t('councils.settings.policyFields')} value={s('policyFields')} optional rows={4} />
        {hasSection(council.kind, 'meetings') && (
          <TextField errors={errors} name="meetingRhythm" label={t('councils.settings.meetingRhythm')} hint={t('councils.settings.meetingRhythmHint')} value={s('meetingRhythm')} optional />
        )}
        <TextField
          errors={errors}
          name="contactEmail"
          type="email"
          label={t('councils.settings.contactEmail')}
          hint={t('councils.settings.contactEmailHint')}
          value={s('contactEmail')}
          autocomplete="email"
        />
        <TextField errors={errors} name="contactPhone" type="tel" label={t('councils.settings.contactPhone')} value={s('contactPhone')} optional width="medium" autocomplete="tel" />
        <TextArea errors={errors} name="postalAddress" label={t('councils.settings.postalAddress')} value={s('postalAddress')} optional rows={3} />
        <TextField errors={errors} name="colour" label={t('councils.settings.colour')} hint={t('councils.settings.colourHint')} value={s('colour')} width="short" />
        <CheckboxField
          errors={errors}
          name="require2faForBoard"
          label={t('councils.settings.require2fa')}
          checked={props.values ? props.values.require2faForBoard !== undefined : council.require2faForBoard}
        />
        <Heading level={2}>{t('councils.settings.membersTitle')}</Heading>
        <NumberField
          errors={errors}
          name="memberCap"
          label={t('councils.settings.memberCap')}
          hint={t('councils.settings.memberCapHint')}
          value={props.values ? s('memberCap') : council.memberCap === null ? '' : String(council.memberCap)}
          optional
        />
        {/* The advice settings, for organisations that have the advice register. */}
        {hasSection(council.kind, 'advice') && (
          <>
            <Heading level={2}>{t('councils.settings.adviceTitle')}</Heading>
            <EnumRadios
              errors={errors}
              name="adviceApprovalRule"
              label={t('councils.settings.approvalRule')}
              value={s('adviceApprovalRule')}
              values={['consent', 'majority']}
              prefix="councils.settings.approvalRule"
            />
            <NumberField
              errors={errors}
              name="answerPeriodValue"
              label={t('councils.settings.answerPeriodValue')}
              hint={t('councils.settings.answerPeriodValueHint')}
              value={String(v.answerPeriodValue ?? '')}
            />
            <EnumRadios
              errors={errors}
              name="answerPeriodUnit"
              label={t('councils.settings.answerPeriodUnit')}
              value={s('answerPeriodUnit')}
              values={['weeks', 'working_days']}
              prefix="councils.settings.answerPeriodUnit"
            />
          </>
        )}
        <Button>{t('form.save')}</Button>
      </Form>

      <Section id="logo-titel" title={t('councils.settings.logoTitle')}>
        {council.logoFile ? (
          <p class="utrecht-paragraph">
            <img class="rw-logo-preview" src={brandOf(council).logoUrl!} alt={`${t('councils.settings.logoCurrent')}: ${council.logoAlt}`} />
          </p>
        ) : (
          <Paragraph>{t('councils.settings.logoNone')}</Paragraph>
        )}
        <Form action={`${base}/logo?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
          <FileField errors={logoErrors} name="logo" label={t('councils.settings.logoFile')} hint={t('councils.settings.logoFileHint')} accept="image/png,image/jpeg,image/webp" />
          <TextField errors={logoErrors} name="logoAlt" label={t('councils.settings.logoAlt')} hint={t('councils.settings.logoAltHint')} value={council.logoAlt} />
          <ButtonGroup>
            <Button>{t('councils.settings.logoUpload')}</Button>
          </ButtonGroup>
        </Form>
        {council.logoFile && <ActionForm action={`${base}/logo/verwijderen`} button={t('councils.settings.logoRemove')} />}
      </Section>
    </WorkspacePage>
  );
}
