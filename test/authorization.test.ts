/**
 * The route x role matrix (DESIGN.md, "Authorisation ... is tested as a route x role matrix").
 *
 * Every route the app registers is listed in TABLE below with the answer each actor gets. A new
 * route that is not in the table fails the first test, so it must be classified here. For POSTs,
 * a refused request must leave the database as it was; an allowed one must change it (so the
 * "nothing changed" check can fail). Ids of another council and malformed ids answer 404.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import {
  anonymousToken,
  createTestApp,
  dayFromToday,
  encodeForm,
  login,
  makeCouncil,
  makeMember,
  addMembership,
  makeUser,
  makeVacancy,
  makeWorkingGroup,
  multipart,
  recordingRoutes,
  TINY_PNG,
  uniqueId,
  type LoggedIn,
  type Res,
  type RouteRecord,
  type TestApp,
} from './support/factories.ts';
import type { Council } from '../src/core/organisations.schema.ts';
import { boardRoles, councilRoles, type Role } from '../src/core/roles.ts';
import { setLogo } from '../src/modules/councils/councils.service.ts';
import { fontDir } from '../src/ui/assets.ts';
import { createSession, SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { seedAdvice, seedDocument } from '../src/modules/advice/advice.register.test-helpers.ts';
import { makeAdvice, recommendationsOf } from '../src/modules/advice/advice.test-helpers.ts';
import { makeItem, makeMeeting, makeMinutes } from '../src/modules/meetings/meetings.test-helpers.ts';
import { agendaGuests } from '../src/modules/meetings/meetings.schema.ts';
import { calendarTokens } from '../src/modules/meetings/meetings.calendar.schema.ts';
import { sha256 } from '../src/core/secret.ts';
import { publicFormPosts } from '../src/core/public-budget.schema.ts';
import { seal } from '../src/core/crypto.ts';
import { adviceRecommendations } from '../src/modules/advice/advice.schema.ts';
import { auditLog } from '../src/core/audit/audit.schema.ts';
import { makeDocument, makeFolder } from '../src/modules/documents/documents.test-helpers.ts';
import { documentFolders, documentShares, dossierAdvices, dossierMeetings } from '../src/modules/documents/documents.schema.ts';
import { signals as signalRows, signalThemes } from '../src/modules/signals/signals.schema.ts';
import { addJuror, makeCampaign, makeNomination } from '../src/modules/campaigns/campaigns.test-helpers.ts';
import { campaignDeclarations } from '../src/modules/campaigns/campaigns.schema.ts';
import { adopt as adoptKnowledge, makeArticle, makeNational, makeNews } from '../src/modules/knowledge/knowledge.test-helpers.ts';
import { makeMoment } from '../src/modules/policycalendar/policycalendar.test-helpers.ts';
import { freshPlan, makeReport } from '../src/modules/workplan/workplan.test-helpers.ts';
import { makeAgreement, shareFolder, withSignedFile } from '../src/modules/cooperation/cooperation.test-helpers.ts';
import type { AgreementState } from '../src/modules/cooperation/cooperation.schema.ts';
import { meetingPartners } from '../src/modules/meetings/meetings.joint.schema.ts';
import { watchTables } from './support/watch.ts';
import { makeConsultation, makeContact, makeDelegation, makeExperience, makeOrganisation, makeReport as makeDelegationReport, withdrawTokenOf } from '../src/modules/network/network.test-helpers.ts';

// ------------------------------------------------------------------ actors and outcomes

const actorKeys = ['anonymous', 'member', 'official', 'partner', 'secretary', 'chair', 'otherSecretary', 'admin'] as const;
type ActorKey = (typeof actorKeys)[number];
const _loggedIn = actorKeys.filter((a) => a !== 'anonymous');

/**
 * ok: GET/HEAD 200; POST 303 and the database changed.
 * login: 303 to /inloggen?terug=<the url>, nothing changed.  forbidden: 403.  notFound: 404.
 * Or an exact status (and location) for pages with their own rule; `same` asserts nothing changed.
 */
type Outcome = 'ok' | 'login' | 'forbidden' | 'notFound' | { status: number; location?: string | RegExp; same?: boolean };
type Expect = Record<ActorKey, Outcome>;

const ALL_ROLES: Role[] = ['chair', 'secretary', 'member', 'official', 'partner'];
const COUNCIL_MEMBERS: Role[] = [...councilRoles];
const BOARD: Role[] = [...boardRoles];

const everyone = (o: Outcome): Expect => Object.fromEntries(actorKeys.map((a) => [a, o])) as Expect;
const publicRoute = everyone('ok');
/** A workspace page of council A for these roles of A (and platform admins). */
function workspace(roles: Role[]): Expect {
  const e = { anonymous: 'login', otherSecretary: 'notFound', admin: 'ok' } as Expect;
  for (const r of ALL_ROLES) e[r as ActorKey] = roles.includes(r) ? 'ok' : 'forbidden';
  return e;
}
const platformAdmin: Expect = { ...everyone('forbidden'), anonymous: 'login', admin: 'ok' };
/** Pages of one's own account: anonymous visitors log in first. */
const account = (o: Outcome): Expect => ({ ...everyone(o), anonymous: 'login' });
const anonOr = (anonymous: Outcome, others: Outcome): Expect => ({ ...everyone(others), anonymous });

// ------------------------------------------------------------------ the world: councils A and B

let t: TestApp;
let routes: RouteRecord[];
let A: Council;
let B: Council;
const actors = {} as Record<Exclude<ActorKey, 'anonymous'>, LoggedIn>;
const ips = Object.fromEntries(actorKeys.map((a, i) => [a, `10.77.0.${i + 1}`])) as Record<ActorKey, string>;
/** Ids of each kind in council A (what the routes act on) and in council B. */
type Ids = { membership: string; workingGroup: string; groupMember: string; vacancy: string };
let idsA: Ids;
let idsB: Ids;
let outboxId: string;
let fontFile: string;

async function roleIn(council: Council, role: Role, extra: { active?: boolean } = {}) {
  return makeMember(t, council, role, {}, extra);
}

before(async () => {
  ({ result: t, routes } = await recordingRoutes(() => createTestApp()));
  A = await makeCouncil(t);
  B = await makeCouncil(t);
  for (const role of ALL_ROLES) {
    const { user } = await roleIn(A, role);
    actors[role as Exclude<ActorKey, 'anonymous' | 'otherSecretary' | 'admin'>] = await login(t, user);
  }
  actors.otherSecretary = await login(t, (await roleIn(B, 'secretary')).user);
  actors.admin = await login(t, await makeUser(t, { isPlatformAdmin: true }));

  const world = async (council: Council): Promise<Ids> => {
    const target = await roleIn(council, 'member');
    const group = await makeWorkingGroup(t, council, { name: `Werkgroep ${uniqueId()}` }, [target.membership.id]);
    const vacancy = await makeVacancy(t, council, { closesOn: dayFromToday(30) });
    return { membership: target.membership.id, workingGroup: group.id, groupMember: target.membership.id, vacancy: vacancy.id };
  };
  idsA = await world(A);
  idsB = await world(B);
  // Cooperation (issue 16): sharing a document with B follows an agreement between A and B in force.
  await makeAgreement(t, [A, B]);

  // A logo for A, an application to A's vacancy and a mail in the outbox.
  const secretary = actors.secretary.user;
  const [m] = await rows<{ id: string }>(sql`select id from memberships where user_id = ${secretary.id}`);
  await setLogo(t.app.deps, {
    actor: { userId: secretary.id, isPlatformAdmin: false, role: 'secretary', membershipId: m.id },
    council: A,
    upload: { fileName: 'logo.png', bytes: TINY_PNG, truncated: false },
    logoAlt: 'Logo',
  });
  const form = { name: 'Mila', email: 'mila@test.example', phone: '', motivation: 'Graag.' };
  assert.equal((await anonPost(`/${A.slug}/vacatures/${idsA.vacancy}/reageren`, form, '10.78.0.1')).statusCode, 303);
  const [mail] = await rows<{ id: string }>(sql`select id from outbox limit 1`);
  outboxId = mail.id;
  fontFile = fs.readdirSync(fontDir).find((f) => f.endsWith('.woff2'))!;
});

after(async () => {
  await t?.close();
});

/** Rows of a raw query (both drivers answer with `rows`). */
async function rows<T>(query: SQL): Promise<T[]> {
  return ((await t.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A fresh API key of council A's official, made through the workspace; its id. */
async function officialToken(): Promise<string> {
  const res = await actors.official.request({ url: `/${A.slug}/werkruimte/api-sleutels`, form: { name: uniqueName('Sleutel') }, ip: ips.official });
  assert.equal(res.statusCode, 201);
  const [row] = await rows<{ id: string }>(sql`select id from api_tokens where user_id = ${actors.official.user.id} order by created_at desc limit 1`);
  return row.id;
}

function anonPost(url: string, form: Record<string, string>, ip: string) {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: anonymousToken(t, 10_000), ...form }),
  });
}

// ------------------------------------------------------------------ the table

type Params = Record<string, string>;
type Row = {
  expect: Expect;
  /** Path parameters other than the defaults (see defaultParams). */
  params?: (ids: Ids) => Params | Promise<Params>;
  /** POST: a valid form; it is the same for every actor, so a refusal is never a validation error. */
  form?: (actor: ActorKey) => Record<string, string>;
  /** POST: send as multipart (the CSRF token then goes in the query string). */
  multipart?: boolean;
  /** POST: a fresh session, because the request ends it. */
  freshSession?: boolean;
};

/** Advice rows: who may see advice, and a fresh advice of council A in a state (its last recommendation kept for forms). */
const ADVICE_VIEW: Role[] = ['chair', 'secretary', 'member', 'official'];
const REFUSED_FILE: Outcome = { status: 400, same: true };
let lastRecommendation = '';
async function adviceIn(state: 'requested' | 'drafting' | 'concept' | 'in_approval' | 'adopted' | 'sent' | 'answered' | 'overdue' | 'withdrawn'): Promise<Params> {
  if (state === 'withdrawn') {
    // Withdrawn from drafting a moment ago, as the audit log records it: the board can still undo it.
    const advice = await makeAdvice(t, A, { status: 'withdrawn' }, ['Eerste aanbeveling']);
    await t.db.insert(auditLog).values({ councilId: A.id, action: 'advice.withdrawn', entity: 'advice', entityId: advice.id, fromState: 'drafting', toState: 'withdrawn' });
    return { id: advice.id };
  }
  const status = state === 'overdue' ? 'sent' : state;
  const dates =
    status === 'sent' || status === 'answered'
      ? { sentAt: new Date(), answerDueOn: dayFromToday(state === 'overdue' ? -5 : 20) }
      : status === 'in_approval'
        ? { approvalRound: 1, approvalClosesAt: new Date(Date.now() + 7 * 86_400_000) }
        : {};
  const advice = await makeAdvice(t, A, { status, ...dates }, ['Eerste aanbeveling']);
  const [rec] = await recommendationsOf(t, advice.id);
  if (status === 'answered') await t.db.update(adviceRecommendations).set({ answer: 'adopted' }).where(sql`${adviceRecommendations.id} = ${rec!.id}`);
  lastRecommendation = rec!.id;
  return { id: advice.id };
}

const contactForm = () => ({ name: 'Iemand', email: 'iemand@test.example', subject: 'Vraag', message: 'Hallo raad.' });
const uniqueName = (what: string) => `${what} ${uniqueId()}`;

// Meetings (issue 5): a fresh meeting of council A per request (planned ahead, or held), with one agenda item.
let lastItem = '';
let laterMeeting = '';
async function meetingIn(status: 'planned' | 'held' = 'planned'): Promise<Params> {
  const m = await makeMeeting(t, A, dayFromToday(status === 'held' ? -10 : 40), { status });
  lastItem = (await makeItem(t, A, m)).id;
  return { id: m.id };
}
/** Signals put on a meeting's agenda from the signal list: a fresh meeting and signal per request. */
let signalsForAgenda = { meeting: '', signal: '' };
/** A meeting cancelled a moment ago, so the board may still undo it. */
async function cancelledMeeting(): Promise<Params> {
  const m = await makeMeeting(t, A, dayFromToday(40), { status: 'cancelled', cancelledAt: new Date() });
  return { id: m.id };
}
async function membershipOf(actor: LoggedIn): Promise<string> {
  const [m] = await rows<{ id: string }>(sql`select id from memberships where user_id = ${actor.user.id} and council_id = ${A.id}`);
  return m.id;
}
const meetingForm = () => ({
  title: uniqueName('Vergadering'),
  date: dayFromToday(50),
  startTime: '19:00',
  endTime: '21:00',
  mode: 'in_person',
  location: 'Stadhuis',
  onlineUrl: '',
});
const itemForm = () => ({ title: uniqueName('Agendapunt'), explanation: '', startTime: '', presenter: '', access: 'public' });
const ATTENDEES: Expect = { ...workspace(COUNCIL_MEMBERS), admin: 'forbidden' };

// Calendar (issue 5): a fresh private feed link of a member of A; the plain token.
async function feedToken(actor: LoggedIn): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await t.db.insert(calendarTokens).values({ councilId: A.id, membershipId: await membershipOf(actor), tokenHash: sha256(token) });
  return token;
}

// Documents (issue 5): a fresh document or folder of council A per request.
const DOCUMENT_UPLOADERS: Partial<Expect> = { chair: REFUSED_FILE, secretary: REFUSED_FILE, member: REFUSED_FILE, admin: REFUSED_FILE };
let lastDocumentAdvice = '';
let lastDocumentMeeting = '';
async function documentIn(access: 'public' | 'members'): Promise<Params> {
  return { id: (await makeDocument(t, A, { access })).id };
}
async function folderIn(): Promise<{ folderId: string }> {
  const [f] = await t.db
    .insert(documentFolders)
    .values({ councilId: A.id, name: uniqueName('Map') })
    .returning();
  return { folderId: f!.id };
}

