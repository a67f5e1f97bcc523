import { asc, eq, sql } from 'drizzle-orm';
import { DomainError, TooFastError, filledTooFast } from '../../core/errors.ts';
export { TooFastError } from '../../core/errors.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Upload } from '../../core/http/forms.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { sniffImage } from '../../core/files/store.ts';
import { ImageError, safeImage, type SafeImage } from '../../core/files/image.ts';
import { files } from '../../core/files/files.schema.ts';
import { readOutbox, readOutboxMessage } from '../../core/mail/outbox-view.ts';
import { holdBeyondBudget } from '../../core/public-budget.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import type { ContactInput, NewCouncilInput, SettingsInput } from './councils.forms.ts';
import { contrastWithWhite } from './councils.rules.ts';
import { RESERVED_SLUGS } from '../../core/roles.ts';

/**
 * Requests remember council rows (core/tenancy.ts rememberCouncils) until the next change: a
 * change made here is told at once, also when it runs outside a request.
 */
async function councilChanged(deps: Deps): Promise<void> {
  await deps.cache.invalidate();
}

export async function listCouncils(db: DbOrTx): Promise<Council[]> {
  return db.select().from(councils).orderBy(asc(councils.name));
}

export async function updateSettings(deps: Deps, args: { actor: Actor | null; council: Council; input: SettingsInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'settings.manage');
  const ratio = contrastWithWhite(input.colour);
  if (ratio < 4.5) throw new DomainError('colourContrast', 'councils.settings.colourContrast', { field: 'colour', params: { ratio: ratio.toFixed(1).replace('.', ',') } });
  await deps.db.transaction(async (tx) => {
    await tx
      .update(councils)
      .set({ ...input, version: sql`${councils.version} + 1`, updatedAt: new Date() })
      .where(eq(councils.id, council.id));
    const changed = (Object.keys(input) as (keyof SettingsInput)[]).filter((k) => input[k] !== undefined && input[k] !== council[k]);
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'council.settingsChanged',
      entity: 'council',
      entityId: council.id,
      data: { changed },
    });
  });
  await councilChanged(deps);
}

/**
 * The file rules for a logo: the image is decoded and checked (type, pixel limits) off the request
 * thread and re-encoded as a PNG of a safe size (core/files/image.ts); that copy is what is kept.
 */
export async function checkLogo(upload: Upload | null | undefined): Promise<SafeImage> {
  if (upload?.truncated) throw new DomainError('logoTooLarge', 'councils.settings.logoTooLarge', 'logo');
  if (!upload || upload.bytes.length === 0) throw new DomainError('logoMissing', 'councils.settings.logoMissing', 'logo');
  if (!sniffImage(upload.bytes)) throw new DomainError('logoType', 'councils.settings.logoType', 'logo');
  try {
    return await safeImage(upload.bytes);
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    const key = err.code === 'too_large' ? 'logoPixels' : err.code === 'type' ? 'logoType' : 'logoDamaged';
    throw new DomainError(key, `councils.settings.${key}`, 'logo');
  }
}

export async function setLogo(deps: Deps, args: { actor: Actor | null; council: Council; upload: Upload | null | undefined; logoAlt: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'settings.manage');
  const image = await checkLogo(args.upload);
  const hash = await deps.files.put(image.bytes);
  await deps.db.transaction(async (tx) => {
    await tx.insert(files).values({ hash, contentType: image.contentType, size: image.bytes.length }).onConflictDoNothing();
    await tx
      .update(councils)
      .set({ logoFile: hash, logoAlt: args.logoAlt, version: sql`${councils.version} + 1`, updatedAt: new Date() })
      .where(eq(councils.id, council.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'council.logoSet', entity: 'council', entityId: council.id, data: { hash } });
  });
  await councilChanged(deps);
}

export async function removeLogo(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'settings.manage');
  await deps.db.transaction(async (tx) => {
    await tx
      .update(councils)
      .set({ logoFile: null, version: sql`${councils.version} + 1`, updatedAt: new Date() })
      .where(eq(councils.id, council.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'council.logoRemoved', entity: 'council', entityId: council.id });
  });
  await councilChanged(deps);
}

export async function readLogo(deps: Deps, council: Council): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!council.logoFile) return null;
  const [meta] = await deps.db.select().from(files).where(eq(files.hash, council.logoFile)).limit(1);
  const bytes = await deps.files.get(council.logoFile);
  return meta && bytes ? { bytes, contentType: meta.contentType } : null;
}

/** The contact form: the message goes by e-mail to the council's address, reply-to the sender. */
export async function sendContactMessage(deps: Deps, args: { council: Council; input: ContactInput; formIssuedAt: number | null; locale: Locale }): Promise<void> {
  const { council, input } = args;
  if (filledTooFast(args.formIssuedAt)) throw new TooFastError();
  const t = translator('nl');
  await deps.db.transaction(async (tx) => {
    const mail = {
      to: council.contactEmail,
      replyTo: input.email,
      subject: t('councils.contact.mailSubject', { subject: input.subject }),
      body: t('councils.contact.mailBody', { council: council.name, name: input.name, email: input.email, subject: input.subject, message: input.message }),
    };
    // Beyond the organisation's hourly budget the message waits for the board (core/public-budget.ts).
    if (!(await holdBeyondBudget(deps, tx, { council, mail }))) await deps.mailer.queue(tx, { councilId: council.id, ...mail });
    await audit(tx, { councilId: council.id, actorUserId: null, action: 'council.contactReceived', entity: 'council', entityId: council.id });
  });
  deps.mailer.kick();
}

export async function createCouncil(deps: Deps, args: { actor: Actor | null; input: NewCouncilInput }): Promise<Council> {
  const { actor, input } = args;
  assertCan(actor, 'councils.create');
  if (RESERVED_SLUGS.has(input.slug)) throw new DomainError('slugTaken', 'councils.admin.slugTaken', 'slug');
  const created = await deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(councils).values(input).onConflictDoNothing().returning();
    const council = inserted[0];
    if (!council) throw new DomainError('slugTaken', 'councils.admin.slugTaken', 'slug');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'council.created', entity: 'council', entityId: council.id });
    return council;
  });
  await councilChanged(deps);
  return created;
}

/** The outbox for the platform administrator: masked, and every read audited (core/mail/outbox-view.ts). */
export async function listOutbox(deps: Deps, args: { actor: Actor | null; limit: number; offset: number }) {
  assertCan(args.actor, 'outbox.read');
  return readOutbox(deps.db, { actorUserId: args.actor?.userId ?? null, limit: args.limit, offset: args.offset });
}

export async function getOutboxMessage(deps: Deps, args: { actor: Actor | null; id: string }) {
  assertCan(args.actor, 'outbox.read');
  return readOutboxMessage(deps.db, { actorUserId: args.actor?.userId ?? null, id: args.id });
}
