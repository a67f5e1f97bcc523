/**
 * Demo network of Lindewijk (a council modelled on a mid-sized municipality of villages): 15
 * organisations of the listed types with contact persons and consent records (one expiring soon,
 * one expired, one withdrawn), an expert meeting on school transport during a council meeting with
 * recorded experiences linked to the advice on the school transport by-law, an open public
 * consultation on poverty, and a delegate to the regional body on work and income (Beekdal).
 * Also the council's own words on the "politics, execution, clients" triangle and its six policy
 * fields. Fictional organisations and people only (.example addresses).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import { seal } from '../src/core/crypto.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { councils, memberships } from '../src/core/organisations.schema.ts';
import { addDays, todayInAmsterdam } from '../src/core/dates/working-days.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { agendaItems, meetings } from '../src/modules/meetings/meetings.schema.ts';
import { nameKey } from '../src/modules/network/network.rules.ts';
import { CONTACT_PURPOSE, EXPERIENCE_CONTACT_PURPOSE } from '../src/modules/network/network.rules.ts';
import {
  consultationInvites,
  consultationOrganisations,
  consultations,
  delegations,
  experienceContacts,
  experiences,
  networkConsents,
  networkContacts,
  networkOrganisations,
  networkSettings,
  type ConsentPurpose,
  type OrganisationType,
} from '../src/modules/network/network.schema.ts';

type DemoContact = { name: string; role: string; email: string; privatePerson?: boolean; consent?: ConsentPurpose[]; consentState?: 'expiring' | 'expired' | 'withdrawn' };
type DemoOrganisation = {
  name: string;
  type: OrganisationType;
  targetGroups: string;
  policyFields: ('wmo' | 'participatiewet' | 'jeugdwet' | 'overig')[];
  listed: boolean;
  website?: string;
  address?: string;
  contacts: DemoContact[];
};

const organisations: DemoOrganisation[] = [
  {
    name: 'Cliëntenraad Zorgcentrum De Linde',
    type: 'client_council',
    targetGroups: 'Bewoners van het zorgcentrum en hun familie',
    policyFields: ['wmo'],
    listed: true,
    contacts: [{ name: 'Tineke Vos', role: 'Voorzitter', email: 'clientenraad@delinde.example', consent: ['invitations', 'consultations'] }],
  },
  {
    name: 'Cliëntenraad Thuiszorg Lindewijk',
    type: 'client_council',
    targetGroups: 'Mensen die thuiszorg krijgen',
    policyFields: ['wmo'],
    listed: true,
    contacts: [{ name: 'Frank de Graaf', role: 'Secretaris', email: 'frank@thuiszorg-cr.example', consent: ['invitations'], consentState: 'expiring' }],
  },
  {
    name: 'Ouderenbond Lindewijk-Dorp',
    type: 'elderly_union',
    targetGroups: 'Ouderen',
    policyFields: ['wmo'],
    listed: true,
    website: 'https://ouderenbond-lindewijk.example',
    contacts: [{ name: 'Gerda Mulder', role: 'Bestuurslid', email: 'gerda@ouderenbond-lindewijk.example', consent: ['invitations', 'newsletter'] }],
  },
  {
    name: 'Seniorenvereniging De Wilgen',
    type: 'elderly_union',
    targetGroups: 'Ouderen in de kleine kernen',
    policyFields: ['wmo'],
    listed: true,
    contacts: [{ name: 'Henk Aalbers', role: 'Voorzitter', email: 'henk@dewilgen.example', consent: ['invitations'], consentState: 'expired' }],
  },
  {
    name: 'Vrouwennetwerk Lindewijk',
    type: 'womens_organisation',
    targetGroups: 'Vrouwen, ook met een migratieachtergrond',
    policyFields: ['participatiewet', 'wmo'],
    listed: true,
    contacts: [{ name: 'Samira Bouali', role: 'Coördinator', email: 'samira@vrouwennetwerk.example', consent: ['invitations', 'consultations'] }],
  },
  {
    name: 'Steunpunt Mantelzorg Lindewijk',
    type: 'informal_care',
    targetGroups: 'Mantelzorgers',
    policyFields: ['wmo'],
    listed: true,
    website: 'https://mantelzorg-lindewijk.example',
    contacts: [{ name: 'Ilse Brouwer', role: 'Consulent', email: 'ilse@mantelzorg-lindewijk.example', consent: ['invitations', 'consultations', 'newsletter'] }],
  },
  {
    name: 'Welzijn Lindewijk',
    type: 'welfare',
    targetGroups: 'Alle inwoners',
    policyFields: ['wmo', 'participatiewet'],
    listed: true,
    address: 'Dorpsstraat 12, Lindewijk',
    contacts: [{ name: 'Bart Kuipers', role: 'Teamleider sociaal werk', email: 'bart@welzijnlindewijk.example', consent: ['invitations'] }],
  },
  {
    name: 'Zonnestraal Vrijwilligers',
    type: 'volunteers',
    targetGroups: 'Mensen met een beperking of ziekte',
    policyFields: ['wmo'],
    listed: true,
    contacts: [{ name: 'Wim Jacobs', role: 'Afdelingsvoorzitter', email: 'wim@zonnestraal.example', consent: ['invitations'] }],
  },
  {
    name: 'Jongerenwerk Lindewijk',
    type: 'youth_work',
    targetGroups: 'Jongeren van 12 tot 23 jaar',
    policyFields: ['jeugdwet'],
    listed: true,
    contacts: [{ name: 'Dewi Pranoto', role: 'Jongerenwerker', email: 'dewi@jongerenwerk.example', consent: ['invitations', 'consultations'] }],
  },
  {
    name: 'Sportvereniging VV Lindewijk',
    type: 'youth_sports',
    targetGroups: 'Kinderen en jongeren',
    policyFields: ['jeugdwet'],
    listed: false,
    contacts: [{ name: 'Rob Hermans', role: 'Jeugdcoördinator', email: 'rob@vvlindewijk.example', consent: ['invitations'] }],
  },
  {
    name: 'Protestantse Gemeente Lindewijk',
    type: 'church',
    targetGroups: 'Gemeenteleden en buurtbewoners',
    policyFields: ['participatiewet'],
    listed: true,
    contacts: [{ name: 'Ds. Marja Post', role: 'Predikant', email: 'dominee@pglindewijk.example', consent: ['invitations'] }],
  },
  {
    name: 'Dorpsbelang Oosterveld',
    type: 'village_interest',
    targetGroups: 'Inwoners van Oosterveld',
    policyFields: ['wmo', 'overig'],
    listed: true,
    contacts: [{ name: 'Jan Wolters', role: 'Secretaris', email: 'jan@dorpsbelang-oosterveld.example', consent: ['invitations'], consentState: 'withdrawn' }],
  },
  {
    name: 'Ondernemersvereniging Lindewijk',
    type: 'employer',
    targetGroups: 'Werkgevers',
    policyFields: ['participatiewet'],
    listed: false,
    contacts: [{ name: 'Paul Verbeek', role: 'Bestuurslid', email: 'paul@ovlindewijk.example', consent: ['invitations'] }],
  },
  {
    name: 'Platform Samen Lindewijk',
    type: 'social_platform',
    targetGroups: 'Inwoners die elkaar willen helpen',
    policyFields: ['wmo', 'overig'],
    listed: true,
    contacts: [{ name: 'Lisa van Loon', role: 'Moderator', email: 'lisa@samenlindewijk.example', consent: ['invitations', 'newsletter'] }],
  },
  {
    name: 'Oudervereniging Passend Onderwijs',
    type: 'other',
    targetGroups: 'Ouders van kinderen met extra ondersteuning op school',
    policyFields: ['jeugdwet'],
    listed: true,
    contacts: [
      { name: 'Esther Koning', role: 'Ervaringsdeskundige ouder', email: 'esther.koning@voorbeeld.example', privatePerson: true, consent: ['invitations', 'consultations'] },
      { name: 'Mohamed Ait', role: 'Voorzitter', email: 'mohamed@oudervereniging-po.example', consent: ['invitations'] },
    ],
  },
];

const experienceTexts = [
  'Mijn zoon zit elke dag meer dan een uur in de taxi naar school. Hij is moe als hij aankomt.',
  'De chauffeur wisselt steeds. Onze dochter met autisme raakt daardoor erg van slag.',
  'Wij hoorden pas twee dagen voor het nieuwe schooljaar dat het vervoer was geregeld.',
  'Het aanvraagformulier voor leerlingenvervoer is lastig. Wij moesten hulp vragen bij het invullen.',
  'Ouders met een kleine beurs kunnen de eigen bijdrage voor het vervoer moeilijk betalen.',
];

const months = (d: string, n: number) => addDays(d, Math.round(n * 30.44));

export async function seedDemoNetwork(tx: Tx, secretKey: string): Promise<void> {
  const [council] = await tx.select().from(councils).where(eq(councils.slug, 'lindewijk'));
  if (!council) return;
  const [body] = await tx.select().from(councils).where(eq(councils.slug, 'beekdal'));
  const today = todayInAmsterdam();
  const sealed = (v: string) => seal(secretKey, CONTACT_PURPOSE, v);

  // The council's own words on where it stands, and its six policy fields.
  await tx
    .update(councils)
    .set({
      about: `${council.about}\n\nDe raad werkt in een driehoek: de politiek (gemeenteraad en college), de uitvoering (de ambtenaren en de wijkteams) en de cliënten (de inwoners die zorg of hulp krijgen). Wij zorgen dat de stem van cliënten in die driehoek gehoord wordt. Daarom hebben wij een netwerk van organisaties en houden wij expertmeetings.`,
      policyFields:
        'Wij werken aan zes beleidsvelden: Wmo (ondersteuning thuis, hulpmiddelen en mantelzorg), Participatiewet (werk en inkomen), armoede en schulden, Jeugdwet (jeugdhulp), passend onderwijs en leerlingenvervoer.',
    })
    .where(eq(councils.id, council.id));
  await tx.insert(networkSettings).values({ councilId: council.id, consentMonths: 24 }).onConflictDoNothing();

  const secretary = await userOf(tx, council.id, 'secretaris@adviesraad-lindewijk.example');
  const contactIds: { id: string; organisationId: string; invitable: boolean }[] = [];
  for (const o of organisations) {
    const [org] = await tx
      .insert(networkOrganisations)
      .values({
        councilId: council.id,
        name: o.name,
        nameKey: nameKey(o.name),
        type: o.type,
        targetGroups: o.targetGroups,
        policyFields: o.policyFields,
        listed: o.listed,
        website: o.website ?? '',
        address: o.address ?? '',
      })
      .returning();
    for (const c of o.contacts) {
      const [contact] = await tx
        .insert(networkContacts)
        .values({ councilId: council.id, organisationId: org!.id, role: c.role, privatePerson: c.privatePerson ?? false, nameSealed: sealed(c.name), emailSealed: sealed(c.email) })
        .returning();
      const givenOn = c.consentState === 'expired' ? addDays(today, -800) : c.consentState === 'expiring' ? months(addDays(today, 20), -24) : addDays(today, -120);
      for (const purpose of c.consent ?? []) {
        await tx.insert(networkConsents).values({
          councilId: council.id,
          contactId: contact!.id,
          purpose,
          givenOn,
          expiresOn: c.consentState === 'expiring' ? addDays(today, 20) : months(givenOn, 24),
          source: c.privatePerson ? 'in_person' : 'form',
          textVersion: '2025-1',
          recordedByUserId: secretary?.userId ?? null,
          withdrawnAt: c.consentState === 'withdrawn' ? new Date(Date.now() - 10 * 86_400_000) : null,
        });
      }
      contactIds.push({ id: contact!.id, organisationId: org!.id, invitable: (c.consent ?? []).includes('invitations') && !c.consentState });
    }
  }

  // The expert meeting on school transport during the last council meeting that was held.
  const [item] = await tx
    .select({ id: agendaItems.id, startsAt: meetings.startsAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.councilId, council.id), eq(meetings.status, 'held')))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  const heldOn = item ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(item.startsAt) : addDays(today, -30);
  const [expert] = await tx
    .insert(consultations)
    .values({
      councilId: council.id,
      kind: 'expert_meeting',
      topic: 'Expertmeeting leerlingenvervoer en passend onderwijs',
      heldOn,
      startTime: '10:30',
      endTime: '11:30',
      location: 'Gemeentehuis Lindewijk, raadzaal',
      agendaItemId: item?.id ?? null,
      isPublic: true,
      headCount: 14,
      report:
        'Ouders, het jongerenwerk en de cliëntenraad vertelden over lange ritten, wisselende chauffeurs en late besluiten. De raad neemt deze ervaringen mee in het advies over de verordening leerlingenvervoer.',
      uid: `${randomUUID()}@raadwerk`,
    })
    .returning();
  const invited = contactIds.filter((c) => c.invitable).slice(0, 7);
  for (const c of invited) await tx.insert(consultationInvites).values({ councilId: council.id, consultationId: expert!.id, contactId: c.id });
  const orgIds = [...new Set(invited.map((c) => c.organisationId))];
  for (const [i, organisationId] of orgIds.entries())
    await tx.insert(consultationOrganisations).values({ councilId: council.id, consultationId: expert!.id, organisationId, attended: i < orgIds.length - 1 });

  // The experiences it brought, linked to the advice on the school transport by-law.
  const [advice] = await tx
    .select({ id: advices.id })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), eq(advices.subject, 'Verordening leerlingenvervoer')));
  for (const [i, text] of experienceTexts.entries()) {
    const [e] = await tx
      .insert(experiences)
      .values({
        councilId: council.id,
        text,
        policyField: 'jeugdwet',
        targetGroup: 'Ouders',
        area: i % 2 ? 'Oosterveld' : 'Lindewijk-Dorp',
        source: 'consultation',
        consultationId: expert!.id,
        createdAt: new Date(`${heldOn}T12:00:00Z`),
        adviceId: advice?.id ?? null,
        wantsFeedback: i < 2,
        recordedByUserId: secretary?.userId ?? null,
      })
      .returning();
    if (i < 2) {
      await tx.insert(experienceContacts).values({
        experienceId: e!.id,
        councilId: council.id,
        nameSealed: seal(secretKey, EXPERIENCE_CONTACT_PURPOSE, `Ouder ${i + 1}`),
        emailSealed: seal(secretKey, EXPERIENCE_CONTACT_PURPOSE, `ouder${i + 1}@voorbeeld.example`),
      });
    }
  }

  // An open public consultation: anyone can share an experience through the form.
  await tx.insert(consultations).values({
    councilId: council.id,
    kind: 'written',
    topic: 'Rondkomen in Lindewijk: uw ervaring met armoede en schulden',
    heldOn: addDays(today, -7),
    isPublic: true,
    closesOn: addDays(today, 21),
    uid: `${randomUUID()}@raadwerk`,
  });

  // A delegate to the regional body on work and income.
  const delegate = await userOf(tx, council.id, 'pieter.mulder@adviesraad-lindewijk.example');
  if (delegate) {
    await tx.insert(delegations).values({
      councilId: council.id,
      membershipId: delegate.membershipId,
      bodyCouncilId: body?.id ?? null,
      bodyName: body ? '' : 'Regionaal Overleg Werk en Inkomen',
      startsOn: addDays(today, -200),
    });
  }
}

async function userOf(tx: Tx, councilId: string, email: string) {
  const [row] = await tx
    .select({ userId: users.id, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, councilId), eq(users.email, email)));
  return row ?? null;
}