/** Every route: `METHOD /url` as registered. HEAD routes answer as their GET twin. */
// Signals (issue 4): a fresh signal of council A per request, straight in the database, in the state the action needs.
let lastSignalReference = '';
let signalSeq = 0;
let lastUnsolicited = '';
async function signalIn(status: 'new' | 'in_triage' | 'to_discuss' | 'closed' = 'new'): Promise<Params> {
  const make = async () =>
    (
      await t.db
        .insert(signalRows)
        .values({
          councilId: A.id,
          reference: `S-1999-${String(++signalSeq).padStart(6, '0')}`,
          description: 'De regiotaxi komt te laat.',
          area: 'transport',
          since: 'month',
          source: 'web_form',
          status,
          closedAt: status === 'closed' ? new Date() : null,
        })
        .returning()
    )[0]!;
  lastSignalReference = (await make()).reference;
  return { id: (await make()).id };
}
/** A fresh theme of council A with one signal in it. */
async function themeIn(): Promise<string> {
  const [theme] = await t.db
    .insert(signalThemes)
    .values({ councilId: A.id, name: uniqueName('Thema') })
    .returning();
  await t.db.insert(signalRows).values({
    councilId: A.id,
    reference: `S-1999-${String(++signalSeq).padStart(6, '0')}`,
    description: 'Over het thema.',
    area: 'transport',
    since: 'month',
    source: 'web_form',
    status: 'in_triage',
    themeId: theme!.id,
  });
  return theme!.id;
}
const SIGNAL_CONTACT: Expect = { ...workspace(BOARD), admin: 'forbidden' };
/** Reading contact details or exporting answers with the page or file itself (200), and logs it. */
const SIGNAL_READ: Expect = { ...SIGNAL_CONTACT, chair: { status: 200 }, secretary: { status: 200 } };
const signalForm = () => ({
  source: 'phone',
  sourceDetail: '',
  description: 'Aan de telefoon gemeld.',
  area: 'transport',
  since: 'month',
  peopleCount: '',
  name: '',
  email: '',
  phone: '',
});

// ---- campaigns (issue 12): fixtures and rows of the campaigns work. A national organisation N
// (kind 'landelijk'): A's chair is its chair (an organiser), A's member a member of N who sits on
// the jury of each fresh campaign that needs one; A's other people have no role in N (404 in its
// workspace). The finer cases (a juror with a conflict, the edit link of another nomination) are
// in src/modules/campaigns/campaigns.routes.test.ts.
let campaignWorldOnce: Promise<{ N: Council; juror: string }> | undefined;
let campaignJuror = '';
let lastCampaignNomination = '';
function campaignWorld() {
  campaignWorldOnce ??= (async () => {
    const N = await makeCouncil(t, { kind: 'landelijk' });
    await addMembership(t, N, actors.chair.user, 'chair');
    campaignJuror = (await addMembership(t, N, actors.member.user, 'member')).id;
    return { N, juror: campaignJuror };
  })();
  return campaignWorldOnce;
}
/** A fresh campaign of N in a phase, with one nomination; optionally A's member on its jury, having declared no conflict. */
async function campaignIn(phase: 'nominations' | 'jury' | 'decision', opts: { juror?: boolean; declared?: boolean; selected?: boolean } = {}): Promise<Params> {
  const { N, juror } = await campaignWorld();
  const { campaign, criteria } = await makeCampaign(t, N, { phase });
  const { nomination, token } = await makeNomination(t, campaign, criteria, 'GM0363', opts.selected ? { selected: true, selectionMotivation: 'Gekozen.' } : {});
  if (opts.juror || opts.declared) await addJuror(t, campaign, juror);
  if (opts.declared) await t.db.insert(campaignDeclarations).values({ councilId: N.id, nominationId: nomination.id, membershipId: juror, conflict: false });
  lastCampaignNomination = nomination.id;
  return { council: N.slug, raad: N.slug, id: campaign.id, nominationId: nomination.id, token };
}
/** A page of N's workspace: its chair organises, A's member judges, A's other people are strangers (404). */
const inN = (chair: Outcome, member: Outcome, admin: Outcome = chair): Expect => ({
  anonymous: 'login',
  member,
  official: 'notFound',
  partner: 'notFound',
  secretary: 'notFound',
  chair,
  otherSecretary: 'notFound',
  admin,
});
const nominationFields = () => ({
  municipality: 'GM0014',
  name: 'Sam Inwoner',
  role: 'inwoner',
  email: 'sam@test.example',
  motivatie1: 'Het leeft in de gemeente.',
  motivatie2: 'Samen met inwoners gemaakt.',
  motivatie3: 'Een nieuwe aanpak met vrijwilligers.',
});
const scoreFields = () =>
  Object.fromEntries(
    [1, 2, 3].flatMap((i) => [
      [`score${i}`, '4'],
      [`toelichting${i}`, 'Een duidelijke en goede toelichting.'],
    ]),
  );
const campaignRows: Record<string, Row> = {
  // Public pages (campaigns.public.routes.tsx): open to everyone; the form needs no account.
  'GET /:council/campagnes': { expect: publicRoute, params: () => campaignIn('nominations') },
  'GET /:council/campagnes/:id': { expect: publicRoute, params: () => campaignIn('nominations') },
  'GET /:council/campagnes/:id/voordragen': { expect: publicRoute, params: () => campaignIn('nominations') },
  'POST /:council/campagnes/:id/voordragen': { expect: publicRoute, params: () => campaignIn('nominations'), form: nominationFields },
  'GET /:council/campagnes/:id/verstuurd': { expect: publicRoute, params: () => campaignIn('nominations') },
  // The edit link: the token in the address is the credential.
  'GET /:council/campagnes/:id/nominatie/:token': { expect: publicRoute, params: () => campaignIn('nominations') },
  'POST /:council/campagnes/:id/nominatie/:token': { expect: publicRoute, params: () => campaignIn('nominations'), form: nominationFields },
  'GET /api/v1/raden/:raad/campagnes': { expect: publicRoute, params: () => campaignIn('nominations') },
  'GET /api/v1/raden/:raad/campagnes/:id': { expect: publicRoute, params: () => campaignIn('nominations') },
  // The workspace (campaigns.routes.tsx): organisers (board of N) and jurors (members on the jury).
  'GET /:council/werkruimte/campagnes': { expect: inN('ok', 'ok'), params: () => campaignIn('nominations') },
  'POST /:council/werkruimte/campagnes': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('nominations'),
    form: () => ({
      title: uniqueName('Campagne'),
      purpose: 'Koplopers zoeken.',
      opensOn: dayFromToday(1),
      opensAt: '09:00',
      closesOn: dayFromToday(30),
      closesAt: '17:00',
      criteria: 'Leeft het onderwerp?\nUitleg.\n\nIs het samen gemaakt?\nUitleg.',
    }),
  },
  'GET /:council/werkruimte/campagnes/:id': { expect: inN('ok', 'ok'), params: () => campaignIn('jury', { juror: true }) },
  'POST /:council/werkruimte/campagnes/:id/fase': { expect: inN('ok', 'forbidden'), params: () => campaignIn('nominations'), form: () => ({}) },
  'POST /:council/werkruimte/campagnes/:id/jury': { expect: inN('ok', 'forbidden'), params: () => campaignIn('nominations'), form: () => ({ membershipId: campaignJuror }) },
  'POST /:council/werkruimte/campagnes/:id/jury/verwijderen': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('nominations', { juror: true }),
    form: () => ({ membershipId: campaignJuror }),
  },
  'GET /:council/werkruimte/campagnes/:id/wijzigen': { expect: inN('ok', 'forbidden'), params: () => campaignIn('nominations') },
  'POST /:council/werkruimte/campagnes/:id/wijzigen': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('nominations'),
    form: () => ({
      title: 'Anders',
      purpose: 'Koplopers zoeken.',
      opensOn: dayFromToday(-1),
      opensAt: '09:00',
      closesOn: dayFromToday(30),
      closesAt: '17:00',
      criteria: 'Leeft het onderwerp?\nUitleg.',
    }),
  },
  // The kick-off meeting is planned in the meetings module (issue 12).
  'POST /:council/werkruimte/campagnes/:id/bijeenkomsten': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('nominations'),
    form: () => ({ kind: 'kickoff', title: 'Startbijeenkomst', date: dayFromToday(10), startTime: '14:00', endTime: '17:00', location: 'Utrecht', mode: 'in_person' }),
  },
  'POST /:council/werkruimte/campagnes/:id/publiceren': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('decision', { selected: true }),
    form: () => ({ reason: 'Niet overal een voordracht.' }),
  },
  'GET /:council/werkruimte/campagnes/:id/export.csv': { expect: inN('ok', 'forbidden'), params: () => campaignIn('decision') },
  'GET /:council/werkruimte/campagnes/:id/export.xlsx': { expect: inN('ok', 'forbidden'), params: () => campaignIn('decision') },
  'GET /:council/werkruimte/campagnes/:id/export.ods': { expect: inN('ok', 'forbidden'), params: () => campaignIn('decision') },
  // Declarations are the jurors' own: an organiser who is not on the jury has none (404).
  'GET /:council/werkruimte/campagnes/:id/verklaringen': { expect: inN('notFound', 'ok'), params: () => campaignIn('jury', { juror: true }) },
  'POST /:council/werkruimte/campagnes/:id/verklaringen': {
    expect: inN('notFound', 'ok'),
    params: () => campaignIn('jury', { juror: true }),
    form: () => ({ [`verklaring-${lastCampaignNomination}`]: 'geen' }),
  },
  'GET /:council/werkruimte/campagnes/:id/nominaties/:nominationId': { expect: inN('ok', 'ok'), params: () => campaignIn('jury', { declared: true }) },
  'POST /:council/werkruimte/campagnes/:id/nominaties/:nominationId/beoordeling': { expect: inN('forbidden', 'ok'), params: () => campaignIn('jury', { declared: true }), form: scoreFields },
  'POST /:council/werkruimte/campagnes/:id/nominaties/:nominationId/koploper': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('decision'),
    form: () => ({ motivation: 'Een sterke voordracht.' }),
  },
  'POST /:council/werkruimte/campagnes/:id/nominaties/:nominationId/terugdraaien': {
    expect: inN('ok', 'forbidden'),
    params: () => campaignIn('decision', { selected: true }),
    form: () => ({ reason: 'De jury twijfelt nog.' }),
  },
};
// ---- end campaigns

