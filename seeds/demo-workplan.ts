/**
 * Demo work plan and annual report of Lindewijk: this year's plan with the six topics of the
 * issue (approved by the council, with progress notes and tags), last year's plan, and last
 * year's annual report, generated from the data and published. Fictional texts only.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import type { councils } from '../src/core/organisations.schema.ts';
import { localToUtc } from '../src/core/dates/amsterdam.ts';
import { addDays, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { auditLog } from '../src/core/audit/audit.schema.ts';
import { adviceRecommendations, advices } from '../src/modules/advice/advice.schema.ts';
import { workingGroups } from '../src/modules/members/members.schema.ts';
import { signals, signalThemes } from '../src/modules/signals/signals.schema.ts';
import { agendaGuests, agendaItems, meetingAttendance, meetings } from '../src/modules/meetings/meetings.schema.ts';
import { annualReports, workplanNotes, workplans, workplanTags, workplanTopics } from '../src/modules/workplan/workplan.schema.ts';
import { gatherFigures } from '../src/modules/workplan/workplan.report.ts';
import type { TopicState } from '../src/modules/workplan/workplan.workflow.ts';

type People = Map<string, { userId: string; membershipId: string }>;
type DemoTopic = { title: string; field: string; group: string; aim: string; quarter: number | null; status: TopicState; dropReason?: string; notes: [number, string][] };

/** This year's six topics; `notes` are [days ago, text]. */
const topics: DemoTopic[] = [
  {
    title: 'Mantelzorg',
    field: 'wmo',
    group: 'Wmo',
    aim: 'Mantelzorgers weten waar ze terechtkunnen voor respijtzorg, en de mantelzorgwaardering wordt eenvoudiger aan te vragen.',
    quarter: 1,
    status: 'done',
    notes: [
      [120, 'Gesprek gevoerd met het steunpunt mantelzorg over de wachttijd voor respijtzorg.'],
      [60, 'Advies over de mantelzorgwaardering verstuurd aan het college.'],
    ],
  },
  {
    title: 'Armoedebeleid',
    field: 'participatiewet',
    group: 'Participatiewet',
    aim: 'Regelingen voor inwoners met een laag inkomen zijn bekend en makkelijk aan te vragen, ook zonder computer.',
    quarter: 2,
    status: 'in_progress',
    notes: [[30, 'Werkgroep heeft de aanvraagformulieren van drie regelingen getest met inwoners.']],
  },
  {
    title: 'Basismobiliteit en leerlingenvervoer',
    field: 'wmo',
    group: 'Wmo',
    aim: 'Het vervoer komt op tijd en ouders van kinderen in het leerlingenvervoer weten wie ze kunnen bellen.',
    quarter: 2,
    status: 'in_progress',
    notes: [
      [90, 'Signalen over te laat komende taxi’s besproken in de vergadering.'],
      [14, 'Afspraak gemaakt met de vervoerder en de beleidsmedewerker.'],
    ],
  },
  {
    title: 'Beleidsregels van de drie wetten',
    field: 'overig',
    group: 'Overige zaken',
    aim: 'De raad geeft op tijd advies over de nieuwe beleidsregels Wmo, Participatiewet en Jeugdwet.',
    quarter: 3,
    status: 'planned',
    notes: [],
  },
  {
    title: 'Monitoring en rapportages van de gemeente',
    field: 'overig',
    group: 'Overige zaken',
    aim: 'De raad leest de kwartaalrapportages van de gemeente en vraagt door waar cijfers ontbreken.',
    quarter: 4,
    status: 'dropped',
    dropReason: 'De gemeente maakt dit jaar geen kwartaalrapportages; het onderwerp komt terug als die er weer zijn.',
    notes: [[45, 'De gemeente liet weten dat de rapportages dit jaar niet verschijnen.']],
  },
  {
    title: 'Cliënttevredenheid',
    field: 'jeugdwet',
    group: 'Jeugdwet',
    aim: 'Het onderzoek naar cliënttevredenheid vraagt ook jongeren en ouders zelf naar hun ervaring.',
    quarter: 3,
    status: 'planned',
    notes: [],
  },
];

