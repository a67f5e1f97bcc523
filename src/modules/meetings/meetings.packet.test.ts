/**
 * The meeting packet: one PDF with a cover and the documents the reader may see, read back with
 * pdf-lib (page count) and pdf.js through unpdf (text).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { useTestApp, makeCouncil, makeMember, login, get, type LoggedIn } from '../../../test/support/factories.ts';
import type { Actor } from '../../core/policy.ts';
import { makeDocument } from '../documents/documents.test-helpers.ts';
import { makeDocx, makePdf } from '../../core/files/samples.ts';
import { catalogOf, keepForReview, taggedText } from '../../core/pdf/pdf.test-helpers.ts';
import { addAgendaItem } from './meetings.agenda.ts';
import { addMeeting } from './meetings.lifecycle.ts';
import { PACKET_LIMITS } from './meetings.packet.ts';
import { meetingPackets } from './meetings.packet.schema.ts';
import { eq } from 'drizzle-orm';

const t = useTestApp();

async function pdfText(bytes: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text;
}

const noLinks = { adviceIds: [], signalIds: [] };

/** The packet, asked again while it is still being made (202: a busy test machine can take longer than the wait). */
async function packet(session: LoggedIn, url: string) {
  let res = await session.request({ url });
  for (let i = 0; i < 10 && res.statusCode === 202; i++) res = await session.request({ url });
  return res;
}

async function world() {
  const council = await makeCouncil(t, { name: 'Adviesraad Sociaal Domein Lindewijk' });
  const sec = await makeMember(t, council, 'secretary');
  const actor: Actor = { userId: sec.user.id, isPlatformAdmin: false, role: 'secretary', membershipId: sec.membership.id };
  const member = await makeMember(t, council, 'member');
  const deps = t.app.deps;
  const plan = await makePdf(['Beleidsplan pagina een.', 'Beleidsplan pagina twee.', 'Beleidsplan pagina drie.'], 'Beleidsplan');
  const docs = {
    plan: await makeDocument(t, council, { title: 'Beleidsplan Wmo 2027', bytes: plan, access: 'members', fileName: 'beleidsplan.pdf' }),
    closed: await makeDocument(t, council, { title: 'Vertrouwelijke notitie', pages: ['Geheim een.', 'Geheim twee.'], access: 'closed' }),
    word: await makeDocument(t, council, {
      title: 'Verslag werkgroep',
      bytes: makeDocx(['Verslag van de werkgroep mantelzorg.']),
      pages: ['Verslag van de werkgroep mantelzorg. Ŧest met tekens: ĳ, €, “quotes”, 中文.'],
      extracted: true,
      fileName: 'verslag.docx',
    }),
    broken: await makeDocument(t, council, {
      title: 'Kapot bestand',
      bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\n%%EOF'),
      fileName: 'kapot.pdf',
    }),
    pending: await makeDocument(t, council, { title: 'Nog niet gelezen', bytes: makeDocx(['Nog niet geëxtraheerd.']), fileName: 'later.docx' }),
  };
  const m = await addMeeting(deps, {
    actor,
    council,
    input: {
      title: 'Vergadering juni',
      date: `${new Date().getUTCFullYear() + 1}-06-16`,
      startTime: '09:30',
      endTime: '12:30',
      location: 'Stadhuis',
      mode: 'in_person',
      onlineUrl: '',
    },
  });
  await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: {
      title: 'Beleidsplan Wmo',
      explanation: 'Bespreking van het concept.',
      startTime: '09:45',
      presenter: 'Wethouder De Vries',
      access: 'public',
      ...noLinks,
      documentIds: [docs.plan.id, docs.closed.id],
    },
  });
  await addAgendaItem(deps, {
    actor,
    council,
    meetingId: m.id,
    input: {
      title: 'Werkgroepen',
      explanation: '',
      startTime: null,
      presenter: '',
      access: 'closed',
      ...noLinks,
      documentIds: [docs.word.id, docs.broken.id, docs.pending.id, docs.plan.id],
    },
  });
  return { council, actor, sec, member, m, docs };
}