// ---- knowledge (issue 11): fixtures and rows of the knowledge work. Council A's own articles and
// news, and articles of a national organisation K (kind 'landelijk') for A to adopt. Finer cases
// (members-only articles, refused forwards, rate limits) are in src/modules/knowledge/knowledge.test.ts.
let knowledgeNationalOnce: Promise<Council> | undefined;
const knowledgeNational = () => (knowledgeNationalOnce ??= makeNational(t));
const ownArticleOf = async (values: Parameters<typeof makeArticle>[2] = {}): Promise<Params> => ({ id: (await makeArticle(t, A, values)).id });
const nationalArticle = async (adopted: boolean): Promise<Params> => {
  const article = await makeArticle(t, await knowledgeNational(), { title: uniqueName('Landelijk artikel') });
  if (adopted) await adoptKnowledge(t, A, article);
  return { id: article.id };
};
const knowledgeArticleForm = () => ({ title: uniqueName('Artikel'), summary: 'Kort.', body: 'Uitleg in gewone woorden.', topic: 'wmo', visibility: 'public', format: 'text', reviewBy: '' });
const knowledgeForward = () => ({ addresses: `${uniqueId()}@test.example`, note: '' });
let momentSeq = 0;
let lastMomentAdvice = '';
const momentOf = async (): Promise<Params> => ({ id: (await makeMoment(t, A)).id });
const momentFields = () => ({ kind: 'inkoop', title: uniqueName('Inkoop'), expectedOn: dayFromToday(90), recurrenceYears: '', workingGroupId: '', remindWeeks: '8', reason: 'Later.' });
const knowledgeRows: Record<string, Row> = {
  'GET /:council/kennisbank': { expect: publicRoute },
  'GET /:council/kennisbank/:id': { expect: publicRoute, params: () => ownArticleOf() },
  'GET /:council/kennisbank/:id/ondertiteling.vtt': {
    expect: publicRoute,
    params: () => ownArticleOf({ format: 'video', videoUrl: '/video.mp4', captionsVtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHallo' }),
  },
  // A video article with a stored file (any bytes do for the route; the type was checked on upload).
  'GET /:council/kennisbank/:id/video': {
    expect: publicRoute,
    params: async () =>
      ownArticleOf({ format: 'video', videoFile: await t.app.deps.files.put(Buffer.from('video')), videoType: 'video/webm', captionsVtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHallo' }),
  },
  'GET /:council/kennisbank/:id/doorsturen': { expect: publicRoute, params: () => ownArticleOf() },
  'POST /:council/kennisbank/:id/doorsturen': { expect: publicRoute, params: () => ownArticleOf(), form: knowledgeForward },
  'GET /:council/nieuws': { expect: publicRoute },
  'GET /:council/nieuws/feed.atom': { expect: publicRoute },
  'GET /:council/nieuws/:id': { expect: publicRoute, params: async () => ({ id: (await makeNews(t, A)).id }) },
  'GET /:council/nieuws/:id/doorsturen': { expect: publicRoute, params: async () => ({ id: (await makeNews(t, A)).id }) },
  'POST /:council/nieuws/:id/doorsturen': { expect: publicRoute, params: async () => ({ id: (await makeNews(t, A)).id }), form: knowledgeForward },
  'GET /:council/werkruimte/kennisbank': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/kennisbank/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/kennisbank/nieuw': { expect: workspace(BOARD), form: knowledgeArticleForm },
  'GET /:council/werkruimte/kennisbank/:id': { expect: workspace(BOARD), params: () => ownArticleOf() },
  'POST /:council/werkruimte/kennisbank/:id': { expect: workspace(BOARD), params: () => ownArticleOf(), form: knowledgeArticleForm },
  'GET /:council/werkruimte/kennisbank/:id/versies': { expect: workspace(COUNCIL_MEMBERS), params: () => ownArticleOf() },
  // The multipart row sends a PNG logo in another field: "choose a video file" (400), nothing stored.
  'POST /:council/werkruimte/kennisbank/:id/video': {
    expect: { ...workspace(BOARD), chair: REFUSED_FILE, secretary: REFUSED_FILE, admin: REFUSED_FILE },
    params: () => ownArticleOf({ format: 'video' }),
    multipart: true,
  },
  'POST /:council/werkruimte/kennisbank/:id/overnemen': { expect: workspace(BOARD), params: () => nationalArticle(false), form: () => ({}) },
  'GET /:council/werkruimte/kennisbank/overgenomen/:id': { expect: workspace(BOARD), params: () => nationalArticle(true) },
  'POST /:council/werkruimte/kennisbank/overgenomen/:id': { expect: workspace(BOARD), params: () => nationalArticle(true), form: () => ({ localParagraph: uniqueName('Bij ons') }) },
  'GET /:council/werkruimte/nieuws': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/nieuws': { expect: workspace(BOARD), form: () => ({ title: uniqueName('Bericht'), summary: 'Kort.', body: 'Tekst.' }) },
  'GET /api/v1/raden/:raad/kennisbank': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /api/v1/raden/:raad/kennisbank/:id': { expect: publicRoute, params: async () => ({ raad: A.slug, ...(await ownArticleOf()) }) },
  'GET /api/v1/raden/:raad/nieuws': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  // Policy calendar (issue 11, part 7): a fresh moment of A per request.
  'GET /:council/beleidskalender': { expect: publicRoute },
  'GET /:council/beleidskalender.ics': { expect: publicRoute },
  'GET /api/v1/raden/:raad/beleidskalender': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /:council/werkruimte/beleidskalender': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/beleidskalender': { expect: workspace(BOARD), form: () => momentFields() },
  'GET /:council/werkruimte/beleidskalender/:id': { expect: workspace(COUNCIL_MEMBERS), params: () => momentOf() },
  'POST /:council/werkruimte/beleidskalender/:id': { expect: workspace(BOARD), params: () => momentOf(), form: () => ({ ...momentFields(), expectedOn: dayFromToday(120 + ++momentSeq) }) },
  'POST /:council/werkruimte/beleidskalender/:id/status': { expect: workspace(BOARD), params: () => momentOf(), form: () => ({ status: 'advice_given' }) },
  'POST /:council/werkruimte/beleidskalender/:id/adviesaanvraag': {
    expect: workspace(BOARD),
    params: async () => {
      lastMomentAdvice = (await makeAdvice(t, A, { status: 'requested' })).id;
      return momentOf();
    },
    form: () => ({ adviceId: lastMomentAdvice }),
  },
};
// ---- end knowledge

// ---- workplan (issue 13): fixtures and rows of the work plan and annual report. Each row works on
// its own year of council A (a fresh plan or report version in the state the step needs); the
// national overview is tried in the campaigns' national organisation N (A's chair and member are
// in it). Finer cases are in src/modules/workplan/workplan.plans.test.ts and workplan.report.test.ts.
const planYearOf = async (year: number, status: 'draft' | 'in_approval' | 'approved' = 'draft', titles = ['Mantelzorg']): Promise<Params> => {
  await freshPlan(t, A, year, titles, status);
  return { year: String(year) };
};
const reportYearOf = async (year: number, status: 'draft' | 'in_approval' | 'approved' | 'published'): Promise<Params> => {
  await makeReport(t, A, year, status);
  return { year: String(year) };
};
let lastWorkplanTheme = '';
/** A fresh topic of A (plan 2011), and a signal theme of A to tag it with. */
const topicOfA = async (): Promise<Params> => {
  const { topics } = await freshPlan(t, A, 2011, [uniqueName('Onderwerp')]);
  lastWorkplanTheme ||= (
    await t.db
      .insert(signalThemes)
      .values({ councilId: A.id, name: uniqueName('Werkplanthema') })
      .returning()
  )[0]!.id;
  return { id: topics[0]!.id };
};
const topicForm = () => ({ title: uniqueName('Onderwerp'), policyField: 'wmo', workingGroupId: '', aim: '', plannedQuarter: '1' });
const WORKPLAN_VOTE: Expect = { ...workspace(COUNCIL_MEMBERS), admin: { status: 400, same: true } };
const reportTexts = () => ({
  foreword: uniqueName('Voorwoord'),
  'text-advices': '',
  'text-signals': '',
  'text-meetings': '',
  'text-network': '',
  'text-cooperation': '',
  'text-topics': '',
  'text-members': '',
});
const workplanRows: Record<string, Row> = {
  // Public pages (workplan.public.routes.tsx).
  'GET /:council/werkplan': { expect: everyone({ status: 303 }) },
  'GET /:council/werkplan/:year': { expect: publicRoute, params: () => planYearOf(2010, 'approved') },
  'GET /:council/jaarverslag': { expect: everyone({ status: 303 }) },
  'GET /:council/jaarverslag/:year': { expect: publicRoute, params: () => reportYearOf(2014, 'published') },
  'GET /:council/jaarverslag/:year/jaarverslag.pdf': { expect: publicRoute, params: () => reportYearOf(2014, 'published') },
  // The work plan in the workspace (workplan.routes.tsx).
  'GET /:council/werkruimte/werkplan': { expect: { ...workspace(COUNCIL_MEMBERS), member: { status: 303 }, secretary: { status: 303 }, chair: { status: 303 }, admin: { status: 303 } } },
  'GET /:council/werkruimte/werkplan/:year': { expect: workspace(COUNCIL_MEMBERS), params: () => planYearOf(2009) },
  'POST /:council/werkruimte/werkplan/:year': {
    expect: workspace(BOARD),
    params: async () => {
      await freshPlan(t, A, 2002);
      await t.db.execute(sql`delete from workplans where council_id = ${A.id} and year = 2002`);
      return { year: '2002' };
    },
    form: () => ({}),
  },
  'POST /:council/werkruimte/werkplan/:year/onderwerpen': { expect: workspace(BOARD), params: () => planYearOf(2008), form: topicForm },
  'POST /:council/werkruimte/werkplan/:year/doorzetten': {
    expect: workspace(BOARD),
    params: async () => {
      await t.db.execute(sql`delete from workplans where council_id = ${A.id} and year = 2007`);
      return planYearOf(2006);
    },
    form: () => ({}),
  },
  'POST /:council/werkruimte/werkplan/:year/goedkeuring': { expect: workspace(BOARD), params: () => planYearOf(2003), form: () => ({}) },
  'POST /:council/werkruimte/werkplan/:year/besluit': { expect: workspace(BOARD), params: () => planYearOf(2004, 'in_approval'), form: () => ({}) },
  'POST /:council/werkruimte/werkplan/:year/stem': { expect: WORKPLAN_VOTE, params: () => planYearOf(2005, 'in_approval'), form: () => ({ vote: 'agree', remark: '' }) },
  'GET /:council/werkruimte/werkplan/onderwerpen/:id': { expect: workspace(COUNCIL_MEMBERS), params: topicOfA },
  'POST /:council/werkruimte/werkplan/onderwerpen/:id': { expect: workspace(BOARD), params: topicOfA, form: topicForm },
  'POST /:council/werkruimte/werkplan/onderwerpen/:id/status': { expect: workspace(BOARD), params: topicOfA, form: () => ({ status: 'dropped', dropReason: 'Geen tijd.' }) },
  'POST /:council/werkruimte/werkplan/onderwerpen/:id/voortgang': { expect: workspace(COUNCIL_MEMBERS), params: topicOfA, form: () => ({ notedOn: dayFromToday(0), text: 'Besproken.' }) },
  'POST /:council/werkruimte/werkplan/onderwerpen/:id/koppelen': {
    expect: workspace(BOARD),
    params: topicOfA,
    form: () => ({ record: `signalTheme:${lastWorkplanTheme}` }),
  },
  'POST /:council/werkruimte/werkplan/onderwerpen/:id/ontkoppelen': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await topicOfA();
      await t.db.execute(sql`insert into workplan_tags (council_id, topic_id, record_id, kind) values (${A.id}, ${p.id}, ${lastWorkplanTheme}, 'signalTheme')`);
      return p;
    },
    form: () => ({ recordId: lastWorkplanTheme }),
  },
  // The annual report in the workspace (workplan.report.routes.tsx).
  'GET /:council/werkruimte/jaarverslag': { expect: { ...workspace(COUNCIL_MEMBERS), member: { status: 303 }, secretary: { status: 303 }, chair: { status: 303 }, admin: { status: 303 } } },
  'GET /:council/werkruimte/jaarverslag/:year': { expect: workspace(COUNCIL_MEMBERS), params: () => reportYearOf(2015, 'draft') },
  'POST /:council/werkruimte/jaarverslag/:year/genereren': { expect: workspace(BOARD), params: () => ({ year: '2013' }), form: () => ({}) },
  'POST /:council/werkruimte/jaarverslag/:year/teksten': { expect: workspace(BOARD), params: () => reportYearOf(2012, 'draft'), form: reportTexts },
  'POST /:council/werkruimte/jaarverslag/:year/goedkeuring': { expect: workspace(BOARD), params: () => reportYearOf(2012, 'draft'), form: () => ({}) },
  'POST /:council/werkruimte/jaarverslag/:year/besluit': { expect: workspace(BOARD), params: () => reportYearOf(2012, 'in_approval'), form: () => ({}) },
  'POST /:council/werkruimte/jaarverslag/:year/stem': { expect: WORKPLAN_VOTE, params: () => reportYearOf(2012, 'in_approval'), form: () => ({ vote: 'agree', remark: '' }) },
  'POST /:council/werkruimte/jaarverslag/:year/publiceren': { expect: workspace(BOARD), params: () => reportYearOf(2012, 'approved'), form: () => ({}) },
  'POST /:council/werkruimte/jaarverslag/toestemming': { expect: workspace(BOARD), form: () => ({ give: 'ja' }) },
  // The national overview: the people of a national organisation (N); a council of another kind answers 404 (workplan.report.test.ts).
  'GET /:council/werkruimte/landelijk-overzicht': { expect: inN('ok', 'ok'), params: async () => ({ council: (await campaignWorld()).N.slug }) },
};
// ---- end workplan

// ---- councils: platform admin turns off a user's second factor (issue 17, item 16)
// Each allowed POST gets a fresh user with a second factor to reset.
const secondFactorUser = { email: '' };
const secondFactorRows: Record<string, Row> = {
  'GET /beheer/tweestapsverificatie': { expect: platformAdmin },
  'POST /beheer/tweestapsverificatie': {
    expect: platformAdmin,
    params: async () => {
      secondFactorUser.email = (await makeUser(t, { totpEnabled: true })).email;
      return {};
    },
    form: () => ({ email: secondFactorUser.email, reason: 'Telefoon kwijt, teruggebeld.' }),
  },
};
// ---- end councils second factor

// ---- hardening (issue 17, item 13): contact messages held beyond the hourly budget. Each allowed
// POST takes a fresh held message of council A; the platform admin may not read residents' words.
const heldRows: Record<string, Row> = {
  'GET /:council/werkruimte/wachtende-berichten': { expect: { ...workspace(BOARD), admin: 'forbidden' } },
  'POST /:council/werkruimte/wachtende-berichten/:id/doorsturen': { expect: { ...workspace(BOARD), admin: 'forbidden' }, params: () => heldPostIn(), form: () => ({}) },
  'POST /:council/werkruimte/wachtende-berichten/:id/verwijderen': { expect: { ...workspace(BOARD), admin: 'forbidden' }, params: () => heldPostIn(), form: () => ({}) },
};
async function heldPostIn(): Promise<Params> {
  const mail = { to: A.contactEmail, replyTo: 'iemand@test.example', subject: uniqueName('Vraag'), body: 'Hallo raad.' };
  const [row] = await t.db
    .insert(publicFormPosts)
    .values({ councilId: A.id, form: 'contact', heldSealed: seal(t.app.deps.secretKey, 'public-post', JSON.stringify(mail)) })
    .returning();
  return { id: row!.id };
}
// ---- end hardening

// ---- cooperation (issue 16): fixtures and rows of the cooperation work. Each row works on a fresh
// agreement of council A with council B, in the state the step needs; B's secretary has no role in
// A (404). Who of party A, party B, a third organisation and A after the end sees what is
// test/cooperation.isolation.test.ts.
const SIGNED_REFUSED: Partial<Expect> = { chair: REFUSED_FILE, secretary: REFUSED_FILE, admin: REFUSED_FILE };
let cooperationFolder = '';
let cooperationConsultation = '';
let cooperationInvite = { meetingId: '', contactIds: '' };
/** A joint meeting `planner` planned under a fresh agreement with `partner` (not yet accepted). */
async function jointMeetingIn(planner: Council, partner: Council): Promise<Params> {
  const a = await makeAgreement(t, [planner, partner]);
  const m = await makeMeeting(t, planner, dayFromToday(40));
  await t.db.insert(meetingPartners).values({ councilId: planner.id, meetingId: m.id, partnerCouncilId: partner.id, agreementId: a.id });
  return { id: a.id, meetingId: m.id };
}
let cooperationDossier = '';
async function agreementIn(state: AgreementState = 'active'): Promise<Params> {
  const a = await makeAgreement(t, [A, B], { state });
  return { id: a.id, name: a.name };
}
const cooperationRows: Record<string, Row> = {
  'GET /:council/samenwerking': { expect: publicRoute },
  'GET /:council/samenwerking/:name': { expect: publicRoute, params: () => agreementIn() },
  'GET /api/v1/raden/:raad/samenwerkingen': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /api/v1/raden/:raad/samenwerkingen/:naam': { expect: publicRoute, params: async () => ({ raad: A.slug, naam: (await agreementIn()).name! }) },
  'GET /:council/werkruimte/samenwerking': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/samenwerking/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/samenwerking/nieuw': {
    expect: workspace(BOARD),
    form: () => ({ title: uniqueName('Samenwerking'), purpose: 'Samen leren.', startsOn: dayFromToday(10), endsOn: '', renewal: 'tacit', noticeDays: '30', partners: B.id }),
  },
  'GET /:council/werkruimte/samenwerking/:id': { expect: workspace(COUNCIL_MEMBERS), params: () => agreementIn() },
  'POST /:council/werkruimte/samenwerking/:id/voorstellen': { expect: workspace(BOARD), params: () => agreementIn('draft'), form: () => ({}) },
  'POST /:council/werkruimte/samenwerking/:id/aanvaarden': { expect: workspace(['chair']), params: () => agreementIn('proposed'), form: () => ({ organisation: A.id }) },
  'POST /:council/werkruimte/samenwerking/:id/verlengen': { expect: workspace(BOARD), params: () => agreementIn('upForRenewal'), form: () => ({}) },
  'POST /:council/werkruimte/samenwerking/:id/opzeggen': { expect: workspace(BOARD), params: () => agreementIn(), form: () => ({}) },
  'POST /:council/werkruimte/samenwerking/:id/beeindigen': { expect: workspace(BOARD), params: () => agreementIn(), form: () => ({}) },
  'POST /:council/werkruimte/samenwerking/:id/inbreng': { expect: workspace(BOARD), params: () => agreementIn('draft'), form: () => ({ contribution: uniqueName('Inbreng') }) },
  'POST /:council/werkruimte/samenwerking/:id/overeenkomst': { expect: { ...workspace(BOARD), ...SIGNED_REFUSED }, params: () => agreementIn(), multipart: true },
  'GET /:council/werkruimte/samenwerking/:id/overeenkomst': {
    expect: workspace(COUNCIL_MEMBERS),
    params: async () => {
      const p = await agreementIn();
      await withSignedFile(t, { id: p.id! }, Buffer.from('%PDF-1.4\n%%EOF\n'));
      return p;
    },
  },
  'POST /:council/werkruimte/samenwerking/:id/dossiers': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await agreementIn();
      cooperationFolder = (await folderIn()).folderId;
      return p;
    },
    form: () => ({ folderId: cooperationFolder, level: 'read' }),
  },
  'POST /:council/werkruimte/samenwerking/:id/dossiers/:dossierId/stoppen': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await agreementIn();
      const { folderId } = await folderIn();
      const d = await shareFolder(t, { id: p.id! }, A, { id: folderId, name: 'Map' });
      return { ...p, dossierId: d.id };
    },
    form: () => ({}),
  },
  'POST /:council/werkruimte/samenwerking/:id/vergaderingen': { expect: workspace(BOARD), params: () => agreementIn(), form: () => meetingForm() },
  'POST /:council/werkruimte/samenwerking/:id/vergaderingen/:meetingId/aanvaarden': {
    expect: workspace(BOARD),
    // A joint meeting B planned under a fresh agreement, waiting for A.
    params: () => jointMeetingIn(B, A),
    form: () => ({}),
  },
  'POST /:council/werkruimte/samenwerking/:id/advies': {
    expect: workspace(BOARD),
    params: () => agreementIn(),
    form: () => ({ subject: uniqueName('Advies'), question: 'Wat vinden cliënten ervan?', policyField: 'wmo' }),
  },
  'POST /:council/werkruimte/samenwerking/:id/raadplegingen': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await agreementIn();
      cooperationConsultation = (await makeConsultation(t, A)).id;
      return p;
    },
    form: () => ({ consultationId: cooperationConsultation }),
  },
  // A's board invites a contact of its network (with consent) to a joint meeting A planned.
  'POST /:council/werkruimte/samenwerking/:id/netwerk': {
    expect: workspace(BOARD),
    params: async () => {
      const { id, meetingId } = await jointMeetingIn(A, B);
      cooperationInvite = { meetingId: meetingId!, contactIds: (await networkContactIn()).id! };
      return { id };
    },
    form: () => cooperationInvite,
  },
  // A member of A says whether they come to a joint meeting B planned and A accepted.
  'POST /:council/werkruimte/samenwerking/:id/vergaderingen/:meetingId/aanwezigheid': {
    expect: ATTENDEES,
    params: async () => {
      const a = await makeAgreement(t, [B, A]);
      const m = await makeMeeting(t, B, dayFromToday(40));
      await t.db.insert(meetingPartners).values({ councilId: B.id, meetingId: m.id, partnerCouncilId: A.id, agreementId: a.id, acceptedAt: new Date() });
      return { id: a.id, meetingId: m.id };
    },
    form: () => ({ answer: 'yes' }),
  },
  // The meetings list links a partner's joint meeting here: on to its agreement's page.
  'GET /:council/werkruimte/samenwerking/vergadering/:meetingId': {
    expect: Object.fromEntries(
      Object.entries(workspace(COUNCIL_MEMBERS)).map(([k, o]) => [k, o === 'ok' ? { status: 303, location: /\/werkruimte\/samenwerking\/[0-9a-f-]{36}#vergadering-/ } : o]),
    ) as Expect,
    params: async () => {
      const a = await makeAgreement(t, [B, A]);
      const m = await makeMeeting(t, B, dayFromToday(40));
      await t.db.insert(meetingPartners).values({ councilId: B.id, meetingId: m.id, partnerCouncilId: A.id, agreementId: a.id, acceptedAt: new Date() });
      return { meetingId: m.id };
    },
  },
  // Contribute to B's dossier without a file: "choose a file" (400), nothing stored (the page shown
  // again lists B's dossier, and that read of B's documents is audited).
  'POST /:council/werkruimte/samenwerking/:id/bijdragen': {
    expect: Object.fromEntries(Object.entries(workspace(COUNCIL_MEMBERS)).map(([k, o]) => [k, o === 'ok' ? { status: 400 } : o])) as Expect,
    params: async () => {
      const a = await makeAgreement(t, [B, A]);
      const folder = await makeFolder(t, B, uniqueName('Dossier van B'));
      const d = await shareFolder(t, a, B, folder, 'contribute');
      cooperationDossier = d.id;
      return { id: a.id };
    },
    form: () => ({ dossierId: cooperationDossier, documentTitle: 'Bijdrage' }),
  },
};
// ---- end cooperation

// ---- network (issue 10): fixtures and rows of the network work. Each row that changes something
// works on a fresh organisation, contact (with valid consent), consultation or experience of
// council A; details of private persons and contributors are the board's only (admins: 403).
const NETWORK_CONTACTS: Expect = { ...workspace(BOARD), admin: 'forbidden' };
const networkFixture = { contactId: '', adviceId: '', delegationId: '', reportId: '', meetingId: '' };
const networkOrgIn = async (): Promise<Params> => ({ id: (await makeOrganisation(t, A)).id });
async function networkContactIn(): Promise<Params> {
  const org = await makeOrganisation(t, A);
  return { id: (await makeContact(t, A, org.id, { consent: ['invitations'] })).id };
}
async function consultationIn(): Promise<Params> {
  const org = await makeOrganisation(t, A);
  networkFixture.contactId = (await makeContact(t, A, org.id, { consent: ['invitations'] })).id;
  return { id: (await makeConsultation(t, A)).id };
}
const withdrawTokenIn = async (): Promise<Params> => ({ token: withdrawTokenOf(t, (await networkContactIn()).id!) });
const delegationForm = () => ({ membershipId: idsA.membership, bodyName: uniqueName('Regionaal overleg'), startsOn: dayFromToday(0) });
const experienceIn = async (): Promise<Params> => ({ id: (await makeExperience(t, A, {}, { name: 'Inwoner', email: 'inwoner@test.example' })).id });
const networkRows: Record<string, Row> = {
  'GET /:council/netwerk': { expect: publicRoute },
  // The link in every invitation: a genuine token shows the page and withdraws (200), others are 404 (malformed-id test).
  'GET /:council/netwerk/afmelden/:token': { expect: publicRoute, params: withdrawTokenIn },
  'POST /:council/netwerk/afmelden/:token': { expect: everyone({ status: 200 }), params: withdrawTokenIn, form: () => ({}) },
  'GET /:council/ervaring-delen': { expect: publicRoute },
  'POST /:council/ervaring-delen': { expect: publicRoute, form: () => ({ text: uniqueName('Ervaring') }) },
  'GET /:council/ervaring-delen/verstuurd': { expect: publicRoute },
  'GET /api/v1/raden/:raad/netwerk': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /api/v1/raden/:raad/raadplegingen': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /:council/werkruimte/netwerk': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/netwerk/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/netwerk/nieuw': { expect: workspace(BOARD), form: () => ({ name: uniqueName('Organisatie'), type: 'welfare' }) },
  'GET /:council/werkruimte/netwerk/organisaties/:id': { expect: workspace(COUNCIL_MEMBERS), params: networkOrgIn },
  'GET /:council/werkruimte/netwerk/organisaties/:id/wijzigen': { expect: workspace(BOARD), params: networkOrgIn },
  'POST /:council/werkruimte/netwerk/organisaties/:id': { expect: workspace(BOARD), params: networkOrgIn, form: () => ({ name: uniqueName('Organisatie'), type: 'church', listed: 'ja' }) },
  'POST /:council/werkruimte/netwerk/organisaties/:id/contactpersonen': { expect: workspace(BOARD), params: networkOrgIn, form: () => ({ name: 'Contactpersoon', role: 'Voorzitter' }) },
  'GET /:council/werkruimte/netwerk/contactpersonen/:id/toestemming': { expect: workspace(BOARD), params: networkContactIn },
  'POST /:council/werkruimte/netwerk/contactpersonen/:id/toestemming': {
    expect: workspace(BOARD),
    params: networkContactIn,
    form: () => ({ purpose: 'newsletter', givenOn: dayFromToday(-1), source: 'email', textVersion: '2026-1' }),
  },
  'POST /:council/werkruimte/netwerk/contactpersonen/:id/wissen': { expect: NETWORK_CONTACTS, params: networkContactIn, form: () => ({}) },
  'GET /:council/werkruimte/netwerk/soorten': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/netwerk/soorten': { expect: workspace(BOARD), form: () => ({ name: uniqueName('Soort') }) },
  'GET /:council/werkruimte/netwerk/instellingen': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/netwerk/instellingen': { expect: workspace(BOARD), form: () => ({ consentMonths: '24' }) },
  'GET /:council/werkruimte/netwerk/toegangslog': { expect: { ...workspace(['chair']), admin: 'forbidden' } },
  'GET /:council/werkruimte/netwerk/afvaardigingen': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/netwerk/afvaardigingen': { expect: workspace(BOARD), form: delegationForm },
  // The member's own delegation: the delegate or the board reports back; it goes on the next meeting or waits.
  'POST /:council/werkruimte/netwerk/afvaardigingen/terugkoppeling': {
    expect: workspace(COUNCIL_MEMBERS),
    params: async () => {
      networkFixture.delegationId = (await makeDelegation(t, A, await membershipOf(actors.member))).id;
      return {};
    },
    form: () => ({ delegationId: networkFixture.delegationId, text: uniqueName('Terugkoppeling') }),
  },
  'POST /:council/werkruimte/netwerk/afvaardigingen/agenderen': {
    expect: workspace(BOARD),
    params: async () => {
      networkFixture.reportId = (await makeDelegationReport(t, A, (await makeDelegation(t, A, idsA.membership)).id)).id;
      networkFixture.meetingId = (await makeMeeting(t, A, dayFromToday(30))).id;
      return {};
    },
    form: () => ({ reportId: networkFixture.reportId, meetingId: networkFixture.meetingId }),
  },
  'GET /:council/werkruimte/netwerk/raadplegingen/:id/wijzigen': { expect: workspace(BOARD), params: consultationIn },
  'POST /:council/werkruimte/netwerk/raadplegingen/:id/wijzigen': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeConsultation(t, A, { heldOn: dayFromToday(20) })).id }),
    form: () => ({ kind: 'written', topic: uniqueName('Raadpleging'), heldOn: dayFromToday(21) }),
  },
  'GET /:council/werkruimte/netwerk/raadplegingen': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/netwerk/raadplegingen/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/netwerk/raadplegingen/nieuw': { expect: workspace(BOARD), form: () => ({ kind: 'written', topic: uniqueName('Raadpleging'), heldOn: dayFromToday(20) }) },
  'GET /:council/werkruimte/netwerk/raadplegingen/:id': { expect: workspace(COUNCIL_MEMBERS), params: consultationIn },
  'POST /:council/werkruimte/netwerk/raadplegingen/:id/uitnodigen': { expect: workspace(BOARD), params: consultationIn, form: () => ({ contactIds: networkFixture.contactId }) },
  'POST /:council/werkruimte/netwerk/raadplegingen/:id/verslag': { expect: workspace(BOARD), params: consultationIn, form: () => ({ headCount: '7', report: uniqueName('Verslag') }) },
  'GET /:council/werkruimte/netwerk/ervaringen': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/netwerk/ervaringen/nieuw': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/netwerk/ervaringen/nieuw': { expect: workspace(COUNCIL_MEMBERS), form: () => ({ text: uniqueName('Ervaring') }) },
  'GET /:council/werkruimte/netwerk/ervaringen/:id': { expect: workspace(COUNCIL_MEMBERS), params: experienceIn },
  'POST /:council/werkruimte/netwerk/ervaringen/:id/advies': {
    expect: workspace(BOARD),
    params: async () => {
      networkFixture.adviceId = (await makeAdvice(t, A, { status: 'drafting' })).id;
      return experienceIn();
    },
    form: () => ({ adviceId: networkFixture.adviceId }),
  },
  // Showing a contributor's details answers with the page itself (200), and logs the read.
  'POST /:council/werkruimte/netwerk/ervaringen/:id/contactgegevens': { expect: { ...NETWORK_CONTACTS, chair: { status: 200 }, secretary: { status: 200 } }, params: experienceIn, form: () => ({}) },
  'POST /:council/werkruimte/netwerk/ervaringen/:id/wissen': { expect: NETWORK_CONTACTS, params: experienceIn, form: () => ({}) },
};
// ---- end network

