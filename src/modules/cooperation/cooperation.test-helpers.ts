/** Agreements straight in the database, for tests of this and other modules (documents sharing). */
import type { TestApp } from '../../../test/support/factories.ts';
import { dayFromToday } from '../../../test/support/factories.ts';
import { eq } from 'drizzle-orm';
import type { Council } from '../../core/organisations.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { agreementParties, agreements, sharedDossiers, type Agreement, type AgreementState, type DossierLevel, type RenewalKind } from './cooperation.schema.ts';

let seq = 0;

/**
 * An agreement between organisations, the first one drafting it. By default it is active: it
 * started a month ago, ends in eleven months, renews tacitly and every party has accepted it.
 */
export async function makeAgreement(
  t: TestApp,
  parties: Pick<Council, 'id'>[],
  opts: { state?: AgreementState; startsOn?: string; endsOn?: string; renewal?: RenewalKind; noticeDays?: number; outside?: string[]; title?: string; isPublic?: boolean } = {},
): Promise<Agreement> {
  const n = ++seq;
  const state = opts.state ?? 'active';
  const accepted = !['draft', 'proposed'].includes(state);
  const [a] = await t.db
    .insert(agreements)
    .values({
      councilId: parties[0]!.id,
      name: `samenwerking-${process.pid}-${Date.now().toString(36)}-${n}`,
      title: opts.title ?? `Samenwerking ${n}`,
      purpose: 'Samen ervaringen ophalen bij cliënten van de wijkteams.',
      startsOn: opts.startsOn ?? dayFromToday(-30),
      endsOn: opts.endsOn ?? dayFromToday(335),
      renewal: opts.renewal ?? 'tacit',
      noticeDays: opts.noticeDays ?? 30,
      isPublic: opts.isPublic ?? true,
      state,
    })
    .returning();
  await t.db
    .insert(agreementParties)
    .values([
      ...parties.map((p) => ({ agreementId: a!.id, partyCouncilId: p.id, contribution: 'Kennis en tijd', acceptedAt: accepted ? new Date() : null })),
      ...(opts.outside ?? []).map((outsideName) => ({ agreementId: a!.id, outsideName })),
    ]);
  return a!;
}

/** A folder of `owner` shared with the agreement. */
export async function shareFolder(t: TestApp, agreement: Pick<Agreement, 'id'>, owner: Pick<Council, 'id'>, folder: { id: string; name: string }, level: DossierLevel = 'read') {
  const [d] = await t.db.insert(sharedDossiers).values({ councilId: owner.id, agreementId: agreement.id, folderId: folder.id, folderName: folder.name, level }).returning();
  return d!;
}

/** The agreement with a signed PDF in the file store. */
export async function withSignedFile(t: TestApp, agreement: Pick<Agreement, 'id'>, bytes: Buffer) {
  const hash = await t.app.deps.files.put(bytes);
  await t.db.insert(files).values({ hash, contentType: 'application/pdf', size: bytes.length }).onConflictDoNothing();
  await t.db.update(agreements).set({ signedFileHash: hash, signedFileName: 'overeenkomst.pdf' }).where(eq(agreements.id, agreement.id));
}
