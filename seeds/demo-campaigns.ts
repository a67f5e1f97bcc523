/**
 * Demo campaign of the national organisation: "Koplopers in cliëntondersteuning", run by a
 * fictional trio (the Kennispunt with a fictional association of municipalities and a fictional
 * client umbrella), three criteria, 25 nominations across all 12 provinces (three of them
 * co-nominations), a jury of four with one declared conflict, scores with one flagged spread,
 * and front runners in every province but Zeeland, published with the reason. The kick-off (held)
 * and the closing meeting (coming) are meetings of the Kennispunt. A late nomination
 * is refused by the same rule the form uses (checked below; nothing is stored for it).
 * Names, roles and texts are fictional; municipalities, CBS codes and provinces are real.
 */
import type { Tx } from '../src/core/db/index.ts';
import { councils, memberships } from '../src/core/organisations.schema.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { randomToken, sha256 } from '../src/core/secret.ts';
import { campaignCriteria, campaignDeclarations, campaignJurors, campaignNominations, campaigns, campaignScores } from '../src/modules/campaigns/campaigns.schema.ts';
import { nominationsOpen } from '../src/modules/campaigns/campaigns.workflow.ts';
import { municipality } from '../src/modules/campaigns/municipalities.ts';
import { sealNominator } from '../src/modules/campaigns/campaigns.privacy.ts';
import { meetings } from '../src/modules/meetings/meetings.schema.ts';