const TABLE: Record<string, Row> = {
  // Platform pages, assets and probes.
  'GET /': { expect: publicRoute },
  'GET /toegankelijkheid': { expect: publicRoute },
  'GET /privacy': { expect: publicRoute },
  'GET /healthz': { expect: publicRoute },
  'GET /readyz': { expect: publicRoute },
  'GET /robots.txt': { expect: publicRoute },
  'GET /.well-known/security.txt': { expect: publicRoute },
  'GET /assets/app.[hash].css': { expect: publicRoute },
  'GET /assets/app.[hash].js': { expect: publicRoute },
  'GET /assets/fonts/*': { expect: publicRoute },
  'GET /taal': { expect: everyone({ status: 303, location: '/' }) },
  // The language switch of a page with a form: it keeps what was typed for a moment (form-drafts.ts).
  'POST /taal': { expect: everyone({ status: 303, location: '/' }), form: () => ({ onderwerp: 'Regiotaxi' }) },

  // Logging in and out, account, tokens.
  'GET /inloggen': { expect: anonOr('ok', { status: 303 }) },
  'POST /inloggen': { expect: everyone({ status: 400 }), form: (actor) => ({ email: `niemand-${actor}@test.example`, password: 'fout-wachtwoord' }) },
  'GET /inloggen/code': { expect: anonOr({ status: 303, location: '/inloggen' }, { status: 303 }) },
  'POST /inloggen/code': { expect: anonOr({ status: 303, location: '/inloggen', same: true }, { status: 303, same: true }), form: () => ({ code: '123456' }) },
  'GET /account': { expect: account('ok') },
  'GET /account/tweestapsverificatie': { expect: account('ok') },
  'POST /account/tweestapsverificatie': { expect: account({ status: 400, same: true }), form: () => ({ actie: 'aanzetten', code: '123456' }) },
  'POST /account/wachtwoord': { expect: account({ status: 400, same: true }), form: () => ({}) },
  'POST /account/taal': { expect: account({ status: 303, location: '/account?klaar=taal' }), form: () => ({ locale: 'nl' }) },
  'POST /account/berichten': { expect: account({ status: 303, location: '/account?klaar=berichten#berichten' }), form: () => ({ noticeMode: 'digest' }) },
  // Recovery codes: the matrix users have no second factor yet, so every actor is sent back (see auth.recovery.test.ts for the rest).
  'POST /account/tweestapsverificatie/herstelcodes': {
    expect: account({ status: 303, location: '/account/tweestapsverificatie', same: true }),
    form: () => ({ currentPassword: 'fout-wachtwoord' }),
  },
  'POST /uitloggen': { expect: everyone({ status: 303, location: '/', same: true }), form: () => ({}), freshSession: true },
  'GET /wachtwoord-vergeten': { expect: publicRoute },
  'POST /wachtwoord-vergeten': {
    expect: everyone({ status: 303, location: '/wachtwoord-vergeten?verstuurd=1' }),
    form: () => ({ email: 'niemand@test.example' }),
  },
  'GET /wachtwoord-herstellen/klaar': { expect: publicRoute },
  'GET /wachtwoord-herstellen/:token': { expect: everyone('notFound') },
  'POST /wachtwoord-herstellen/:token': {
    expect: everyone('notFound'),
    form: () => ({ newPassword: 'een lang nieuw wachtwoord', newPasswordRepeat: 'een lang nieuw wachtwoord' }),
  },
  'GET /uitnodiging/:token': { expect: everyone('notFound') },
  'POST /uitnodiging/:token': {
    expect: everyone('notFound'),
    form: () => ({ newPassword: 'een lang nieuw wachtwoord', newPasswordRepeat: 'een lang nieuw wachtwoord' }),
  },

  // Platform administration.
  'GET /beheer': { expect: platformAdmin },
  'GET /beheer/raden/nieuw': { expect: platformAdmin },
  'POST /beheer/raden/nieuw': {
    expect: platformAdmin,
    form: () => ({ name: uniqueName('Raad'), slug: `nieuw-${uniqueId()}`, kind: 'gemeentelijk', advises: 'het college', contactEmail: 'info@nieuw.example' }),
  },
  'GET /beheer/postvak': { expect: platformAdmin },
  'GET /beheer/postvak/:id': { expect: platformAdmin, params: () => ({ id: outboxId }) },

  // The public site of a council.
  'GET /:council': { expect: publicRoute },
  'GET /:council/over-ons': { expect: publicRoute },
  'GET /:council/toegankelijkheid': { expect: publicRoute },
  'GET /:council/privacy': { expect: publicRoute },
  'GET /:council/thema.css': { expect: publicRoute },
  'GET /:council/logo': { expect: publicRoute },
  'GET /:council/contact': { expect: publicRoute },
  'POST /:council/contact': { expect: publicRoute, form: contactForm },
  'GET /:council/contact/verzonden': { expect: publicRoute },
  'GET /:council/leden': { expect: publicRoute },
  'GET /:council/werkgroepen': { expect: publicRoute },
  'GET /:council/vacatures': { expect: publicRoute },
  'GET /:council/vacatures/:id': { expect: publicRoute },
  'GET /:council/vacatures/:id/reageren': { expect: publicRoute },
  'POST /:council/vacatures/:id/reageren': {
    expect: publicRoute,
    form: () => ({ name: 'Iemand', email: 'iemand@test.example', phone: '', motivation: 'Ik wil graag meedoen.' }),
  },
  'GET /:council/vacatures/:id/verzonden': { expect: publicRoute },

  // The public advice register, its documents and feed (advice.register.routes.tsx).
  'GET /:council/adviezen': { expect: publicRoute },
  'GET /:council/adviezen/:id': { expect: publicRoute, params: async () => ({ id: (await seedAdvice(t, A)).id }) },
  'GET /:council/adviezen/:id/documenten/:documentId': {
    expect: publicRoute,
    params: async () => {
      const advice = await seedAdvice(t, A);
      return { id: advice.id, documentId: (await seedDocument(t, A, advice, 'request')).id };
    },
  },
  'GET /:council/feed.atom': { expect: publicRoute },
  'GET /:council/werkruimte/adviezen/overzicht': { expect: workspace(COUNCIL_MEMBERS) },
  // Partner councils hold a key to submit signals (issue 4).
  'GET /:council/werkruimte/api-sleutels': { expect: workspace(['chair', 'secretary', 'official', 'partner']) },
  // The new key is shown in the answer (201), once; a platform admin has no council role to hold one.
  'POST /:council/werkruimte/api-sleutels': {
    expect: {
      ...workspace(['chair', 'secretary', 'official', 'partner']),
      chair: { status: 201 },
      secretary: { status: 201 },
      official: { status: 201 },
      partner: { status: 201 },
      admin: 'forbidden',
    },
    form: () => ({ name: uniqueName('Sleutel') }),
  },
  'POST /:council/werkruimte/api-sleutels/:id/intrekken': {
    // The official's key: a partner only sees its own.
    expect: { ...workspace(['chair', 'secretary', 'official', 'partner']), partner: 'notFound' },
    params: async () => ({ id: await officialToken() }),
    form: () => ({}),
  },

  // The JSON API: reading the register needs no token; writing needs a Bearer token (sessions do not count).
  'GET /api/v1/openapi.json': { expect: publicRoute },
  'GET /api/v1/raden/:raad/adviezen': { expect: publicRoute, params: () => ({ raad: A.slug }) },
  'GET /api/v1/raden/:raad/adviezen/:id': { expect: publicRoute, params: async () => ({ raad: A.slug, id: (await seedAdvice(t, A)).id }) },
  'POST /api/v1/raden/:raad/adviesaanvragen': {
    expect: everyone({ status: 401, same: true }),
    params: () => ({ raad: A.slug }),
    form: () => ({ subject: 'Aanvraag', question: 'Vraag?', policyField: 'wmo', addressee: 'college', neededBy: dayFromToday(30) }),
  },
  'GET /api/v1/raden/:raad/adviesaanvragen/:id': {
    expect: everyone({ status: 401 }),
    params: async () => ({ raad: A.slug, id: (await seedAdvice(t, A, { status: 'requested', sentAt: null })).id }),
  },
  'POST /api/v1/raden/:raad/adviezen/:id/antwoorden': {
    expect: everyone({ status: 401, same: true }),
    params: async () => ({ raad: A.slug, id: (await seedAdvice(t, A)).id }),
    form: () => ({}),
  },

  // The workspace of a council.
  // The glossary: one public page for the whole platform.
  'GET /woordenlijst': { expect: publicRoute },
  'GET /:council/werkruimte': { expect: workspace(ALL_ROLES) },
  // One search box over the workspace; each role finds only what it may see (search.test.ts).
  'GET /:council/werkruimte/zoeken': { expect: workspace(ALL_ROLES) },
  'GET /:council/werkruimte/instellingen': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/instellingen': {
    expect: workspace(BOARD),
    form: () => ({ name: A.name, advises: 'het college', contactEmail: 'info@a.example', contactPhone: '', colour: '#1f5f8b', tagline: uniqueName('Motto') }),
  },
  'POST /:council/werkruimte/instellingen/logo': { expect: workspace(BOARD), multipart: true },
  'POST /:council/werkruimte/instellingen/logo/verwijderen': { expect: workspace(BOARD), form: () => ({}) },
  'GET /:council/werkruimte/leden': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/leden': {
    expect: workspace(BOARD),
    form: () => ({ name: 'Nieuw Lid', email: `nieuw-${uniqueId()}@test.example`, role: 'member', targetGroup: '' }),
  },
  // Several invitations from one list: the check page (200, nothing stored), then sending.
  'GET /:council/werkruimte/leden/uitnodigen': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/leden/uitnodigen': {
    expect: { ...workspace(BOARD), chair: { status: 200, same: true }, secretary: { status: 200, same: true }, admin: { status: 200, same: true } },
    form: () => ({ people: `Nieuw Lid, nieuw-${uniqueId()}@test.example`, role: 'member' }),
  },
  'POST /:council/werkruimte/leden/uitnodigen/versturen': {
    expect: workspace(BOARD),
    form: () => ({ people: `Nieuw Lid, nieuw-${uniqueId()}@test.example\nTweede Lid <tweede-${uniqueId()}@test.example>`, role: 'member' }),
  },
  'GET /:council/werkruimte/leden/:id': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/leden/:id': { expect: workspace(BOARD), form: () => ({ role: 'member', targetGroup: uniqueName('Doelgroep'), showOnSite: 'on' }) },
  'POST /:council/werkruimte/leden/:id/stoppen': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await roleIn(A, 'member')).membership.id }),
    form: () => ({}),
  },
  'POST /:council/werkruimte/leden/:id/activeren': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await roleIn(A, 'member', { active: false })).membership.id }),
    form: () => ({}),
  },
  // The list for the council's own people; a group's page for the board and that group's lead (members tests).
  'GET /:council/werkruimte/werkgroepen': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/werkgroepen': { expect: workspace(BOARD), form: () => ({ name: uniqueName('Werkgroep'), description: '' }) },
  'GET /:council/werkruimte/werkgroepen/:id': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/werkgroepen/:id': { expect: workspace(BOARD), form: () => ({ name: uniqueName('Werkgroep'), description: 'Nieuw' }) },
  'POST /:council/werkruimte/werkgroepen/:id/leden': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeWorkingGroup(t, A, { name: uniqueName('Werkgroep') })).id }),
    form: () => ({ membershipId: idsA.membership }),
  },
  'GET /:council/werkruimte/werkgroepen/:id/leden/:membershipId/verwijderen': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeWorkingGroup(t, A, { name: uniqueName('Werkgroep') }, [idsA.membership])).id, membershipId: idsA.membership }),
  },
  'POST /:council/werkruimte/werkgroepen/:id/leden/:membershipId/verwijderen': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeWorkingGroup(t, A, { name: uniqueName('Werkgroep') }, [idsA.membership])).id, membershipId: idsA.membership }),
    form: () => ({}),
  },
  'POST /:council/werkruimte/werkgroepen/:id/trekker': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeWorkingGroup(t, A, { name: uniqueName('Werkgroep') }, [idsA.membership])).id }),
    form: () => ({ lead: idsA.membership }),
  },
  'GET /:council/werkruimte/vacatures': { expect: workspace(BOARD) },
  'GET /:council/werkruimte/vacatures/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/vacatures/nieuw': { expect: workspace(BOARD), form: () => ({ title: uniqueName('Vacature'), description: 'Wij zoeken iemand.' }) },
  'GET /:council/werkruimte/vacatures/:id': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/vacatures/:id': {
    expect: workspace(BOARD),
    form: () => ({ title: uniqueName('Vacature'), description: 'Wij zoeken iemand.', closesOn: dayFromToday(30) }),
  },
  'POST /:council/werkruimte/vacatures/:id/status': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeVacancy(t, A, { status: 'draft' })).id }),
    form: () => ({ to: 'published' }),
  },
  'GET /:council/werkruimte/vacatures/:id/reacties': { expect: workspace(BOARD) },

  // The advice lifecycle in the workspace (advice.routes.tsx). Each request gets a fresh advice in the state the action needs.
  'GET /:council/werkruimte/adviezen': { expect: workspace(ADVICE_VIEW) },
  'GET /:council/werkruimte/adviezen/aanvraag': { expect: workspace(['chair', 'secretary', 'official']) },
  'POST /:council/werkruimte/adviezen/aanvraag': {
    expect: workspace(['chair', 'secretary', 'official']),
    form: () => ({
      subject: uniqueName('Aanvraag'),
      question: 'Wat vindt de raad?',
      policyField: 'wmo',
      addressee: 'college',
      addresseeEmail: '',
      neededBy: dayFromToday(30),
    }),
  },
  'GET /:council/werkruimte/adviezen/ongevraagd': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/adviezen/ongevraagd': {
    expect: workspace(COUNCIL_MEMBERS),
    form: () => ({ subject: uniqueName('Ongevraagd'), question: 'Signalen van inwoners.', policyField: 'overig', addressee: 'college', addresseeEmail: '' }),
  },
  'GET /:council/werkruimte/adviezen/:id': { expect: workspace(ADVICE_VIEW), params: () => adviceIn('sent') },
  // A request the official filed: they read its documents before it is sent (the council's own work they do not).
  'GET /:council/werkruimte/adviezen/:id/documenten/:documentId': {
    expect: workspace(ADVICE_VIEW),
    params: async () => {
      const advice = await makeAdvice(t, A, { status: 'requested', createdBy: actors.official.user.id });
      return { id: advice.id, documentId: (await seedDocument(t, A, advice, 'request')).id };
    },
  },
  // The logo upload of the multipart row is not a PDF or Word file: refused at the field (400), nothing stored.
  'POST /:council/werkruimte/adviezen/:id/documenten': {
    expect: { ...workspace(['chair', 'secretary', 'official']), chair: REFUSED_FILE, secretary: REFUSED_FILE, official: REFUSED_FILE, admin: REFUSED_FILE },
    params: () => adviceIn('sent'),
    multipart: true,
  },
  'POST /:council/werkruimte/adviezen/:id/toewijzen': {
    expect: workspace(BOARD),
    params: () => adviceIn('requested'),
    form: () => ({ workingGroupId: idsA.workingGroup }),
  },
  'POST /:council/werkruimte/adviezen/:id/concept': { expect: workspace(BOARD), params: () => adviceIn('drafting'), form: () => ({}) },
  'POST /:council/werkruimte/adviezen/:id/tekst': {
    expect: workspace(BOARD),
    params: () => adviceIn('concept'),
    form: () => ({ introduction: uniqueName('Inleiding'), explanation: '' }),
  },
  'POST /:council/werkruimte/adviezen/:id/aanbevelingen': {
    expect: workspace(BOARD),
    params: () => adviceIn('concept'),
    form: () => ({ text: uniqueName('Aanbeveling') }),
  },
  'POST /:council/werkruimte/adviezen/:id/aanbevelingen/:recommendationId': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await adviceIn('concept');
      return { ...p, recommendationId: lastRecommendation };
    },
    form: () => ({ actie: 'opslaan', text: uniqueName('Gewijzigd') }),
  },
  'POST /:council/werkruimte/adviezen/:id/stemronde': {
    expect: workspace(BOARD),
    params: () => adviceIn('concept'),
    form: () => ({ closesOn: dayFromToday(7), closesTime: '17:00' }),
  },
  // Council members vote; a platform admin holds no membership to vote with.
  'POST /:council/werkruimte/adviezen/:id/stem': {
    expect: { ...workspace(COUNCIL_MEMBERS), admin: 'forbidden' },
    params: () => adviceIn('in_approval'),
    form: () => ({ vote: 'agree', remark: '' }),
  },
  'POST /:council/werkruimte/adviezen/:id/heropenen': { expect: workspace(['chair']), params: () => adviceIn('in_approval'), form: () => ({}) },
  'POST /:council/werkruimte/adviezen/:id/vaststellen': { expect: workspace(['chair']), params: () => adviceIn('in_approval'), form: () => ({}) },
  // Withdrawing asks first (a page), and the board can undo it within 30 days.
  'GET /:council/werkruimte/adviezen/:id/intrekken': { expect: workspace(BOARD), params: () => adviceIn('requested') },
  'POST /:council/werkruimte/adviezen/:id/intrekken': { expect: workspace(BOARD), params: () => adviceIn('requested'), form: () => ({}) },
  'POST /:council/werkruimte/adviezen/:id/terugzetten': { expect: workspace(BOARD), params: () => adviceIn('withdrawn'), form: () => ({}) },
  'POST /:council/werkruimte/adviezen/:id/versturen': { expect: workspace(BOARD), params: () => adviceIn('adopted'), form: () => ({}) },
  // The secretary or the municipal official records the answer (admins act as chair, who does not).
  'POST /:council/werkruimte/adviezen/:id/antwoorden': {
    expect: { ...workspace(['secretary', 'official']), admin: 'forbidden' },
    params: () => adviceIn('sent'),
    form: () => ({ [`answer-${lastRecommendation}`]: 'adopted' }),
  },
  'POST /:council/werkruimte/adviezen/:id/opvolging': {
    expect: workspace(BOARD),
    params: () => adviceIn('answered'),
    form: () => ({ recommendationId: lastRecommendation, followUp: uniqueName('Gedaan'), reviewOn: '' }),
  },
  'POST /:council/werkruimte/adviezen/:id/publicatie': {
    expect: workspace(BOARD),
    params: () => adviceIn('sent'),
    form: () => ({ publication: 'not_public', publicationGround: uniqueName('Woo') }),
  },
  'GET /:council/werkruimte/adviezen/:id/versies': { expect: workspace(COUNCIL_MEMBERS), params: () => adviceIn('drafting') },
  // Board and working-group members write drafts; this fresh advice has no group.
  'POST /:council/werkruimte/adviezen/:id/versies': {
    expect: workspace(BOARD),
    params: () => adviceIn('drafting'),
    form: () => ({ body: uniqueName('Tekst') }),
  },
  // The letter of an adopted advice is the council's until it is sent: an official does not find it (issue 9).
  'GET /:council/werkruimte/adviezen/:id/brief': { expect: { ...workspace(ADVICE_VIEW), official: 'notFound' }, params: () => adviceIn('adopted') },
  'GET /:council/werkruimte/adviezen/:id/brief.pdf': { expect: { ...workspace(ADVICE_VIEW), official: 'notFound' }, params: () => adviceIn('adopted') },
  'GET /:council/werkruimte/adviezen/:id/herinneringsbrief': { expect: workspace(ADVICE_VIEW), params: () => adviceIn('overdue') },
  // ---- signals (issue 4): rows added by the signals work go below this line
  // Workspace (signals.routes.tsx).
  'GET /:council/werkruimte/signalen': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/signalen/nieuw': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/signalen/nieuw': { expect: workspace(COUNCIL_MEMBERS), form: signalForm },
  'GET /:council/werkruimte/signalen/themas': { expect: workspace(COUNCIL_MEMBERS) },
  // From a theme to an unsolicited advice with its signals (signals.to-advice.test.ts): the board.
  'POST /:council/werkruimte/signalen/themas/:id/advies': {
    expect: { ...workspace(BOARD), chair: { status: 303 }, secretary: { status: 303 }, admin: { status: 303 } },
    params: async () => ({ id: await themeIn() }),
    form: () => ({}),
  },
  'GET /:council/werkruimte/signalen/instellingen': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/signalen/instellingen': {
    expect: workspace(BOARD),
    form: () => ({ thresholdCount: '5', thresholdSources: '3', thresholdMonths: '3', contactRetentionMonths: '3', textRetentionMonths: '24' }),
  },
  'POST /:council/werkruimte/signalen/instellingen/bericht/:status': {
    expect: workspace(BOARD),
    params: () => ({ status: 'closed' }),
    form: () => ({ 'subject-closed': uniqueName('Afgehandeld'), 'body-closed': 'Uw signaal {referentie} is afgehandeld.' }),
  },
  'GET /:council/werkruimte/signalen/toegangslog': { expect: { ...workspace(['chair']), admin: 'forbidden' } },
  'GET /:council/werkruimte/signalen/inzage': { expect: SIGNAL_CONTACT },
  // Signals that wait because of the hourly budget (issue 17): the board lets them in or removes them.
  'GET /:council/werkruimte/signalen/wachtend': { expect: SIGNAL_CONTACT },
  'POST /:council/werkruimte/signalen/wachtend': { expect: { ...SIGNAL_CONTACT, ...Object.fromEntries(BOARD.map((r) => [r, { status: 400, same: true }])) }, form: () => ({}) },
  // Removing waiting signals asks first (issue 14, session 8): without chosen ids both go back to the list.
  'GET /:council/werkruimte/signalen/wachtend/verwijderen': { expect: { ...SIGNAL_CONTACT, ...Object.fromEntries(BOARD.map((r) => [r, { status: 303, same: true }])) } },
  'POST /:council/werkruimte/signalen/wachtend/verwijderen': { expect: { ...SIGNAL_CONTACT, ...Object.fromEntries(BOARD.map((r) => [r, { status: 303, same: true }])) }, form: () => ({}) },
  'POST /:council/werkruimte/signalen/inzage': { expect: SIGNAL_READ, params: () => signalIn(), form: () => ({ reference: lastSignalReference }) },
  'GET /:council/werkruimte/signalen/:id': { expect: workspace(COUNCIL_MEMBERS), params: () => signalIn() },
  'POST /:council/werkruimte/signalen/:id/contactgegevens': { expect: SIGNAL_READ, params: () => signalIn(), form: () => ({}) },
  'GET /:council/werkruimte/signalen/:id/wissen': { expect: SIGNAL_CONTACT, params: () => signalIn() },
  'POST /:council/werkruimte/signalen/:id/wissen': { expect: SIGNAL_CONTACT, params: () => signalIn(), form: () => ({ confirm: 'ja' }) },
  'POST /:council/werkruimte/signalen/:id/thema': {
    expect: workspace(BOARD),
    params: () => signalIn(),
    form: () => ({ themeId: 'nieuw', newTheme: uniqueName('Thema'), policyField: 'wmo' }),
  },
  'POST /:council/werkruimte/signalen/:id/bespreken': { expect: workspace(BOARD), params: () => signalIn('in_triage'), form: () => ({}) },
  'POST /:council/werkruimte/signalen/:id/besproken': { expect: workspace(BOARD), params: () => signalIn('to_discuss'), form: () => ({}) },
  'POST /:council/werkruimte/signalen/:id/afsluiten': {
    expect: workspace(BOARD),
    params: () => signalIn('in_triage'),
    form: () => ({ outcome: 'no_action', outcomeNote: '' }),
  },
  'POST /:council/werkruimte/signalen/:id/heropenen': { expect: workspace(BOARD), params: () => signalIn('closed'), form: () => ({}) },
  'POST /:council/werkruimte/signalen/:id/dubbel': { expect: workspace(BOARD), params: () => signalIn(), form: () => ({ duplicateOf: lastSignalReference }) },
  'POST /:council/werkruimte/signalen/:id/advies': {
    expect: workspace(BOARD),
    params: async () => {
      lastUnsolicited = (await makeAdvice(t, A, { status: 'initiated', kind: 'unsolicited' })).id;
      return signalIn('in_triage');
    },
    form: () => ({ adviceId: lastUnsolicited }),
  },
  // The residents' form and the signals API (signals.intake.routes.tsx, signals.api.ts): open to everyone; a page flip stores nothing.
  'GET /:council/signaal': { expect: publicRoute },
  'POST /:council/signaal/vraag': {
    expect: everyone({ status: 200, same: true }),
    form: () => ({ pagina: 'omschrijving', description: 'De taxi komt te laat.' }),
  },
  // Back from the language switch: without kept answers, the start of the form.
  'GET /:council/signaal/vraag': { expect: everyone({ status: 303, location: /\/signaal$/ }) },
  'POST /:council/signaal/versturen': {
    expect: publicRoute,
    form: () => ({ description: 'De taxi komt te laat.', area: 'transport', since: 'month', contactChoice: 'anoniem' }),
  },
  'GET /:council/signaal/verstuurd': { expect: publicRoute },
  'POST /api/v1/raden/:raad/signalen': {
    expect: everyone({ status: 401, same: true }),
    params: () => ({ raad: A.slug }),
    form: () => ({ description: 'Tekst', area: 'transport', since: 'month' }),
  },
  // ---- end signals
  // ---- meetings (issue 5): rows added by the meetings work go below this line
  'GET /:council/vergaderingen': { expect: publicRoute },
  'GET /:council/vergaderingen/:id': { expect: publicRoute, params: () => meetingIn() },
  'GET /:council/werkruimte/vergaderingen': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/vergaderingen/ritme': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/vergaderingen/ritme': {
    expect: workspace(BOARD),
    form: () => ({
      title: uniqueName('Ritme'),
      nth: '3',
      weekday: '3',
      startTime: '09:30',
      endTime: '12:30',
      mode: 'in_person',
      location: 'Stadhuis',
      onlineUrl: '',
    }),
  },
  // Generating is idempotent; each run is still recorded in the audit log.
  'POST /:council/werkruimte/vergaderingen/ritme/genereren': {
    expect: workspace(BOARD),
    form: () => ({ year: String(Number(dayFromToday(0).slice(0, 4)) + 1) }),
  },
  'GET /:council/werkruimte/vergaderingen/nieuw': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/vergaderingen/nieuw': { expect: workspace(BOARD), form: meetingForm },
  'POST /:council/werkruimte/vergaderingen/actiepunten/:actionId/klaar': {
    // The owner (here: the member) or the board marks it done.
    expect: workspace(COUNCIL_MEMBERS),
    params: async () => {
      const { id } = await meetingIn('held');
      const { actionPoint } = await makeMinutes(t, A, { id }, {}, await membershipOf(actors.member), dayFromToday(5));
      return { actionId: actionPoint!.id };
    },
    form: () => ({}),
  },
  'GET /:council/werkruimte/vergaderingen/:id': { expect: workspace(COUNCIL_MEMBERS), params: () => meetingIn() },
  'GET /:council/werkruimte/vergaderingen/:id/wijzigen': { expect: workspace(BOARD), params: () => meetingIn() },
  'POST /:council/werkruimte/vergaderingen/:id/wijzigen': { expect: workspace(BOARD), params: () => meetingIn(), form: meetingForm },
  'GET /:council/werkruimte/vergaderingen/signalen-agenderen': { expect: workspace(BOARD) },
  'POST /:council/werkruimte/vergaderingen/signalen-agenderen': {
    expect: workspace(BOARD),
    params: async () => {
      signalsForAgenda = { meeting: (await meetingIn()).id, signal: (await signalIn('to_discuss')).id };
      return {};
    },
    form: () => ({ meetingId: signalsForAgenda.meeting, title: 'Signalen van inwoners', signalIds: signalsForAgenda.signal }),
  },
  'GET /:council/werkruimte/vergaderingen/:id/afzeggen': { expect: workspace(BOARD), params: () => meetingIn() },
  'POST /:council/werkruimte/vergaderingen/:id/afzeggen': { expect: workspace(BOARD), params: () => meetingIn(), form: () => ({}) },
  'POST /:council/werkruimte/vergaderingen/:id/terugzetten': { expect: workspace(BOARD), params: () => cancelledMeeting(), form: () => ({}) },
  'POST /:council/werkruimte/vergaderingen/:id/uitnodigen': { expect: workspace(BOARD), params: () => meetingIn(), form: () => ({}) },
  'POST /:council/werkruimte/vergaderingen/:id/gehouden': {
    expect: workspace(BOARD),
    params: async () => ({ id: (await makeMeeting(t, A, dayFromToday(-1))).id }),
    form: () => ({}),
  },
  'GET /:council/werkruimte/vergaderingen/:id/agenda/nieuw': { expect: workspace(BOARD), params: () => meetingIn() },
  'POST /:council/werkruimte/vergaderingen/:id/agenda': { expect: workspace(BOARD), params: () => meetingIn(), form: itemForm },
  'GET /:council/werkruimte/vergaderingen/:id/agenda/:itemId': { expect: workspace(BOARD), params: async () => ({ ...(await meetingIn()), itemId: lastItem }) },
  'POST /:council/werkruimte/vergaderingen/:id/agenda/:itemId': {
    expect: workspace(BOARD),
    params: async () => ({ ...(await meetingIn()), itemId: lastItem }),
    form: itemForm,
  },
  'POST /:council/werkruimte/vergaderingen/:id/agenda/:itemId/volgorde': {
    expect: workspace(BOARD),
    params: async () => ({ ...(await meetingIn()), itemId: lastItem }),
    form: () => ({ direction: 'up' }),
  },
  'GET /:council/werkruimte/vergaderingen/:id/agenda/:itemId/verwijderen': { expect: workspace(BOARD), params: async () => ({ ...(await meetingIn()), itemId: lastItem }) },
  'POST /:council/werkruimte/vergaderingen/:id/agenda/:itemId/verwijderen': {
    expect: workspace(BOARD),
    params: async () => ({ ...(await meetingIn()), itemId: lastItem }),
    form: () => ({}),
  },
  'POST /:council/werkruimte/vergaderingen/:id/agenda/:itemId/gasten': {
    expect: workspace(BOARD),
    params: async () => ({ ...(await meetingIn()), itemId: lastItem }),
    form: () => ({ name: 'Gast', email: 'gast@test.example', kind: 'expert', organisation: '' }),
  },
  'POST /:council/werkruimte/vergaderingen/:id/agenda/:itemId/gasten/:guestId/verwijderen': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await meetingIn();
      const [g] = await t.db.insert(agendaGuests).values({ councilId: A.id, agendaItemId: lastItem, name: 'Gast', email: 'gast@test.example', kind: 'expert' }).returning();
      return { ...p, itemId: lastItem, guestId: g!.id };
    },
    form: () => ({}),
  },
  // Attendance and private notes belong to a membership: a platform admin has none.
  'POST /:council/werkruimte/vergaderingen/:id/aanwezigheid': { expect: ATTENDEES, params: () => meetingIn(), form: () => ({ answer: 'yes' }) },
  'POST /:council/werkruimte/vergaderingen/:id/notities': { expect: ATTENDEES, params: () => meetingIn(), form: () => ({ body: uniqueName('Notitie') }) },
  'POST /:council/werkruimte/vergaderingen/:id/notulen': {
    expect: workspace(BOARD),
    params: () => meetingIn('held'),
    form: () => ({ publicText: uniqueName('Verslag'), closedText: '' }),
  },
  'POST /:council/werkruimte/vergaderingen/:id/notulen/besluiten': {
    expect: workspace(BOARD),
    params: () => meetingIn('held'),
    form: () => ({ decision: uniqueName('Besluit'), access: 'public', agendaItemId: '' }),
  },
  'POST /:council/werkruimte/vergaderingen/:id/notulen/actiepunten': {
    expect: workspace(BOARD),
    params: () => meetingIn('held'),
    form: () => ({ action: uniqueName('Actie'), ownerMembershipId: idsA.membership, dueOn: dayFromToday(14) }),
  },
  'POST /:council/werkruimte/vergaderingen/:id/notulen/vaststellen': {
    expect: workspace(BOARD),
    params: async () => {
      laterMeeting = (await makeMeeting(t, A, dayFromToday(30))).id;
      return meetingIn('held');
    },
    form: () => ({ approvedInMeetingId: laterMeeting }),
  },
  'POST /:council/werkruimte/vergaderingen/:id/notulen/publiceren': {
    expect: workspace(BOARD),
    params: async () => {
      const p = await meetingIn('held');
      await makeMinutes(t, A, { id: p.id }, { status: 'approved' });
      return p;
    },
    form: () => ({}),
  },
  // Calendar (issue 5): feeds, the member's feed link, the meeting packet.
  'GET /:council/agenda.ics': { expect: publicRoute },
  // The secret in the URL is the credential: anyone holding a valid one gets the feed.
  'GET /:council/agenda/:token.ics': { expect: publicRoute, params: async () => ({ token: await feedToken(actors.member) }) },
  'GET /:council/werkruimte/agenda': { expect: workspace(COUNCIL_MEMBERS) },
  // The new link is shown once in the answer (201); an admin without a membership has no own agenda (409).
  'POST /:council/werkruimte/agenda': {
    expect: { ...workspace(COUNCIL_MEMBERS), chair: { status: 201 }, secretary: { status: 201 }, member: { status: 201 }, admin: { status: 409, same: true } },
    form: () => ({}),
  },
  'POST /:council/werkruimte/agenda/intrekken': {
    expect: { ...workspace(COUNCIL_MEMBERS), admin: { status: 409, same: true } },
    params: async () => {
      for (const who of [actors.chair, actors.secretary, actors.member]) await feedToken(who);
      return {};
    },
    form: () => ({}),
  },
  'GET /:council/werkruimte/vergaderingen/:id/vergaderstukken.pdf': { expect: workspace(COUNCIL_MEMBERS), params: () => meetingIn() },
  // ---- end meetings
  // ---- documents (issue 5): rows added by the documents work go below this line
  'GET /:council/documenten': { expect: publicRoute },
  'GET /:council/documenten/:id/download': { expect: publicRoute, params: () => documentIn('public') },
  'GET /:council/documenten/:id/bekijken': { expect: publicRoute, params: () => documentIn('public') },
  'GET /:council/werkruimte/documenten': { expect: workspace(COUNCIL_MEMBERS) },
  'GET /:council/werkruimte/documenten/nieuw': { expect: workspace(COUNCIL_MEMBERS) },
  // The multipart row sends a PNG logo in another field: "choose a file" (400), nothing stored.
  'POST /:council/werkruimte/documenten/nieuw': { expect: { ...workspace(COUNCIL_MEMBERS), ...DOCUMENT_UPLOADERS }, multipart: true },
  'GET /:council/werkruimte/documenten/mappen': { expect: workspace(COUNCIL_MEMBERS) },
  'POST /:council/werkruimte/documenten/mappen': { expect: workspace(BOARD), form: () => ({ name: uniqueName('Map'), description: '' }) },
  'GET /:council/werkruimte/documenten/mappen/:folderId': { expect: workspace(COUNCIL_MEMBERS), params: () => folderIn() },
  'POST /:council/werkruimte/documenten/mappen/:folderId/adviezen': {
    expect: workspace(BOARD),
    params: async () => {
      lastDocumentAdvice = (await makeAdvice(t, A, { status: 'drafting' })).id;
      return folderIn();
    },
    form: () => ({ adviceId: lastDocumentAdvice }),
  },
  'POST /:council/werkruimte/documenten/mappen/:folderId/adviezen/:adviceId/ontkoppelen': {
    expect: workspace(BOARD),
    params: async () => {
      const { folderId } = await folderIn();
      const adviceId = (await makeAdvice(t, A, { status: 'drafting' })).id;
      await t.db.insert(dossierAdvices).values({ councilId: A.id, folderId, adviceId });
      return { folderId, adviceId };
    },
    form: () => ({}),
  },
  'POST /:council/werkruimte/documenten/mappen/:folderId/vergaderingen': {
    expect: workspace(BOARD),
    params: async () => {
      lastDocumentMeeting = (await makeMeeting(t, A, dayFromToday(40))).id;
      return folderIn();
    },
    form: () => ({ meetingId: lastDocumentMeeting }),
  },
  'POST /:council/werkruimte/documenten/mappen/:folderId/vergaderingen/:meetingId/ontkoppelen': {
    expect: workspace(BOARD),
    params: async () => {
      const { folderId } = await folderIn();
      const meetingId = (await makeMeeting(t, A, dayFromToday(40))).id;
      await t.db.insert(dossierMeetings).values({ councilId: A.id, folderId, meetingId });
      return { folderId, meetingId };
    },
    form: () => ({}),
  },
  'GET /:council/werkruimte/documenten/:id': { expect: workspace(COUNCIL_MEMBERS), params: () => documentIn('members') },
  'GET /:council/werkruimte/documenten/:id/download': { expect: workspace(COUNCIL_MEMBERS), params: () => documentIn('members') },
  'GET /:council/werkruimte/documenten/:id/bekijken': { expect: workspace(COUNCIL_MEMBERS), params: () => documentIn('members') },
  'POST /:council/werkruimte/documenten/:id/versies': {
    expect: { ...workspace(COUNCIL_MEMBERS), ...DOCUMENT_UPLOADERS },
    params: () => documentIn('members'),
    multipart: true,
  },
  'POST /:council/werkruimte/documenten/:id/instellingen': {
    expect: workspace(BOARD),
    params: () => documentIn('members'),
    form: () => ({ title: uniqueName('Document'), description: '', access: 'members', folderId: '' }),
  },
  'POST /:council/werkruimte/documenten/:id/delen': {
    expect: workspace(BOARD),
    params: () => documentIn('members'),
    form: () => ({ councilId: B.id, level: 'members' }),
  },
  'POST /:council/werkruimte/documenten/:id/delen/:shareId/stoppen': {
    expect: workspace(BOARD),
    params: async () => {
      const { id } = await documentIn('members');
      const [share] = await t.db.insert(documentShares).values({ councilId: A.id, documentId: id, sharedWithCouncilId: B.id, level: 'members' }).returning();
      return { id, shareId: share!.id };
    },
    form: () => ({}),
  },
  'GET /:council/werkruimte/documenten/:id/verwijderen': { expect: workspace(BOARD), params: () => documentIn('members') },
  'POST /:council/werkruimte/documenten/:id/verwijderen': { expect: workspace(BOARD), params: () => documentIn('members'), form: () => ({}) },
  // ---- end documents
  // Campaigns (issue 12): the rows are above TABLE, with their fixtures.
  ...campaignRows,
  // Knowledge (issue 11): the rows are above TABLE, with their fixtures.
  ...knowledgeRows,
  // Cooperation (issue 16): the rows are above TABLE, with their fixtures.
  ...cooperationRows,
  // Work plan and annual report (issue 13): the rows are above TABLE, with their fixtures.
  ...workplanRows,
  // Second factor reset by the platform admin (issue 17): the rows are above TABLE, with their fixture.
  ...secondFactorRows,
  ...heldRows,
  // Network (issue 10): the rows are above TABLE, with their fixtures.
  ...networkRows,
};

