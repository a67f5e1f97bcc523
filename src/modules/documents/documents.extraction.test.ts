import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, makeCouncil, get } from '../../../test/support/factories.ts';
import { person, postMultipart } from '../advice/advice.test-helpers.ts';
import { documentVersions } from './documents.schema.ts';
import { makeDocx, makePolicyPdf, makePdf } from '../../core/files/samples.ts';
import fs from 'node:fs';
import { EXTRACTION_LIMITS, extractInWorker, keepExtractionReady, runExtractionQueue } from './documents.extraction.ts';
import { extractedText } from './documents.access.ts';
import { searchDocuments } from './documents.search.ts';

const t = useTestApp();

const ws = (slug: string) => `/${slug}/werkruimte/documenten`;

async function upload(c: { slug: string }, as: Awaited<ReturnType<typeof person>>, filename: string, bytes: Buffer) {
  const res = await postMultipart(t, as, `${ws(c.slug)}/nieuw`, { access: 'members' }, { name: 'file', filename, type: 'application/pdf', bytes });
  assert.equal(res.statusCode, 303, filename);
  return /documenten\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
}

test('malformed PDFs end as "failed"; the server keeps working and other documents are extracted', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const good = await makePdf(['Een goed document over de regiotaxi']);
  const ids = {
    garbage: await upload(c, member, 'rommel.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('x'.repeat(5000))])),
    truncated: await upload(c, member, 'afgebroken.pdf', good.subarray(0, Math.floor(good.length / 3))),
    good: await upload(c, member, 'goed.pdf', good),
  };
  await runExtractionQueue(t.app.deps);
  const state = async (id: string) => (await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id)))[0]!;
  assert.equal((await state(ids.garbage)).extraction, 'failed');
  assert.equal((await state(ids.truncated)).extraction, 'failed');
  assert.ok((await state(ids.garbage)).extractionError.length > 0);
  assert.equal((await state(ids.good)).extraction, 'done');
  assert.deepEqual(await extractedText(t.app.deps, c.id, ids.garbage), []);
  // The detail page says so; the server still answers.
  const page = await get(t, `${ws(c.slug)}/${ids.garbage}`, member);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Tekst niet leesbaar/);
  assert.equal((await get(t, '/healthz')).statusCode, 200);
  assert.equal((await searchDocuments(t.app.deps, { council: c, actor: member.actor, query: 'regiotaxi' })).length, 1);
});

test('the extraction process is stopped by its time and memory limits and reports it', async () => {
  const pdf = await makePolicyPdf(40);
  const slow = await extractInWorker('pdf', pdf, { ...EXTRACTION_LIMITS, timeoutMs: 1 });
  assert.deepEqual(slow, { status: 'failed', error: 'timeout after 1 ms' });
  const huge = await extractInWorker('docx', makeDocx(Array.from({ length: 50_000 }, (_, i) => `Alinea ${i}: ${'woord '.repeat(100)}`)), {
    ...EXTRACTION_LIMITS,
    maxMemoryMb: 8,
  });
  assert.deepEqual(huge, { status: 'too_large', error: 'out of memory' });
  const tooMuch = await extractInWorker('pdf', pdf, { ...EXTRACTION_LIMITS, maxPages: 10 });
  assert.deepEqual(tooMuch, { status: 'too_large', error: '40 pages' });
  const ok = await extractInWorker('pdf', pdf);
  assert.equal(ok.status, 'done');
  // The next file goes to the thread kept warm: the same text and page numbers.
  assert.deepEqual(await extractInWorker('pdf', pdf), ok);
});

test('the standby thread is warmed on the built-in PDF (which reads as 8 pages of Dutch text) and then reads files as before', async () => {
  const builtIn = await extractInWorker('pdf', new Uint8Array(fs.readFileSync(new URL('./documents.warmup.pdf', import.meta.url))));
  assert.equal(builtIn.status, 'done');
  assert.equal(builtIn.status === 'done' && builtIn.pages.length, 8);
  assert.match(builtIn.status === 'done' ? builtIn.pages[7]!.text : '', /adviesraad/);
  const pdf = await makePolicyPdf(5);
  const before = await extractInWorker('pdf', pdf);
  await keepExtractionReady({ background: false });
  assert.deepEqual(await extractInWorker('pdf', pdf), before);
});

test('a version that keeps killing its worker is given up after the attempts limit', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const id = await upload(c, member, 'a.pdf', await makePdf(['a']));
  // As if three workers died while holding it (their claims long stale).
  await t.db
    .update(documentVersions)
    .set({ extractionAttempts: EXTRACTION_LIMITS.maxAttempts, extractionClaimedAt: new Date(Date.now() - EXTRACTION_LIMITS.staleClaimMs - 1000) })
    .where(eq(documentVersions.documentId, id));
  await runExtractionQueue(t.app.deps);
  const [v] = await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id));
  assert.equal(v!.extraction, 'failed');
  assert.equal(v!.extractionError, 'too many attempts');
});

test('a 300-page policy document is searchable soon after upload (time printed, not asserted)', async () => {
  const c = await makeCouncil(t);
  const member = await person(t, c, 'member');
  const pdf = await makePolicyPdf(300);
  const started = performance.now();
  const id = await upload(c, member, 'beleidsplan-300.pdf', pdf);
  await runExtractionQueue(t.app.deps);
  const hits = await searchDocuments(t.app.deps, { council: c, actor: member.actor, query: 'pagina287' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`300-page PDF (${Math.round(pdf.length / 1024)} kB) uploaded, extracted and found in ${seconds.toFixed(2)} s on ${t.database.kind}`);
  assert.deepEqual(
    hits.map((h) => [h.id, h.pages.map((p) => p.page)]),
    [[id, [287]]],
  );
  assert.equal((await extractedText(t.app.deps, c.id, id)).length, 300);
});

test('a cached public search page is renewed once the text of a new document is extracted', async () => {
  const c = await makeCouncil(t);
  const chair = await person(t, c, 'chair');
  const res = await postMultipart(
    t,
    chair,
    `${ws(c.slug)}/nieuw`,
    { access: 'public' },
    { name: 'file', filename: 'zwembad.pdf', type: 'application/pdf', bytes: await makePdf(['De zwembadpas wordt goedkoper.']) },
  );
  assert.equal(res.statusCode, 303);
  const search = `/${c.slug}/documenten?q=zwembadpas`;
  assert.match((await get(t, search)).body, /Geen documenten gevonden/);
  assert.match((await get(t, search)).body, /Geen documenten gevonden/, 'served from the cache');
  await runExtractionQueue(t.app.deps);
  assert.match((await get(t, search)).body, /<mark>zwembadpas<\/mark>/);
});
