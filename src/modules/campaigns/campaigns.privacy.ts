/**
 * The nominator's personal data: name, role and e-mail are sealed together (AES-256-GCM, core/
 * crypto.ts) and erased by the retention job a year after the results are published, or two
 * years after the deadline of a campaign never published. The nomination itself (municipality,
 * motivations, PDF) stays: it is about the municipality. The privacy text on the form says so.
 */
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { open, seal } from '../../core/crypto.ts';
import { campaignNominations, campaigns, type Nomination } from './campaigns.schema.ts';

/** Purpose of the key that seals nominators' details (see core/crypto.ts). */
export const NOMINATOR_PURPOSE = 'campaign-nominator';
/** Months after publication, and after the deadline of a campaign never published. */
const RETENTION_MONTHS = { afterPublication: 12, afterDeadline: 24 } as const;
/** Values the migration of issue 12 could not seal (the key is the application's): sealed by the job's first run. */
const PLAIN = 'plain:';

export type Nominator = { name: string; role: string; email: string };

export function sealNominator(secretKey: string, n: Nominator): string {
  return seal(secretKey, NOMINATOR_PURPOSE, JSON.stringify({ name: n.name, role: n.role, email: n.email }));
}

/** The nominator of a nomination; null once erased (or if the value cannot be opened). */
export function nominatorOf(secretKey: string, n: Pick<Nomination, 'nominatorSealed'>): Nominator | null {
  const v = n.nominatorSealed;
  if (!v) return null;
  const plain = v.startsWith(PLAIN) ? v.slice(PLAIN.length) : open(secretKey, NOMINATOR_PURPOSE, v);
  if (plain === null) return null;
  try {
    const o = JSON.parse(plain) as Partial<Nominator>;
    return { name: String(o.name ?? ''), role: String(o.role ?? ''), email: String(o.email ?? '') };
  } catch {
    return null;
  }
}

/**
 * The retention job: seals what the migration left in plain, then erases the nominators' details
 * that are due. Set-based and idempotent (it works from the dates); one audit entry per campaign
 * with the count.
 */
export async function runNominatorRetention(deps: Pick<Deps, 'db' | 'secretKey'>, now = new Date()): Promise<{ sealed: number; erased: number }> {
  return deps.db.transaction(async (tx) => {
    const plain = await tx
      .select({ id: campaignNominations.id, v: campaignNominations.nominatorSealed })
      .from(campaignNominations)
      .where(like(campaignNominations.nominatorSealed, `${PLAIN}%`));
    for (const r of plain) {
      const n = nominatorOf(deps.secretKey, { nominatorSealed: r.v });
      await tx
        .update(campaignNominations)
        .set({ nominatorSealed: n ? sealNominator(deps.secretKey, n) : null })
        .where(eq(campaignNominations.id, r.id));
    }
    const at = now.toISOString();
    const due = await tx
      .update(campaignNominations)
      .set({ nominatorSealed: null, nominatorErasedAt: now })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.id, campaignNominations.campaignId),
          isNull(campaignNominations.nominatorErasedAt),
          sql`(${campaigns.publishedAt} < ${at}::timestamptz - make_interval(months => ${RETENTION_MONTHS.afterPublication})
            or ${campaigns.closesAt} < ${at}::timestamptz - make_interval(months => ${RETENTION_MONTHS.afterDeadline}))`,
        ),
      )
      .returning({ campaignId: campaignNominations.campaignId, councilId: campaignNominations.councilId });
    const perCampaign = new Map<string, { councilId: string; n: number }>();
    for (const d of due) perCampaign.set(d.campaignId, { councilId: d.councilId, n: (perCampaign.get(d.campaignId)?.n ?? 0) + 1 });
    for (const [campaignId, { councilId, n }] of perCampaign) {
      await audit(tx, { councilId, actorUserId: null, action: 'campaign.nominatorsErased', entity: 'campaign', entityId: campaignId, data: { nominations: n } });
    }
    return { sealed: plain.length, erased: due.length };
  });
}
