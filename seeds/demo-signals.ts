/**
 * Demo signals of Lindewijk: months of signals from several sources, three themes (one over the
 * threshold), some with sealed contact details, some closed, one linked to an unsolicited advice,
 * one anonymised by the retention job. Fictional people only (.example addresses).
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import { seal } from '../src/core/crypto.ts';
import { auditLog } from '../src/core/audit/audit.schema.ts';
import type { councils } from '../src/core/organisations.schema.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { signalAccessLog, signalContacts, signalCounters, signalEvents, signalMessages, signalThemes, signals, type SignalArea, type SignalSource } from '../src/modules/signals/signals.schema.ts';
import type { SignalState } from '../src/modules/signals/signals.workflow.ts';
import { CONTACT_PURPOSE } from '../src/modules/signals/signals.privacy.ts';

type People = Map<string, { userId: string; membershipId: string }>;

type DemoSignal = {
  daysAgo: number;
  description: string;
  area: SignalArea;
  source: SignalSource;
  sourceDetail?: string;
  theme: 'vervoer' | 'huishouden' | 'schulden' | null;
  status: SignalState;
  contact?: { name: string; email?: string; phone?: string };
  outcome?: 'information_given' | 'referred_client_support' | 'included_in_advice' | 'no_action';
  advice?: boolean;
  anonymised?: boolean;
  peopleCount?: number;
};

const demoSignals: DemoSignal[] = [
  {
    daysAgo: 6,
    description: 'De regiotaxi kwam vorige week twee keer niet opdagen. Ik heb daardoor een afspraak bij de fysiotherapeut gemist.',
    area: 'transport',
    source: 'web_form',
    theme: null,
    status: 'new',
    contact: { name: 'Greet Hoekstra', email: 'greet.hoekstra@voorbeeld.example' },
  },
  {
    daysAgo: 3,
    description: 'Bij het loket voor de Wmo duurt het erg lang voordat je iemand spreekt. Ik wacht al zes weken op een gesprek.',
    area: 'wmo_home_support',
    source: 'web_form',
    theme: null,
    status: 'new',
  },
  {
    daysAgo: 12,
    description: 'Een bewoner vertelde op het spreekuur dat de regiotaxi steeds te laat is en dat de chauffeur niet helpt met de rolstoel.',
    area: 'transport',
    source: 'office_hours',
    sourceDetail: 'Spreekuur in de bibliotheek',
    theme: 'vervoer',
    status: 'in_triage',
  },
  {
    daysAgo: 20,
    description: 'Via de ouderenbond horen wij dat meerdere leden de regiotaxi niet meer durven te bellen, omdat de ritten te vaak niet doorgaan.',
    area: 'transport',
    source: 'partner_organisation',
    sourceDetail: 'Ouderenbond Lindewijk',
    theme: 'vervoer',
    status: 'to_discuss',
    peopleCount: 12,
  },
  {
    daysAgo: 27,
    description: 'Telefonisch gemeld: de regiotaxi haalt mevrouw niet op tijd op voor de dagbesteding. Ze mist daardoor de ochtend.',
    area: 'transport',
    source: 'phone',
    theme: 'vervoer',
    status: 'to_discuss',
    contact: { name: 'Bert de Wit', phone: '06 12 34 56 78' },
  },
  {
    daysAgo: 41,
    description: 'De regiotaxi rijdt een omweg van een uur. Voor mensen met pijn is dat niet vol te houden.',
    area: 'transport',
    source: 'web_form',
    theme: 'vervoer',
    status: 'discussed',
    contact: { name: 'Ria Kok', email: 'ria.kok@voorbeeld.example' },
  },
  {
    daysAgo: 55,
    description: 'Een lid hoorde in de buurt dat ritten met de regiotaxi worden geweigerd als je rollator te groot is.',
    area: 'transport',
    source: 'member',
    theme: 'vervoer',
    status: 'in_triage',
  },
  {
    daysAgo: 4,
    description: 'De regiotaxi kwam niet opdagen en ik miste mijn afspraak bij de fysiotherapeut.',
    area: 'transport',
    source: 'web_form',
    theme: 'vervoer',
    status: 'duplicate',
  },
  {
    daysAgo: 70,
    description: 'De hulp bij het huishouden is teruggebracht van drie naar twee uur per week, zonder gesprek vooraf.',
    area: 'household_help',
    source: 'email',
    theme: 'huishouden',
    status: 'closed',
    outcome: 'included_in_advice',
    advice: true,
    contact: { name: 'Henk Prins', email: 'henk.prins@voorbeeld.example' },
  },
  {
    daysAgo: 95,
    description: 'Steeds een andere hulp in huis. Mijn vader met dementie raakt daar erg van in de war.',
    area: 'household_help',
    source: 'web_form',
    theme: 'huishouden',
    status: 'closed',
    outcome: 'referred_client_support',
    contact: { name: 'Sandra Mol', email: 'sandra.mol@voorbeeld.example' },
  },
  {
    daysAgo: 130,
    description: 'De huishoudelijke hulp komt vaak niet en er wordt niet gebeld om af te zeggen.',
    area: 'household_help',
    source: 'phone',
    theme: 'huishouden',
    status: 'closed',
    outcome: 'information_given',
  },
  {
    daysAgo: 160,
    description: 'Via het wijkteam: de eigen bijdrage voor huishoudelijke hulp is voor sommige mensen niet te betalen.',
    area: 'household_help',
    source: 'partner_organisation',
    sourceDetail: 'Sociaal wijkteam Noord',
    theme: 'huishouden',
    status: 'discussed',
  },
  {
    daysAgo: 190,
    description: 'De brief over de terugvordering van bijstand is niet te begrijpen. Er staat niet in wat ik moet doen.',
    area: 'work_income',
    source: 'office_hours',
    sourceDetail: 'Spreekuur in het buurthuis',
    theme: 'schulden',
    status: 'closed',
    outcome: 'no_action',
  },
  {
    daysAgo: 240,
    description: 'Mensen met schulden wachten maanden op een eerste gesprek bij de schuldhulpverlening.',
    area: 'debts',
    source: 'partner_organisation',
    sourceDetail: 'Schuldhulpmaatje Lindewijk',
    theme: 'schulden',
    status: 'to_discuss',
    peopleCount: 30,
  },
  {
    daysAgo: 300,
    description: 'Mijn zoon wacht al een half jaar op jeugdhulp. Niemand kan vertellen hoe lang het nog duurt.',
    area: 'youth_care',
    source: 'web_form',
    theme: null,
    status: 'in_triage',
  },
  { daysAgo: 800, description: '', area: 'aids_adaptations', source: 'phone', theme: null, status: 'closed', outcome: 'information_given', anonymised: true },
];

/** Lindewijk's signals; runs inside the demo transaction. */
export async function seedDemoSignals(tx: Tx, council: typeof councils.$inferSelect, people: People, secretKey: string): Promise<void> {
  const secretary = people.get('secretaris@adviesraad-lindewijk.example')!;
  const chair = people.get('voorzitter@adviesraad-lindewijk.example')!;
  const member = people.get('pieter.mulder@adviesraad-lindewijk.example')!;
  const themeIds = new Map<string, string>();
  for (const [key, name] of [
    ['vervoer', 'Regiotaxi en vervoer'],
    ['huishouden', 'Huishoudelijke hulp'],
    ['schulden', 'Schulden en inkomen'],
  ] as const) {
    const [row] = await tx.insert(signalThemes).values({ councilId: council.id, name }).returning({ id: signalThemes.id });
    themeIds.set(key, row!.id);
  }
  const [advice] = await tx
    .select({ id: advices.id })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), eq(advices.kind, 'unsolicited')))
    .limit(1);

  const counters = new Map<number, number>();
  const ids: string[] = [];
  const refs: { id: string; reference: string }[] = [];
  // Oldest first, so reference numbers follow the dates.
  for (const s of [...demoSignals].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const createdAt = new Date(Date.now() - s.daysAgo * 86_400_000);
    const year = createdAt.getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const reference = `S-${year}-${String(n).padStart(4, '0')}`;
    const closed = s.status === 'closed' || s.status === 'duplicate';
    const closedAt = closed ? new Date(createdAt.getTime() + 14 * 86_400_000) : null;
    const contact = s.contact && secretKey && !s.anonymised ? s.contact : null;
    const recorder = s.source === 'web_form' ? null : s.source === 'member' ? member.userId : secretary.userId;
    const [row] = await tx
      .insert(signals)
      .values({
        councilId: council.id,
        reference,
        description: s.description,
        area: s.area,
        since: s.daysAgo > 100 ? 'longer' : 'month',
        peopleCount: s.peopleCount ?? null,
        source: s.source,
        sourceDetail: s.sourceDetail ?? null,
        recordedByUserId: recorder,
        status: s.status,
        themeId: s.theme ? themeIds.get(s.theme)! : null,
        policyField: s.theme === 'schulden' ? 'participatiewet' : s.theme ? 'wmo' : null,
        // The duplicate repeats the newest taxi signal, which is inserted just before it.
        duplicateOfId: s.status === 'duplicate' ? (ids[ids.length - 1] ?? null) : null,
        outcome: s.outcome ?? null,
        adviceId: s.advice && advice ? advice.id : null,
        hasContact: contact !== null,
        consentAt: contact ? createdAt : null,
        createdAt,
        updatedAt: closedAt ?? createdAt,
        closedAt,
        anonymisedAt: s.anonymised ? new Date(Date.now() - 30 * 86_400_000) : null,
      })
      .returning({ id: signals.id });
    const id = row!.id;
    ids.push(id);
    if (contact) {
      refs.push({ id, reference });
      const sealed = (v: string | undefined) => (v ? seal(secretKey!, CONTACT_PURPOSE, v) : null);
      await tx.insert(signalContacts).values({
        signalId: id,
        councilId: council.id,
        nameSealed: sealed(contact.name),
        emailSealed: sealed(contact.email),
        phoneSealed: sealed(contact.phone),
      });
      if (contact.email) await tx.insert(signalMessages).values({ councilId: council.id, signalId: id, status: 'received', subject: `Uw signaal ${reference} is ontvangen`, at: createdAt });
    }
    await tx.insert(signalEvents).values({ councilId: council.id, signalId: id, action: 'submit', toState: 'new', actorUserId: recorder, at: createdAt });
    if (s.status !== 'new') {
      const at = closedAt ?? new Date(createdAt.getTime() + 3 * 86_400_000);
      const action = s.status === 'closed' ? 'close' : s.status === 'duplicate' ? 'markDuplicate' : s.status === 'to_discuss' ? 'toDiscuss' : s.status === 'discussed' ? 'markDiscussed' : 'classify';
      await tx.insert(signalEvents).values({ councilId: council.id, signalId: id, action, fromState: 'new', toState: s.status, actorUserId: secretary.userId, at });
    }
    if (contact && s.status === 'closed') {
      await tx.insert(signalAccessLog).values({
        councilId: council.id,
        signalId: id,
        reference,
        userId: secretary.userId,
        kind: 'view_contact',
        at: new Date(createdAt.getTime() + 2 * 86_400_000),
      });
    }
  }
  for (const [year, last] of counters) await tx.insert(signalCounters).values({ councilId: council.id, year, last });
  // The chair once looked up the newest signal with contact details: the access log shows it.
  const newest = refs[refs.length - 1];
  if (newest) await tx.insert(signalAccessLog).values({ councilId: council.id, signalId: newest.id, reference: newest.reference, userId: chair.userId, kind: 'view_contact' });
  await tx.insert(auditLog).values({
    councilId: council.id,
    actorUserId: null,
    action: 'signal.retentionApplied',
    entity: 'signal',
    data: { contactsRemoved: 0, textsAnonymised: 1 },
    at: new Date(Date.now() - 30 * 86_400_000),
  });
}