test('the packet: cover with the agenda, then each document the reader may see; bad files become a page that says so', async () => {
  const { council, sec, member, m } = await world();
  const url = `/${council.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf`;

  const asMember = await packet(await login(t, member.user), url);
  assert.equal(asMember.statusCode, 200);
  assert.equal(asMember.headers['content-type'], 'application/pdf');
  assert.equal(asMember.headers['x-content-type-options'], 'nosniff');
  assert.match(String(asMember.headers['content-disposition']), /^attachment; filename="vergaderstukken-[a-z0-9-]+-\d{4}-06-16\.pdf"/);
  assert.equal(asMember.headers['cache-control'], 'private, no-store');
  const memberPdf = await PDFDocument.load(asMember.rawPayload);
  // Cover 1 + plan 3 + broken 1 + no text yet 1 + Word text 1; the closed note is left out.
  assert.equal(memberPdf.getPageCount(), 7);
  const pages = await pdfText(asMember.rawPayload);
  const all = pages.join('\n');
  assert.ok(!all.includes('Vertrouwelijke notitie') && !all.includes('Geheim'), 'a closed document never reaches a member');
  const cover = pages[0]!;
  for (const s of ['Adviesraad Sociaal Domein Lindewijk', 'Vergaderstukken', 'Vergadering juni', '09:30 tot 12:30', 'Stadhuis', 'Beleidsplan Wmo', 'Wethouder De Vries', 'Openbaar', 'Niet openbaar']) {
    assert.ok(cover.includes(s), `cover has "${s}"`);
  }
  assert.match(cover, /Bijlage 1: Beleidsplan Wmo 2027 \(pagina 2\)/);
  // Documents of one item in title order.
  assert.match(cover, /Bijlage 2: Kapot bestand \(pagina 5\)/);
  assert.match(cover, /Bijlage 3: Nog niet gelezen \(pagina 6\)/);
  assert.match(cover, /Bijlage 4: Verslag werkgroep \(pagina 7\) - alleen de tekst/);
  assert.match(pages[1]!, /Beleidsplan pagina een/);
  assert.match(pages[3]!, /Beleidsplan pagina drie/);
  assert.match(pages[4]!, /kapot\.pdf kon niet worden toegevoegd/);
  assert.match(pages[5]!, /later\.docx is nog niet klaar/);
  assert.match(pages[6]!, /Verslag van de werkgroep mantelzorg/);
  assert.match(pages[6]!, /Ŧest met tekens: ĳ, €, “quotes”, \?\?\./, 'Noto Sans shows Latin Extended; characters it lacks print as "?", not a crash');

  // Tagged: the cover, the notices and the text-only document are in the structure tree; the
  // pages of the untagged PDF are read as one Div per page under the document's section.
  keepForReview('packet-member.pdf', asMember.rawPayload);
  const catalog = await catalogOf(asMember.rawPayload);
  assert.deepEqual({ ...catalog, title: undefined }, { marked: true, structTree: true, lang: 'nl-NL', displayDocTitle: true, title: undefined, outline: true });
  assert.match(catalog.title ?? '', /^Vergaderstukken Vergadering juni \d{4}-06-16$/);
  const tagged = await taggedText(asMember.rawPayload);
  assert.deepEqual(
    tagged.filter((e) => e.role === '(untagged)'),
    [],
    'no text outside the structure',
  );
  const roles = (page: number) => tagged.filter((e) => e.page === page).map((e) => e.role);
  assert.deepEqual(roles(1).slice(0, 2), ['P', 'H1']);
  assert.ok(roles(1).includes('Lbl') && roles(1).includes('H2'), 'the agenda is a numbered list under a heading');
  assert.deepEqual(roles(2), ['Div']);
  assert.deepEqual(roles(7).slice(0, 1), ['H2']);

  const asSecretary = await packet(await login(t, sec.user), url);
  assert.equal(asSecretary.statusCode, 200);
  const secretaryPages = await pdfText(asSecretary.rawPayload);
  assert.equal(secretaryPages.length, 9, 'the board also gets the closed note (2 pages)');
  assert.match(secretaryPages[0]!, /Bijlage 2: Vertrouwelijke notitie \(pagina 5\)/);
});

test('the packet answers 404 for another council, unknown or malformed ids; officials may not; anonymous logs in', async () => {
  const { council, member, m } = await world();
  const other = await makeCouncil(t);
  const otherMember = await login(t, (await makeMember(t, other, 'member')).user);
  const me = await login(t, member.user);
  assert.equal((await otherMember.request({ url: `/${other.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf` })).statusCode, 404, "another council's meeting");
  for (const id of ['00000000-0000-0000-0000-000000000000', 'abc', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300)]) {
    const res = await me.request({ url: `/${council.slug}/werkruimte/vergaderingen/${id}/vergaderstukken.pdf` });
    assert.equal(res.statusCode, 404, id);
  }
  const official = await login(t, (await makeMember(t, council, 'official')).user);
  assert.equal((await official.request({ url: `/${council.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf` })).statusCode, 403);
  const anon = await get(t, `/${council.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf`);
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/inloggen\?terug=/);
});

test('the packet is built in the background: "being made" (202) while it runs, then the stored file; a failed build says so (422)', async () => {
  const { council, sec, m } = await world();
  const s = await login(t, sec.user);
  const url = `/${council.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf`;
  const saved = { ...PACKET_LIMITS, packet: { ...PACKET_LIMITS.packet } };
  try {
    PACKET_LIMITS.waitMs = 0;
    const first = await s.request({ url });
    assert.equal(first.statusCode, 202);
    assert.equal(first.headers['retry-after'], '30');
    assert.match(first.body, /De vergaderstukken worden gemaakt/);
    PACKET_LIMITS.waitMs = saved.waitMs;
    const ready = await packet(s, url);
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.headers['content-type'], 'application/pdf');
    const [row] = await t.db.select().from(meetingPackets).where(eq(meetingPackets.meetingId, m.id));
    assert.equal(row!.status, 'done');

    // A layout that runs out of time: a clear page, not a 500, and the server goes on.
    const other = await world();
    PACKET_LIMITS.packet.timeoutMs = 1;
    const failed = await packet(await login(t, other.sec.user), `/${other.council.slug}/werkruimte/vergaderingen/${other.m.id}/vergaderstukken.pdf`);
    assert.equal(failed.statusCode, 422);
    assert.match(failed.body, /De vergaderstukken konden niet worden gemaakt/);
    assert.equal((await get(t, '/healthz')).statusCode, 200);
  } finally {
    Object.assign(PACKET_LIMITS, saved);
  }
});
