/**
 * A council's settings for signals (threshold, retention periods) and its messages to residents
 * per status, with the defaults from the message catalogue.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { translator, type MessageKey } from '../../core/i18n/index.ts';
import { open } from '../../core/crypto.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signalContacts, signalMessageTemplates, signalMessages, signalSettings, type Signal } from './signals.schema.ts';
import type { MessageStatus } from './signals.workflow.ts';
import { DomainError } from '../../core/errors.ts';
import type { SettingsInput, TemplateInput } from './signals.forms.ts';
import { CONTACT_PURPOSE } from './signals.privacy.ts';

export type EffectiveSettings = Omit<typeof signalSettings.$inferSelect, 'councilId' | 'updatedAt'>;
export const defaultSettings: EffectiveSettings = {
  thresholdCount: 5,
  thresholdSources: 3,
  thresholdMonths: 3,
  contactRetentionMonths: 3,
  textRetentionMonths: 24,
};

export async function settingsOf(db: DbOrTx, councilId: string): Promise<EffectiveSettings> {
  const [row] = await db.select().from(signalSettings).where(eq(signalSettings.councilId, councilId)).limit(1);
  if (!row) return { ...defaultSettings };
  const { councilId: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export type Template = { status: MessageStatus; subject: string; body: string; custom: boolean };

const defaultTemplateKeys: Record<MessageStatus, { subject: MessageKey; body: MessageKey }> = {
  received: { subject: 'signals.template.received.subject', body: 'signals.template.received.body' },
  discussed: { subject: 'signals.template.discussed.subject', body: 'signals.template.discussed.body' },
  closed: { subject: 'signals.template.closed.subject', body: 'signals.template.closed.body' },
};

async function templatesOf(db: DbOrTx, councilId: string): Promise<Template[]> {
  const rows = await db.select().from(signalMessageTemplates).where(eq(signalMessageTemplates.councilId, councilId));
  const t = translator('nl');
  return (Object.keys(defaultTemplateKeys) as MessageStatus[]).map((status) => {
    const row = rows.find((r) => r.status === status);
    if (row) return { status, subject: row.subject, body: row.body, custom: true };
    return { status, subject: t(defaultTemplateKeys[status].subject), body: t(defaultTemplateKeys[status].body), custom: false };
  });
}

async function storedEmail(deps: Deps, tx: Tx, signalId: string): Promise<string | null> {
  const [contact] = await tx
    .select({ emailSealed: signalContacts.emailSealed })
    .from(signalContacts)
    .where(and(eq(signalContacts.signalId, signalId), isNull(signalContacts.erasedAt)))
    .limit(1);
  return open(deps.secretKey, CONTACT_PURPOSE, contact?.emailSealed ?? null);
}

/**
 * The templates per council, read once: every acknowledgement needs them and they rarely change.
 * saveTemplate empties the memo here and, through NOTIFY, on every other instance; a lost
 * listener connection (RECONNECTED) empties it too. The memo is used only once the listener is
 * in place; it is not awaited here, since on PGlite LISTEN would wait for this very transaction.
 * One memo per database (tests run several).
 */
const TEMPLATES_CHANNEL = 'raadwerk_signal_templates';
type TemplateMemo = { byCouncil: Map<string, Template[]>; generation: number; listening: boolean };
const templateMemos = new WeakMap<object, TemplateMemo>();
const forgetAll = (memo: TemplateMemo) => {
  memo.generation++;
  memo.byCouncil.clear();
};

async function memoTemplates(deps: Deps, tx: DbOrTx, councilId: string): Promise<Template[]> {
  let memo = templateMemos.get(deps.database);
  if (!memo) {
    const created: TemplateMemo = { byCouncil: new Map(), generation: 0, listening: false };
    templateMemos.set(deps.database, created);
    deps.database
      .listen(TEMPLATES_CHANNEL, () => forgetAll(created))
      .then(
        () => {
          created.listening = true;
        },
        () => templateMemos.delete(deps.database),
      );
    memo = created;
  }
  if (!memo.listening) return templatesOf(tx, councilId);
  const hit = memo.byCouncil.get(councilId);
  if (hit) return hit;
  // A change while this reads leaves nothing stored.
  const generation = memo.generation;
  const templates = await templatesOf(tx, councilId);
  if (generation === memo.generation) memo.byCouncil.set(councilId, templates);
  return templates;
}

