import { pgTable, uuid, text, integer, index, jsonb } from 'drizzle-orm/pg-core';
import { id, timestamptz, createdAt } from '../db/columns.ts';

export const mailStatuses = ['queued', 'sent', 'failed', 'held'] as const;

/** A file sent with a mail (an invitation's .ics); small, so it lives in the row. */
export type MailAttachment = {
  filename: string;
  /** For example `text/calendar; method=REQUEST; charset=utf-8`. */
  contentType: string;
  content: string;
  /** `utf8` for text (the default), `base64` for binary content. */
  encoding?: 'utf8' | 'base64';
};

/** Every e-mail passes through here: the queue when SMTP is set, the readable outbox when not. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    councilId: uuid('council_id'),
    toAddress: text('to_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** An HTML version of the body (a letter), sent as the alternative part; the text stays the base. */
    html: text('html'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status', { enum: mailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status, t.createdAt)],
);
