/**
 * The outbox as the platform administrator reads it (Beheer > Postvak uit), without making the
 * administrator able to act as anyone (issue 17, docs/decisions/0025):
 * - single-use links (password reset, invitation, a private calendar feed) never show: every
 *   link with a secret in it reads "[link verborgen]";
 * - a mail that carries a resident's details (to someone without an account, such as a signal's
 *   confirmation, or with a reply address, such as the contact form) shows neither subject nor
 *   body; e-mail addresses show masked (`p•••@voorbeeld.nl`);
 * - every read (the list and each mail) is written to the audit log.
 */
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { audit } from '../audit/audit.ts';
import { users } from '../auth/auth.schema.ts';
import { outbox } from './mail.schema.ts';

declare module '../audit/audit.ts' {
  interface AuditActions extends Record<'outbox.listed' | 'mail.read', true> {}
}

type OutboxRow = typeof outbox.$inferSelect;

/** An outbox row as the administrator may see it. `withheld`: subject and body are empty, not to be shown. */
export type SafeOutboxRow = Omit<OutboxRow, 'body' | 'attachments'> & { body: string; withheld: boolean; attachments: { filename: string; contentType: string }[] };

/** `p•••@voorbeeld.nl`: the first letter and the domain, enough to tell mails apart. */
function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

const LINK = /https?:\/\/[^\s<>"]+/g;
/** A path segment that is a secret: a long run of token characters (tokens are 43 characters). */
const SECRET_SEGMENT = /[A-Za-z0-9_-]{20,}/;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The body with every link that holds a secret replaced and every e-mail address masked. */
function maskBody(body: string): string {
  return body.replace(LINK, (url) => (SECRET_SEGMENT.test(url.replace(/^https?:\/\/[^/]+/, '')) ? '[link verborgen]' : url)).replace(EMAIL, maskAddress);
}

/** Mail that carries a resident's details: a reply address (a public form), or sent to someone without an account. */
function carriesResidentData(row: Pick<OutboxRow, 'replyTo' | 'toAddress'>, accountHolders: Set<string>): boolean {
  return row.replyTo !== null || !accountHolders.has(row.toAddress.trim().toLowerCase());
}

async function accountHoldersAmong(db: Db, addresses: string[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  if (!wanted.length) return new Set();
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, wanted));
  return new Set(rows.map((r) => r.email));
}

function safe(row: OutboxRow, accountHolders: Set<string>): SafeOutboxRow {
  const withheld = carriesResidentData(row, accountHolders);
  return {
    ...row,
    toAddress: maskAddress(row.toAddress),
    replyTo: row.replyTo === null ? null : maskAddress(row.replyTo),
    subject: withheld ? '' : maskBody(row.subject),
    body: withheld ? '' : maskBody(row.body),
    lastError: row.lastError === null ? null : maskBody(row.lastError),
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    withheld,
  };
}

/** A page of the outbox, newest first, masked; the read is audited. */
export async function readOutbox(db: Db, args: { actorUserId: string | null; limit: number; offset: number }) {
  const [{ n }] = await db.select({ n: count() }).from(outbox);
  const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(args.limit).offset(args.offset);
  const holders = await accountHoldersAmong(
    db,
    rows.map((r) => r.toAddress),
  );
  await audit(db, { councilId: null, actorUserId: args.actorUserId, action: 'outbox.listed', entity: 'outbox', data: { offset: args.offset, count: rows.length } });
  return { total: Number(n), rows: rows.map((r) => safe(r, holders)) };
}

/** One mail, masked; the read is audited (with the council the mail belongs to). */
export async function readOutboxMessage(db: Db, args: { actorUserId: string | null; id: string }): Promise<SafeOutboxRow | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, args.id)).limit(1);
  if (!row) return null;
  await audit(db, { councilId: row.councilId, actorUserId: args.actorUserId, action: 'mail.read', entity: 'mail', entityId: row.id });
  return safe(row, await accountHoldersAmong(db, [row.toAddress]));
}
