/** Test data of campaigns: a campaign with criteria, nominations and jurors straight in the database. */
import { randomToken, sha256 } from '../../core/secret.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Db } from '../../core/db/index.ts';
import { campaignCriteria, campaignJurors, campaignNominations, campaigns, type Campaign, type Criterion, type Nomination } from './campaigns.schema.ts';
import { municipality } from './municipalities.ts';
import { sealNominator, type Nominator } from './campaigns.privacy.ts';

/** The test's app: its database and its key (nominators' details are sealed with it). */
type T = { db: Db; app: { deps: { secretKey: string } } };
const HOUR = 3_600_000;

export const CRITERIA = [
  { question: 'Leeft cliëntondersteuning in de gemeente?', explanation: 'Staat het onderwerp hoog op de agenda?' },
  { question: 'Is het een gezamenlijk leerproces?', explanation: 'Werken gemeente, inwoners, professionals en vrijwilligers samen?' },
  { question: 'Zijn er opvallende vernieuwingen?', explanation: 'Bijvoorbeeld in zichtbaarheid of in de koppeling van professionals en vrijwilligers.' },
];

/** A campaign of a national organisation, open for nominations now unless the values say otherwise. */
export async function makeCampaign(t: T, council: Council, values: Partial<typeof campaigns.$inferInsert> = {}): Promise<{ campaign: Campaign; criteria: Criterion[] }> {
  const [campaign] = await t.db
    .insert(campaigns)
    .values({
      councilId: council.id,
      title: 'Koplopers in cliëntondersteuning',
      purpose: 'Wij zoeken gemeenten die cliëntondersteuning samen goed regelen.',
      opensAt: new Date(Date.now() - 24 * HOUR),
      closesAt: new Date(Date.now() + 24 * HOUR),
      ...values,
    })
    .returning();
  const criteria = await t.db
    .insert(campaignCriteria)
    .values(CRITERIA.map((c, i) => ({ councilId: council.id, campaignId: campaign!.id, position: i + 1, ...c })))
    .returning();
  return { campaign: campaign!, criteria: criteria.sort((a, b) => a.position - b.position) };
}

/** A nomination (with a known edit token). */
export async function makeNomination(
  t: T,
  campaign: Campaign,
  criteria: Criterion[],
  code: string,
  values: Partial<typeof campaignNominations.$inferInsert> & { nominator?: Partial<Nominator> } = {},
): Promise<{ nomination: Nomination; token: string }> {
  const token = randomToken();
  const { nominator, ...rest } = values;
  const who = { name: 'Noor Voordrager', role: 'inwoner', email: `noor-${code.toLowerCase()}@test.example`, ...nominator };
  const [nomination] = await t.db
    .insert(campaignNominations)
    .values({
      councilId: campaign.councilId,
      campaignId: campaign.id,
      municipalityCode: code,
      province: municipality(code)!.province,
      nominatorSealed: sealNominator(t.app.deps.secretKey, who),
      motivations: Object.fromEntries(criteria.map((c) => [c.id, `Motivatie voor ${c.position}.`])),
      editTokenHash: sha256(token),
      ...rest,
    })
    .returning();
  return { nomination: nomination!, token };
}

export async function addJuror(t: T, campaign: Campaign, membershipId: string): Promise<void> {
  await t.db.insert(campaignJurors).values({ councilId: campaign.councilId, campaignId: campaign.id, membershipId });
}

/** The nomination form's fields for these criteria. */
export function nominationForm(criteria: Criterion[], code: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    municipality: code,
    name: 'Sam Inwoner',
    role: 'inwoner',
    email: 'sam@test.example',
    ...Object.fromEntries(criteria.map((c) => [`motivatie${c.position}`, `Hier gebeurt veel rond criterium ${c.position}.`])),
    ...extra,
  };
}

/** Scores for every criterion, as the score form posts them. */
export function scoreForm(criteria: Criterion[], score: number | string, motivation = 'Een duidelijke en goede toelichting.'): Record<string, string> {
  return Object.fromEntries(
    criteria.flatMap((c) => [
      [`score${c.position}`, String(score)],
      [`toelichting${c.position}`, motivation],
    ]),
  );
}
