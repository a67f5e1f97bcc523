import '../src/modules.ts';
import { count, eq } from 'drizzle-orm';
import type { Deps } from '../src/core/deps.ts';
import { sealApplication } from '../src/modules/members/members.vacancies.ts';
import type { Database } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { workingGroups, workingGroupMembers, vacancies, vacancyApplications } from '../src/modules/members/members.schema.ts';
import { memberships } from '../src/core/organisations.schema.ts';
import { isBoardRole, type Role } from '../src/core/roles.ts';
import { hashPassword } from '../src/core/auth/passwords.ts';
import type { Tx } from '../src/core/db/index.ts';
import { auditLog } from '../src/core/audit/audit.schema.ts';
import type { AuditAction } from '../src/core/audit/audit.ts';
import { adviceDrafts, adviceRecommendations, adviceVotes, advices } from '../src/modules/advice/advice.schema.ts';
import { addDays, deadline, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoSignals } from './demo-signals.ts';
import { seedDemoDocuments } from './demo-documents.ts';
import { seedDemoWorkplan } from './demo-workplan.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedDemoKnowledge } from './demo-knowledge.ts';
import { seedDemoPolicyCalendar } from './demo-policycalendar.ts';
import { seedDemoNetwork } from './demo-network.ts';
import { seedDemoCooperation } from './demo-cooperation.ts';

/** Fictional councils, people and addresses only (the .example domain is reserved). */
export const DEMO_PASSWORD = 'Raadwerk-demo-2026';

export type DemoLogin = { role: string; email: string; password: string };

type DemoMember = { name: string; email: string; role: Role; targetGroup: string; groups: string[]; lead?: string[]; bio?: string };

type DemoCouncil = {
  council: typeof councils.$inferInsert;
  groups: { name: string; description: string }[];
  members: DemoMember[];
  vacancies: (Omit<typeof vacancies.$inferInsert, 'councilId'> & { applications?: { name: string; email: string; motivation: string }[] })[];
};

