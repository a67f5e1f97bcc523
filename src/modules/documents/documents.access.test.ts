import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, inArray } from 'drizzle-orm';
import { useTestApp, dayFromToday, makeCouncil, makeCouncils, get, post, titleOf } from '../../../test/support/factories.ts';
import { person, people } from '../advice/advice.test-helpers.ts';
import { makeAdvice } from '../advice/advice.test-helpers.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { documentShares, documents, dossierAdvices, dossierMeetings } from './documents.schema.ts';
import { makeMeeting } from '../meetings/meetings.test-helpers.ts';
import { makeDocument } from './documents.test-helpers.ts';
import { extractedText, visibleDocuments } from './documents.access.ts';
import { createFolder } from './documents.folders.ts';
import { searchDocuments } from './documents.search.ts';
import { passageParts } from '../../core/search.ts';
import { makeAgreement } from '../cooperation/cooperation.test-helpers.ts';

const t = useTestApp();

const ws = (slug: string) => `/${slug}/werkruimte/documenten`;

/** One council with a public, a members-only and a closed document sharing a rare word. */
async function library() {
  const c = await makeCouncil(t);
  const pub = await makeDocument(t, c, { access: 'public', title: 'Openbaar beleidsplan', pages: ['Inleiding', 'De keukentafelgesprekken worden beter.'] });
  const mem = await makeDocument(t, c, { access: 'members', title: 'Ledennotitie', pages: ['Over keukentafelgesprekken voor leden.'] });
  const closed = await makeDocument(t, c, { access: 'closed', title: 'Besloten dossier', pages: ['Vertrouwelijk: keukentafelgesprekken met namen.'] });
  return { c, pub, mem, closed };
}

test('who sees what: the public, members, the board; in lists, search, downloads and the contract', async () => {
  const { c, pub, mem, closed } = await library();
  const [chair, member, official] = await people(t, c, ['chair', 'member', 'official']);
  const titles = (refs: { title: string }[]) => refs.map((r) => r.title).sort();

  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: null })), ['Openbaar beleidsplan']);
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: member.actor })), ['Ledennotitie', 'Openbaar beleidsplan']);
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: chair.actor })), ['Besloten dossier', 'Ledennotitie', 'Openbaar beleidsplan']);
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: official.actor })), ['Openbaar beleidsplan']);
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: chair.actor, ids: [closed.id, 'geen-id'] })), ['Besloten dossier']);
  assert.deepEqual(await visibleDocuments(t.app.deps, { council: c, actor: member.actor, ids: [closed.id] }), []);
  // Ids as a subquery (a page reads these in the same round as the links that name them): the same rule.
  const ofIds = (...ids: string[]) => t.db.select({ id: documents.id }).from(documents).where(inArray(documents.id, ids));
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: chair.actor, ids: ofIds(closed.id, pub.id) })), ['Besloten dossier', 'Openbaar beleidsplan']);
  assert.deepEqual(titles(await visibleDocuments(t.app.deps, { council: c, actor: member.actor, ids: ofIds(closed.id, mem.id) })), ['Ledennotitie']);
  assert.deepEqual(await visibleDocuments(t.app.deps, { council: c, actor: null, ids: ofIds(mem.id, closed.id) }), []);

  // Search: the closed document never shows up for a member or the public.
  const hits = async (actor: typeof member.actor | null) => titles(await searchDocuments(t.app.deps, { council: c, actor, query: 'keukentafelgesprek' }));
  assert.deepEqual(await hits(null), ['Openbaar beleidsplan']);
  assert.deepEqual(await hits(member.actor), ['Ledennotitie', 'Openbaar beleidsplan']);
  assert.deepEqual(await hits(chair.actor), ['Besloten dossier', 'Ledennotitie', 'Openbaar beleidsplan']);

  // The pages: workspace list and search for a member, the public list and search.
  const list = await get(t, ws(c.slug), member);
  assert.match(list.body, /Ledennotitie/);
  assert.doesNotMatch(list.body, /Besloten dossier/);
  const search = await get(t, `${ws(c.slug)}?q=keukentafelgesprekken`, member);
  assert.doesNotMatch(search.body, /Besloten|Vertrouwelijk/);
  assert.match(search.body, /Pagina 2/);
  const pubList = await get(t, `/${c.slug}/documenten`);
  assert.match(pubList.body, /Openbaar beleidsplan/);
  assert.doesNotMatch(pubList.body, /Ledennotitie|Besloten/);
  const pubSearch = await get(t, `/${c.slug}/documenten?q=keukentafelgesprekken`);
  assert.match(pubSearch.body, /<mark>keukentafelgesprekken<\/mark>/);
  assert.doesNotMatch(pubSearch.body, /Ledennotitie|Besloten|Vertrouwelijk/);
  // Even a logged-in member gets only public files through the public download.
  assert.equal((await get(t, `/${c.slug}/documenten/${pub.id}/download`)).statusCode, 200);
  assert.equal((await get(t, `/${c.slug}/documenten/${mem.id}/download`, member)).statusCode, 404);
  // Closed: 404 for a member on every route, also with the id known.
  for (const url of [`${ws(c.slug)}/${closed.id}`, `${ws(c.slug)}/${closed.id}/download`, `/${c.slug}/documenten/${closed.id}/download`]) {
    assert.equal((await get(t, url, member)).statusCode, 404, url);
  }
  assert.equal((await get(t, `${ws(c.slug)}/${closed.id}/download`, chair)).statusCode, 200);
  assert.equal((await extractedText(t.app.deps, c.id, closed.id)).length, 1);
});

