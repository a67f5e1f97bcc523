import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import type { DbOrTx } from '../db/index.ts';
import { users, type noticeModes } from '../auth/auth.schema.ts';
import { councils } from '../organisations.schema.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { utcToLocal } from '../dates/amsterdam.ts';
import { notices } from './notices.schema.ts';

export type NoticeMode = (typeof noticeModes)[number];
export type Notice = {
  userId: string;
  councilId: string;
  kind: string;
  text: MessageKey;
  params?: Record<string, string | number>;
  path: string;
};

/** The daily overview goes out from this hour (Amsterdam time), so it arrives with the morning mail. */
const DIGEST_HOUR = 7;

/**
 * Records work for people in the same transaction as the change that causes it; the
 * notices job mails them (call `mailer.kick()` is not needed: the job runs every minute).
 */
export async function queueNotices(tx: DbOrTx, list: Notice[]): Promise<void> {
  if (list.length === 0) return;
  await tx.insert(notices).values(list.map((n) => ({ userId: n.userId, councilId: n.councilId, kind: n.kind, textKey: n.text, params: n.params ?? {}, path: n.path })));
}

export async function setNoticeMode(deps: Deps, userId: string, mode: NoticeMode): Promise<void> {
  await deps.db.update(users).set({ noticeMode: mode }).where(eq(users.id, userId));
}

/**
 * Mails waiting notices in each receiver's own language: at once for those who want each
 * notice, once a day from DIGEST_HOUR for those who want an overview. Safe on several
 * instances: each notice is claimed with SKIP LOCKED and marked sent in the same transaction
 * as its mail is queued.
 */
export async function sendNotices(deps: Deps, now = new Date()): Promise<number> {
  const local = utcToLocal(now);
  const digestTime = Number(local.time.slice(0, 2)) >= DIGEST_HOUR;
  const due = await deps.db
    .selectDistinct({ userId: notices.userId })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.userId))
    .where(and(isNull(notices.sentAt), eq(users.active, true), or(eq(users.noticeMode, 'each'), digestTime ? or(isNull(users.lastDigestOn), lt(users.lastDigestOn, local.date)) : sql`false`)))
    .limit(500);
  let sent = 0;
  for (const { userId } of due) sent += await sendFor(deps, userId, local.date, digestTime);
  if (sent > 0) deps.mailer.kick();
  return sent;
}

async function sendFor(deps: Deps, userId: string, today: string, digestTime: boolean): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update', { skipLocked: true });
    if (!user) return 0;
    const digest = user.noticeMode === 'digest';
    if (digest && (!digestTime || (user.lastDigestOn !== null && user.lastDigestOn >= today))) return 0;
    const rows = await tx
      .select({
        id: notices.id,
        textKey: notices.textKey,
        params: notices.params,
        path: notices.path,
        councilId: notices.councilId,
        councilName: councils.name,
      })
      .from(notices)
      .innerJoin(councils, eq(councils.id, notices.councilId))
      .where(and(eq(notices.userId, userId), isNull(notices.sentAt)))
      .orderBy(asc(notices.createdAt))
      .for('update', { of: notices, skipLocked: true });
    if (rows.length === 0) return 0;
    const t = translator(user.locale);
    const line = (r: (typeof rows)[number]) => `${t(r.textKey as MessageKey, r.params)}\n${deps.config.baseUrl}${r.path}`;
    const settings = `${t('notice.settings')}\n${deps.config.baseUrl}/account`;
    if (digest) {
      await deps.mailer.queue(tx, {
        to: user.email,
        subject: t('notice.digest.subject', { n: rows.length }),
        body: [t('notice.greeting', { name: user.name }), t('notice.digest.intro'), ...rows.map((r) => `- ${line(r)}`), settings].join('\n\n'),
      });
      await tx.update(users).set({ lastDigestOn: today }).where(eq(users.id, userId));
    } else {
      for (const r of rows) {
        await deps.mailer.queue(tx, {
          councilId: r.councilId,
          to: user.email,
          subject: `${t(r.textKey as MessageKey, r.params)} (${r.councilName})`,
          body: [t('notice.greeting', { name: user.name }), line(r), settings].join('\n\n'),
        });
      }
    }
    await tx
      .update(notices)
      .set({ sentAt: new Date() })
      .where(
        inArray(
          notices.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.length;
  });
}

/** Sent notices are kept as long as the mail about them (a year), then removed. */
export async function purgeOldNotices(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
  const removed = await db.delete(notices).where(lt(notices.sentAt, before)).returning({ id: notices.id });
  return removed.length;
}
