import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { makeCouncil, titleOf, type Res, useTestApp } from '../../../test/support/factories.ts';
import { person, postMultipart } from '../advice/advice.test-helpers.ts';
import { files } from '../../core/files/files.schema.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { documentVersions, documents } from './documents.schema.ts';
import { makeDocx, makeOdt, makePdf } from '../../core/files/samples.ts';
import { runExtractionQueue } from './documents.extraction.ts';
import { extractedText } from './documents.access.ts';

const LIMIT = 200_000;
// A small limit keeps the over-the-limit case fast; the default (50 MB) is checked in config.
const t = useTestApp({ env: { DOCUMENT_MAX_BYTES: String(LIMIT) } });

const ws = (slug: string) => `/${slug}/werkruimte/documenten`;
const PDF_TYPE = 'application/pdf';

async function counts() {
  const [[d], [v], [f], [a]] = await Promise.all([
    t.db.select({ n: count() }).from(documents),
    t.db.select({ n: count() }).from(documentVersions),
    t.db.select({ n: count() }).from(files),
    t.db.select({ n: count() }).from(auditLog),
  ]);
  return { documents: d!.n, versions: v!.n, files: f!.n, audit: a!.n };
}

function docIdOf(res: Res): string {
  const m = /\/documenten\/([0-9a-f-]{36})\?melding=/.exec(String(res.headers.location));
  assert.ok(m, `redirect to the document: ${res.statusCode} ${res.headers.location} ${titleOf(res.body)}`);
  return m[1]!;
}

test('PDF, Word and OpenDocument uploads are stored, extracted and downloadable as attachments', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const cases = [
    {
      filename: 'beleid.pdf',
      type: PDF_TYPE,
      bytes: await makePdf(['Eerste pagina over mantelzorg', 'Tweede pagina over vervoer']),
      mime: PDF_TYPE,
      text: 'vervoer',
    },
    {
      filename: 'notitie.docx',
      type: 'application/octet-stream',
      bytes: makeDocx(['Notitie over huishoudelijke hulp']),
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      text: 'huishoudelijke',
    },
    {
      filename: 'verslag.odt',
      type: 'application/octet-stream',
      bytes: makeOdt(['Verslag over armoede & schulden']),
      mime: 'application/vnd.oasis.opendocument.text',
      text: 'armoede & schulden',
    },
  ];
  for (const k of cases) {
    const res = await postMultipart(t, member, `${ws(c.slug)}/nieuw`, { title: '', access: 'members' }, { name: 'file', filename: k.filename, type: k.type, bytes: k.bytes });
    assert.equal(res.statusCode, 303, `${k.filename}: ${titleOf(res.body)}`);
    const id = docIdOf(res);
    const [v] = await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id));
    assert.equal(v!.mimeType, k.mime);
    assert.equal(v!.extraction, 'pending');
    const page = await t.app.inject({ url: `${ws(c.slug)}/${id}?melding=toegevoegd`, headers: { cookie: member.cookie } });
    assert.match(page.body, /Het document is toegevoegd/);
    const download = await t.app.inject({ url: `${ws(c.slug)}/${id}/download`, headers: { cookie: member.cookie } });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], k.mime);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-disposition']), new RegExp(`^attachment; filename="${k.filename}"`));
    assert.ok(download.rawPayload.equals(k.bytes));
  }
  assert.equal(await runExtractionQueue(t.app.deps), 3);
  const docs = await t.db.select().from(documents).where(eq(documents.councilId, c.id));
  for (const d of docs) {
    const text = (await extractedText(t.app.deps, c.id, d.id)).map((p) => p.text).join(' ');
    assert.ok(
      cases.some((k) => text.includes(k.text)),
      `${d.title}: ${text}`,
    );
  }
  const pdfDoc = docs.find((d) => d.title === 'beleid')!;
  assert.deepEqual(
    (await extractedText(t.app.deps, c.id, pdfDoc.id)).map((p) => p.page),
    [1, 2],
  );
});