test("another council's document id answers 404, for reading and for every change", async () => {
  const { c, mem } = await library();
  const other = await makeCouncil(t);
  const chair = await person(t, other, 'chair');
  const before = await t.db.select().from(documents).where(eq(documents.id, mem.id));
  for (const url of [`${ws(other.slug)}/${mem.id}`, `${ws(other.slug)}/${mem.id}/download`, `/${other.slug}/documenten/${mem.id}/download`, `${ws(other.slug)}/${mem.id}/verwijderen`]) {
    assert.equal((await get(t, url, chair)).statusCode, 404, url);
  }
  for (const [url, form] of [
    [`${ws(other.slug)}/${mem.id}/instellingen`, { title: 'Gekaapt', access: 'public' }],
    [`${ws(other.slug)}/${mem.id}/delen`, { councilId: other.id, level: 'members' }],
    [`${ws(other.slug)}/${mem.id}/verwijderen`, {}],
  ] as const) {
    const res = await post(t, url, form, chair);
    assert.equal(res.statusCode, 404, url);
  }
  assert.deepEqual(await t.db.select().from(documents).where(eq(documents.id, mem.id)), before);
  assert.equal((await get(t, `${ws(c.slug)}/${mem.id}`, chair)).statusCode, 404, 'no role in the owning council');
});

test('sharing with a partner council: its members (or board) see the document; the owner can stop it', async () => {
  const { c, mem, closed } = await library();
  const [partner, stranger] = await makeCouncils(t, 2);
  const chair = await person(t, c, 'chair');
  const partnerMember = await person(t, partner, 'member');
  const partnerChair = await person(t, partner, 'secretary');
  const strangerMember = await person(t, stranger, 'member');
  // Sharing across organisations follows a cooperation agreement in force (issue 16).
  await makeAgreement(t, [c, partner]);

  const share = await post(t, `${ws(c.slug)}/${mem.id}/delen`, { councilId: partner.id, level: 'members' }, chair);
  assert.equal(share.statusCode, 303);
  // A closed document is shared with the partner's board only, whatever the form says.
  assert.equal((await post(t, `${ws(c.slug)}/${closed.id}/delen`, { councilId: partner.id, level: 'members' }, chair)).statusCode, 303);
  const [closedShare] = await t.db.select().from(documentShares).where(eq(documentShares.documentId, closed.id));
  assert.equal(closedShare!.level, 'board');

  const seen = async (council: typeof c, actor: typeof chair.actor) => (await visibleDocuments(t.app.deps, { council, actor })).map((d) => d.title).sort();
  assert.deepEqual(await seen(partner, partnerMember.actor), ['Ledennotitie']);
  assert.deepEqual(await seen(partner, partnerChair.actor), ['Besloten dossier', 'Ledennotitie']);
  assert.deepEqual(await seen(stranger, strangerMember.actor), []);
  assert.deepEqual(await visibleDocuments(t.app.deps, { council: partner, actor: null }), [], 'not on the partner’s public site');
  // The same with the ids as a subquery.
  const both = t.db
    .select({ id: documents.id })
    .from(documents)
    .where(inArray(documents.id, [mem.id, closed.id]));
  const seenOf = async (actor: typeof chair.actor) => (await visibleDocuments(t.app.deps, { council: partner, actor, ids: both })).map((d) => d.title).sort();
  assert.deepEqual(await seenOf(partnerMember.actor), ['Ledennotitie']);
  assert.deepEqual(await seenOf(partnerChair.actor), ['Besloten dossier', 'Ledennotitie']);

  // The partner member reads it in the partner's own workspace, finds it, downloads it; cannot change it.
  const page = await get(t, `${ws(partner.slug)}/${mem.id}`, partnerMember);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Gedeeld door/);
  assert.equal((await get(t, `${ws(partner.slug)}/${mem.id}/download`, partnerMember)).statusCode, 200);
  const found = await searchDocuments(t.app.deps, { council: partner, actor: partnerMember.actor, query: 'keukentafelgesprekken' });
  assert.deepEqual(
    found.map((h) => [h.title, h.sharedBy]),
    [['Ledennotitie', c.name]],
  );
  assert.equal((await get(t, `${ws(partner.slug)}/${closed.id}`, partnerMember)).statusCode, 404);
  assert.equal((await post(t, `${ws(partner.slug)}/${mem.id}/instellingen`, { title: 'Van ons', access: 'public' }, partnerChair)).statusCode, 404);
  assert.equal((await get(t, `${ws(stranger.slug)}/${mem.id}`, strangerMember)).statusCode, 404);

  // Stop sharing.
  const [s] = await t.db.select().from(documentShares).where(eq(documentShares.documentId, mem.id));
  assert.equal((await post(t, `${ws(c.slug)}/${mem.id}/delen/${s!.id}/stoppen`, {}, chair)).statusCode, 303);
  assert.deepEqual(await seen(partner, partnerMember.actor), []);
  // Share forms with bad values: a message, nothing changed.
  const audits = (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
  for (const form of <Record<string, string>[]>[{}, { councilId: c.id, level: 'members' }, { councilId: partner.id, level: 'iedereen' }, { councilId: 'x'.repeat(5000), level: 'members' }]) {
    const res = await post(t, `${ws(c.slug)}/${mem.id}/delen`, form, chair);
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
    assert.match(titleOf(res.body), /^Fout:/);
  }
  assert.equal((await t.db.select({ n: count() }).from(auditLog))[0]!.n, audits);
  assert.equal((await t.db.select().from(documentShares).where(eq(documentShares.documentId, mem.id))).length, 0);
});

