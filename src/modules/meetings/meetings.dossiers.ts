/**
 * Meetings and dossiers (document folders). The links are kept by the documents module; meetings
 * look up their own records for it: which meeting may be linked, and the titles and dates a
 * folder's page shows (slot 'documents.folder.related', see index.ts).
 */
import { and, desc, eq, gte, inArray, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Read } from '../../core/read-together.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { documentsMay, foldersLinkedTo, linkedTo } from '../documents/index.ts';
import { meetings } from './meetings.schema.ts';
import { findMeeting } from './meetings.lifecycle.ts';

/** Dossiers (document folders) linked to a meeting, for those who may open them. */
export async function dossiersOf(deps: Deps, args: { council: Council; actor: Actor | null; meetingId: string }, read?: Read): Promise<{ id: string; name: string }[]> {
  return can(args.actor, 'documents.view') ? foldersLinkedTo(deps, args.council, 'meeting', args.meetingId, read) : [];
}

/** A meeting of this council a folder may be linked to (any meeting; the choices offer the likely ones). */
export const findMeetingToLink = (deps: Deps, council: Council, id: string) => findMeeting(deps.db, council, id);

export type FolderMeeting = { id: string; title: string; startsAt: Date };

/** The meetings linked to a folder, newest first; for the board also the meetings it may link still. */
export async function folderMeetings(deps: Deps, args: { council: Council; actor: Actor | null; folderId: string }): Promise<{ linked: FolderMeeting[]; choices: FolderMeeting[]; mayLink: boolean }> {
  const { council } = args;
  const columns = { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt };
  const ids = await linkedTo(deps, council, args.folderId, 'meeting');
  // Choices to link: meetings from a year back onward is what a dossier is plausibly about.
  const yearAgo = new Date(Date.now() - 366 * 86_400_000);
  const [linked, candidates] = await Promise.all([
    // Links to meetings deleted since drop out here (the link has no foreign key to meetings).
    ids.length
      ? deps.db
          .select(columns)
          .from(meetings)
          .where(and(eq(meetings.councilId, council.id), inArray(meetings.id, ids)))
          .orderBy(desc(meetings.startsAt))
      : [],
    documentsMay(args.actor).manage
      ? deps.db
          .select(columns)
          .from(meetings)
          .where(and(eq(meetings.councilId, council.id), ne(meetings.status, 'cancelled'), gte(meetings.startsAt, yearAgo)))
          .orderBy(desc(meetings.startsAt))
          .limit(300)
      : [],
  ]);
  return { linked, choices: candidates.filter((c) => !ids.includes(c.id)), mayLink: documentsMay(args.actor).manage };
}