// ------------------------------------------------------------------ running a request

/** The table's key for a registered route (asset names carry a content hash). */
function keyOf(r: RouteRecord): string {
  return `${r.method} ${r.url.replace(/^\/assets\/app\.[0-9a-f]+\.(css|js)$/, '/assets/app.[hash].$1')}`;
}

/** The kind of id `:id` stands for, from the path segment before it. */
function defaultParams(url: string, ids: Ids, council: Council): Params {
  const p: Params = { council: council.slug, token: randomBytes(32).toString('base64url'), membershipId: ids.groupMember };
  if (/\/leden\/:id/.test(url)) p.id = ids.membership;
  else if (/\/werkgroepen\/:id/.test(url)) p.id = ids.workingGroup;
  else if (/\/vacatures\/:id/.test(url)) p.id = ids.vacancy;
  return p;
}

function fill(url: string, params: Params): string {
  return url
    .replace(/:([A-Za-z]+)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`no value for :${name} in ${url}`);
      return encodeURIComponent(params[name]);
    })
    .replace(/\*$/, () => fontFile);
}

type Sent = { url: string; res: Res };

let ipSeq = 0;
/** Each request of the id tests from its own address, so rate limits do not interfere. */
const freshIp = () => `10.79.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

async function send(method: string, url: string, actor: ActorKey, row: Row, ip = ips[actor]): Promise<Sent> {
  let as = actor === 'anonymous' ? null : actors[actor];
  if (as && row.freshSession) as = await login(t, as.user);
  const headers: Record<string, string> = as ? { cookie: as.cookie } : {};
  const csrf = as ? as.csrf : anonymousToken(t, 10_000);
  if (method !== 'POST') return { url, res: await t.app.inject({ method: method as 'GET', url, headers, remoteAddress: ip }) };
  if (row.multipart) {
    const body = multipart({ logoAlt: 'Logo' }, { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: TINY_PNG });
    url = `${url}?_csrf=${encodeURIComponent(csrf)}`;
    return {
      url,
      res: await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload, remoteAddress: ip }),
    };
  }
  const payload = encodeForm({ _csrf: csrf, ...(row.form?.(actor) ?? {}) });
  return {
    url,
    res: await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload, remoteAddress: ip }),
  };
}

/** What the database holds, table by table (sessions and login throttling left out). */
const WATCHED = [
  'councils',
  'memberships',
  'notices',
  'working_groups',
  'working_group_members',
  'vacancies',
  'vacancy_applications',
  'users',
  'one_time_tokens',
  'outbox',
  'files',
  'audit_log',
  'documents',
  'document_versions',
  'document_shares',
  'document_folders',
  'dossier_advices',
  'dossier_meetings',
  'meeting_rhythms',
  'meetings',
  'agenda_items',
  'agenda_item_documents',
  'agenda_item_advices',
  'agenda_item_signals',
  'agenda_guests',
  'meeting_attendance',
  'meeting_notes',
  'minutes',
  'minute_decisions',
  'action_points',
  'calendar_tokens',
  'recovery_codes',
  'api_tokens',
  'signals',
  'signal_contacts',
  'signal_access_log',
  'signal_settings',
  'signal_message_templates',
  'signal_themes',
  // cooperation (issue 16)
  'cooperation_agreements',
  'cooperation_parties',
  'cooperation_dossiers',
  'cooperation_reminders',
  'meeting_partners',
  'cooperation_advice_sources',
  'cooperation_consultations',
  'campaigns',
  'campaign_jurors',
  'campaign_nominations',
  'campaign_declarations',
  'campaign_scores',
  'knowledge_articles',
  'knowledge_article_versions',
  'knowledge_adoptions',
  'knowledge_news',
  'knowledge_forwards',
  'workplans',
  'workplan_topics',
  'workplan_notes',
  'workplan_tags',
  'workplan_votes',
  'annual_reports',
  'workplan_platform_consent',
  // network (issue 10)
  'network_organisations',
  'network_contacts',
  'network_consents',
  'network_types',
  'network_settings',
  'network_access_log',
  'consultations',
  'consultation_organisations',
  'consultation_invites',
  'experiences',
  'experience_contacts',
  'delegations',
  'delegation_reports',
];
const watch = watchTables(() => t.db, WATCHED);
const snapshot = () => watch.snapshot();
const changedTables = watch.changed;

function check(outcome: Outcome, method: string, { url, res }: Sent, changed: string[] | null, label: string) {
  const where = `${label}: got ${res.statusCode} ${res.headers.location ?? ''}`;
  const body = method === 'HEAD' ? '' : res.body;
  assert.ok(res.statusCode < 500, `${where} (never a 500)`);
  assert.ok(!/<title>Formulier verlopen/.test(body), `${where}: refused for its CSRF token, not for the right`);
  const unchanged = () => assert.deepEqual(changed ?? [], [], `${where}: changed ${changed?.join(', ')}`);
  if (outcome === 'ok') {
    if (method === 'POST') {
      assert.equal(res.statusCode, 303, where);
      assert.notDeepEqual(changed, [], `${where}: the allowed POST changed nothing`);
    } else assert.equal(res.statusCode, 200, where);
  } else if (outcome === 'login') {
    assert.equal(res.statusCode, 303, where);
    assert.equal(res.headers.location, `/inloggen?terug=${encodeURIComponent(url)}`, where);
    unchanged();
  } else if (outcome === 'forbidden') {
    assert.equal(res.statusCode, 403, where);
    if (method !== 'HEAD') assert.match(body, /<title>Geen toegang/, where);
    unchanged();
  } else if (outcome === 'notFound') {
    assert.equal(res.statusCode, 404, where);
    unchanged();
  } else {
    assert.equal(res.statusCode, outcome.status, where);
    if (typeof outcome.location === 'string') assert.equal(res.headers.location, outcome.location, where);
    else if (outcome.location) assert.match(String(res.headers.location), outcome.location, where);
    if (outcome.same) unchanged();
  }
}

// ------------------------------------------------------------------ the tests

test('every route of the app is in the authorisation table, and every table row is a route', () => {
  const registered = new Set(routes.filter((r) => r.method !== 'HEAD').map(keyOf));
  const missing = [...registered].filter((k) => !(k in TABLE));
  assert.deepEqual(missing, [], 'routes without an entry in TABLE: classify them');
  assert.deepEqual(
    Object.keys(TABLE).filter((k) => !registered.has(k)),
    [],
    'TABLE rows for routes that no longer exist',
  );
  // Every HEAD route is the twin of a GET route, and answers as it (checked below).
  for (const r of routes.filter((r) => r.method === 'HEAD')) assert.ok(registered.has(keyOf({ ...r, method: 'GET' })), `HEAD ${r.url} without GET`);
  // The recorded routes are the ones the router serves.
  for (const r of routes) assert.ok(t.app.hasRoute({ method: r.method as 'GET', url: r.url }), `${r.method} ${r.url} not served`);
  assert.ok(registered.size >= 70, `only ${registered.size} routes recorded`);
});

test('GET and HEAD: each route answers each actor as the table says', async () => {
  let n = 0;
  const gets = routes.filter((r) => r.method === 'GET' || r.method === 'HEAD');
  for (const r of gets) {
    const row = TABLE[keyOf({ ...r, method: 'GET' })];
    const params = { ...defaultParams(r.url, idsA, A), ...(await row.params?.(idsA)) };
    for (const actor of actorKeys) {
      const sent = await send(r.method, fill(r.url, params), actor, row);
      check(row.expect[actor], r.method, sent, null, `${r.method} ${r.url} as ${actor}`);
      n++;
    }
  }
  assert.equal(n, gets.length * actorKeys.length);
});

test('POST: refused actors change nothing; allowed actors change something', async () => {
  const posts = routes.filter((r) => r.method === 'POST');
  assert.ok(posts.length >= 25);
  for (const r of posts) {
    const row = TABLE[keyOf(r)];
    // Refused actors first, so they meet the state the route found.
    const order = [...actorKeys].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));
    for (const actor of order) {
      const params = { ...defaultParams(r.url, idsA, A), ...(await row.params?.(idsA)) };
      const before = await snapshot();
      const sent = await send('POST', fill(r.url, params), actor, row);
      check(row.expect[actor], 'POST', sent, changedTables(before, await snapshot()), `POST ${r.url} as ${actor}`);
    }
  }
});

/** Routes of council A with an id in the path. */
const withIds = () => routes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/:council/') && /:(id|membershipId)\b/.test(r.url));

test("ids of council B under council A's address answer 404 and change nothing, for A's secretary and an admin", async () => {
  assert.ok(withIds().length >= 15);
  for (const r of withIds()) {
    const row = TABLE[keyOf(r)];
    // Council A in the address, B's id of the same kind in the path; A's other ids stay valid.
    const own = { ...defaultParams(r.url, idsA, A), ...(await row.params?.(idsA)) };
    const foreign = defaultParams(r.url, idsB, A);
    const variants: Params[] = [{ ...own, id: foreign.id }];
    if (r.url.includes(':membershipId')) variants.push({ ...own, membershipId: foreign.membershipId });
    for (const params of variants) {
      for (const actor of ['secretary', 'admin', 'anonymous'] as const) {
        if (actor === 'anonymous' && row.expect.anonymous !== 'ok') continue;
        const before = await snapshot();
        const sent = await send(r.method, fill(r.url, params), actor, row, freshIp());
        check('notFound', r.method, sent, changedTables(before, await snapshot()), `${r.method} ${sent.url} (B's id) as ${actor}`);
      }
    }
  }
});