test('disguised, empty, oversized or missing files are refused with a Dutch message and nothing is stored', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const url = `${ws(c.slug)}/nieuw`;
  const bad = [
    {
      filename: 'rapport.pdf',
      bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000)]),
      status: 400,
      message: /geen PDF-, Word- \(.docx\) of OpenDocument-bestand/,
    },
    {
      filename: 'rapport.pdf',
      bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(1000)]),
      status: 400,
      message: /We kijken naar de inhoud/,
    },
    { filename: 'rapport.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>'), status: 400, message: /We kijken naar de inhoud/ },
    { filename: 'leeg.pdf', bytes: Buffer.alloc(0), status: 400, message: /Het bestand is leeg/ },
    { filename: 'groot.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT + 10)]), status: 413, message: /groter dan 195 kB/ },
  ];
  for (const k of bad) {
    const before = await counts();
    const res = await postMultipart(t, member, url, { title: 'Iets', access: 'members' }, { name: 'file', filename: k.filename, type: PDF_TYPE, bytes: k.bytes });
    assert.equal(res.statusCode, k.status, k.filename);
    assert.match(titleOf(res.body), /^Fout:/);
    assert.match(res.body, k.message, k.filename);
    assert.deepEqual(await counts(), before, `${k.filename}: nothing stored`);
  }
  // No file, and bad fields: one summary with every problem.
  const before = await counts();
  const none = await postMultipart(t, member, url, { title: 'x'.repeat(201), access: 'geheim', folderId: 'niet-een-map' });
  assert.equal(none.statusCode, 400);
  assert.match(titleOf(none.body), /^Fout:/);
  for (const m of [/Kies een bestand om toe te voegen/, /200 tekens/, /Kies een map uit de lijst/]) assert.match(none.body, m);
  // A plain (not multipart) post is a message too, not a crash.
  const plain = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: member.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(member.csrf)}&access=members`,
  });
  assert.equal(plain.statusCode, 400);
  assert.match(plain.body, /Kies een bestand om toe te voegen/);
  // A folder of another council is not accepted.
  const other = await makeCouncil(t);
  const { createFolder } = await import('./documents.folders.ts');
  const board = await person(t, other, 'chair');
  const foreign = await createFolder(t.app.deps, { council: other, actor: board.actor, input: { name: 'Elders', description: '' } });
  const wrongFolder = await postMultipart(t, member, url, { access: 'members', folderId: foreign.id }, { name: 'file', filename: 'a.pdf', type: PDF_TYPE, bytes: await makePdf(['a']) });
  assert.equal(wrongFolder.statusCode, 400);
  assert.match(wrongFolder.body, /Kies een map uit de lijst/);
  // A member may not add a closed document.
  const closed = await postMultipart(t, member, url, { access: 'closed' }, { name: 'file', filename: 'a.pdf', type: PDF_TYPE, bytes: await makePdf(['a']) });
  assert.equal(closed.statusCode, 400);
  assert.match(closed.body, /Alleen de voorzitter en de secretaris/);
  const after = await counts();
  assert.equal(after.documents, before.documents);
  assert.equal(after.versions, before.versions);
});

test('a path in the file name is never used: stored by content hash, shown and sent with a safe name', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const bytes = await makePdf(['Pad']);
  const res = await postMultipart(t, member, `${ws(c.slug)}/nieuw`, { access: 'members' }, { name: 'file', filename: '../../etc/passwd', type: PDF_TYPE, bytes });
  const id = docIdOf(res);
  const [v] = await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id));
  assert.equal(v!.fileName, 'passwd');
  assert.match(v!.fileHash, /^[0-9a-f]{64}$/);
  const [d] = await t.db.select().from(documents).where(eq(documents.id, id));
  assert.equal(d!.title, 'passwd');
  const download = await t.app.inject({ url: `${ws(c.slug)}/${id}/download`, headers: { cookie: member.cookie } });
  assert.equal(download.headers['content-disposition'], `attachment; filename="passwd"; filename*=UTF-8''passwd`);
});

test('a new version keeps the old ones: listed, downloadable, and only the newest is searched', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const v1 = await makePdf(['Oude tekst over de regiotaxi']);
  const v2 = await makePdf(['Nieuwe tekst over de deeltaxi']);
  const id = docIdOf(await postMultipart(t, member, `${ws(c.slug)}/nieuw`, { title: 'Vervoersplan', access: 'members' }, { name: 'file', filename: 'plan-v1.pdf', type: PDF_TYPE, bytes: v1 }));
  await runExtractionQueue(t.app.deps);
  const res = await postMultipart(t, member, `${ws(c.slug)}/${id}/versies`, {}, { name: 'file', filename: 'plan-v2.pdf', type: PDF_TYPE, bytes: v2 });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /melding=versie/);
  await runExtractionQueue(t.app.deps);
  const page = await t.app.inject({ url: `${ws(c.slug)}/${id}`, headers: { cookie: member.cookie } });
  assert.match(page.body, /Download versie 1/);
  assert.match(page.body, /Download versie 2/);
  const old = await t.app.inject({ url: `${ws(c.slug)}/${id}/download?versie=1`, headers: { cookie: member.cookie } });
  assert.ok(old.rawPayload.equals(v1));
  const newest = await t.app.inject({ url: `${ws(c.slug)}/${id}/download`, headers: { cookie: member.cookie } });
  assert.ok(newest.rawPayload.equals(v2));
  assert.equal((await t.app.inject({ url: `${ws(c.slug)}/${id}/download?versie=3`, headers: { cookie: member.cookie } })).statusCode, 404);
  const text = await extractedText(t.app.deps, c.id, id);
  assert.match(text.map((p) => p.text).join(' '), /deeltaxi/);
  assert.doesNotMatch(text.map((p) => p.text).join(' '), /regiotaxi/);
  // A bad new version changes nothing.
  const versions = await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id));
  const bad = await postMultipart(t, member, `${ws(c.slug)}/${id}/versies`, {}, { name: 'file', filename: 'plan-v3.pdf', type: PDF_TYPE, bytes: Buffer.from('MZ nep') });
  assert.equal(bad.statusCode, 400);
  assert.match(titleOf(bad.body), /^Fout:/);
  assert.equal((await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id))).length, versions.length);
});

test('the size limit is configurable: 50 MB unless DOCUMENT_MAX_BYTES says otherwise', async () => {
  const { loadConfig, ConfigError } = await import('../../core/config.ts');
  assert.equal(loadConfig({}).documentMaxBytes, 50 * 1024 * 1024);
  assert.equal(loadConfig({ DOCUMENT_MAX_BYTES: '1048576' }).documentMaxBytes, 1024 * 1024);
  for (const bad of ['veel', '-1', '3000000000']) assert.throws(() => loadConfig({ DOCUMENT_MAX_BYTES: bad }), ConfigError, bad);
  assert.equal(t.app.deps.config.documentMaxBytes, LIMIT);
});
