/**
 * The organisers' export: every nomination (co-nominations too) with its motivations and the
 * jury's scores, as one table; campaigns.sheets.ts writes it as CSV, XLSX or ODS. A nominator
 * whose details were erased after the retention period shows as "gewist".
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { campaignNominations, campaignScores, type Campaign } from './campaigns.schema.ts';
import { criteriaOf, juryOf } from './campaigns.service.ts';
import { nominatorOf } from './campaigns.privacy.ts';
import type { Sheet } from './campaigns.sheets.ts';
import { municipality } from './municipalities.ts';

export async function campaignSheet(db: DbOrTx, secretKey: string, campaign: Campaign): Promise<Sheet> {
  const [criteria, jury, noms, scores] = await Promise.all([
    criteriaOf(db, campaign.id),
    juryOf(db, campaign.id),
    db.select().from(campaignNominations).where(eq(campaignNominations.campaignId, campaign.id)).orderBy(campaignNominations.createdAt),
    db
      .select({ nominationId: campaignScores.nominationId, membershipId: campaignScores.membershipId, criterionId: campaignScores.criterionId, score: campaignScores.score })
      .from(campaignScores)
      .innerJoin(campaignNominations, eq(campaignNominations.id, campaignScores.nominationId))
      .where(eq(campaignNominations.campaignId, campaign.id)),
  ]);
  const scoreOf = new Map(scores.map((s) => [`${s.nominationId}/${s.membershipId}/${s.criterionId}`, s.score]));
  const codeOf = new Map(noms.map((n) => [n.id, n.municipalityCode]));
  const header = [
    'cbs_code',
    'gemeente',
    'provincie',
    'medevoordracht_van',
    'voordrager',
    'rol',
    'e-mail',
    'ingediend',
    'koploper',
    'motivatie_koploper',
    ...criteria.map((c) => `motivatie_${c.position}`),
    ...jury.flatMap((j) => criteria.map((c) => `score_${c.position}_${j.name}`)),
  ];
  const rows = noms.map((n) => {
    const m = municipality(n.municipalityCode);
    const who = nominatorOf(secretKey, n);
    return [
      n.municipalityCode,
      m?.name,
      m?.provinceName,
      n.coNominationOf ? codeOf.get(n.coNominationOf) : '',
      who?.name ?? 'gewist',
      who?.role ?? '',
      who?.email ?? '',
      n.createdAt.toISOString(),
      n.selected ? 'ja' : 'nee',
      n.selectionMotivation,
      ...criteria.map((c) => n.motivations[c.id]),
      ...jury.flatMap((j) => criteria.map((c) => scoreOf.get(`${n.id}/${j.membershipId}/${c.id}`) ?? '')),
    ];
  });
  return { name: 'Voordrachten', rows: [header, ...rows] };
}