const lindewijk: DemoCouncil = {
  council: {
    slug: 'lindewijk',
    name: 'Adviesraad Sociaal Domein Lindewijk',
    kind: 'gemeentelijk',
    advises: 'het college van burgemeester en wethouders van de gemeente Lindewijk',
    tagline: 'Wij geven de gemeente advies over zorg, werk, inkomen en jeugd. Vanuit de ervaring van inwoners.',
    about:
      'De Adviesraad Sociaal Domein Lindewijk is een onafhankelijke raad van inwoners. Wij geven het college gevraagd en ongevraagd advies over de Wmo, de Participatiewet en de Jeugdwet.\n\nDe leden zijn vrijwilligers. Zij wonen in Lindewijk en kennen de zorg en ondersteuning uit eigen ervaring of uit hun netwerk. Een secretaris ondersteunt de raad.',
    vision:
      'Iedereen in Lindewijk moet mee kunnen doen. Ook wie ondersteuning nodig heeft. Regels moeten begrijpelijk zijn en hulp moet op tijd komen. Daarom luisteren wij naar inwoners en vertalen wij hun ervaringen naar advies.',
    legalBasis:
      'De Wet maatschappelijke ondersteuning 2015 (artikel 2.1.3) verplicht de gemeente om inwoners te betrekken bij het beleid. De gemeenteraad heeft dit geregeld in de Verordening adviesraad sociaal domein Lindewijk. Het college vraagt ons advies voordat het nieuw beleid vaststelt. Het college moet op elk advies antwoorden.',
    targetGroups:
      'Jongeren en ouders, ouderen, mensen met een lichamelijke beperking, mensen met een verstandelijke beperking, mensen met psychische klachten, mantelzorgers, mensen met een bijstandsuitkering en mensen met schulden.',
    policyFields: 'Wmo: ondersteuning thuis, hulpmiddelen, vervoer en mantelzorg. Participatiewet: werk, inkomen en armoedebeleid. Jeugdwet: jeugdhulp, passend onderwijs en leerlingenvervoer.',
    meetingRhythm: 'Elke derde woensdag van de maand, van 09:30 tot 12:30 uur, in het gemeentehuis van Lindewijk. Een deel van de vergadering is openbaar.',
    contactEmail: 'secretariaat@adviesraad-lindewijk.example',
    // The regulation allows 14 members (the chair included, the secretary not).
    memberCap: 14,
    contactPhone: '0123 45 67 89',
    postalAddress: 'Postbus 100, 1234 AB Lindewijk',
    colour: '#1f5c99',
  },
  groups: [
    { name: 'Wmo', description: 'Ondersteuning thuis, hulpmiddelen, woningaanpassingen, vervoer en mantelzorg.' },
    { name: 'Participatiewet', description: 'Werk, inkomen, armoedebeleid en schuldhulp.' },
    { name: 'Jeugdwet', description: 'Jeugdhulp, passend onderwijs en leerlingenvervoer.' },
    { name: 'Overige zaken', description: 'Onderwerpen die niet bij een van de wetten horen, zoals wonen en toegankelijkheid van de gemeente.' },
  ],
  members: [
    {
      name: 'Anna de Vries',
      email: 'voorzitter@adviesraad-lindewijk.example',
      role: 'chair',
      targetGroup: 'Ouderen',
      groups: ['Overige zaken'],
      bio: 'Voorzitter sinds 2024.',
    },
    { name: 'Karim Bakker', email: 'secretaris@adviesraad-lindewijk.example', role: 'secretary', targetGroup: '', groups: [] },
    { name: 'Els Jansen', email: 'els.jansen@adviesraad-lindewijk.example', role: 'member', targetGroup: 'Mantelzorgers', groups: ['Wmo'], lead: ['Wmo'] },
    {
      name: 'Pieter Mulder',
      email: 'pieter.mulder@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Mensen met een lichamelijke beperking',
      groups: ['Wmo', 'Overige zaken'],
      lead: ['Overige zaken'],
    },
    {
      name: 'Fatima El Amrani',
      email: 'fatima.elamrani@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Mensen met een bijstandsuitkering',
      groups: ['Participatiewet'],
      lead: ['Participatiewet'],
    },
    {
      name: 'Joost van Dijk',
      email: 'joost.vandijk@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Mensen met schulden',
      groups: ['Participatiewet'],
    },
    {
      name: 'Sanne Visser',
      email: 'sanne.visser@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Jongeren',
      groups: ['Jeugdwet'],
      lead: ['Jeugdwet'],
    },
    {
      name: 'Ruud Smit',
      email: 'ruud.smit@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Ouders van kinderen met jeugdhulp',
      groups: ['Jeugdwet'],
    },
    {
      name: 'Marieke de Boer',
      email: 'marieke.deboer@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Mensen met een verstandelijke beperking',
      groups: ['Wmo'],
    },
    {
      name: 'Hans Meijer',
      email: 'hans.meijer@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Mensen met psychische klachten',
      groups: ['Wmo', 'Participatiewet'],
    },
    {
      name: 'Yara Hendriks',
      email: 'yara.hendriks@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Nieuwkomers en statushouders',
      groups: ['Participatiewet', 'Overige zaken'],
    },
    { name: 'Willem Bos', email: 'willem.bos@adviesraad-lindewijk.example', role: 'member', targetGroup: 'Ouderen', groups: ['Wmo', 'Overige zaken'] },
    { name: 'Lotte Peters', email: 'beleid@gemeente-lindewijk.example', role: 'official', targetGroup: '', groups: [] },
    { name: 'Cliëntenraad De Horizon (contact)', email: 'partner@horizon-clientenraad.example', role: 'partner', targetGroup: '', groups: [] },
  ],
  vacancies: [
    {
      title: 'Lid met affiniteit met jeugdzorg',
      description:
        'Wij zoeken een nieuw lid voor de werkgroep Jeugdwet. U denkt mee over jeugdhulp, passend onderwijs en leerlingenvervoer. U leest stukken van de gemeente en praat mee in de vergadering.',
      profile: 'U heeft ervaring met jeugdhulp, als ouder, als jongere of uit uw werk. U woont in Lindewijk.',
      hoursPerMonth: 'ongeveer 8 uur per maand',
      status: 'published',
      closesOn: '2027-01-31',
      publishedAt: new Date('2026-11-02T09:00:00Z'),
      applications: [
        {
          name: 'Noor Willems',
          email: 'noor.willems@voorbeeld.example',
          motivation: 'Als moeder van een zoon met jeugdhulp weet ik hoe ingewikkeld het kan zijn. Ik denk graag mee.',
        },
      ],
    },
    {
      title: 'Lid voor de werkgroep Participatiewet',
      description: 'U helpt de raad bij adviezen over werk, inkomen en armoede. U brengt de ervaring in van mensen die rond moeten komen van een laag inkomen.',
      profile: 'U kent het leven met een uitkering of met schulden, uit eigen ervaring of uit uw netwerk.',
      hoursPerMonth: 'ongeveer 6 uur per maand',
      status: 'published',
      closesOn: '2027-02-28',
      publishedAt: new Date('2026-11-10T09:00:00Z'),
    },
    {
      title: 'Lid met kennis van wonen en zorg',
      description: 'Concept: nog niet gepubliceerd.',
      profile: 'Kennis van wonen met zorg en woningaanpassingen.',
      status: 'draft',
    },
  ],
};

