/** The board puts signals to discuss on a coming meeting's agenda, as one item. */
import { formatDateTime } from '../../../core/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { Button, Link, Paragraph } from '../../../ui/components/basics.tsx';
import { CheckboxGroup, Form, RadioGroup, TextField } from '../../../ui/components/form.tsx';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import type { LinkChoice } from '../meetings.links.ts';
import { wsPath, type Props } from './meetings.tsx';

export function SignalsOnAgendaPage(
  props: Props & { signals: LinkChoice[]; meetings: { id: string; title: string; startsAt: Date }[]; errors?: FieldErrors; values?: FormValues; checked?: string[] },
) {
  const { ctx, council, signals, meetings, errors } = props;
  const t = ctx.t;
  const list = wsPath(council);
  const v = props.values ?? {};
  const ready = signals.length > 0 && meetings.length > 0;
  return (
    <WorkspacePage
      title={t('meetings.signalsOnAgenda.title')}
      section={list}
      href={`${list}/signalen-agenderen`}
      parent={{ href: list, label: t('meetings.ws.title') }}
      errors={errors}
      intro={t('meetings.signalsOnAgenda.intro')}
    >
      {signals.length === 0 && <Paragraph>{t('meetings.signalsOnAgenda.noSignals')}</Paragraph>}
      {signals.length > 0 && meetings.length === 0 && (
        <Paragraph>
          {t('meetings.signalsOnAgenda.noMeetings')} <Link href={`${list}/nieuw`}>{t('meetings.add.title')}</Link>
        </Paragraph>
      )}
      {ready && (
        <Form action={`${list}/signalen-agenderen`}>
          <CheckboxGroup
            errors={errors}
            name="signalIds"
            label={t('meetings.signalsOnAgenda.signals')}
            options={signals.map((s) => ({ value: s.id, label: s.title }))}
            checked={props.checked ?? signals.map((s) => s.id)}
          />
          <RadioGroup
            errors={errors}
            name="meetingId"
            label={t('meetings.signalsOnAgenda.meeting')}
            value={String(v.meetingId ?? meetings[0]!.id)}
            options={meetings.map((m) => ({ value: m.id, label: `${m.title}, ${formatDateTime(m.startsAt, ctx.locale)}` }))}
          />
          <TextField errors={errors} name="title" label={t('meetings.signalsOnAgenda.itemTitle')} value={String(v.title ?? t('meetings.signalsOnAgenda.defaultTitle'))} />
          <Button>{t('meetings.signalsOnAgenda.submit')}</Button>
        </Form>
      )}
    </WorkspacePage>
  );
}

/** On the signal list: the way to this page. */
export function SignalsOnAgendaLink({ ctx, council }: Pick<Props, 'ctx' | 'council'>) {
  return (
    <Paragraph>
      <Link href={`${wsPath(council)}/signalen-agenderen`}>{ctx.t('meetings.signalsOnAgenda.link')}</Link>
    </Paragraph>
  );
}
