import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database, DbOrTx } from '../db/index.ts';
import { outbox, type MailAttachment } from './mail.schema.ts';

type MailMessage = { councilId?: string | null; to: string; subject: string; body: string; replyTo?: string; attachments?: MailAttachment[] };

/** Nodemailer's form of our attachments; a calendar invitation also goes as the iCalendar part calendar apps read. */
function nodemailerParts(attachments: MailAttachment[]): { attachments: object[]; icalEvent?: { method: string; filename: string; content: string } } {
  const parts = attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: a.encoding ?? 'utf8' }));
  const ics = attachments.find((a) => a.contentType.startsWith('text/calendar') && (a.encoding ?? 'utf8') === 'utf8');
  if (!ics) return { attachments: parts };
  const method = /method=([A-Z]+)/i.exec(ics.contentType)?.[1].toUpperCase() ?? 'PUBLISH';
  // The alternative text/calendar part (icalEvent) makes Outlook and Gmail show accept/decline buttons.
  return { attachments: parts, icalEvent: { method, filename: ics.filename, content: ics.content } };
}

/**
 * Queue a mail in the same transaction as the change that causes it;
 * call `mailer.kick()` after commit so it goes out at once.
 */
async function queueMail(tx: DbOrTx, m: MailMessage, opts: { hold: boolean }): Promise<void> {
  await tx.insert(outbox).values({
    councilId: m.councilId ?? null,
    toAddress: m.to,
    subject: m.subject,
    body: m.body,
    replyTo: m.replyTo ?? null,
    attachments: m.attachments ?? [],
    status: opts.hold ? 'held' : 'queued',
  });
}

/** The privacy statement promises that messages are kept for at most a year. */
const MAIL_RETENTION_DAYS = 365;

/** Removes outbox mail older than the retention period (contact messages included). */
export async function purgeOldMail(db: DbOrTx, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - MAIL_RETENTION_DAYS * 24 * 3600 * 1000);
  const removed = await db.delete(outbox).where(lt(outbox.createdAt, before)).returning({ id: outbox.id });
  return removed.length;
}

export type Mailer = {
  /** True when SMTP is configured; otherwise mail stays in the outbox to be read. */
  readonly delivers: boolean;
  queue(tx: DbOrTx, m: MailMessage): Promise<void>;
  /** Send what is queued now (after commit). Safe to call from many instances at once. */
  kick(): void;
  /** Send queued mail until none is left; resolves when done (worker, tests). */
  flush(): Promise<number>;
  close(): Promise<void>;
};

const MAX_ATTEMPTS = 5;

export function createMailer(
  database: Database,
  opts: {
    smtpUrl?: string;
    from: string;
    log?: { error: (o: object, m: string) => void };
    /** Runs before each kicked send: turns waiting notices into mail, so they leave with it (core/notices). */
    beforeFlush?: () => Promise<unknown>;
  },
): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  let running: Promise<number> | null = null;

  async function sendBatch(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      // Claim a batch with SKIP LOCKED so several instances never send one mail twice.
      const claimed = await database.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(outbox)
          .where(and(eq(outbox.status, 'queued'), lt(outbox.attempts, MAX_ATTEMPTS)))
          .orderBy(asc(outbox.createdAt))
          .limit(10)
          .for('update', { skipLocked: true });
        if (rows.length === 0) return rows;
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1` })
          .where(
            inArray(
              outbox.id,
              rows.map((r) => r.id),
            ),
          );
        for (const row of rows) {
          try {
            await transport.sendMail({
              from: opts.from,
              to: row.toAddress,
              replyTo: row.replyTo ?? undefined,
              subject: row.subject,
              text: row.body,
              ...nodemailerParts(row.attachments),
            });
            await tx.update(outbox).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(outbox.id, row.id));
          } catch (err) {
            const failed = row.attempts + 1 >= MAX_ATTEMPTS;
            await tx
              .update(outbox)
              .set({ status: failed ? 'failed' : 'queued', lastError: String((err as Error).message).slice(0, 500) })
              .where(eq(outbox.id, row.id));
            opts.log?.error({ mailId: row.id }, 'mail not sent');
          }
        }
        return rows;
      });
      sent += claimed.length;
      if (claimed.length === 0) return sent;
    }
  }

  function flush(): Promise<number> {
    running ??= sendBatch().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    delivers: Boolean(transport),
    queue: (tx, m) => queueMail(tx, m, { hold: !transport }),
    kick() {
      if (!transport) return;
      (opts.beforeFlush?.() ?? Promise.resolve()).then(flush).catch((err) => opts.log?.error({ err }, 'mail queue failed'));
    },
    flush,
    async close() {
      await running?.catch(() => undefined);
      transport?.close();
    },
  };
}