const bergeloo: DemoCouncil = {
  council: {
    slug: 'bergeloo',
    name: 'Wmo-raad Bergeloo',
    kind: 'gemeentelijk',
    advises: 'het college van burgemeester en wethouders van de gemeente Bergeloo',
    tagline: 'De stem van inwoners die zorg en ondersteuning gebruiken.',
    about:
      'De Wmo-raad Bergeloo geeft de gemeente advies over maatschappelijke ondersteuning. Wij letten vooral op de toegang tot hulp, de keukentafelgesprekken en de eigen bijdrage.\n\nWij werken samen met de seniorenraad en het platform gehandicaptenbeleid.',
    vision: 'Hulp moet dichtbij, eenvoudig en op maat zijn.',
    legalBasis: 'De raad bestaat op grond van de Wmo 2015 en de Verordening maatschappelijke ondersteuning Bergeloo.',
    targetGroups: 'Ouderen, mensen met een beperking, mantelzorgers en mensen met psychische klachten.',
    policyFields: 'Wmo-beleid, hulpmiddelen, vervoer, mantelzorg en cliëntondersteuning.',
    meetingRhythm: 'Elke tweede dinsdag van de maand, van 14:00 tot 16:00 uur, in het dorpshuis De Brink of online.',
    contactEmail: 'info@wmoraad-bergeloo.example',
    colour: '#6b2c6b',
  },
  groups: [
    { name: 'Toegang en cliëntondersteuning', description: 'Het keukentafelgesprek, het Wmo-loket en onafhankelijke cliëntondersteuning.' },
    { name: 'Vervoer en hulpmiddelen', description: 'Regiotaxi, scootmobielen en woningaanpassingen.' },
  ],
  members: [
    {
      name: 'Gerrit Kok',
      email: 'voorzitter@wmoraad-bergeloo.example',
      role: 'chair',
      targetGroup: 'Ouderen',
      groups: ['Vervoer en hulpmiddelen'],
      lead: ['Vervoer en hulpmiddelen'],
    },
    { name: 'Ingrid Vos', email: 'secretaris@wmoraad-bergeloo.example', role: 'secretary', targetGroup: '', groups: [] },
    {
      name: 'Ahmed Yilmaz',
      email: 'ahmed.yilmaz@wmoraad-bergeloo.example',
      role: 'member',
      targetGroup: 'Mantelzorgers',
      groups: ['Toegang en cliëntondersteuning'],
      lead: ['Toegang en cliëntondersteuning'],
    },
    {
      name: 'Bea Koster',
      email: 'bea.koster@wmoraad-bergeloo.example',
      role: 'member',
      targetGroup: 'Mensen met een lichamelijke beperking',
      groups: ['Vervoer en hulpmiddelen'],
    },
    {
      name: 'Tom Dekker',
      email: 'tom.dekker@wmoraad-bergeloo.example',
      role: 'member',
      targetGroup: 'Mensen met psychische klachten',
      groups: ['Toegang en cliëntondersteuning'],
    },
  ],
  vacancies: [
    {
      title: 'Lid met ervaring als mantelzorger',
      description: 'Wij zoeken een lid dat weet wat mantelzorg betekent. U denkt mee over respijtzorg en ondersteuning van mantelzorgers.',
      profile: 'U bent of was mantelzorger en woont in Bergeloo.',
      hoursPerMonth: 'ongeveer 4 uur per maand',
      status: 'published',
      publishedAt: new Date('2026-10-15T09:00:00Z'),
    },
  ],
};

