/**
 * The page that asks before something that cannot simply be taken back (issue 9, part 4): what
 * will happen, who will be mailed, whether it can be undone; the danger button on its own, the
 * way back as a plain link. Works without JavaScript: the link to it is a GET, the button a POST.
 */
import type { ComponentChildren } from 'preact';
import { usePageCtx } from '../context.ts';
import { Alert, Heading, Link, Paragraph } from '../components/basics.tsx';
import { ActionForm } from '../components/form.tsx';
import { TextList } from '../components/text-list.tsx';
import { WorkspacePage, type WorkspacePageParts } from './workspace-page.tsx';

export type ConfirmPageProps = Omit<WorkspacePageParts, 'children'> & {
  /** The record in one line, above the consequences. */
  record?: ComponentChildren;
  /** What will happen, one sentence each (including who gets an e-mail and whether it can be undone). */
  consequences: string[];
  /** Where the danger button posts; by default this page's own address (`href`): a GET asks, a POST does it. */
  action?: string;
  button: string;
  /** The way back (the record's page) and its words. */
  back: { href: string; label: string };
  /** Set when the action is not possible now: the reason replaces the button. */
  blocked?: string;
};

export function ConfirmPage({ record, consequences, action, button, back, blocked, ...page }: ConfirmPageProps) {
  const t = usePageCtx(page.ctx).t;
  return (
    <WorkspacePage {...page}>
      {record && <Paragraph lead>{record}</Paragraph>}
      {blocked ? (
        <Alert type="warning">
          <Paragraph>{blocked}</Paragraph>
        </Alert>
      ) : (
        <>
          <Heading level={2}>{t('confirm.what')}</Heading>
          <TextList items={consequences} />
          <ActionForm action={action ?? page.href ?? page.section} button={button} variant="primary" danger />
        </>
      )}
      <Paragraph>
        <Link href={back.href}>{back.label}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}