test('ids of council B in a form under council A are refused and change nothing', async () => {
  const group = await makeWorkingGroup(t, A, { name: uniqueName('Werkgroep') }, [idsA.membership]);
  const cases: [string, Record<string, string>][] = [
    [`/${A.slug}/werkruimte/werkgroepen/${group.id}/leden`, { membershipId: idsB.membership }],
    [`/${A.slug}/werkruimte/werkgroepen/${group.id}/trekker`, { lead: idsB.membership }],
  ];
  for (const [url, form] of cases) {
    const before = await snapshot();
    const res = await actors.secretary.request({ url, form, ip: ips.secretary });
    assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
    assert.deepEqual(changedTables(before, await snapshot()), [], url);
  }
});

const MALFORMED = ['abc', '0', '-1', '00000000-0000-0000-0000-000000000000', 'a'.repeat(300), "1' or '1'='1", '%00', '%E2%82%AC', '..%2F..%2Fetc', 'NaN', '1e999', '{}'];

test('malformed ids and council names answer 404, never 500', async () => {
  for (const r of routes.filter((r) => r.method !== 'HEAD' && /:(id|membershipId|token)\b/.test(r.url))) {
    const row = TABLE[keyOf(r)];
    const actor: ActorKey = r.url.startsWith('/beheer') ? 'admin' : r.url.startsWith('/:council/werkruimte') ? 'secretary' : 'anonymous';
    const own = { ...defaultParams(r.url, idsA, A), ...(await row.params?.(idsA)) };
    for (const name of ['id', 'membershipId', 'token'].filter((p) => r.url.includes(`:${p}`))) {
      for (const bad of MALFORMED) {
        // Already encoded: put in the path as they are.
        const url = fill(r.url, { ...own, [name]: '\0' }).replace(encodeURIComponent('\0'), bad);
        const before = await snapshot();
        const sent = await send(r.method, url, actor, row, freshIp());
        check('notFound', r.method, sent, changedTables(before, await snapshot()), `${r.method} ${url} as ${actor}`);
      }
    }
  }
  for (const bad of ['Bestaat-Niet', 'bestaat-niet', 'x'.repeat(100), '-a', 'a_b', '%00', '%E2%82%AC', 'beheer%2Fpostvak']) {
    for (const path of ['', '/leden', '/werkruimte', '/werkruimte/leden']) {
      const res = await actors.admin.request({ url: `/${bad}${path}` });
      assert.equal(res.statusCode, 404, `/${bad}${path}`);
    }
  }
});

