/**
 * Tenant isolation of cooperation (issue 16), as a matrix: for every kind of record that crosses
 * the tenant wall (the agreement, its signed PDF, a shared dossier's documents, the public page
 * and the API), a person of party A, of party B, of a third organisation C, and of A after the
 * agreement with B ended, on every route and API operation. Each asks from their own
 * organisation's address (a stranger's workspace is 404 anyway, see the last test). Expected:
 * the right ones see it, the others get 404, and a refused request changes nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, get, makeCouncil, post, type Res, type TestApp } from './support/factories.ts';
import { watchTables } from './support/watch.ts';
import { person, postMultipart, TINY_PDF } from '../src/modules/advice/advice.test-helpers.ts';
import { makeDocument, makeFolder } from '../src/modules/documents/documents.test-helpers.ts';
import { makeAgreement, shareFolder, withSignedFile } from '../src/modules/cooperation/cooperation.test-helpers.ts';
import type { Council } from '../src/core/organisations.schema.ts';

type Who = 'A' | 'B' | 'C' | 'Aended';
type People = Record<'member' | 'chair' | 'secretary', Awaited<ReturnType<typeof person>>>;

let t: TestApp;
const org = {} as Record<'A' | 'B' | 'C', Council>;
const people = {} as Record<'A' | 'B' | 'C', People>;
/** The running agreement of A and B, and an ended one; the shared documents in each. */
const w = {} as { live: { id: string; name: string }; ended: { id: string; name: string }; docA: string; docB: string; docEnded: string; dossierB: string; dossierEnded: string };

before(async () => {
  t = await createTestApp();
  for (const k of ['A', 'B', 'C'] as const) {
    org[k] = await makeCouncil(t);
    people[k] = { member: await person(t, org[k], 'member'), chair: await person(t, org[k], 'chair'), secretary: await person(t, org[k], 'secretary') };
  }
  const live = await makeAgreement(t, [org.A, org.B], { title: 'Lopende samenwerking' });
  const ended = await makeAgreement(t, [org.A, org.B], { state: 'ended', title: 'Afgelopen samenwerking' });
  // C has an agreement too, with A only: it must not open the door to B's dossier.
  await makeAgreement(t, [org.A, org.C]);
  await withSignedFile(t, live, TINY_PDF);
  await withSignedFile(t, ended, TINY_PDF);
  const folderA = await makeFolder(t, org.A, 'Dossier van A');
  const folderB = await makeFolder(t, org.B, 'Dossier van B');
  const folderEnded = await makeFolder(t, org.B, 'Oud dossier van B');
  await shareFolder(t, live, org.A, folderA);
  const dossierB = await shareFolder(t, live, org.B, folderB, 'contribute');
  const dossierEnded = await shareFolder(t, ended, org.B, folderEnded);
  w.live = live;
  w.ended = ended;
  w.docA = (await makeDocument(t, org.A, { title: 'Notitie van A', folderId: folderA.id })).id;
  w.docB = (await makeDocument(t, org.B, { title: 'Notitie van B', folderId: folderB.id })).id;
  w.docEnded = (await makeDocument(t, org.B, { title: 'Oude notitie van B', folderId: folderEnded.id })).id;
  w.dossierB = dossierB.id;
  w.dossierEnded = dossierEnded.id;
});
after(() => t?.close());

/** Everything a refused request could touch. */
const TABLES = [
  'cooperation_agreements',
  'cooperation_parties',
  'cooperation_dossiers',
  'cooperation_reminders',
  'documents',
  'document_versions',
  'document_shares',
  'document_folders',
  'audit_log',
  'files',
];
const watch = watchTables(() => t.db, TABLES);
const snapshot = async () => JSON.stringify(await watch.snapshot());

const orgOf = (who: Who) => (who === 'Aended' ? org.A : org[who]);
const ws = (who: Who) => `/${orgOf(who).slug}/werkruimte`;
/** The agreement a column is about: the running one, or for "A after the end" the ended one. */
const agreementOf = (who: Who) => (who === 'Aended' ? w.ended : w.live);
/** B's shared document: in the running agreement, or for "A after the end" the one in the ended agreement. */
const docBOf = (who: Who) => (who === 'Aended' ? w.docEnded : w.docB);