type People = Map<string, { userId: string; membershipId: string }>;
const DAY = 86_400_000;
const ago = (days: number, hour = 10) => {
  const d = new Date(Date.now() - days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

const criteria = [
  {
    question: 'Leeft cliëntondersteuning in de gemeente?',
    explanation: 'Staat onafhankelijke cliëntondersteuning hoog op de agenda van de gemeente, de raad en de adviesraad?',
  },
  {
    question: 'Is het een gezamenlijk leerproces?',
    explanation: 'Werken de gemeente, inwoners, professionals en vrijwilligers samen aan betere cliëntondersteuning, en leren zij van elkaar?',
  },
  {
    question: 'Zijn er opvallende vernieuwingen?',
    explanation: 'Bijvoorbeeld in de zichtbaarheid van cliëntondersteuning, of in de koppeling van professionals en vrijwilligers.',
  },
];

/** [CBS code, chosen as front runner, jury's mood (1-5), co-nominations]. Zeeland's one nomination is not chosen. */
const nominated: [string, boolean, number, number][] = [
  ['GM0014', true, 5, 1], // Groningen
  ['GM1966', false, 3, 0], // Het Hogeland
  ['GM0080', true, 4, 0], // Leeuwarden
  ['GM1900', false, 3, 0], // Súdwest-Fryslân
  ['GM0106', true, 4, 0], // Assen
  ['GM0193', true, 5, 1], // Zwolle
  ['GM0153', false, 3, 0], // Enschede
  ['GM0034', true, 4, 0], // Almere
  ['GM0202', true, 4, 0], // Arnhem
  ['GM0268', false, 3, 0], // Nijmegen
  ['GM0344', true, 5, 0], // Utrecht
  ['GM0355', false, 3, 0], // Zeist
  ['GM0363', false, 3, 0], // Amsterdam (one juror declared a conflict)
  ['GM0392', true, 4, 1], // Haarlem
  ['GM0599', false, 4, 0], // Rotterdam (the flagged spread)
  ['GM0546', true, 5, 0], // Leiden
  ['GM0505', false, 2, 0], // Dordrecht
  ['GM0687', false, 2, 0], // Middelburg (Z.)
  ['GM0772', true, 4, 0], // Eindhoven
  ['GM0855', false, 3, 0], // Tilburg
  ['GM0935', true, 4, 0], // Maastricht
  ['GM0983', false, 3, 0], // Venlo
];

const firstNames = ['Anouk', 'Bram', 'Carla', 'Dirk', 'Esra', 'Floor', 'Gijs', 'Hanneke', 'Imre', 'Joyce', 'Karim', 'Lotte', 'Maarten', 'Nadia', 'Olaf'];
const lastNames = ['Akkerman', 'Bosveld', 'Coster', 'Dijkhuis', 'Everts', 'Franssen', 'Goudriaan', 'Hovenier', 'IJzerman', 'Jonkers', 'Kooistra', 'Lammers', 'Mulder-Brink'];
const roles = ['lid van de adviesraad', 'cliëntondersteuner', 'wethouder', 'vrijwilliger bij het steunpunt', 'inwoner', 'beleidsmedewerker'];

const motivationOf = (name: string, i: number) =>
  [
    `In ${name} praten de gemeenteraad en de adviesraad elk jaar over cliëntondersteuning. Inwoners weten de ondersteuners te vinden.`,
    `De gemeente, de adviesraad, het wijkteam en vrijwilligers maakten in ${name} samen een plan. Zij komen elk kwartaal bij elkaar om te leren.`,
    `${name} heeft een spreekuur in de bibliotheek en koppelt nieuwe vrijwilligers aan een ervaren cliëntondersteuner.`,
  ][i]!;

/** The two partner organisations of the demo campaign (national, fictional). */
async function partners(tx: Tx): Promise<string[]> {
  const rows = await tx
    .insert(councils)
    .values([
      {
        slug: 'vereniging-samenwerkende-gemeenten',
        name: 'Vereniging Samenwerkende Gemeenten',
        kind: 'landelijk' as const,
        advises: 'gemeenten in heel Nederland',
        tagline: 'Een fictieve vereniging van gemeenten, voor de demo.',
        contactEmail: 'info@samenwerkende-gemeenten.example',
      },
      {
        slug: 'clientenkoepel-samen-verder',
        name: 'Cliëntenkoepel Samen Verder',
        kind: 'landelijk' as const,
        advises: 'cliëntenorganisaties in heel Nederland',
        tagline: 'Een fictieve koepel van cliëntenorganisaties, voor de demo.',
        contactEmail: 'info@samen-verder.example',
      },
    ])
    .returning({ id: councils.id });
  return rows.map((r) => r.id);
}

export async function seedDemoCampaigns(tx: Tx, council: typeof councils.$inferSelect, people: People, secretKey: string): Promise<void> {
  const partnerIds = await partners(tx);
  // A fourth juror from the field: a member of the Kennispunt without a demo login.
  const [user] = await tx.insert(users).values({ name: 'Ruud Vermeer', email: 'ruud.vermeer@kennispunt-inspraak.example', passwordHash: null }).returning();
  const [fourth] = await tx.insert(memberships).values({ councilId: council.id, userId: user!.id, role: 'member', bio: 'Jurylid namens de cliëntenkoepel.', joinedOn: '2025-06-01' }).returning();
  const jury = [...people.values()].map((p) => p.membershipId).concat(fourth!.id);

  // The kick-off and closing meetings are meetings of the Kennispunt (the meetings module's own).
  const meeting = async (title: string, startsAt: Date, location: string, status: 'planned' | 'held') => {
    const id = crypto.randomUUID();
    await tx.insert(meetings).values({ id, councilId: council.id, uid: `${id}@raadwerk`, title, startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3_600_000), location, status });
    return id;
  };
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      councilId: council.id,
      title: 'Koplopers in cliëntondersteuning',
      purpose:
        'Wij zoeken gemeenten waar cliëntondersteuning goed geregeld is. De gemeente, inwoners, professionals en vrijwilligers werken daar samen. De koplopers nemen het voortouw in hun regio. Zo leren andere gemeenten van hen.',
      partnerIds,
      opensAt: ago(120, 8),
      closesAt: ago(60, 16),
      phase: 'published',
      kickoffMeetingId: await meeting('Startbijeenkomst Koplopers in cliëntondersteuning', ago(110, 13), 'Utrecht, Jaarbeurs (fictieve zaal De Koploper)', 'held'),
      closingMeetingId: await meeting('Slotbijeenkomst Koplopers in cliëntondersteuning', ago(-30, 13), 'Amersfoort, Eemhuis', 'planned'),
      uncoveredReason: 'Uit Zeeland kwam één voordracht. De jury vond die nog niet sterk genoeg. In de volgende ronde zoeken wij samen met de Zeeuwse adviesraden opnieuw.',
      publishedAt: ago(10),
    })
    .returning();
  const crit = await tx
    .insert(campaignCriteria)
    .values(criteria.map((c, i) => ({ councilId: council.id, campaignId: campaign!.id, position: i + 1, ...c })))
    .returning();
  await tx.insert(campaignJurors).values(jury.map((m) => ({ councilId: council.id, campaignId: campaign!.id, membershipId: m })));

  // A nomination one minute after the deadline is refused by the form's rule; nothing is stored.
  if (nominationsOpen(campaign!, new Date(campaign!.closesAt.getTime() + 60_000))) throw new Error('a late nomination must be refused');

  let n = 0;
  const person = () => {
    n++;
    const name = `${firstNames[n % firstNames.length]} ${lastNames[(n * 7) % lastNames.length]}`;
    // Sealed as the form seals them (campaigns.privacy.ts).
    return { nominatorSealed: sealNominator(secretKey, { name, role: roles[n % roles.length]!, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@voorbeeld.example` }) };
  };
  // Co-nominations, declarations and scores are written in one statement each at the end (a
  // first start loads the demo: some hundred statements fewer).
  const coNominations: (typeof campaignNominations.$inferInsert)[] = [];
  const declarations: (typeof campaignDeclarations.$inferInsert)[] = [];
  const scores: (typeof campaignScores.$inferInsert)[] = [];
  for (const [code, chosen, mood, co] of nominated) {
    const m = municipality(code)!;
    const motivations = Object.fromEntries(crit.map((c) => [c.id, motivationOf(m.name, c.position - 1)]));
    const [nom] = await tx
      .insert(campaignNominations)
      .values({
        councilId: council.id,
        campaignId: campaign!.id,
        municipalityCode: code,
        province: m.province,
        motivations,
        editTokenHash: sha256(randomToken()),
        selected: chosen,
        selectionMotivation: chosen ? `${m.name} laat zien hoe inwoners, vrijwilligers en professionals samen cliëntondersteuning beter maken.` : null,
        notChosenMailedAt: chosen ? null : ago(10),
        createdAt: ago(100 - n * 2),
        ...person(),
      })
      .returning();
    for (let i = 0; i < co; i++) {
      coNominations.push({
        councilId: council.id,
        campaignId: campaign!.id,
        municipalityCode: code,
        province: m.province,
        coNominationOf: nom!.id,
        motivations,
        editTokenHash: sha256(randomToken()),
        createdAt: ago(80 - n),
        ...person(),
      });
    }
    // Declarations and scores: Amsterdam has one conflict; Rotterdam splits the jury (spread of 3).
    for (const [j, membershipId] of jury.entries()) {
      const conflict = code === 'GM0363' && j === 2;
      declarations.push({ councilId: council.id, nominationId: nom!.id, membershipId, conflict, declaredAt: ago(58) });
      if (conflict) continue;
      const score = code === 'GM0599' ? (j < 2 ? 5 : 2) : Math.min(5, Math.max(1, mood + ((j + n) % 3 === 0 ? -1 : 0)));
      for (const c of crit) {
        scores.push({
          councilId: council.id,
          nominationId: nom!.id,
          membershipId,
          criterionId: c.id,
          score,
          motivation: score >= 4 ? 'Sterk: de voordracht laat dit met voorbeelden zien.' : 'Nog beperkt: er staan weinig voorbeelden in de voordracht.',
          createdAt: ago(50),
        });
      }
    }
  }
  if (coNominations.length) await tx.insert(campaignNominations).values(coNominations);
  if (declarations.length) await tx.insert(campaignDeclarations).values(declarations);
  if (scores.length) await tx.insert(campaignScores).values(scores);
}
