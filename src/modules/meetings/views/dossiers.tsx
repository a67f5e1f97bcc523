import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import { FolderLinks } from '../../documents/index.ts';
import type { FolderMeeting } from '../meetings.dossiers.ts';

/** The meetings linked to a dossier, on the folder's page (slot 'documents.folder.related'). */
export function FolderMeetings(props: {
  ctx: PageCtx;
  council: Council;
  folderId: string;
  linked: FolderMeeting[];
  choices: FolderMeeting[];
  /** Whether the actor may link and unlink (the documents module says). */
  mayLink: boolean;
  form?: { errors?: FieldErrors; values?: FormValues };
}) {
  const { ctx, council } = props;
  const t = ctx.t;
  const label = (m: FolderMeeting) => `${m.title}, ${formatDate(m.startsAt, ctx.locale)}`;
  return (
    <FolderLinks
      ctx={ctx}
      council={council}
      folderId={props.folderId}
      kind="meeting"
      errors={props.form?.errors}
      values={props.form?.values}
      title={t('meetings.folder.title')}
      empty={t('meetings.folder.none')}
      pick={t('meetings.folder.pick')}
      choose={t('meetings.folder.choose')}
      items={props.linked.map((m) => ({
        id: m.id,
        href: `/${council.slug}/werkruimte/vergaderingen/${m.id}`,
        label: label(m),
        unlink: t('meetings.folder.unlink', { date: formatDate(m.startsAt, ctx.locale) }),
      }))}
      choices={props.choices.map((m) => ({ value: m.id, label: label(m) }))}
      mayLink={props.mayLink}
    />
  );
}