const horizon: DemoCouncil = {
  council: {
    slug: 'de-horizon',
    name: 'Cliëntenraad Zorggroep De Horizon',
    kind: 'clientenraad',
    advises: 'de raad van bestuur van Zorggroep De Horizon',
    tagline: 'Wij komen op voor de cliënten van De Horizon in de regio.',
    about:
      'De cliëntenraad behartigt de belangen van alle cliënten van Zorggroep De Horizon. Wij geven de raad van bestuur advies over kwaliteit, veiligheid en de dagelijkse zorg.\n\nWij werken samen met de Adviesraad Sociaal Domein Lindewijk om ervaringen van cliënten op te halen.',
    vision: 'Goede zorg begint met luisteren naar de cliënt.',
    legalBasis: 'De Wet medezeggenschap cliënten zorginstellingen 2018 (Wmcz 2018) geeft de raad adviesrecht en instemmingsrecht.',
    targetGroups: 'Cliënten in wonen met zorg, dagbesteding en ambulante begeleiding, en hun naasten.',
    policyFields: 'Kwaliteit van zorg, voeding, dagbesteding, veiligheid, klachtenregeling en inkoop van zorg.',
    meetingRhythm: 'Zes keer per jaar op donderdagmiddag, op een locatie van De Horizon.',
    contactEmail: 'clientenraad@dehorizon.example',
    colour: '#2d6a4f',
  },
  groups: [{ name: 'Kwaliteit en veiligheid', description: 'Kwaliteitsrapporten, incidenten en cliënttevredenheid.' }],
  members: [
    {
      name: 'Maria Groen',
      email: 'voorzitter@dehorizon.example',
      role: 'chair',
      targetGroup: 'Cliënten wonen met zorg',
      groups: ['Kwaliteit en veiligheid'],
      lead: ['Kwaliteit en veiligheid'],
    },
    { name: 'Johan Brouwer', email: 'secretaris@dehorizon.example', role: 'secretary', targetGroup: '', groups: [] },
    { name: 'Emma Postma', email: 'emma.postma@dehorizon.example', role: 'member', targetGroup: 'Naasten van cliënten', groups: ['Kwaliteit en veiligheid'] },
    { name: 'Rik Vermeulen', email: 'rik.vermeulen@dehorizon.example', role: 'member', targetGroup: 'Cliënten dagbesteding', groups: [] },
  ],
  vacancies: [
    {
      title: 'Lid namens cliënten in ambulante begeleiding',
      description: 'Deze vacature is vervuld.',
      profile: 'Ervaring met ambulante begeleiding.',
      status: 'closed',
      publishedAt: new Date('2026-05-01T09:00:00Z'),
    },
  ],
};

/**
 * A regional body: delegates of the councils of Lindewijk and Bergeloo advise the shared social
 * service of both municipalities on work and income. Some delegates are members of those councils
 * (the same login, a membership in each).
 */
const beekdal: DemoCouncil = {
  council: {
    slug: 'beekdal',
    name: 'Regionaal Overleg Werk en Inkomen Beekdal',
    kind: 'regionaal',
    advises: 'het bestuur van de Intergemeentelijke Sociale Dienst Beekdal, voor de gemeenten Lindewijk en Bergeloo',
    tagline: 'Afgevaardigden van de raden in Lindewijk en Bergeloo geven samen advies over werk en inkomen.',
    about:
      'Lindewijk en Bergeloo hebben samen één sociale dienst: de Intergemeentelijke Sociale Dienst Beekdal. Die dienst regelt de bijstand, hulp bij werk en schuldhulp. Het Regionaal Overleg Werk en Inkomen geeft het bestuur van de dienst advies.\n\nIn het overleg zitten afgevaardigden van de Adviesraad Sociaal Domein Lindewijk en de Wmo-raad Bergeloo. Zij brengen de signalen van hun eigen raad mee. Een onafhankelijke voorzitter leidt het overleg.',
    vision: 'Wie moet rondkomen van een uitkering, verdient duidelijke regels en snelle hulp. In beide gemeenten op dezelfde manier.',
    legalBasis: 'De Participatiewet (artikel 47) vraagt gemeenten om mensen met een uitkering te betrekken bij het beleid. Lindewijk en Bergeloo doen dat samen, in een gemeenschappelijke regeling.',
    targetGroups: 'Mensen met een bijstandsuitkering, mensen met schulden, werkzoekenden met een beperking en nieuwkomers.',
    policyFields: 'Bijstand, re-integratie en begeleiding naar werk, armoedebeleid, bijzondere bijstand en schuldhulp.',
    meetingRhythm: 'Vier keer per jaar op maandagavond, van 19:30 tot 21:30 uur, om en om in Lindewijk en Bergeloo.',
    contactEmail: 'secretariaat@werkeninkomen-beekdal.example',
    colour: '#0f5e6b',
  },
  groups: [{ name: 'Armoede en schulden', description: 'Bijzondere bijstand, minimaregelingen en schuldhulp in beide gemeenten.' }],
  members: [
    { name: 'Henk Schouten', email: 'voorzitter@werkeninkomen-beekdal.example', role: 'chair', targetGroup: 'Onafhankelijk voorzitter', groups: [] },
    { name: 'Nadia Bouzid', email: 'secretaris@werkeninkomen-beekdal.example', role: 'secretary', targetGroup: '', groups: [] },
    {
      name: 'Fatima El Amrani',
      email: 'fatima.elamrani@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Afgevaardigde van de Adviesraad Sociaal Domein Lindewijk',
      groups: ['Armoede en schulden'],
      lead: ['Armoede en schulden'],
    },
    {
      name: 'Joost van Dijk',
      email: 'joost.vandijk@adviesraad-lindewijk.example',
      role: 'member',
      targetGroup: 'Afgevaardigde van de Adviesraad Sociaal Domein Lindewijk',
      groups: ['Armoede en schulden'],
    },
    { name: 'Tom Dekker', email: 'tom.dekker@wmoraad-bergeloo.example', role: 'member', targetGroup: 'Afgevaardigde van de Wmo-raad Bergeloo', groups: [] },
  ],
  vacancies: [],
};