type Expect = Record<Who, 200 | 404>;
const parties: Expect = { A: 200, B: 200, C: 404, Aended: 200 };
const whileInForce: Expect = { A: 200, B: 200, C: 404, Aended: 404 };

type Read = { what: string; url: (who: Who) => string; expect: Expect; anonymous?: boolean; mustShow?: (who: Who) => string; mustNotShow?: (who: Who) => string };
const READS: Read[] = [
  { what: 'agreement page', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}`, expect: parties, mustShow: () => 'Dossier van B' },
  {
    what: 'agreement list',
    url: (who) => `${ws(who)}/samenwerking`,
    expect: { A: 200, B: 200, C: 200, Aended: 200 },
    mustNotShow: (who) => (who === 'C' ? 'Lopende samenwerking' : 'niets-te-verbergen'),
  },
  { what: 'signed agreement', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/overeenkomst`, expect: parties },
  { what: "B's shared document", url: (who) => `${ws(who)}/documenten/${docBOf(who)}`, expect: whileInForce },
  { what: "B's shared document, download", url: (who) => `${ws(who)}/documenten/${docBOf(who)}/download`, expect: whileInForce },
  { what: "B's shared document, viewer", url: (who) => `${ws(who)}/documenten/${docBOf(who)}/bekijken`, expect: whileInForce },
  { what: "A's shared document", url: (who) => `${ws(who)}/documenten/${w.docA}`, expect: { A: 200, B: 200, C: 404, Aended: 200 } },
  { what: 'public page', url: (who) => `/${orgOf(who).slug}/samenwerking/${agreementOf(who).name}`, expect: whileInForce, anonymous: true },
  { what: 'API, one cooperation', url: (who) => `/api/v1/raden/${orgOf(who).slug}/samenwerkingen/${agreementOf(who).name}`, expect: whileInForce, anonymous: true },
];

test('reads: parties see the agreement; partners read shared documents only while it is in force; the others get 404 and change nothing', async () => {
  for (const r of READS) {
    for (const who of ['A', 'B', 'C', 'Aended'] as const) {
      const as = r.anonymous ? undefined : people[who === 'Aended' ? 'A' : who].member;
      const before = await snapshot();
      const res = await get(t, r.url(who), as);
      assert.equal(res.statusCode, r.expect[who], `${r.what} as ${who}: ${r.url(who)}`);
      if (res.statusCode === 404) assert.equal(await snapshot(), before, `${r.what} as ${who}: nothing changed`);
      if (res.statusCode === 200 && r.mustShow && who !== 'Aended') assert.match(res.body, new RegExp(r.mustShow(who)), `${r.what} as ${who}`);
      if (r.mustNotShow) assert.doesNotMatch(res.body, new RegExp(r.mustNotShow(who)), `${r.what} as ${who}`);
    }
  }
  // A after the end still sees the agreement, but not B's documents in it.
  const page = await get(t, `${ws('A')}/samenwerking/${w.ended.id}`, people.A.member);
  assert.doesNotMatch(page.body, /Oude notitie van B/);
  // The API list of the third organisation does not name the agreement.
  assert.doesNotMatch((await get(t, `/api/v1/raden/${org.C.slug}/samenwerkingen`)).body, /Lopende samenwerking/);
});

type Write = { what: string; url: (who: Who) => string; form?: () => Record<string, string>; multipart?: boolean };
/** Every change on an agreement, tried by a board member of an organisation that may not make it. */
const REFUSED_WRITES: Write[] = [
  { what: 'propose', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/voorstellen` },
  { what: 'accept', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/aanvaarden`, form: () => ({ organisation: '' }) },
  { what: 'renew', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/verlengen` },
  { what: 'give notice', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/opzeggen` },
  { what: 'end', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/beeindigen` },
  { what: 'contribution', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/inbreng`, form: () => ({ contribution: 'Overgenomen' }) },
  { what: 'signed agreement', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/overeenkomst`, multipart: true },
  { what: 'share a folder', url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/dossiers`, form: () => ({ folderId: '00000000-0000-4000-8000-000000000000', level: 'read' }) },
  { what: "stop B's dossier", url: (who) => `${ws(who)}/samenwerking/${agreementOf(who).id}/dossiers/${who === 'Aended' ? w.dossierEnded : w.dossierB}/stoppen` },
  { what: "B's document: settings", url: (who) => `${ws(who)}/documenten/${docBOf(who)}/instellingen`, form: () => ({ title: 'Gekaapt', description: '', access: 'public', folderId: '' }) },
  { what: "B's document: share", url: (who) => `${ws(who)}/documenten/${docBOf(who)}/delen`, form: () => ({ councilId: org.C.id, level: 'members' }) },
  { what: "B's document: delete", url: (who) => `${ws(who)}/documenten/${docBOf(who)}/verwijderen` },
];

