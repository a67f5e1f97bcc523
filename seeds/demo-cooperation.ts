/**
 * Demo cooperation (issue 16): the Adviesraad Sociaal Domein Lindewijk (a municipal council on
 * Wmo and youth care) and the Cliëntenraad Zorggroep De Horizon (the client council of a regional
 * care organisation) cooperate for one year with tacit renewal; the end date is 40 days away.
 * Lindewijk shares a dossier and the experiences of its expert meeting on school transport; they
 * held a joint meeting in spring and one is planned for autumn; each used what they share in its
 * own advice (Lindewijk to the college, De Horizon to its board).
 * Fictional organisations and texts only.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { addDays, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { localToUtc } from '../src/core/dates/amsterdam.ts';
import { adviceSources, agreementParties, agreements, sharedConsultations, sharedDossiers } from '../src/modules/cooperation/cooperation.schema.ts';
import { consultations, experiences } from '../src/modules/network/network.schema.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { documentFolders } from '../src/modules/documents/documents.schema.ts';
import { agendaItems, meetings } from '../src/modules/meetings/meetings.schema.ts';
import { meetingPartners } from '../src/modules/meetings/meetings.joint.schema.ts';
import { addMonths } from '../src/modules/cooperation/cooperation.workflow.ts';

export async function seedDemoCooperation(tx: Tx): Promise<void> {
  const rows = await tx
    .select()
    .from(councils)
    .where(inArray(councils.slug, ['lindewijk', 'de-horizon']));
  const lindewijk = rows.find((c) => c.slug === 'lindewijk');
  const horizon = rows.find((c) => c.slug === 'de-horizon');
  if (!lindewijk || !horizon) return;
  const today = todayInAmsterdam();
  const endsOn = addDays(today, 40);
  const startsOn = addMonths(addDays(endsOn, 1), -12);
  const [a] = await tx
    .insert(agreements)
    .values({
      councilId: lindewijk.id,
      name: 'samen-luisteren-wmo-en-wijkteams',
      title: 'Samen luisteren: Wmo en wijkteams',
      purpose:
        'De adviesraad en de cliëntenraad delen kennis en halen samen ervaringen op bij cliënten van de wijkteams en de cliëntondersteuning.\n\nTwee keer per jaar houden wij een gezamenlijke bijeenkomst met cliënten- en huurdersraden, belangenbehartigers, organisaties en professionals. Elke raad blijft zelf verantwoordelijk voor zijn eigen advies: de adviesraad adviseert het college, de cliëntenraad de raad van bestuur van De Horizon.',
      startsOn,
      endsOn,
      termMonths: 12,
      renewal: 'tacit',
      noticeDays: 30,
      state: 'active',
      isPublic: true,
    })
    .returning();
  const accepted = new Date(`${startsOn}T10:00:00Z`);
  await tx.insert(agreementParties).values([
    {
      agreementId: a!.id,
      partyCouncilId: lindewijk.id,
      contribution: 'Kennis van de Wmo-verordening en de beleidsregels, een zaal in het gemeentehuis en het verslag van de bijeenkomsten.',
      acceptedAt: accepted,
    },
    { agreementId: a!.id, partyCouncilId: horizon.id, contribution: 'Contact met cliënten van de wijkteams en hun naasten, en gespreksleiders voor de ervaringsrondes.', acceptedAt: accepted },
    { agreementId: a!.id, outsideName: 'Huurdersvereniging Lindewijk Samen', contribution: 'Huurders die willen vertellen over wonen met ondersteuning.' },
  ]);
  // The dossier on transport (the demo's documents): Wmo transport is a topic for both councils' clients.
  const [folder] = await tx
    .select()
    .from(documentFolders)
    .where(and(eq(documentFolders.councilId, lindewijk.id), eq(documentFolders.name, 'Vervoer en mobiliteit')))
    .limit(1);
  if (folder) await tx.insert(sharedDossiers).values({ councilId: lindewijk.id, agreementId: a!.id, folderId: folder.id, folderName: folder.name, level: 'read' });

  // A joint meeting in spring (held) and one planned for autumn, planned by Lindewijk, accepted by De Horizon.
  const year = Number(today.slice(0, 4));
  const spring = `${today.slice(5) >= '04-20' ? year : year - 1}-04-16`;
  const autumn = `${today.slice(5) >= '10-08' ? year + 1 : year}-10-08`;
  const joint = [
    {
      date: spring,
      status: 'held' as const,
      title: 'Gezamenlijke bijeenkomst voorjaar',
      items: ['Ervaringen met de wijkteams', 'Wachttijden voor hulp bij het huishouden', 'Afspraken voor het najaar'],
    },
    {
      date: autumn,
      status: 'planned' as const,
      title: 'Gezamenlijke bijeenkomst najaar',
      items: ['Wat deden het college en de raad van bestuur met onze adviezen?', 'Cliëntondersteuning in de wijk'],
    },
  ];
  const jointIds: string[] = [];
  for (const j of joint) {
    const id = randomUUID();
    jointIds.push(id);
    await tx.insert(meetings).values({
      id,
      councilId: lindewijk.id,
      uid: `${id}@raadwerk`,
      title: j.title,
      startsAt: localToUtc(j.date, '14:00'),
      endsAt: localToUtc(j.date, '16:30'),
      location: 'Wijkcentrum De Brug, Lindewijk',
      status: j.status,
    });
    await tx.insert(agendaItems).values(j.items.map((title, position) => ({ councilId: lindewijk.id, meetingId: id, position, title })));
    await tx.insert(meetingPartners).values({ councilId: lindewijk.id, meetingId: id, partnerCouncilId: horizon.id, agreementId: a!.id, acceptedAt: accepted });
  }

  // Shared experiences: Lindewijk's expert meeting on school transport (seeds/demo-network.ts).
  const [round] = await tx
    .select()
    .from(consultations)
    .where(and(eq(consultations.councilId, lindewijk.id), eq(consultations.topic, 'Expertmeeting leerlingenvervoer en passend onderwijs')))
    .limit(1);
  if (!round) return;
  await tx.insert(sharedConsultations).values({ councilId: lindewijk.id, agreementId: a!.id, consultationId: round.id, topic: round.topic });
  const heard = await tx.select().from(experiences).where(eq(experiences.consultationId, round.id)).limit(2);
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  // Lindewijk used one in its advice on the school transport by-law (the advice the network links it to).
  const own = heard.find((e) => e.adviceId);
  if (own?.adviceId) {
    await tx
      .insert(adviceSources)
      .values({ councilId: lindewijk.id, adviceId: own.adviceId, agreementId: a!.id, kind: 'experience', sourceId: own.id, title: short(own.text), ownerName: lindewijk.name });
  }
  // De Horizon advises its own board, drawing on the same experiences and the spring meeting.
  const [advice] = await tx
    .insert(advices)
    .values({
      councilId: horizon.id,
      reference: `${today.slice(0, 4)}-001`,
      kind: 'unsolicited',
      status: 'drafting',
      subject: 'Vervoer naar de dagbesteding',
      question: 'Cliënten vertellen dat het vervoer naar de dagbesteding vaak te laat komt. Wat kan de raad van bestuur daaraan doen?',
      policyField: 'wmo',
      addressee: 'bestuur',
    })
    .returning();
  await tx
    .insert(adviceSources)
    .values([
      ...heard.map((e) => ({ councilId: horizon.id, adviceId: advice!.id, agreementId: a!.id, kind: 'experience' as const, sourceId: e.id, title: short(e.text), ownerName: lindewijk.name })),
      { councilId: horizon.id, adviceId: advice!.id, agreementId: a!.id, kind: 'meeting' as const, sourceId: jointIds[0]!, title: joint[0]!.title, ownerName: lindewijk.name },
    ]);
}