/** A national organisation: a knowledge base and campaigns for councils, no advice of its own. */
const kennispunt: DemoCouncil = {
  council: {
    slug: 'kennispunt',
    name: 'Landelijk Kennispunt Inspraak Sociaal Domein',
    kind: 'landelijk',
    advises: 'adviesraden en cliëntenraden in het sociaal domein, in heel Nederland',
    tagline: 'Wij delen kennis met adviesraden en cliëntenraden, en voeren landelijke campagnes.',
    about:
      'Het Landelijk Kennispunt Inspraak Sociaal Domein helpt adviesraden en cliëntenraden bij hun werk. Wij leggen de Wmo, de Participatiewet en de Jeugdwet uit in eenvoudige taal. Wij organiseren bijeenkomsten waar raden van elkaar leren.\n\nWij geven zelf geen advies aan gemeenten. Dat doen de raden. Wij zorgen dat zij goed voorbereid zijn.',
    vision: 'Iedereen die zorg of ondersteuning gebruikt, moet mee kunnen praten over het beleid. Sterke raden maken dat mogelijk.',
    targetGroups: 'Leden en secretarissen van adviesraden, cliëntenraden en regionale overleggen.',
    policyFields: 'Een kennisbank over de Wmo, de Participatiewet en de Jeugdwet. Landelijke campagnes, bijvoorbeeld over goede cliëntondersteuning.',
    contactEmail: 'info@kennispunt-inspraak.example',
    colour: '#9a3412',
  },
  groups: [],
  members: [
    {
      name: 'Mirjam Hoekstra',
      email: 'directeur@kennispunt-inspraak.example',
      role: 'chair',
      targetGroup: '',
      groups: [],
      bio: 'Directeur van het kennispunt.',
    },
    {
      name: 'Daan Claassen',
      email: 'redactie@kennispunt-inspraak.example',
      role: 'secretary',
      targetGroup: '',
      groups: [],
      bio: 'Redacteur van de kennisbank.',
    },
    {
      name: 'Sevda Aydin',
      email: 'sevda.aydin@kennispunt-inspraak.example',
      role: 'member',
      targetGroup: '',
      groups: [],
      bio: 'Adviseur landelijke campagnes.',
    },
  ],
  vacancies: [],
};

const ADMIN = { name: 'Platformbeheer Raadwerk', email: 'beheer@raadwerk.example' };

/** Loads the demo councils; returns the logins to print. */
/** What the demo needs of the app: its key (sealed personal data must open) and its file store. */
export type DemoEnv = Pick<Deps, 'secretKey' | 'files'>;