test('settings, folders linked to advices, deleting: board only, with messages for bad input', async () => {
  const c = await makeCouncil(t);
  const chair = await person(t, c, 'chair');
  const member = await person(t, c, 'member');
  const doc = await makeDocument(t, c, { access: 'members', title: 'Werkplan' });
  const advice = await makeAdvice(t, c, { status: 'drafting', subject: 'Advies over vervoer' });

  // Folder: create (chair), bad and duplicate names refused.
  assert.equal((await post(t, `${ws(c.slug)}/mappen`, { name: 'Vervoer' }, member)).statusCode, 403);
  const made = await post(t, `${ws(c.slug)}/mappen`, { name: 'Vervoer', description: 'Alles over vervoer' }, chair);
  assert.equal(made.statusCode, 303);
  const folderId = /mappen\/([0-9a-f-]{36})/.exec(String(made.headers.location))![1]!;
  for (const form of [{ name: '' }, { name: 'Vervoer' }, { name: 'x'.repeat(121) }]) {
    const res = await post(t, `${ws(c.slug)}/mappen`, form, chair);
    assert.equal(res.statusCode, 400);
    assert.match(titleOf(res.body), /^Fout:/);
  }
  assert.match((await post(t, `${ws(c.slug)}/mappen`, { name: 'Vervoer' }, chair)).body, /al een map met deze naam/);

  // Settings: title, access, folder.
  const saved = await post(t, `${ws(c.slug)}/${doc.id}/instellingen`, { title: 'Werkplan 2027', description: '', access: 'public', folderId }, chair);
  assert.equal(saved.statusCode, 303);
  const [row] = await t.db.select().from(documents).where(eq(documents.id, doc.id));
  assert.deepEqual([row!.title, row!.access, row!.folderId], ['Werkplan 2027', 'public', folderId]);
  for (const form of <Record<string, string>[]>[
    { title: '', access: 'public' },
    { title: 'x', access: 'iedereen' },
    { title: 'x', access: 'public', folderId: '00000000-0000-0000-0000-000000000000' },
  ]) {
    const res = await post(t, `${ws(c.slug)}/${doc.id}/instellingen`, form, chair);
    assert.equal(res.statusCode, 400, JSON.stringify(form));
    assert.match(titleOf(res.body), /^Fout:/);
  }
  assert.deepEqual((await t.db.select().from(documents).where(eq(documents.id, doc.id)))[0], row);
  assert.equal((await post(t, `${ws(c.slug)}/${doc.id}/instellingen`, { title: 'Van mij', access: 'public' }, member)).statusCode, 403);

  // Folder <-> advice.
  assert.equal((await post(t, `${ws(c.slug)}/mappen/${folderId}/adviezen`, { adviceId: advice.id }, chair)).statusCode, 303);
  const folderPage = await get(t, `${ws(c.slug)}/mappen/${folderId}`, member);
  assert.match(folderPage.body, /Advies over vervoer/);
  assert.match(folderPage.body, /Werkplan 2027/);
  const otherAdvice = await makeAdvice(t, await makeCouncil(t), { status: 'drafting' });
  const wrong = await post(t, `${ws(c.slug)}/mappen/${folderId}/adviezen`, { adviceId: otherAdvice.id }, chair);
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Kies een advies uit de lijst/);
  assert.equal((await t.db.select().from(dossierAdvices).where(eq(dossierAdvices.folderId, folderId))).length, 1);
  assert.equal((await post(t, `${ws(c.slug)}/mappen/${folderId}/adviezen/${advice.id}/ontkoppelen`, {}, chair)).statusCode, 303);
  assert.equal((await t.db.select().from(dossierAdvices).where(eq(dossierAdvices.folderId, folderId))).length, 0);

  // Delete: confirmation page, then gone.
  assert.match((await get(t, `${ws(c.slug)}/${doc.id}/verwijderen`, chair)).body, /Ja, verwijder het document/);
  assert.equal((await post(t, `${ws(c.slug)}/${doc.id}/verwijderen`, {}, member)).statusCode, 403);
  const del = await post(t, `${ws(c.slug)}/${doc.id}/verwijderen`, {}, chair);
  assert.equal(del.statusCode, 303);
  assert.equal((await t.db.select().from(documents).where(eq(documents.id, doc.id))).length, 0);
  assert.equal((await get(t, `${ws(c.slug)}/${doc.id}`, chair)).statusCode, 404);
  await createFolder(t.app.deps, { council: c, actor: chair.actor, input: { name: 'Nog een', description: '' } });
});

