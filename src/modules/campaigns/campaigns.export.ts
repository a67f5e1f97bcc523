/**
 * The organisers' export: every nomination (co-nominations too) with its motivations and the
 * jury's scores, as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the
 * accents). Cells that start with = + - @ are prefixed with ' so a spreadsheet does not run them.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { campaignNominations, campaignScores, type Campaign } from './campaigns.schema.ts';
import { criteriaOf, juryOf } from './campaigns.service.ts';
import { municipality } from './municipalities.ts';

function cell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function campaignCsv(db: DbOrTx, campaign: Campaign): Promise<string> {
  const [criteria, jury, noms, scores] = await Promise.all([
    criteriaOf(db, campaign.id),
    juryOf(db, campaign.id),
    db.select().from(campaignNominations).where(eq(campaignNominations.campaignId, campaign.id)).orderBy(campaignNominations.createdAt),
    db.select().from(campaignScores).innerJoin(campaignNominations, eq(campaignNominations.id, campaignScores.nominationId)).where(eq(campaignNominations.campaignId, campaign.id)),
  ]);
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
  const lines = [header.map(cell).join(',')];
  for (const n of noms) {
    const m = municipality(n.municipalityCode);
    const of = n.coNominationOf ? noms.find((x) => x.id === n.coNominationOf)?.municipalityCode : '';
    const score = (membershipId: string, criterionId: string) =>
      scores.find((s) => s.campaign_scores.nominationId === n.id && s.campaign_scores.membershipId === membershipId && s.campaign_scores.criterionId === criterionId)?.campaign_scores.score ?? '';
    lines.push(
      [
        n.municipalityCode,
        m?.name,
        m?.provinceName,
        of,
        n.nominatorName,
        n.nominatorRole,
        n.nominatorEmail,
        n.createdAt.toISOString(),
        n.selected ? 'ja' : 'nee',
        n.selectionMotivation,
        ...criteria.map((c) => n.motivations[c.id]),
        ...jury.flatMap((j) => criteria.map((c) => score(j.membershipId, c.id))),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