export async function seedDemo(database: Database, env: DemoEnv): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  await database.db.transaction(async (tx) => {
    await tx.insert(users).values({ ...ADMIN, passwordHash, isPlatformAdmin: true });
    logins.push({ role: 'platformbeheerder', email: ADMIN.email, password: DEMO_PASSWORD });
    // A delegate in a regional body keeps the login of their own council.
    const userIds = new Map<string, string>();
    for (const demo of [lindewijk, bergeloo, horizon, beekdal, kennispunt]) {
      const [council] = await tx.insert(councils).values(demo.council).returning();
      const groupIds = new Map<string, string>();
      const people = new Map<string, { userId: string; membershipId: string }>();
      for (const g of demo.groups) {
        const [row] = await tx
          .insert(workingGroups)
          .values({ councilId: council.id, ...g })
          .returning();
        groupIds.set(g.name, row.id);
      }
      for (const m of demo.members) {
        let userId = userIds.get(m.email);
        if (!userId) {
          const [user] = await tx.insert(users).values({ name: m.name, email: m.email, passwordHash }).returning();
          userId = user.id;
          userIds.set(m.email, userId);
        }
        const [membership] = await tx
          .insert(memberships)
          .values({ councilId: council.id, userId, role: m.role, targetGroup: m.targetGroup, bio: m.bio ?? '', joinedOn: '2024-01-01' })
          .returning();
        people.set(m.email, { userId, membershipId: membership.id });
        for (const g of m.groups) {
          await tx.insert(workingGroupMembers).values({ councilId: council.id, workingGroupId: groupIds.get(g)!, membershipId: membership.id });
        }
        for (const g of m.lead ?? []) {
          await tx
            .update(workingGroups)
            .set({ leadMembershipId: membership.id })
            .where(eq(workingGroups.id, groupIds.get(g)!));
        }
        // Print one login per role for the first council, the board for the others.
        const printed = demo === lindewijk ? ['chair', 'secretary', 'official', 'partner'].includes(m.role) || m === demo.members[2] : isBoardRole(m.role);
        if (printed) logins.push({ role: `${roleLabel[m.role]} ${demo.council.slug}`, email: m.email, password: DEMO_PASSWORD });
      }
      for (const { applications, ...v } of demo.vacancies) {
        const [vacancy] = await tx
          .insert(vacancies)
          .values({ ...v, councilId: council.id })
          .returning();
        for (const a of applications ?? []) await tx.insert(vacancyApplications).values({ ...sealApplication(env.secretKey, a), councilId: council.id, vacancyId: vacancy.id });
      }
      if (demo === lindewijk) await seedDemoAdvice(tx, council, groupIds, people);
      // ---- demo data of later modules (seeds/demo-<module>.ts) is called below this line
      await seedDemoDocuments(tx, council, people, demo === lindewijk, env.files);
      await seedDemoMeetings(tx, council, people, demo === lindewijk);
      if (demo === lindewijk) await seedDemoSignals(tx, council, people, env.secretKey);
      if (demo === lindewijk) await seedDemoWorkplan(tx, council, people);
      if (demo === kennispunt) await seedDemoCampaigns(tx, council, people, env.secretKey);
      if (demo === lindewijk) await seedDemoPolicyCalendar(tx, council, groupIds);
    }
    // Knowledge (issue 11): national articles adopted by two councils, so it runs once all exist.
    await seedDemoKnowledge(tx, env.files);
    // Network (issue 10): Lindewijk's network, expert meeting and experiences, and its delegate to Beekdal, once all councils exist.
    await seedDemoNetwork(tx, env.secretKey);
    // Cooperation (issue 16): Lindewijk and De Horizon agree, share a dossier and meet twice a year, once both exist.
    await seedDemoCooperation(tx);
  });
  return logins;
}

const roleLabel: Record<Role, string> = { chair: 'voorzitter', secretary: 'secretaris', member: 'lid', official: 'ambtenaar', partner: 'partnerraad' };

type People = Map<string, { userId: string; membershipId: string }>;