test('a member who stopped is a stranger to the workspace (404); a session still waiting for its code goes to the code page', async () => {
  const stopped = await login(t, (await roleIn(A, 'chair', { active: false })).user);
  const raw = await createSession(t.db, actors.secretary.user.id, true);
  const pending = { cookie: `${SESSION_COOKIE}=${raw}` };
  const workspaceRoutes = routes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/:council/werkruimte'));
  for (const r of workspaceRoutes) {
    const row = TABLE[keyOf(r)];
    const url = fill(r.url, { ...defaultParams(r.url, idsA, A), ...(await row.params?.(idsA)) });
    const before = await snapshot();
    const asStopped = await stopped.request({
      method: r.method as 'GET',
      url,
      form: r.method === 'POST' ? (row.form?.('chair') ?? {}) : undefined,
      ip: freshIp(),
    });
    // Without a session secret the pending session's POST cannot carry a valid token: only GETs.
    const asPending = r.method === 'GET' ? await t.app.inject({ method: 'GET', url, headers: pending }) : null;
    assert.deepEqual(changedTables(before, await snapshot()), [], `${r.method} ${url}`);
    assert.equal(asStopped.statusCode, 404, `${r.method} ${url} as a stopped chair`);
    if (asPending) {
      assert.equal(asPending.statusCode, 303, `${url} with a pending session`);
      assert.equal(asPending.headers.location, '/inloggen/code');
    }
  }
});