export async function seedDemoWorkplan(tx: Tx, council: typeof councils.$inferSelect, people: People): Promise<void> {
  const today = todayInAmsterdam();
  const year = Number(today.slice(0, 4));
  const secretary = people.get('secretaris@adviesraad-lindewijk.example')!;
  const groups = new Map((await tx.select().from(workingGroups).where(eq(workingGroups.councilId, council.id))).map((g) => [g.name, g.id]));

  // Last year: three advices the college answered, and the plan of that year (approved, mostly done).
  const at = (date: string) => localToUtc(date, '10:00');
  const lastAdvices: [string, string, 'requested' | 'unsolicited', string, string, [string, 'adopted' | 'partly' | 'not_adopted', string][]][] = [
    [
      'Verordening maatschappelijke ondersteuning',
      'wmo',
      'requested',
      `${year - 1}-03-04`,
      `${year - 1}-04-08`,
      [
        ['Leg de keukentafelgesprekken vast in een verslag dat de inwoner krijgt.', 'adopted', 'Het verslag wordt sinds juni meegestuurd.'],
        ['Noem de cliëntondersteuner in elke brief.', 'partly', ''],
      ],
    ],
    ['Schuldhulp dichtbij', 'participatiewet', 'unsolicited', `${year - 1}-06-10`, `${year - 1}-08-26`, [['Houd spreekuren in de wijkcentra.', 'not_adopted', '']]],
    ['Jeugdhulp zonder wachtlijst', 'jeugdwet', 'requested', `${year - 1}-10-01`, `${year - 1}-11-05`, [['Geef ouders een vast aanspreekpunt tijdens het wachten.', 'adopted', '']]],
  ];
  let n = 0;
  for (const [subject, policyField, kind, sent, answered, recs] of lastAdvices) {
    const [a] = await tx
      .insert(advices)
      .values({
        councilId: council.id,
        reference: `${year - 1}-${String(++n).padStart(3, '0')}`,
        kind,
        status: 'answered',
        subject,
        question: 'Wat vindt de raad van dit voorstel?',
        policyField: policyField as 'wmo',
        addressee: 'college',
        sentAt: at(sent),
        answerDueOn: addDays(sent, 42),
        answeredAt: at(answered),
        adoptedAt: at(sent),
      })
      .returning();
    let i = 0;
    for (const [text, answer, followUp] of recs)
      await tx
        .insert(adviceRecommendations)
        .values({ councilId: council.id, adviceId: a!.id, number: ++i, text, answer, answerReason: answer === 'adopted' ? '' : 'Past niet binnen het budget.', answeredAt: at(answered), followUp });
  }
  // Last year's signals (no text kept: past their retention period) in the demo's themes, and its meetings.
  const themes = await tx.select().from(signalThemes).where(eq(signalThemes.councilId, council.id));
  const perMonth = [6, 5, 8, 4, 9, 7, 3, 5, 8, 6, 5, 2];
  let s = 0;
  // One statement for the year's signals (a first start loads the demo).
  const lastYear: (typeof signals.$inferInsert)[] = [];
  for (const [i, count] of perMonth.entries()) {
    for (let k = 0; k < count; k++) {
      const theme = themes.length ? themes[(s + k) % themes.length]! : null;
      lastYear.push({
        councilId: council.id,
        reference: `S-${year - 1}-J${String(++s).padStart(3, '0')}`,
        description: '',
        area: 'transport',
        since: 'month',
        source: 'web_form',
        status: 'closed',
        themeId: theme?.id ?? null,
        outcome: k === 0 && i % 4 === 0 ? 'included_in_advice' : 'information_given',
        createdAt: at(`${year - 1}-${String(i + 1).padStart(2, '0')}-${String(5 + k * 3).padStart(2, '0')}`),
        closedAt: at(`${year - 1}-${String(i + 1).padStart(2, '0')}-25`),
        anonymisedAt: at(`${year}-01-02`),
      });
    }
  }
  await tx.insert(signals).values(lastYear);
  for (const month of [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]) {
    const date = `${year - 1}-${String(month).padStart(2, '0')}-15`;
    const id = crypto.randomUUID();
    await tx.insert(meetings).values({
      id,
      councilId: council.id,
      uid: `${id}@raadwerk`,
      title: 'Vergadering van de adviesraad',
      startsAt: localToUtc(date, '09:30'),
      endsAt: localToUtc(date, '12:30'),
      location: 'Gemeentehuis Lindewijk',
      status: 'held',
    });
    // Most members said they would come; an official briefed the council at every other meeting.
    const members = [...people.values()].slice(0, 8);
    await tx.insert(meetingAttendance).values(members.slice(0, 5 + (month % 3)).map((p) => ({ councilId: council.id, meetingId: id, membershipId: p.membershipId, answer: 'yes' as const })));
    if (month % 2 === 0) {
      const [item] = await tx.insert(agendaItems).values({ councilId: council.id, meetingId: id, position: 1, title: 'Toelichting door de gemeente' }).returning();
      await tx.insert(agendaGuests).values({ councilId: council.id, agendaItemId: item!.id, name: 'Beleidsmedewerker', email: 'beleid@gemeente-lindewijk.example', kind: 'official' });
    }
  }

  const [lastPlan] = await tx
    .insert(workplans)
    .values({ councilId: council.id, year: year - 1, status: 'approved', approvedAt: at(`${year - 1}-02-15`), approvalRound: 1 })
    .returning();
  const lastTopics = await tx
    .insert(workplanTopics)
    .values([
      {
        councilId: council.id,
        planId: lastPlan!.id,
        title: 'Keukentafelgesprek',
        policyField: 'wmo',
        workingGroupId: groups.get('Wmo') ?? null,
        aim: 'Het gesprek is voor inwoners duidelijk.',
        plannedQuarter: 1,
        status: 'done',
      },
      {
        councilId: council.id,
        planId: lastPlan!.id,
        title: 'Schulden voorkomen',
        policyField: 'participatiewet',
        workingGroupId: groups.get('Participatiewet') ?? null,
        aim: 'Vroeg hulp bij geldzorgen.',
        plannedQuarter: 2,
        status: 'done',
      },
      {
        councilId: council.id,
        planId: lastPlan!.id,
        title: 'Mantelzorg',
        policyField: 'wmo',
        workingGroupId: groups.get('Wmo') ?? null,
        aim: 'Meer respijtzorg.',
        plannedQuarter: 4,
        status: 'in_progress',
      },
    ])
    .returning();

  // This year: the six topics, approved in February (or today, early in the year), with progress and tags.
  const approvedOn = today < `${year}-02-15` ? today : `${year}-02-15`;
  const [plan] = await tx
    .insert(workplans)
    .values({ councilId: council.id, year, status: 'approved', approvedAt: at(approvedOn), approvalRound: 1 })
    .returning();
  for (const d of topics) {
    const [topic] = await tx
      .insert(workplanTopics)
      .values({
        councilId: council.id,
        planId: plan!.id,
        title: d.title,
        policyField: d.field,
        workingGroupId: groups.get(d.group) ?? null,
        aim: d.aim,
        plannedQuarter: d.quarter,
        status: d.status,
        dropReason: d.dropReason ?? '',
        // Mantelzorg continues last year's topic.
        carriedFromId: d.title === 'Mantelzorg' ? lastTopics.find((x) => x.title === 'Mantelzorg')!.id : null,
      })
      .returning();
    for (const [daysAgo, text] of d.notes) {
      const notedOn = addDays(today, -daysAgo) < `${year}-01-01` ? `${year}-01-01` : addDays(today, -daysAgo);
      await tx.insert(workplanNotes).values({ councilId: council.id, topicId: topic!.id, notedOn, text, authorUserId: secretary.userId });
    }
    // This year's advices on the topic's policy field are tagged with it (one per topic at most).
    const [advice] = await tx
      .select({ id: advices.id })
      .from(advices)
      .where(and(eq(advices.councilId, council.id), eq(advices.policyField, d.field as 'wmo'), gte(advices.createdAt, at(`${year}-01-01`)), lt(advices.createdAt, at(`${year + 1}-01-01`))))
      .limit(1);
    if (advice && d.status !== 'dropped') await tx.insert(workplanTags).values({ councilId: council.id, topicId: topic!.id, recordId: advice.id, kind: 'advice' }).onConflictDoNothing();
  }
  await tx
    .insert(auditLog)
    .values({ councilId: council.id, actorUserId: secretary.userId, action: 'workplan.approvalClosed', entity: 'workplan', entityId: plan!.id, fromState: 'in_approval', toState: 'approved' });

  // Last year's annual report: generated from the data above, approved and published.
  const figures = await gatherFigures(tx, council, year - 1, `${year}-02-01` < today ? `${year}-02-01` : today);
  const generatedAt = at(`${year}-02-01` < today ? `${year}-02-01` : today);
  const [report] = await tx
    .insert(annualReports)
    .values({
      councilId: council.id,
      year: year - 1,
      version: 1,
      status: 'published',
      foreword:
        'Voor u ligt het jaarverslag van de Adviesraad Sociaal Domein Lindewijk. Wij gaven dit jaar drie adviezen. Het college nam de meeste aanbevelingen over.\n\nWij danken alle inwoners die hun ervaringen met ons deelden.',
      texts: {
        'text-advices': 'Het advies over de verordening had het meeste effect: inwoners krijgen nu een verslag van het keukentafelgesprek.',
        'text-topics': 'Twee van de drie onderwerpen zijn klaar. Mantelzorg zetten wij door naar dit jaar.',
      },
      figures,
      generatedAt,
      approvalRound: 1,
      approvedAt: generatedAt,
      publishedAt: generatedAt,
    })
    .returning();
  await tx
    .insert(auditLog)
    .values({ councilId: council.id, actorUserId: secretary.userId, action: 'annualReport.published', entity: 'annualReport', entityId: report!.id, fromState: 'approved', toState: 'published' });
}