/** Advice of Lindewijk in every step, so each workspace page shows something. Dates are relative to today. */
async function seedDemoAdvice(tx: Tx, council: typeof councils.$inferSelect, groups: Map<string, string>, people: People) {
  const today = todayInAmsterdam();
  const year = today.slice(0, 4);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000);
  const who = (email: string) => people.get(email)!;
  const secretary = who('secretaris@adviesraad-lindewijk.example');
  const chair = who('voorzitter@adviesraad-lindewijk.example');
  const official = who('beleid@gemeente-lindewijk.example');
  let n = 0;
  type Step = { at: Date; by: { userId: string }; action: AuditAction; from: string | null; to: string };
  async function advice(values: Omit<typeof advices.$inferInsert, 'councilId' | 'reference'>, recs: Partial<typeof adviceRecommendations.$inferInsert & { text: string }>[], steps: Step[]) {
    const [a] = await tx
      .insert(advices)
      .values({ councilId: council.id, reference: `${year}-${String(++n).padStart(3, '0')}`, ...values })
      .returning();
    let i = 0;
    for (const r of recs) await tx.insert(adviceRecommendations).values({ councilId: council.id, adviceId: a.id, number: ++i, text: r.text!, ...r });
    for (const st of steps) {
      await tx.insert(auditLog).values({
        councilId: council.id,
        actorUserId: st.by.userId,
        action: st.action,
        entity: 'advice',
        entityId: a.id,
        fromState: st.from,
        toState: st.to,
        at: st.at,
      });
    }
    return a;
  }
  const college = { addressee: 'college' as const, addresseeEmail: 'college@gemeente-lindewijk.example' };

  await advice(
    {
      kind: 'requested',
      status: 'requested',
      subject: 'Beleidsplan Wmo 2027-2030',
      question: 'Het college vraagt advies over het nieuwe beleidsplan Wmo. Wat vindt de raad van de plannen voor ondersteuning thuis en mantelzorg?',
      policyField: 'wmo',
      ...college,
      neededBy: addDays(today, 35),
      createdBy: official.userId,
      createdAt: day(-2),
    },
    [],
    [{ at: day(-2), by: official, action: 'advice.requested', from: null, to: 'requested' }],
  );
  const drafting = await advice(
    {
      kind: 'requested',
      status: 'drafting',
      subject: 'Verordening leerlingenvervoer',
      question: 'Wat vindt de raad van de nieuwe regels voor leerlingenvervoer?',
      policyField: 'jeugdwet',
      ...college,
      neededBy: addDays(today, 20),
      workingGroupId: groups.get('Jeugdwet'),
      createdBy: official.userId,
      createdAt: day(-12),
    },
    [],
    [
      { at: day(-12), by: official, action: 'advice.requested', from: null, to: 'requested' },
      { at: day(-10), by: secretary, action: 'advice.assigned', from: 'requested', to: 'drafting' },
    ],
  );
  const sanne = who('sanne.visser@adviesraad-lindewijk.example');
  await tx.insert(adviceDrafts).values([
    {
      councilId: council.id,
      adviceId: drafting.id,
      version: 1,
      body: 'Kinderen moeten veilig en op tijd op school komen.\nOuders willen één vast aanspreekpunt.',
      authorUserId: sanne.userId,
      createdAt: day(-8),
    },
    {
      councilId: council.id,
      adviceId: drafting.id,
      version: 2,
      body: 'Kinderen moeten veilig en op tijd op school komen.\nOuders willen één vast aanspreekpunt bij de gemeente.\nDe reistijd is hooguit een uur.',
      authorUserId: sanne.userId,
      createdAt: day(-5),
    },
  ]);
  const approval = await advice(
    {
      kind: 'requested',
      status: 'in_approval',
      subject: 'Armoedebeleid: meedoen voor ieder kind',
      question: 'Hoe kan de gemeente zorgen dat alle kinderen mee kunnen doen?',
      policyField: 'participatiewet',
      ...college,
      neededBy: addDays(today, 14),
      workingGroupId: groups.get('Participatiewet'),
      createdBy: secretary.userId,
      createdAt: day(-40),
      introduction: 'U vroeg ons om advies over het armoedebeleid voor kinderen. Hieronder leest u onze aanbevelingen.',
      explanation: 'Wij spraken met ouders, scholen en sportclubs. Veel ouders weten niet welke regelingen er zijn.',
      approvalRound: 1,
      approvalClosesAt: day(5),
    },
    [{ text: 'Maak één loket voor alle regelingen voor kinderen.' }, { text: 'Stuur ouders elk jaar een brief met de regelingen.' }, { text: 'Laat scholen helpen bij de aanvraag.' }],
    [
      { at: day(-40), by: secretary, action: 'advice.requested', from: null, to: 'requested' },
      { at: day(-38), by: secretary, action: 'advice.assigned', from: 'requested', to: 'drafting' },
      { at: day(-10), by: secretary, action: 'advice.conceptMade', from: 'drafting', to: 'concept' },
      { at: day(-2), by: secretary, action: 'advice.approvalOpened', from: 'concept', to: 'in_approval' },
    ],
  );
  for (const [email, vote, remark] of [
    ['els.jansen@adviesraad-lindewijk.example', 'agree', ''],
    ['fatima.elamrani@adviesraad-lindewijk.example', 'agree_with_remark', 'Noem ook de sportclubs in aanbeveling 3.'],
  ] as const) {
    await tx.insert(adviceVotes).values({ councilId: council.id, adviceId: approval.id, round: 1, membershipId: who(email).membershipId, vote, remark });
  }
  const sentAt = day(-14);
  await advice(
    {
      kind: 'unsolicited',
      status: 'sent',
      subject: 'Toegankelijkheid van het gemeentehuis',
      question: 'Inwoners met een rolstoel melden dat zij het gemeentehuis slecht in kunnen.',
      policyField: 'overig',
      ...college,
      createdBy: chair.userId,
      createdAt: day(-70),
      introduction: 'Uit eigen beweging geven wij u advies over de toegankelijkheid van het gemeentehuis.',
      explanation: 'Wij bezochten het gemeentehuis met drie inwoners met een beperking.',
      adoptedAt: day(-16),
      sentAt,
      answerDueOn: deadline(todayInAmsterdam(sentAt), 6, 'weeks'),
    },
    [{ text: 'Maak de hoofdingang drempelvrij.' }, { text: 'Zorg voor een ringleiding bij de balie.' }],
    [
      { at: day(-70), by: chair, action: 'advice.initiated', from: null, to: 'initiated' },
      { at: day(-60), by: secretary, action: 'advice.assigned', from: 'initiated', to: 'drafting' },
      { at: day(-30), by: secretary, action: 'advice.conceptMade', from: 'drafting', to: 'concept' },
      { at: day(-25), by: secretary, action: 'advice.approvalOpened', from: 'concept', to: 'in_approval' },
      { at: day(-16), by: chair, action: 'advice.adopted', from: 'in_approval', to: 'adopted' },
      { at: sentAt, by: secretary, action: 'advice.sent', from: 'adopted', to: 'sent' },
    ],
  );
  const answeredSent = day(-120);
  await advice(
    {
      kind: 'requested',
      status: 'answered',
      subject: 'Huishoudelijke hulp: nieuwe manier van indiceren',
      question: 'Wat vindt de raad van de nieuwe manier van indiceren?',
      policyField: 'wmo',
      ...college,
      createdBy: official.userId,
      createdAt: day(-170),
      introduction: 'Hierbij ons advies over de huishoudelijke hulp.',
      explanation: 'Wij spraken met cliënten en zorgaanbieders.',
      adoptedAt: day(-122),
      sentAt: answeredSent,
      answerDueOn: deadline(todayInAmsterdam(answeredSent), 6, 'weeks'),
      answeredAt: day(-80),
    },
    [
      {
        text: 'Kom altijd op huisbezoek voor een indicatie.',
        answer: 'adopted',
        answeredAt: day(-80),
        followUp: 'Sinds 1 oktober komt de consulent altijd langs.',
        reviewOn: addDays(today, 60),
      },
      {
        text: 'Geef cliënten het verslag van het gesprek op papier.',
        answer: 'partly',
        answerReason: 'Alleen als de cliënt daarom vraagt.',
        answeredAt: day(-80),
      },
      {
        text: 'Verlaag de eigen bijdrage voor lage inkomens.',
        answer: 'not_adopted',
        answerReason: 'De eigen bijdrage is landelijk vastgesteld.',
        answeredAt: day(-80),
      },
    ],
    [
      { at: day(-170), by: official, action: 'advice.requested', from: null, to: 'requested' },
      { at: day(-165), by: secretary, action: 'advice.assigned', from: 'requested', to: 'drafting' },
      { at: day(-135), by: secretary, action: 'advice.conceptMade', from: 'drafting', to: 'concept' },
      { at: day(-130), by: secretary, action: 'advice.approvalOpened', from: 'concept', to: 'in_approval' },
      { at: day(-122), by: chair, action: 'advice.adopted', from: 'in_approval', to: 'adopted' },
      { at: answeredSent, by: secretary, action: 'advice.sent', from: 'adopted', to: 'sent' },
      { at: day(-80), by: official, action: 'advice.answerRecorded', from: 'sent', to: 'answered' },
    ],
  );
  const overdueSent = day(-60);
  await advice(
    {
      kind: 'requested',
      status: 'sent',
      subject: 'Schuldhulpverlening: signalen eerder oppakken',
      question: 'Hoe kan de gemeente schulden eerder zien?',
      policyField: 'participatiewet',
      ...college,
      createdBy: official.userId,
      createdAt: day(-110),
      introduction: 'U vroeg ons advies over vroegsignalering van schulden.',
      explanation: 'Wij spraken met mensen die schulden hadden.',
      adoptedAt: day(-62),
      sentAt: overdueSent,
      answerDueOn: addDays(today, -5),
    },
    [{ text: 'Bel mensen binnen een week na een betalingsachterstand.' }, { text: 'Werk samen met woningcorporaties en energiebedrijven.' }],
    [
      { at: day(-110), by: official, action: 'advice.requested', from: null, to: 'requested' },
      { at: day(-105), by: secretary, action: 'advice.assigned', from: 'requested', to: 'drafting' },
      { at: day(-75), by: secretary, action: 'advice.conceptMade', from: 'drafting', to: 'concept' },
      { at: day(-70), by: secretary, action: 'advice.approvalOpened', from: 'concept', to: 'in_approval' },
      { at: day(-62), by: chair, action: 'advice.adopted', from: 'in_approval', to: 'adopted' },
      { at: overdueSent, by: secretary, action: 'advice.sent', from: 'adopted', to: 'sent' },
    ],
  );
}

/** First start only: an installation that has councils is never seeded again. */
export async function seedDemoIfEmpty(database: Database, env: DemoEnv): Promise<DemoLogin[] | null> {
  const [{ n }] = await database.db.select({ n: count() }).from(councils);
  if (Number(n) > 0) return null;
  return seedDemo(database, env);
}
