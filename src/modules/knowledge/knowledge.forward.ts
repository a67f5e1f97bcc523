/**
 * "Stuur dit artikel door": a resident sends the link of an article or news item to at most five
 * addresses, with an optional plain note. No account, no JavaScript, no cookie. It is no open
 * relay: the mail has a fixed template (the item's title, summary and link on this site; the
 * sender cannot set a subject, a sender name or a link), the note is short and holds no link,
 * and it is rate-limited per receiving address, per item and per sender's network address,
 * counted in the database so every instance agrees. The addresses are not stored: the limits
 * keep a keyed hash for a day, and the mail leaves the outbox once it is sent (sweepForwards).
 */
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import { DomainError, TooFastError, filledTooFast } from '../../core/errors.ts';
import { hmac } from '../../core/secret.ts';
import { translator } from '../../core/i18n/index.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { knowledgeForwardMails, knowledgeForwards } from './knowledge.schema.ts';
import { MAX_FORWARD_ADDRESSES, MAX_FORWARD_NOTE, forwardAddresses, noteHasLink } from './knowledge.rules.ts';

/** Per receiving address: three forwarded items a day. */
const PER_ADDRESS_PER_DAY = 3;
/** Per item: thirty addresses an hour, from everyone together. */
const PER_ITEM_PER_HOUR = 30;
/** Per sender's network address: ten addresses an hour. */
const PER_SENDER_PER_HOUR = 10;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const email = z.email();

/** What is sent on: shown in the fixed template. */
export type ForwardItem = { id: string; title: string; summary: string; path: string };

/** Checks the addresses and the note; a broken rule names its field. */
function checkForward(input: { addresses: string; note: string }): string[] {
  const addresses = forwardAddresses(input.addresses);
  if (addresses.length === 0) throw new DomainError('addressesMissing', 'knowledge.forward.addressesMissing', 'addresses');
  if (addresses.length > MAX_FORWARD_ADDRESSES) throw new DomainError('tooManyAddresses', 'knowledge.forward.tooManyAddresses', { field: 'addresses', params: { max: MAX_FORWARD_ADDRESSES } });
  if (addresses.some((a) => a.length > 254 || !email.safeParse(a).success)) throw new DomainError('addressInvalid', 'knowledge.forward.addressInvalid', 'addresses');
  if (input.note.length > MAX_FORWARD_NOTE) throw new DomainError('noteTooLong', 'knowledge.forward.noteTooLong', { field: 'note', params: { max: MAX_FORWARD_NOTE } });
  if (noteHasLink(input.note)) throw new DomainError('noteHasLink', 'knowledge.forward.noteHasLink', 'note');
  return addresses;
}

/** Sends the item on to each address: one mail each, in Dutch, from the fixed template. */
export async function forwardItem(
  deps: Deps,
  args: { council: Council; item: ForwardItem; input: { addresses: string; note: string }; senderIp: string; formIssuedAt: number | null; now?: Date },
): Promise<number> {
  const addresses = checkForward(args.input);
  if (filledTooFast(args.formIssuedAt)) throw new TooFastError();
  const now = args.now ?? new Date();
  const key = (what: string) => hmac(deps.secretKey, `knowledge-forward:${what}`);
  const addressKeys = addresses.map((a) => key(`to:${a}`));
  const senderKey = key(`ip:${args.senderIp}`);
  const t = translator('nl');
  const link = `${deps.config.baseUrl.replace(/\/$/, '')}${args.item.path}`;
  const note = args.input.note.replace(/\s+/g, ' ').trim();
  await deps.db.transaction(async (tx) => {
    // Serialise forwards of one item, so two requests at once cannot both pass the counts.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`knowledge-forward:${args.item.id}`}))`);
    const count = async (where: ReturnType<typeof and>) => (await tx.select({ n: sql<number>`count(*)::int` }).from(knowledgeForwards).where(where))[0]!.n;
    const since = (ms: number) => gt(knowledgeForwards.at, new Date(now.getTime() - ms));
    if ((await count(and(eq(knowledgeForwards.itemId, args.item.id), since(HOUR)))) + addresses.length > PER_ITEM_PER_HOUR) throw limit();
    if ((await count(and(eq(knowledgeForwards.keyHash, senderKey), since(HOUR)))) + addresses.length > PER_SENDER_PER_HOUR) throw limit();
    for (const k of addressKeys) if ((await count(and(eq(knowledgeForwards.keyHash, k), since(DAY)))) >= PER_ADDRESS_PER_DAY) throw limit();
    for (const [i, to] of addresses.entries()) {
      await deps.mailer.queue(tx, {
        councilId: args.council.id,
        to,
        subject: t('knowledge.forward.mailSubject', { title: args.item.title }),
        body: t(note ? 'knowledge.forward.mailBodyNote' : 'knowledge.forward.mailBody', { council: args.council.name, title: args.item.title, summary: args.item.summary, link, note }),
      });
      await tx.insert(knowledgeForwards).values([
        { councilId: args.council.id, keyHash: addressKeys[i]!, itemId: args.item.id, at: now },
        { councilId: args.council.id, keyHash: senderKey, itemId: args.item.id, at: now },
      ]);
    }
    // The mails just queued: removed from the outbox once sent (their addresses with them).
    const queued = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.councilId, args.council.id), inArray(outbox.toAddress, addresses), inArray(outbox.status, ['queued', 'held']), gt(outbox.createdAt, new Date(now.getTime() - 60_000))));
    if (queued.length)
      await tx
        .insert(knowledgeForwardMails)
        .values(queued.map((q) => ({ outboxId: q.id, councilId: args.council.id })))
        .onConflictDoNothing();
  });
  deps.mailer.kick();
  return addresses.length;
}

function limit(): DomainError {
  return new DomainError('forwardLimit', 'knowledge.forward.limit', { field: 'addresses', status: 429 });
}

/**
 * Removes forwarded mails from the outbox once sent (or given up), and the rate-limit counts after
 * a day. Without SMTP (a demo) mail is held in the outbox for admins to read: forwarded ones go
 * after a day.
 */
export async function sweepForwards(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - DAY);
  const done = await deps.db
    .select({ id: knowledgeForwardMails.outboxId })
    .from(knowledgeForwardMails)
    .innerJoin(outbox, eq(outbox.id, knowledgeForwardMails.outboxId))
    .where(or(inArray(outbox.status, ['sent', 'failed']), and(eq(outbox.status, 'held'), lt(outbox.createdAt, dayAgo))));
  if (done.length) {
    await deps.db.delete(outbox).where(
      inArray(
        outbox.id,
        done.map((d) => d.id),
      ),
    );
  }
  await deps.db.delete(knowledgeForwards).where(lt(knowledgeForwards.at, dayAgo));
  return done.length;
}