async function send(write: Write, who: Who): Promise<Res> {
  const as = people[who === 'Aended' ? 'A' : who].chair;
  if (write.multipart) return postMultipart(t, as, write.url(who), {}, { name: 'file', filename: 'overeenkomst.pdf', type: 'application/pdf', bytes: TINY_PDF });
  return post(t, write.url(who), write.form?.() ?? {}, as);
}

test("writes: the third organisation changes nothing on the agreement (404); no party changes the other party's documents or dossier (404)", async () => {
  for (const write of REFUSED_WRITES) {
    for (const who of ['C', 'A', 'Aended'] as const) {
      // A may act on the agreement itself (it is a party); what A may not touch is B's: its dossier and documents.
      if (who !== 'C' && !/B's/.test(write.what)) continue;
      const before = await snapshot();
      const res = await send(write, who);
      assert.equal(res.statusCode, 404, `${write.what} as ${who}: ${write.url(who)}`);
      assert.equal(await snapshot(), before, `${write.what} as ${who}: nothing changed`);
    }
  }
});

test("a party's people in the other party's workspace, and strangers anywhere: 404", async () => {
  const cases: [string, Awaited<ReturnType<typeof person>> | undefined][] = [
    [`/${org.B.slug}/werkruimte/samenwerking/${w.live.id}`, people.A.member],
    [`/${org.B.slug}/werkruimte/documenten/${w.docB}`, people.A.chair],
    [`/${org.A.slug}/werkruimte/samenwerking/${w.live.id}`, people.B.secretary],
    [`/${org.C.slug}/werkruimte/samenwerking/${w.live.id}`, people.C.chair],
    [`/${org.C.slug}/samenwerking/${w.live.name}`, undefined],
  ];
  for (const [url, as] of cases) assert.equal((await get(t, url, as)).statusCode, 404, url);
});

test('joint meetings in the calendar feeds: the accepting partner sees the one UID while the agreement is in force; a third organisation never', async () => {
  const { makeMeeting } = await import('../src/modules/meetings/meetings.test-helpers.ts');
  const { meetingPartners } = await import('../src/modules/meetings/meetings.joint.schema.ts');
  const { parseIcs } = await import('../src/modules/meetings/meetings.calendar.test-helpers.ts');
  const planned = async (agreementId: string, title: string) => {
    const m = await makeMeeting(t, org.B, new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), { title });
    await t.db.insert(meetingPartners).values({ councilId: org.B.id, meetingId: m.id, partnerCouncilId: org.A.id, agreementId, acceptedAt: new Date() });
    return m.uid;
  };
  const live = await planned(w.live.id, 'Gezamenlijk, lopend');
  const ended = await planned(w.ended.id, 'Gezamenlijk, afgelopen');
  const uids = async (c: Council) => parseIcs((await get(t, `/${c.slug}/agenda.ics`)).body).events.map((e) => e.uid);
  assert.deepEqual((await uids(org.B)).sort(), [live, ended].sort(), 'the planner has both');
  assert.deepEqual(await uids(org.A), [live], 'A: only the one under the agreement in force');
  assert.deepEqual(await uids(org.C), []);
});

