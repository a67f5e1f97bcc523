/**
 * Issue 17, item 2: hostile files never stall or kill the server. A PNG decompression bomb as the
 * council logo, zip bombs dressed as .docx and .odt, and PDFs with deeply nested objects or
 * 150,000 pages go through upload, extraction, the meeting packet and the advice letter, while
 * /healthz is asked every 100 ms: it always answers (the slowest answer and the longest event-loop
 * stall are printed, not asserted: tests carry no time limits on these shared machines), and the
 * process (its worker threads included) stays under 1.5 GB.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestApp, login, makeCouncil, makeMember, multipart, type TestApp } from './support/factories.ts';
import { docxBomb, manyPagesPdf, nestedPdf, odtBomb, pngBomb } from '../src/core/files/hostile.test-helpers.ts';
import { makePdf } from '../src/core/files/samples.ts';
import { files } from '../src/core/files/files.schema.ts';
import { councils } from '../src/core/organisations.schema.ts';
import type { Actor } from '../src/core/policy.ts';
import { makeDocument } from '../src/modules/documents/documents.test-helpers.ts';
import { documentVersions } from '../src/modules/documents/documents.schema.ts';
import { EXTRACTION_LIMITS, runExtractionQueue } from '../src/modules/documents/documents.extraction.ts';
import { letterLogo } from '../src/modules/advice/advice.letter.ts';
import { addMeeting } from '../src/modules/meetings/meetings.lifecycle.ts';
import { addAgendaItem } from '../src/modules/meetings/meetings.agenda.ts';

const MAX_RSS = 1.5 * 1024 ** 3;

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** Asks /healthz every 100 ms while `work` runs; returns what it saw. */
async function whileWatched<T>(work: () => Promise<T>): Promise<{ result: T; healthz: number; failed: number; slowestMs: number; rss: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let stop = false;
  let healthz = 0;
  let failed = 0;
  let rss = process.memoryUsage().rss;
  let slowest = 0;
  const probe = (async () => {
    while (!stop) {
      const started = performance.now();
      const res = await t.app.inject('/healthz');
      slowest = Math.max(slowest, performance.now() - started);
      healthz++;
      if (res.statusCode !== 200) failed++;
      rss = Math.max(rss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work();
  stop = true;
  await probe;
  lag.disable();
  const seen = { result, healthz, failed, slowestMs: slowest, rss };
  console.log(
    `healthz answered ${healthz - failed}/${healthz}, slowest answer ${slowest.toFixed(0)} ms, longest event-loop stall ${(lag.max / 1e6).toFixed(0)} ms, peak rss ${(rss / 1024 ** 2).toFixed(0)} MB`,
  );
  return seen;
}

function assertServerHeld(seen: { healthz: number; failed: number; slowestMs: number; rss: number }) {
  assert.ok(seen.healthz > 0);
  assert.equal(seen.failed, 0, '/healthz always answered');
  assert.ok(seen.rss < MAX_RSS, `rss ${seen.rss}`);
}

test('a PNG decompression bomb as the logo is refused at upload with a clear message; an old one is left out of the letter', async () => {
  const c = await makeCouncil(t);
  const s = await login(t, (await makeMember(t, c, 'chair')).user);
  const bomb = pngBomb(40_000); // 1.6 billion pixels in about 200 KB
  const seen = await whileWatched(async () => {
    const body = multipart({ logoAlt: 'Logo' }, { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: bomb });
    return t.app.inject({
      method: 'POST',
      url: `/${c.slug}/werkruimte/instellingen/logo?_csrf=${encodeURIComponent(s.csrf)}`,
      headers: { cookie: s.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  });
  assertServerHeld(seen);
  assert.equal(seen.result.statusCode, 400);
  assert.match(seen.result.body, /te veel beeldpunten/);
  const [row] = await t.db.select().from(councils).where(eq(councils.id, c.id));
  assert.equal(row!.logoFile, null, 'nothing changed');

  // A bomb stored before uploads were checked: the letter goes without it, the server holds.
  const hash = await t.app.deps.files.put(bomb);
  await t.db.insert(files).values({ hash, contentType: 'image/png', size: bomb.length }).onConflictDoNothing();
  await t.db.update(councils).set({ logoFile: hash }).where(eq(councils.id, c.id));
  const [withBomb] = await t.db.select().from(councils).where(eq(councils.id, c.id));
  const letter = await whileWatched(() => letterLogo(t.db, t.app.deps.files, withBomb!));
  assertServerHeld(letter);
  assert.equal(letter.result, null);
});

test('zip bombs as .docx and .odt and stalling PDFs end as "too large" or "failed" in extraction; the server holds', async () => {
  const c = await makeCouncil(t);
  const docs = {
    docxRatio: await makeDocument(t, c, { title: 'Bom 1', bytes: docxBomb(40), fileName: 'bom.docx' }),
    docxLie: await makeDocument(t, c, { title: 'Bom 2', bytes: docxBomb(40, { lie: true }), fileName: 'bom2.docx' }),
    odt: await makeDocument(t, c, { title: 'Bom 3', bytes: odtBomb(40), fileName: 'bom.odt' }),
    nested: await makeDocument(t, c, { title: 'Genest', bytes: nestedPdf(200_000), fileName: 'genest.pdf' }),
    pages: await makeDocument(t, c, { title: 'Veel', bytes: manyPagesPdf(150_000), fileName: 'veel.pdf' }),
    good: await makeDocument(t, c, { title: 'Goed', bytes: await makePdf(['Een gewoon stuk over de regiotaxi.']), fileName: 'goed.pdf' }),
  };
  // A shorter time limit than in production (120 s), so the test shows it without waiting that long.
  const timeoutMs = EXTRACTION_LIMITS.timeoutMs;
  EXTRACTION_LIMITS.timeoutMs = 20_000;
  const seen = await whileWatched(() => runExtractionQueue(t.app.deps, { max: 20 })).finally(() => {
    EXTRACTION_LIMITS.timeoutMs = timeoutMs;
  });
  assertServerHeld(seen);
  const state = async (id: string) => (await t.db.select().from(documentVersions).where(eq(documentVersions.documentId, id)))[0]!;
  for (const key of ['docxRatio', 'docxLie', 'odt'] as const) assert.equal((await state(docs[key].id)).extraction, 'too_large', key);
  // Counted before any page is read; on a very busy machine loading the page tree may hit the time limit first.
  const pages = await state(docs.pages.id);
  assert.ok(pages.extraction === 'too_large' ? /150000 pages/.test(pages.extractionError) : /timeout/.test(pages.extractionError), `${pages.extraction}: ${pages.extractionError}`);
  assert.notEqual((await state(docs.nested.id)).extraction, 'done');
  assert.equal((await state(docs.good.id)).extraction, 'done', 'the good file next to them is read');
});

test('a meeting packet with hostile PDFs is built in the background: notices in their place, the server holds', async () => {
  const council = await makeCouncil(t);
  const sec = await makeMember(t, council, 'secretary');
  const actor: Actor = { userId: sec.user.id, isPlatformAdmin: false, role: 'secretary', membershipId: sec.membership.id };
  const deps = t.app.deps;
  const ids = [
    (await makeDocument(t, council, { title: 'Genest', bytes: nestedPdf(200_000), fileName: 'genest.pdf' })).id,
    (await makeDocument(t, council, { title: 'Veel', bytes: manyPagesPdf(150_000), fileName: 'veel.pdf' })).id,
    (await makeDocument(t, council, { title: 'Goed', bytes: await makePdf(['Een gewoon stuk.']), fileName: 'goed.pdf' })).id,
  ];
  const input = { title: 'Vergadering', date: `${new Date().getUTCFullYear() + 1}-03-10`, startTime: '19:30', endTime: '21:00', location: 'Stadhuis', mode: 'in_person' as const, onlineUrl: '' };
  const m = await addMeeting(deps, { actor, council, input });
  const item = { title: 'Stukken', explanation: '', startTime: null, presenter: '', access: 'public' as const, adviceIds: [], signalIds: [], documentIds: ids };
  await addAgendaItem(deps, { actor, council, meetingId: m.id, input: item });
  const s = await login(t, sec.user);
  const url = `/${council.slug}/werkruimte/vergaderingen/${m.id}/vergaderstukken.pdf`;
  const seen = await whileWatched(async () => {
    let res = await s.request({ url });
    for (let i = 0; i < 20 && res.statusCode === 202; i++) res = await s.request({ url }); // still being made: ask again
    return res;
  });
  assertServerHeld(seen);
  assert.equal(seen.result.statusCode, 200);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(seen.result.rawPayload)), { mergePages: false });
  const all = text.join('\n');
  assert.match(all, /genest\.pdf kon niet worden toegevoegd/);
  assert.match(all, /veel\.pdf past niet meer in deze pdf/);
  assert.match(all, /Een gewoon stuk/);
  // Stored: the next request is served from the stored file, at once.
  const again = await s.request({ url });
  assert.equal(again.statusCode, 200);
  assert.ok(again.rawPayload.equals(seen.result.rawPayload));
});
