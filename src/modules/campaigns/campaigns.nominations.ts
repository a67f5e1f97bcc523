/**
 * Nominations through the public form: anyone may nominate a municipality while the window is
 * open. A second nomination of the same municipality becomes a co-nomination of the first. The
 * confirmation mail carries an edit link (a random token, kept as its hash) that works until the
 * deadline. An optional PDF is checked on its content (core/files/sniff.ts).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError } from '../../core/errors.ts';
import { field, type Upload } from '../../core/http/forms.ts';
import type { Translate } from '../../core/i18n/index.ts';
import { formatDateTime } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { randomToken, sha256 } from '../../core/secret.ts';
import { sniffDocument } from '../../core/files/sniff.ts';
import { files } from '../../core/files/files.schema.ts';
import { campaignNominations, type Campaign, type Criterion, type Nomination } from './campaigns.schema.ts';
import { nominationsOpen } from './campaigns.workflow.ts';
import { municipality } from './municipalities.ts';
import { nominatorOf, sealNominator } from './campaigns.privacy.ts';

/** At most this many characters per motivation. */
const MOTIVATION_MAX = 2000;
/** At most 10 MB for the optional PDF. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/** The form field of a criterion's motivation. */
export const motivationField = (c: Pick<Criterion, 'position'>) => `motivatie${c.position}`;

/** The nomination form for these criteria: municipality, nominator and a motivation per criterion. */
export function nominationSchema(criteria: Criterion[]) {
  const motivations = Object.fromEntries(criteria.map((c) => [motivationField(c), field.text(MOTIVATION_MAX)]));
  return z.object({
    municipality: z
      .string({ error: 'campaigns.error.municipality' })
      .trim()
      .refine((code) => municipality(code) !== undefined, 'campaigns.error.municipality'),
    name: field.text(200),
    role: field.text(200),
    email: field.email(),
    ...motivations,
  });
}
export type NominationInput = { municipality: string; name: string; role: string; email: string } & Record<string, string>;

/** The PDF: none, or a PDF of at most 10 MB by its content. */
async function storePdf(deps: Deps, tx: DbOrTx, upload: Upload | undefined): Promise<{ fileHash: string; fileName: string } | null> {
  if (!upload) return null;
  if (upload.truncated) throw new DomainError('fileTooLarge', 'campaigns.error.fileTooLarge', 'bijlage');
  if (sniffDocument(upload.bytes)?.kind !== 'pdf') throw new DomainError('notPdf', 'campaigns.error.notPdf', 'bijlage');
  const hash = await deps.files.put(upload.bytes);
  await tx.insert(files).values({ hash, contentType: 'application/pdf', size: upload.bytes.length }).onConflictDoNothing();
  return { fileHash: hash, fileName: upload.fileName.slice(0, 200) };
}

function closed(): never {
  throw new DomainError('nominationsClosed', 'campaigns.error.closed', { status: 409 });
}

/** The link a nominator gets to change the nomination until the deadline. */
const editPath = (council: Council, campaign: Campaign, token: string) => `/${council.slug}/campagnes/${campaign.id}/nominatie/${token}`;

/**
 * A new nomination. Checks the window at `now` (a post after the deadline minute is refused),
 * stores it, and queues the confirmation mail with the edit link in the same transaction.
 */
export async function submitNomination(
  deps: Deps,
  args: { council: Council; campaign: Campaign; criteria: Criterion[]; input: NominationInput; upload?: Upload; t: Translate; now?: Date },
): Promise<{ id: string; coNomination: boolean }> {
  const { council, campaign, criteria, input, t } = args;
  const now = args.now ?? new Date();
  if (!nominationsOpen(campaign, now)) closed();
  const m = municipality(input.municipality);
  if (!m) throw new DomainError('unknownMunicipality', 'campaigns.error.municipality', 'municipality');
  const token = randomToken();
  const out = await deps.db.transaction(async (tx) => {
    const pdf = await storePdf(deps, tx, args.upload);
    const [first] = await tx
      .select({ id: campaignNominations.id })
      .from(campaignNominations)
      .where(and(eq(campaignNominations.campaignId, campaign.id), eq(campaignNominations.municipalityCode, m.code), isNull(campaignNominations.coNominationOf)))
      .orderBy(asc(campaignNominations.createdAt))
      .limit(1);
    const [row] = await tx
      .insert(campaignNominations)
      .values({
        councilId: council.id,
        campaignId: campaign.id,
        municipalityCode: m.code,
        province: m.province,
        coNominationOf: first?.id ?? null,
        nominatorSealed: sealNominator(deps.secretKey, input),
        motivations: motivationsOf(criteria, input),
        editTokenHash: sha256(token),
        ...pdf,
      })
      .returning({ id: campaignNominations.id });
    await audit(tx, {
      councilId: council.id,
      actorUserId: null,
      action: 'nomination.submitted',
      entity: 'nomination',
      entityId: row!.id,
      data: { municipality: m.code, coNomination: Boolean(first) },
    });
    const params = {
      name: input.name,
      municipality: m.name,
      campaign: campaign.title,
      deadline: formatDateTime(campaign.closesAt, 'nl'),
      url: `${deps.config.baseUrl}${editPath(council, campaign, token)}`,
    };
    await deps.mailer.queue(tx, { councilId: council.id, to: input.email, subject: t('campaigns.mail.confirm.subject', params), body: t('campaigns.mail.confirm.body', params) });
    return { id: row!.id, coNomination: Boolean(first) };
  });
  deps.mailer.kick();
  return out;
}

/** The nomination behind an edit link of this campaign; null for an unknown link or another campaign's. */
export async function nominationByToken(db: DbOrTx, campaign: Campaign, token: string): Promise<Nomination | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(campaignNominations)
    .where(and(eq(campaignNominations.campaignId, campaign.id), eq(campaignNominations.editTokenHash, sha256(token))));
  return row ?? null;
}

/** Changes through the edit link, until the deadline. The municipality stays as nominated. */
export async function updateNomination(
  deps: Deps,
  args: { council: Council; campaign: Campaign; criteria: Criterion[]; nomination: Nomination; input: NominationInput; upload?: Upload; now?: Date },
): Promise<void> {
  const { campaign, criteria, nomination, input } = args;
  if (!nominationsOpen(campaign, args.now ?? new Date())) closed();
  await deps.db.transaction(async (tx) => {
    const pdf = await storePdf(deps, tx, args.upload);
    await tx
      .update(campaignNominations)
      .set({
        nominatorSealed: sealNominator(deps.secretKey, input),
        motivations: motivationsOf(criteria, input),
        updatedAt: new Date(),
        ...(pdf ?? {}),
      })
      .where(eq(campaignNominations.id, nomination.id));
    await audit(tx, { councilId: args.council.id, actorUserId: null, action: 'nomination.changed', entity: 'nomination', entityId: nomination.id });
  });
}

/** The motivations as stored: criterion id -> text. */
const motivationsOf = (criteria: Criterion[], input: NominationInput) => Object.fromEntries(criteria.map((c) => [c.id, input[motivationField(c)] ?? '']));

/** The form's values of a stored nomination (to show on the edit page). */
export function valuesOf(secretKey: string, n: Nomination, criteria: Criterion[]): Record<string, string> {
  const who = nominatorOf(secretKey, n);
  return {
    municipality: n.municipalityCode,
    name: who?.name ?? '',
    role: who?.role ?? '',
    email: who?.email ?? '',
    ...Object.fromEntries(criteria.map((c) => [motivationField(c), n.motivations[c.id] ?? ''])),
  };
}