test('a document shared on its own follows the agreement whose dossier holds it: when that one ends, another agreement between the same two does not keep it open', async () => {
  const { documentShares } = await import('../src/modules/documents/documents.schema.ts');
  const { agreements } = await import('../src/modules/cooperation/cooperation.schema.ts');
  const { eq } = await import('drizzle-orm');
  // A and B have two agreements in force; A's dossier is shared under the first one only.
  const first = await makeAgreement(t, [org.A, org.B], { title: 'Eerste samenwerking' });
  const folder = await makeFolder(t, org.A, 'Dossier onder de eerste');
  await shareFolder(t, first, org.A, folder);
  const inDossier = await makeDocument(t, org.A, { title: 'In het dossier', folderId: folder.id, access: 'closed' });
  // A document in no dossier, shared on its own: any agreement in force between the two covers it.
  const loose = await makeDocument(t, org.A, { title: 'Los gedeeld' });
  for (const d of [inDossier, loose]) await t.db.insert(documentShares).values({ councilId: org.A.id, documentId: d.id, sharedWithCouncilId: org.B.id, level: 'members' });
  const read = async (id: string) => (await get(t, `${ws('B')}/documenten/${id}`, people.B.member)).statusCode;
  assert.equal(await read(inDossier.id), 200, 'shared on its own while its agreement is in force');
  assert.equal(await read(loose.id), 200);
  await t.db.update(agreements).set({ state: 'ended', endedAt: new Date() }).where(eq(agreements.id, first.id));
  assert.equal(await read(inDossier.id), 404, 'its agreement ended: hidden again, although "Lopende samenwerking" is still in force');
  assert.equal(await read(loose.id), 200, 'the loose share still has an agreement in force');
});

test('contribute: a partner adds its own document to a "contribute" dossier; the parties see it while the agreement is in force, a third organisation never; refused cases change nothing', async () => {
  const url = (who: 'A' | 'B') => `${ws(who)}/samenwerking/${w.live.id}/bijdragen`;
  const pdf = { name: 'contributedFile', filename: 'verslag.pdf', type: 'application/pdf', bytes: TINY_PDF };
  // Refused with a message, nothing changed: B's own dossier, an executable dressed as a PDF, no file.
  for (const [who, fields, file] of [
    ['B', { dossierId: w.dossierB }, pdf],
    ['A', { dossierId: w.dossierB }, { ...pdf, bytes: Buffer.from('MZ\x90\x00 niet echt een pdf') }],
    ['A', { dossierId: w.dossierB }, undefined],
  ] as const) {
    // The page shown again reads the partner's dossier (audited as a read): compare all but the log.
    const data = async () => ({ ...JSON.parse(await snapshot()), audit_log: undefined });
    const before = await data();
    const res = await postMultipart(t, people[who].member, url(who), fields, file);
    assert.equal(res.statusCode, 400, `${who} ${JSON.stringify(fields)}`);
    assert.match(res.body, /Fout:/);
    assert.deepEqual(await data(), before);
  }
  // C with the running agreement: 404; A with the ended one's dossier: refused.
  const before = await snapshot();
  assert.equal((await postMultipart(t, people.C.member, `${ws('C')}/samenwerking/${w.live.id}/bijdragen`, { dossierId: w.dossierB }, pdf)).statusCode, 404);
  assert.equal((await postMultipart(t, people.A.member, `${ws('A')}/samenwerking/${w.ended.id}/bijdragen`, { dossierId: w.dossierEnded }, pdf)).statusCode, 400);
  assert.equal(await snapshot(), before, 'after the end nothing is added (and nothing of B is read)');

  const ok = await postMultipart(t, people.A.member, url('A'), { dossierId: w.dossierB, documentTitle: 'Verslag gesprekken wijkteam' }, pdf);
  assert.equal(ok.statusCode, 303);
  const page = await get(t, `${ws('B')}/samenwerking/${w.live.id}`, people.B.member);
  const id = /documenten\/([0-9a-f-]{36})">Verslag gesprekken wijkteam/.exec(page.body)?.[1];
  assert.ok(id, 'B sees the contribution in its own dossier');
  assert.match(page.body, new RegExp(`Verslag gesprekken wijkteam</a> \\(Gedeeld door ${org.A.name}`));
  assert.equal((await get(t, `${ws('B')}/documenten/${id}`, people.B.member)).statusCode, 200);
  assert.equal((await get(t, `${ws('A')}/documenten/${id}`, people.A.member)).statusCode, 200, 'it stays A’s own document');
  assert.equal((await get(t, `${ws('C')}/documenten/${id}`, people.C.member)).statusCode, 404);
});