test("an official does not find the council's advice before it is sent: not in the list, 404 on every page of it (issue 9)", async () => {
  const ws = `/${A.slug}/werkruimte/adviezen`;
  const concept = await makeAdvice(t, A, { status: 'concept', subject: uniqueName('Concept'), introduction: 'Nog van de raad.' }, ['Aanbeveling in concept']);
  const own = await makeAdvice(t, A, { status: 'concept', subject: uniqueName('Eigen aanvraag'), createdBy: actors.official.user.id }, ['Aanbeveling bij eigen aanvraag']);
  const list = await actors.official.request({ url: ws, ip: ips.official });
  assert.equal(list.statusCode, 200);
  assert.ok(!list.body.includes(concept.subject), 'the concept is not in the list');
  assert.ok(list.body.includes(own.subject), 'their own request is');
  for (const path of ['', '?stap=concept', '?stap=stemronde', '?stap=geschiedenis', '/brief', '/brief.pdf']) {
    const res = await actors.official.request({ url: `${ws}/${concept.id}${path}`, ip: ips.official });
    assert.equal(res.statusCode, 404, `${path} as official`);
  }
  // Of their own request: the request, not the recommendations the council is writing.
  const ownPage = await actors.official.request({ url: `${ws}/${own.id}`, ip: ips.official });
  assert.equal(ownPage.statusCode, 200);
  assert.ok(!ownPage.body.includes('Aanbeveling bij eigen aanvraag'));
  // The council's own people do see it.
  for (const who of ['member', 'secretary', 'chair', 'admin'] as const) {
    assert.equal((await actors[who].request({ url: `${ws}/${concept.id}`, ip: ips[who] })).statusCode, 200, who);
    assert.ok((await actors[who].request({ url: ws, ip: ips[who] })).body.includes(concept.subject), who);
  }
});
