/**
 * Demo meetings of Lindewijk: the rhythm (third Wednesday, 09:30-12:30, Stadhuis Lindewijk), the
 * meetings of this year, the next meeting with an agenda (public and closed items, a guest
 * official, a linked advice) and past meetings with minutes and action points. Dates are relative to today.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import type { Council } from '../src/core/organisations.schema.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { documents, dossierAdvices, dossierMeetings } from '../src/modules/documents/documents.schema.ts';
import { addDays, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { occurrences } from '../src/modules/meetings/meetings.recurrence.ts';
import { localToUtc } from '../src/core/dates/amsterdam.ts';
import {
  actionPoints,
  agendaGuests,
  agendaItemAdvices,
  agendaItemDocuments,
  agendaItems,
  meetingAttendance,
  meetingRhythms,
  meetings,
  minuteDecisions,
  minutes,
  type Meeting,
} from '../src/modules/meetings/meetings.schema.ts';

type People = Map<string, { userId: string; membershipId: string }>;

export async function seedDemoMeetings(tx: Tx, council: Council, people: People, isMain: boolean) {
  if (!isMain) return;
  const who = (email: string) => people.get(email)!;
  const today = todayInAmsterdam();
  const year = Number(today.slice(0, 4));
  const rule = { nth: 3, weekday: 3 };
  const [rhythm] = await tx
    .insert(meetingRhythms)
    .values({
      councilId: council.id,
      title: 'Vergadering van de adviesraad',
      ...rule,
      startTime: '09:30',
      endTime: '12:30',
      location: 'Stadhuis Lindewijk, raadzaal',
      mode: 'in_person',
    })
    .returning();
  // This year's meetings; around the turn of the year also the neighbouring months, so there is always a past and a next one.
  let dates = occurrences(rule, year);
  if (dates.filter((d) => d < today).length < 2) dates = [...occurrences(rule, year - 1).slice(-2), ...dates];
  if (!dates.some((d) => d > today)) dates = [...dates, ...occurrences(rule, year + 1).slice(0, 2)];
  for (const d of dates) {
    const id = crypto.randomUUID();
    await tx.insert(meetings).values({
      id,
      councilId: council.id,
      rhythmId: rhythm!.id,
      generatedFor: d,
      uid: `${id}@raadwerk`,
      title: rhythm!.title,
      startsAt: localToUtc(d, '09:30'),
      endsAt: localToUtc(d, '12:30'),
      location: rhythm!.location,
      mode: 'in_person',
      status: d < today ? 'held' : 'planned',
      invitedAt: d < today ? localToUtc(addDays(d, -14), '10:00') : null,
    });
  }
  const all = await tx.select().from(meetings).where(eq(meetings.councilId, council.id)).orderBy(asc(meetings.startsAt));
  const past = all.filter((m) => m.status === 'held');
  const next = all.find((m) => m.status === 'planned')!;
  const lastHeld = past.at(-1)!;
  const earlierHeld = past.at(-2)!;

  // The next meeting: hybrid, with an agenda.
  await tx.update(meetings).set({ mode: 'hybrid', onlineUrl: 'https://vergaderen.lindewijk.example/adviesraad' }).where(eq(meetings.id, next.id));
  const [advice] = await tx
    .select({ id: advices.id })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), inArray(advices.status, ['drafting', 'concept', 'in_approval'])))
    .limit(1);
  const item = async (m: Meeting, position: number, values: Partial<typeof agendaItems.$inferInsert> & { title: string }) => {
    const [row] = await tx
      .insert(agendaItems)
      .values({ councilId: council.id, meetingId: m.id, position, ...values })
      .returning();
    return row!;
  };
  await item(next, 1, {
    title: 'Opening en mededelingen',
    startTime: '09:30',
    presenter: 'Anna de Vries, voorzitter',
    explanation: 'De voorzitter opent de vergadering en deelt mededelingen.',
  });
  const wmo = await item(next, 2, {
    title: 'Toelichting nieuwe Wmo-verordening',
    startTime: '09:45',
    presenter: 'Lotte Peters, beleidsmedewerker gemeente',
    explanation: 'De gemeente licht de nieuwe regels voor hulp bij het huishouden toe. De raad stelt vragen en bespreekt het concept-advies.',
  });
  await tx.insert(agendaGuests).values({
    councilId: council.id,
    agendaItemId: wmo.id,
    name: 'Lotte Peters',
    email: 'beleid@gemeente-lindewijk.example',
    kind: 'official',
    organisation: 'Gemeente Lindewijk',
  });
  if (advice) await tx.insert(agendaItemAdvices).values({ councilId: council.id, agendaItemId: wmo.id, adviceId: advice.id });
  // The stukken: documents of the demo library (members see the open ones; a closed one only the board).
  const docs = await tx.select({ id: documents.id, access: documents.access }).from(documents).where(eq(documents.councilId, council.id)).orderBy(asc(documents.createdAt));
  const linked = [docs.find((d) => d.access !== 'closed'), docs.find((d) => d.access === 'closed')].filter((d) => d !== undefined);
  for (const d of linked) await tx.insert(agendaItemDocuments).values({ councilId: council.id, agendaItemId: wmo.id, documentId: d.id });
  // The demo dossier that holds an advice also holds the next meeting (shown on both pages).
  const [dossier] = await tx.select({ id: dossierAdvices.folderId }).from(dossierAdvices).where(eq(dossierAdvices.councilId, council.id)).limit(1);
  if (dossier) await tx.insert(dossierMeetings).values({ councilId: council.id, folderId: dossier.id, meetingId: next.id });
  await item(next, 3, {
    title: 'Samenstelling van de raad: een nieuw lid',
    startTime: '11:00',
    presenter: 'Karim Bakker, secretaris',
    isPublic: false,
    explanation: 'Bespreking van de sollicitatiegesprekken. Dit punt is besloten omdat het over personen gaat.',
  });
  await item(next, 4, { title: 'Rondvraag en sluiting', startTime: '12:15' });
  for (const [email, answer] of [
    ['els.jansen@adviesraad-lindewijk.example', 'yes'],
    ['pieter.mulder@adviesraad-lindewijk.example', 'no'],
    ['sanne.visser@adviesraad-lindewijk.example', 'maybe'],
  ] as const) {
    await tx.insert(meetingAttendance).values({ councilId: council.id, meetingId: next.id, membershipId: who(email).membershipId, answer });
  }

  // The earlier meeting: minutes approved in the last meeting and published.
  await item(earlierHeld, 1, { title: 'Jaarplan van de raad', presenter: 'Anna de Vries, voorzitter' });
  const closed = await item(earlierHeld, 2, { title: 'Klacht van een inwoner over een keukentafelgesprek', isPublic: false });
  const [published] = await tx
    .insert(minutes)
    .values({
      councilId: council.id,
      meetingId: earlierHeld.id,
      status: 'published',
      publicText:
        'Aanwezig: 9 leden. De raad besprak het jaarplan. Leden vinden het belangrijk dat inwoners meer horen over wat de raad doet.\n\nDe gemeente komt in de volgende vergadering uitleg geven over de Wmo-verordening.',
      closedText: 'De raad besprak een klacht van een inwoner. De secretaris neemt contact op met de gemeente.',
      approvedInMeetingId: lastHeld.id,
      approvedAt: lastHeld.endsAt,
      publishedAt: lastHeld.endsAt,
    })
    .returning();
  await tx.insert(minuteDecisions).values([
    { councilId: council.id, minutesId: published!.id, text: 'De raad stelt het jaarplan vast.', isPublic: true },
    {
      councilId: council.id,
      minutesId: published!.id,
      agendaItemId: closed.id,
      text: 'De secretaris vraagt de gemeente om een reactie op de klacht.',
      isPublic: false,
    },
  ]);
  await tx.insert(actionPoints).values({
    councilId: council.id,
    minutesId: published!.id,
    text: 'Jaarplan op de website zetten',
    ownerMembershipId: who('secretaris@adviesraad-lindewijk.example').membershipId,
    dueOn: addDays(today, -20),
    doneAt: lastHeld.startsAt,
  });

  // The last meeting: draft minutes with open action points (one for Els Jansen).
  await item(lastHeld, 1, { title: 'Ervaringen met de regiotaxi', presenter: 'Pieter Mulder' });
  const [draft] = await tx
    .insert(minutes)
    .values({
      councilId: council.id,
      meetingId: lastHeld.id,
      status: 'draft',
      publicText: 'Aanwezig: 10 leden. Leden delen ervaringen met de regiotaxi: ritten komen vaak te laat.',
    })
    .returning();
  await tx.insert(minuteDecisions).values({ councilId: council.id, minutesId: draft!.id, text: 'De raad schrijft een ongevraagd advies over de regiotaxi.', isPublic: true });
  await tx.insert(actionPoints).values([
    {
      councilId: council.id,
      minutesId: draft!.id,
      text: 'Ervaringen met de regiotaxi verzamelen bij mantelzorgers',
      ownerMembershipId: who('els.jansen@adviesraad-lindewijk.example').membershipId,
      dueOn: addDays(today, 10),
    },
    {
      councilId: council.id,
      minutesId: draft!.id,
      text: 'Afspraak maken met de wethouder over vervoer',
      ownerMembershipId: who('voorzitter@adviesraad-lindewijk.example').membershipId,
      dueOn: addDays(today, 2),
    },
  ]);
}