test('folders linked to meetings: the board links and unlinks; both pages show it; bad ids and members change nothing', async () => {
  const c = await makeCouncil(t);
  const chair = await person(t, c, 'chair');
  const member = await person(t, c, 'member');
  const folder = await createFolder(t.app.deps, { council: c, actor: chair.actor, input: { name: 'Regiotaxi', description: '' } });
  const meeting = await makeMeeting(t, c, dayFromToday(20), { title: 'Vergadering over de regiotaxi' });
  const other = await makeMeeting(t, c, dayFromToday(30), { title: 'Vergadering zonder dossier' });
  await makeMeeting(t, c, dayFromToday(-800), { title: 'Heel oude vergadering' });
  await makeMeeting(t, c, dayFromToday(40), { title: 'Afgezegde vergadering', status: 'cancelled' });
  const foreign = await makeMeeting(t, await makeCouncil(t), dayFromToday(20), { title: 'Vergadering van een andere raad' });
  const folderUrl = `${ws(c.slug)}/mappen/${folder.id}`;
  const links = () => t.db.select().from(dossierMeetings).where(eq(dossierMeetings.folderId, folder.id));
  const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;

  // The choices: this council's meetings from a year back on, not cancelled; nothing linked yet.
  const before = await get(t, folderUrl, chair);
  assert.match(before.body, /Er zijn nog geen vergaderingen aan deze map gekoppeld/);
  assert.match(before.body, /<option value="[^"]+">Vergadering over de regiotaxi, /);
  assert.doesNotMatch(before.body, /Heel oude vergadering|Afgezegde vergadering|andere raad/);
  assert.doesNotMatch((await get(t, `/${c.slug}/werkruimte/vergaderingen/${meeting.id}`, member)).body, /<h2[^>]*>Mappen<\/h2>/);

  // A member (no documents.manage) cannot link.
  const n = await audits();
  assert.equal((await post(t, `${folderUrl}/vergaderingen`, { meetingId: meeting.id }, member)).statusCode, 403);
  assert.deepEqual(await links(), []);

  // Another council's meeting, a malformed or missing id: "choose from the list", nothing changed.
  for (const form of <Record<string, string>[]>[{ meetingId: foreign.id }, { meetingId: 'abc' }, { meetingId: '00000000-0000-0000-0000-000000000000' }, {}, { meetingId: 'x'.repeat(5000) }]) {
    const res = await post(t, `${folderUrl}/vergaderingen`, form, chair);
    assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
    assert.match(titleOf(res.body), /^Fout:/);
    assert.match(res.body, /Kies een vergadering uit de lijst/);
  }
  assert.deepEqual(await links(), []);
  assert.equal(await audits(), n);
  // Another council's folder: 404.
  const otherCouncil = await makeCouncil(t);
  const otherChair = await person(t, otherCouncil, 'chair');
  assert.equal((await post(t, `${ws(otherCouncil.slug)}/mappen/${folder.id}/vergaderingen`, { meetingId: meeting.id }, otherChair)).statusCode, 404);
  assert.deepEqual(await links(), []);

  // Link: the folder page lists it (title and date), the meeting page links back to the folder.
  const linked = await post(t, `${folderUrl}/vergaderingen`, { meetingId: meeting.id }, chair);
  assert.equal(linked.statusCode, 303);
  assert.equal(linked.headers.location, `${folderUrl}?melding=vergadering-gekoppeld`);
  assert.deepEqual(
    (await links()).map((l) => [l.meetingId, l.councilId]),
    [[meeting.id, c.id]],
  );
  assert.equal(await audits(), n + 1);
  const page = await get(t, `${folderUrl}?melding=vergadering-gekoppeld`, member);
  assert.match(page.body, /De vergadering is aan de map gekoppeld/);
  assert.match(page.body, new RegExp(`href="/${c.slug}/werkruimte/vergaderingen/${meeting.id}">Vergadering over de regiotaxi, \\d+ [a-z]+ \\d{4}<`));
  assert.doesNotMatch(page.body, /ontkoppelen/, 'no unlink buttons for a member');
  const meetingPage = await get(t, `/${c.slug}/werkruimte/vergaderingen/${meeting.id}`, member);
  assert.match(meetingPage.body, /<h2[^>]*>Mappen<\/h2>/);
  assert.match(meetingPage.body, new RegExp(`href="${folderUrl}">Regiotaxi<`));
  assert.doesNotMatch((await get(t, `/${c.slug}/werkruimte/vergaderingen/${other.id}`, member)).body, /<h2[^>]*>Mappen<\/h2>/);
  // Linked meetings are no longer a choice; the chair sees the unlink button.
  const chairPage = await get(t, folderUrl, chair);
  assert.doesNotMatch(chairPage.body, new RegExp(`<option value="${meeting.id}"`));
  assert.match(chairPage.body, new RegExp(`action="${folderUrl}/vergaderingen/${meeting.id}/ontkoppelen"`));

  // Unlink: a member is refused, the chair removes it; a second time it is gone (404).
  assert.equal((await post(t, `${folderUrl}/vergaderingen/${meeting.id}/ontkoppelen`, {}, member)).statusCode, 403);
  assert.equal((await links()).length, 1);
  const unlinked = await post(t, `${folderUrl}/vergaderingen/${meeting.id}/ontkoppelen`, {}, chair);
  assert.equal(unlinked.statusCode, 303);
  assert.equal(unlinked.headers.location, `${folderUrl}?melding=vergadering-ontkoppeld`);
  assert.deepEqual(await links(), []);
  assert.equal((await post(t, `${folderUrl}/vergaderingen/${meeting.id}/ontkoppelen`, {}, chair)).statusCode, 404);
  assert.equal((await post(t, `${folderUrl}/vergaderingen/abc/ontkoppelen`, {}, chair)).statusCode, 404);
  assert.doesNotMatch((await get(t, `/${c.slug}/werkruimte/vergaderingen/${meeting.id}`, member)).body, /<h2[^>]*>Mappen<\/h2>/);
});

test('search passages are text: markup in a document is shown, never run', async () => {
  const c = await makeCouncil(t);
  await makeDocument(t, c, { access: 'public', title: 'Script <b>titel</b>', pages: ['Tekst met <script>alert(1)</script> en zorgverzekering erin.'] });
  const [hit] = await searchDocuments(t.app.deps, { council: c, actor: null, query: 'zorgverzekering' });
  assert.ok(passageParts(hit!.pages[0]!.passage).some((p) => p.hit && p.text === 'zorgverzekering'));
  const page = await get(t, `/${c.slug}/documenten?q=zorgverzekering`);
  // ts_headline drops tags from the passage; the title is escaped by the renderer.
  assert.doesNotMatch(page.body, /<script>alert|<b>titel/);
  assert.match(page.body, /Script &lt;b>titel&lt;\/b>/);
  assert.match(page.body, /<mark>zorgverzekering<\/mark>/);
  // Odd search input is not an error.
  for (const q of ['"', '&|!', "'; drop table documents; --", 'x'.repeat(500), '<script>']) {
    assert.equal((await get(t, `/${c.slug}/documenten?q=${encodeURIComponent(q)}`)).statusCode, 200, q);
  }
});
