import type { DbOrTx } from '../../core/db/index.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import { queueNotices } from '../../core/notices/notices.ts';

/** Where an advice stands in the council's workspace. */
const adviceWorkspacePath = (council: { slug: string }, id: string) => `/${council.slug}/werkruimte/adviezen/${id}`;

/**
 * One notice about an advice for each user: its reference and subject (plus `params`) in the
 * text, a link to the advice in the workspace.
 */
export function queueAdviceNotices(
  tx: DbOrTx,
  council: { id: string; slug: string },
  a: { id: string; reference: string; subject: string },
  userIds: Iterable<string>,
  notice: { kind: string; text: MessageKey; params?: Record<string, string> },
): Promise<void> {
  return queueNotices(
    tx,
    [...userIds].map((userId) => ({
      userId,
      councilId: council.id,
      kind: notice.kind,
      text: notice.text,
      params: { reference: a.reference, subject: a.subject, ...notice.params },
      path: adviceWorkspacePath(council, a.id),
    })),
  );
}