async function forgetTemplates(deps: Deps): Promise<void> {
  const memo = templateMemos.get(deps.database);
  if (memo) forgetAll(memo);
  await deps.database.notify(TEMPLATES_CHANNEL, 'changed').catch(() => undefined);
}

/** Fills {referentie} and {raad}; other braces stay as written. */
function fillTemplate(text: string, values: { referentie: string; raad: string }): string {
  return text.replace(/\{(referentie|raad)\}/g, (_m, k: 'referentie' | 'raad') => values[k]);
}

/**
 * Queues the council's message for this status to the resident, if they left an e-mail address
 * (`knownEmail`: the address the caller just stored, so it is not read back).
 */
export async function queueStatusMessage(deps: Deps, tx: Tx, council: Council, signal: Pick<Signal, 'id' | 'reference'>, status: MessageStatus, knownEmail?: string): Promise<boolean> {
  const email = knownEmail ?? (await storedEmail(deps, tx, signal.id));
  if (!email) return false;
  const { subject, body } = await statusMessage(deps, tx, council, signal.reference, status);
  await deps.mailer.queue(tx, { councilId: council.id, to: email, subject, body });
  await tx.insert(signalMessages).values({ councilId: council.id, signalId: signal.id, status, subject });
  return true;
}

/** The council's message for this status about this signal, filled in (the mail is queueStatusMessage's). */
async function statusMessage(deps: Deps, tx: Tx, council: Council, reference: string, status: MessageStatus): Promise<{ subject: string; body: string }> {
  return (await statusTemplate(deps, tx, council, status))(reference);
}

/**
 * The council's message for this status, to fill in with a signal's reference: read before the
 * reference exists, so the submit's transaction does not wait for this read (on PGlite it holds
 * the one lock while it waits).
 */
export async function statusTemplate(deps: Deps, db: DbOrTx, council: Council, status: MessageStatus): Promise<(reference: string) => { subject: string; body: string }> {
  const template = (await memoTemplates(deps, db, council.id)).find((x) => x.status === status)!;
  return (reference) => {
    const values = { referentie: reference, raad: council.name };
    return { subject: fillTemplate(template.subject, values), body: fillTemplate(template.body, values) };
  };
}

// ------------------------------------------------------------------ the settings page

export async function getSettingsPage(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<{ settings: EffectiveSettings; templates: Template[] }> {
  assertCan(args.actor, 'signals.settings');
  const [settings, templates] = await Promise.all([settingsOf(deps.db, args.council.id), templatesOf(deps.db, args.council.id)]);
  return { settings, templates };
}

export async function saveSettings(deps: Deps, args: { actor: Actor | null; council: Council; input: SettingsInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'signals.settings');
  if (input.textRetentionMonths < input.contactRetentionMonths) throw new DomainError('textBeforeContact', 'signals.error.textBeforeContact', 'textRetentionMonths');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(signalSettings)
      .values({ councilId: council.id, ...input, updatedAt: new Date() })
      .onConflictDoUpdate({ target: signalSettings.councilId, set: { ...input, updatedAt: new Date() } });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'signalSettings.changed',
      entity: 'signal_settings',
      entityId: council.id,
      data: { ...input },
    });
  });
}

export async function saveTemplate(deps: Deps, args: { actor: Actor | null; council: Council; status: MessageStatus; input: TemplateInput }): Promise<void> {
  const { actor, council, input, status } = args;
  assertCan(actor, 'signals.settings');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(signalMessageTemplates)
      .values({ councilId: council.id, status, subject: input.subject, body: input.body })
      .onConflictDoUpdate({
        target: [signalMessageTemplates.councilId, signalMessageTemplates.status],
        set: { subject: input.subject, body: input.body, updatedAt: new Date() },
      });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'signalTemplate.changed',
      entity: 'signal_message_template',
      entityId: status,
    });
  });
  await forgetTemplates(deps);
}
