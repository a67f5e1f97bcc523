import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database, DbOrTx } from '../db/index.ts';
import { outbox, type MailAttachment } from './mail.schema.ts';
import { users } from '../auth/auth.schema.ts';

type MailMessage = { councilId?: string | null; to: string; subject: string; body: string; html?: string; replyTo?: string; attachments?: MailAttachment[] };

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
 * The outbox row of a mail, not yet run (see Mailer's `queue` and `queueRow`): held when no SMTP
 * server is set, to be read in the outbox.
 */
function mailRow(tx: DbOrTx, m: MailMessage, opts: { hold: boolean }) {
  return tx.insert(outbox).values({
    councilId: m.councilId ?? null,
    toAddress: m.to,
    subject: m.subject,
    body: m.body,
    html: m.html ?? null,
    replyTo: m.replyTo ?? null,
    attachments: m.attachments ?? [],
    status: opts.hold ? 'held' : 'queued',
  });
}

/**
 * How long the outbox keeps a mail: the shortest retention of the data it carries (issue 17).
 * Mail to or from a resident (sent to an address without an account, or with a reply address,
 * as from the public forms): the shortest retention of residents' details on the platform, the
 * 28 days of a vacancy's applications. Mail with a single-use link: until the longest-lived link
 * (an invitation, 7 days) has expired. Other mail: at most a year, as the privacy statement says.
 */
export const MAIL_RETENTION_DAYS = { residents: 28, links: 7, other: 365 } as const;

/** A link with a secret in its path (a reset, invitation or calendar token). */
const SECRET_LINK = 'https?://[^[:space:]]*/[A-Za-z0-9_-]{20,}';

/** Removes outbox mail past its retention (see MAIL_RETENTION_DAYS); mail still waiting to be sent stays. */
export async function purgeOldMail(db: DbOrTx, now = new Date()): Promise<number> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();
  const removed = await db.execute<{ id: string }>(sql`
    delete from ${outbox} o
    where o.created_at < ${daysAgo(MAIL_RETENTION_DAYS.other)}::timestamptz
       or (o.status <> 'queued' and o.created_at < ${daysAgo(MAIL_RETENTION_DAYS.links)}::timestamptz and o.body ~ ${SECRET_LINK})
       or (o.status <> 'queued' and o.created_at < ${daysAgo(MAIL_RETENTION_DAYS.residents)}::timestamptz
           and (o.reply_to is not null or not exists (select 1 from ${users} u where u.email = lower(trim(o.to_address)))))
    returning o.id`);
  return (removed as unknown as { rows: unknown[] }).rows.length;
}

export type Mailer = {
  /** True when SMTP is configured; otherwise mail stays in the outbox to be read. */
  readonly delivers: boolean;
  /** Queue a mail in the same transaction as the change that causes it; call `kick()` after commit so it goes out at once. */
  queue(tx: DbOrTx, m: MailMessage): Promise<void>;
  /** The same mail's insert, not yet run: for a caller that runs it in one statement with its change (signals.submit.ts). */
  queueRow(tx: DbOrTx, m: MailMessage): ReturnType<typeof mailRow>;
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
  const smtpUrl = opts.smtpUrl;
  // nodemailer is loaded with the first mail sent, not at start.
  let transport: Promise<Transporter> | null = null;
  const smtp = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl!)));
  // The host part of each mail's Message-ID: the sender's domain.
  const messageIdHost = /@([^>\s]+)/.exec(opts.from)?.[1] ?? 'raadwerk.invalid';
  let running: Promise<number> | null = null;

  /**
   * Sends one queued mail in its own transaction: the row stays locked (SKIP LOCKED: other
   * instances pass it by) while the SMTP server takes it, and is marked sent in the same
   * transaction. An instance killed while sending leaves no half-state: its transaction rolls
   * back, the mail is queued again, and because the SMTP server had not finished taking it,
   * the other instance sends it exactly once. Only a kill between the server's "250 OK" and the
   * commit (one UPDATE) could repeat a mail; the stable Message-ID lets the receiver see that.
   */
  async function sendOne(): Promise<boolean> {
    return database.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, 'queued'), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      try {
        await (await smtp()).sendMail({
          from: opts.from,
          to: row.toAddress,
          replyTo: row.replyTo ?? undefined,
          subject: row.subject,
          text: row.body,
          html: row.html ?? undefined,
          messageId: `<${row.id}@${messageIdHost}>`,
          ...nodemailerParts(row.attachments),
        });
        await tx
          .update(outbox)
          .set({ status: 'sent', sentAt: new Date(), lastError: null, attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id));
      } catch (err) {
        const failed = row.attempts + 1 >= MAX_ATTEMPTS;
        await tx
          .update(outbox)
          .set({ status: failed ? 'failed' : 'queued', lastError: String((err as Error).message).slice(0, 500), attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id));
        opts.log?.error({ mailId: row.id }, 'mail not sent');
      }
      return true;
    });
  }

  async function sendBatch(): Promise<number> {
    if (!smtpUrl) return 0;
    let sent = 0;
    while (await sendOne()) sent++;
    return sent;
  }

  function flush(): Promise<number> {
    running ??= sendBatch().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    delivers: Boolean(smtpUrl),
    async queue(tx, m) {
      await mailRow(tx, m, { hold: !smtpUrl });
    },
    queueRow: (tx, m) => mailRow(tx, m, { hold: !smtpUrl }),
    kick() {
      if (!smtpUrl) return;
      (opts.beforeFlush?.() ?? Promise.resolve()).then(flush).catch((err) => opts.log?.error({ err }, 'mail queue failed'));
    },
    flush,
    async close() {
      await running?.catch(() => undefined);
      (await transport?.catch(() => null))?.close();
    },
  };
}
