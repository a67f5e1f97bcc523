/**
 * Demo cooperation (issue 16): the Adviesraad Sociaal Domein Lindewijk (a municipal council on
 * Wmo and youth care) and the Cliëntenraad Zorggroep De Horizon (the client council of a regional
 * care organisation) cooperate for one year with tacit renewal; the end date is 40 days away.
 * Lindewijk shares a dossier; they held a joint meeting in spring and one is planned for autumn.
 * Fictional organisations and texts only.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { addDays, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { localToUtc } from '../src/core/dates/amsterdam.ts';
import { agreementParties, agreements, sharedDossiers } from '../src/modules/cooperation/cooperation.schema.ts';
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
  for (const j of joint) {
    const id = randomUUID();
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
}
