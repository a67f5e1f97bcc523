import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import {
  adopt,
  anonymousPost,
  dayFromToday,
  get,
  login,
  makeArticle,
  makeCouncil,
  makeMember,
  makeNational,
  makeNews,
  mailsTo,
  multipart,
  titleOf,
  withApp,
  type TestApp,
} from './knowledge.test-helpers.ts';
import { knowledgeAdoptions, knowledgeArticles, knowledgeArticleVersions } from './knowledge.schema.ts';
import { notices } from '../../core/notices/notices.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import { sendReviewReminders } from './knowledge.reminders.ts';
import { sweepForwards } from './knowledge.forward.ts';
import { VIDEO_MAX_BYTES } from './knowledge.video.ts';
import { demoVideoBytes } from '../../../seeds/demo-video.ts';

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nWelkom bij deze uitleg.\n';
const articleForm = (over: Record<string, string | string[]> = {}) => ({
  title: 'Het keukentafelgesprek',
  summary: 'In een gesprek kijkt de gemeente samen met u wat u nodig hebt.',
  body: '## Wat gebeurt er?\n\nIemand van de gemeente komt bij u thuis. U praat samen over uw leven.\n\nIndien nodig krijgt u een beschikking.',
  topic: 'keukentafelgesprek',
  laws: ['wmo'],
  visibility: 'public',
  format: 'text',
  reviewBy: '',
  ...over,
});

async function count(t: TestApp) {
  return (await t.db.select().from(knowledgeArticles)).length;
}

test('a national editor writes an article: saved with version 1, the plain-language advice is shown, not blocking', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t);
    const editor = await login(t, (await makeMember(t, national, 'secretary')).user);
    const res = await editor.request({ url: `/${national.slug}/werkruimte/kennisbank/nieuw`, form: articleForm() });
    assert.equal(res.statusCode, 303);
    const page = await editor.request({ url: res.headers.location as string });
    assert.match(page.body, /Het artikel is opgeslagen/);
    assert.match(page.body, /Hoe makkelijk is de tekst\?/);
    assert.match(page.body, /‘beschikking’: schrijf liever ‘besluit’/);
    const [a] = await t.db.select().from(knowledgeArticles);
    assert.equal(a!.version, 1);
    assert.equal(a!.ownerUserId, editor.user.id);
    assert.equal(
      a!.reviewBy,
      dayFromToday(0)
        .replace(/^(\d{4})/, (y) => String(Number(y) + 1))
        .replace(/-02-29$/, '-02-28'),
    );
    assert.deepEqual(a!.laws, ['wmo']);
  });
});

test('bad input gets a clear Dutch message and changes nothing: review date in the past, video without captions, bad captions, unknown article', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t);
    const editor = await login(t, (await makeMember(t, national, 'secretary')).user);
    const url = `/${national.slug}/werkruimte/kennisbank/nieuw`;
    const past = await editor.request({ url, form: articleForm({ reviewBy: dayFromToday(-1) }) });
    assert.equal(past.statusCode, 400);
    assert.match(titleOf(past.body), /^Fout:/);
    assert.match(past.body, /Een controledatum in het verleden kan niet/);
    const noCaptions = await editor.request({ url, form: articleForm({ format: 'video', videoUrl: '/video/uitleg.mp4' }) });
    assert.equal(noCaptions.statusCode, 400);
    assert.match(noCaptions.body, /Een video kan niet zonder ondertiteling/);
    const badCaptions = await editor.request({ url, form: articleForm({ format: 'video', videoUrl: '/video/uitleg.mp4', captionsVtt: 'Hallo' }) });
    assert.equal(badCaptions.statusCode, 400);
    assert.match(badCaptions.body, /Dit is geen WebVTT-ondertiteling/);
    const noTranscript = await editor.request({ url, form: articleForm({ format: 'video', captionsVtt: VTT }) });
    assert.equal(noTranscript.statusCode, 400);
    assert.match(noTranscript.body, /Een video kan niet zonder uitgeschreven tekst/);
    const badDate = await editor.request({ url, form: articleForm({ reviewBy: '2027-02-30' }) });
    assert.equal(badDate.statusCode, 400);
    assert.equal(await count(t), 0);
    assert.equal((await editor.request({ url: `/${national.slug}/werkruimte/kennisbank/00000000-0000-4000-8000-000000000000`, form: articleForm() })).statusCode, 404);
    assert.equal((await get(t, `/${national.slug}/kennisbank/niet-bestaand`)).statusCode, 404);
    assert.equal((await get(t, `/${national.slug}/kennisbank/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
  });
});

test('a video article plays in the browser’s own player with captions as a track, the sign-language version and the transcript beside it', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t);
    const editor = await login(t, (await makeMember(t, national, 'secretary')).user);
    const res = await editor.request({
      url: `/${national.slug}/werkruimte/kennisbank/nieuw`,
      form: articleForm({ format: 'video', videoUrl: '/video/uitleg.mp4', captionsVtt: VTT, signLanguageUrl: 'https://ngt.example/uitleg', transcript: 'Welkom bij deze uitleg.' }),
    });
    assert.equal(res.statusCode, 303);
    const [a] = await t.db.select().from(knowledgeArticles);
    const page = await get(t, `/${national.slug}/kennisbank/${a!.id}`);
    assert.match(
      page.body,
      /<video class="rw-video" controls preload="metadata" src="\/video\/uitleg.mp4"><track kind="captions" src="[^"]+\/ondertiteling.vtt" srclang="nl" label="Nederlands" default\/>/,
    );
    assert.match(page.body, /Bekijk de video in gebarentaal \(NGT\)/);
    assert.match(page.body, /Uitgeschreven tekst/);
    const vtt = await get(t, `/${national.slug}/kennisbank/${a!.id}/ondertiteling.vtt`);
    assert.equal(vtt.statusCode, 200);
    assert.match(vtt.headers['content-type'] as string, /^text\/vtt/);
    assert.equal(vtt.body, VTT.trim());
  });
});

test('a video file is uploaded, checked by its bytes and size, and played from this site with ranges; captions and transcript are required first', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t);
    const editor = await login(t, (await makeMember(t, national, 'secretary')).user);
    const text = await makeArticle(t, national, { title: 'Alleen tekst' });
    const video = await makeArticle(t, national, { format: 'video', captionsVtt: VTT, transcript: 'Welkom bij deze uitleg.' });
    const send = (id: string, file?: { filename: string; bytes: Buffer }) => {
      const body = multipart({}, file && { name: 'videoFile', type: 'video/webm', ...file });
      return t.app.inject({
        method: 'POST',
        url: `/${national.slug}/werkruimte/kennisbank/${id}/video?_csrf=${encodeURIComponent(editor.csrf)}`,
        headers: { cookie: editor.cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const webm = demoVideoBytes();
    const before = await get(t, `/${national.slug}/kennisbank/${video.id}`);
    assert.match(before.body, /De video staat hier nog niet/);

    // Refused, nothing stored: no file, a text file named .webm, more than 25 MB, a text article.
    assert.match((await send(video.id)).body, /Kies een videobestand/);
    const fake = await send(video.id, { filename: 'uitleg.webm', bytes: Buffer.from('<script>alert(1)</script>') });
    assert.equal(fake.statusCode, 400);
    assert.match(fake.body, /Kies een bestand in WebM- of MP4-formaat/);
    const big = await send(video.id, { filename: 'groot.webm', bytes: Buffer.concat([webm, Buffer.alloc(VIDEO_MAX_BYTES)]) });
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /Het mag hooguit 25 MB zijn/);
    assert.equal((await send(text.id, { filename: 'uitleg.webm', bytes: webm })).statusCode, 400);
    const [unchanged] = await t.db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, video.id));
    assert.equal(unchanged!.videoFile, null);

    const ok = await send(video.id, { filename: 'naam-zegt-niets.bin', bytes: webm });
    assert.equal(ok.statusCode, 303);
    const edit = await editor.request({ url: ok.headers.location as string });
    assert.match(edit.body, /Het videobestand is opgeslagen/);
    assert.match(edit.body, /een WebM-bestand van 8,1 kB/);

    const page = await get(t, `/${national.slug}/kennisbank/${video.id}`);
    const src = `/${national.slug}/kennisbank/${video.id}/video`;
    assert.match(page.body, new RegExp(`<video class="rw-video" controls preload="metadata" src="${src}"><track kind="captions" src="[^"]+/ondertiteling.vtt"`));
    assert.match(page.headers['content-security-policy'] as string, /media-src 'self'/);
    const whole = await get(t, src);
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.headers['content-type'], 'video/webm');
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.ok(whole.rawPayload.equals(webm));
    const part = await t.app.inject({ url: src, headers: { range: 'bytes=0-3' } });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 0-3/${webm.length}`);
    assert.deepEqual([...part.rawPayload], [0x1a, 0x45, 0xdf, 0xa3]);
    const tail = await t.app.inject({ url: src, headers: { range: 'bytes=-10' } });
    assert.ok(tail.rawPayload.equals(webm.subarray(webm.length - 10)));
    assert.equal((await t.app.inject({ url: src, headers: { range: `bytes=${webm.length}-` } })).statusCode, 416);
    assert.equal((await get(t, `/${national.slug}/kennisbank/${text.id}/video`)).statusCode, 404);
  });
});

test('a council adopts a national article with a local paragraph; when the national text changes, its board gets a notice with the difference', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t, { name: 'Kennisplatform Meedoen' });
    const editor = await login(t, (await makeMember(t, national, 'secretary')).user);
    const council = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
    const member = await login(t, (await makeMember(t, council, 'member')).user);
    const article = await makeArticle(t, national, { title: 'Toegang tot hulp', body: 'U kunt hulp vragen bij de gemeente.' });

    const overview = await secretary.request({ url: `/${council.slug}/werkruimte/kennisbank` });
    assert.match(overview.body, /Toegang tot hulp/);
    const adopted = await secretary.request({ url: `/${council.slug}/werkruimte/kennisbank/${article.id}/overnemen`, form: {} });
    assert.equal(adopted.statusCode, 303);
    assert.equal((await secretary.request({ url: `/${council.slug}/werkruimte/kennisbank/${article.id}/overnemen`, form: {} })).statusCode, 409, 'adopting twice changes nothing');
    assert.equal((await member.request({ url: `/${council.slug}/werkruimte/kennisbank/${article.id}/overnemen`, form: {} })).statusCode, 403);
    const saved = await secretary.request({ url: `/${council.slug}/werkruimte/kennisbank/overgenomen/${article.id}`, form: { localParagraph: 'In onze gemeente belt u het **wijkteam**.' } });
    assert.equal(saved.statusCode, 303);

    const list = await get(t, `/${council.slug}/kennisbank`);
    assert.match(list.body, /Toegang tot hulp/);
    assert.match(list.body, /Landelijk: Kennisplatform Meedoen/);
    const page = await get(t, `/${council.slug}/kennisbank/${article.id}`);
    assert.match(page.body, /U kunt hulp vragen bij de gemeente\./);
    assert.match(page.body, /Zo werkt het bij/);
    assert.match(page.body, /In onze gemeente belt u het <strong>wijkteam<\/strong>\./);
    assert.equal((await t.db.select().from(knowledgeArticles)).length, 1, 'the national text is not copied');

    // The national editor changes the text: version 2, a notice to the council's board with the difference.
    const edit = await editor.request({
      url: `/${national.slug}/werkruimte/kennisbank/${article.id}`,
      form: articleForm({ title: 'Toegang tot hulp', summary: article.summary, body: 'U kunt hulp vragen bij het Wmo-loket van de gemeente.' }),
    });
    assert.equal(edit.statusCode, 303);
    const got = await t.db.select().from(notices).where(eq(notices.userId, secretary.user.id));
    assert.equal(got.length, 1);
    assert.equal(got[0]!.kind, 'knowledge.articleChanged');
    assert.match(String(got[0]!.params.diff), /- U kunt hulp vragen bij de gemeente\.\n\+ U kunt hulp vragen bij het Wmo-loket van de gemeente\./);
    assert.equal((await t.db.select().from(notices).where(eq(notices.userId, member.user.id))).length, 0, 'members do not get it, the board does');
    assert.equal((await t.db.select().from(knowledgeArticleVersions).where(eq(knowledgeArticleVersions.articleId, article.id))).length, 2);

    // The council sees what changed until it saves its paragraph again.
    const before = await secretary.request({ url: got[0]!.path });
    assert.match(before.body, /De landelijke tekst is veranderd \(versie 1 naar 2\)/);
    assert.match(before.body, /<ins class="rw-diff__line"><strong>Nieuw:<\/strong> U kunt hulp vragen bij het Wmo-loket van de gemeente\.<\/ins>/);
    await secretary.request({ url: got[0]!.path, form: { localParagraph: 'In onze gemeente belt u het wijkteam.' } });
    const [adoption] = await t.db
      .select()
      .from(knowledgeAdoptions)
      .where(and(eq(knowledgeAdoptions.councilId, council.id), eq(knowledgeAdoptions.articleId, article.id)));
    assert.equal(adoption!.seenVersion, 2);
    assert.doesNotMatch((await secretary.request({ url: got[0]!.path })).body, /De landelijke tekst is veranderd/);

    // The versions page compares two versions.
    const versions = await editor.request({ url: `/${national.slug}/werkruimte/kennisbank/${article.id}/versies?van=1&naar=2` });
    assert.match(versions.body, /<del class="rw-diff__line"><strong>Weg:<\/strong> U kunt hulp vragen bij de gemeente\.<\/del>/);
  });
});

test('own articles: members-only ones are for members; an overdue one says "mogelijk verouderd"; hostile Markdown stays text', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const member = await login(t, (await makeMember(t, council, 'member')).user);
    const handbook = await makeArticle(t, council, { title: 'Handboek: zo vergaderen wij', visibility: 'members' });
    const old = await makeArticle(t, council, { title: 'Oude uitleg', reviewBy: '2025-01-15', body: '<script>alert(1)</script>\n\n[klik](javascript:alert(1))' });
    const anonymousList = await get(t, `/${council.slug}/kennisbank`);
    assert.doesNotMatch(anonymousList.body, /Handboek/);
    assert.match(anonymousList.body, /Mogelijk verouderd \(controle was gepland op 15 januari 2025\)/);
    assert.equal((await get(t, `/${council.slug}/kennisbank/${handbook.id}`)).statusCode, 404);
    assert.equal((await member.request({ url: `/${council.slug}/kennisbank/${handbook.id}` })).statusCode, 200);
    assert.match((await member.request({ url: `/${council.slug}/kennisbank` })).body, /Handboek: zo vergaderen wij/);
    const page = await get(t, `/${council.slug}/kennisbank/${old.id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.doesNotMatch(page.body, /href="javascript:/);
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

test('search in Dutch over national and own articles in one list, labelled by source: stemming, synonyms (pgb, Wmo) and typos', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t, { name: 'Kennisplatform Meedoen' });
    const council = await makeCouncil(t, { name: 'Adviesraad Zoekdorp' });
    const pgb = await makeArticle(t, national, { title: 'Het persoonsgebonden budget', summary: 'Zelf uw hulp inkopen.', body: 'De SVB betaalt de zorgverleners.' });
    await adopt(t, council, pgb);
    await makeArticle(t, council, { title: 'Ons keukentafelgesprek', summary: 'Zo gaat het gesprek bij ons.', body: 'De consulent komt langs.' });
    await makeArticle(t, council, { title: 'Wet maatschappelijke ondersteuning', summary: 'Wat de wet regelt.', body: 'Uitleg.' });
    await makeArticle(t, national, { title: 'Niet overgenomen pgb-tekst', summary: 'pgb', body: 'pgb' });
    const search = async (q: string) => (await get(t, `/${council.slug}/kennisbank?q=${encodeURIComponent(q)}`)).body;
    const byPgb = await search('pgb');
    assert.match(byPgb, /Het <mark>persoonsgebonden<\/mark> <mark>budget<\/mark>|Het persoonsgebonden budget/);
    assert.match(byPgb, /1 resultaten/);
    assert.match(byPgb, /Landelijk: Kennisplatform Meedoen/);
    assert.match(await search('keukentafelgesprekken'), /Ons keukentafelgesprek/, 'stemming');
    assert.match(await search('keukentafelgespek'), /Ons keukentafelgesprek/, 'a typo in a common word');
    const wmo = await search('Wmo');
    assert.match(wmo, /Wet maatschappelijke ondersteuning/);
    assert.match(wmo, /Van Adviesraad Zoekdorp/);
    assert.match(await search('fietsenstalling'), /We vonden geen artikelen met deze woorden/);
  });
});

test('"Stuur dit artikel door": a fixed-template mail to each address, no cookie, addresses not kept after sending', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t, { name: 'Adviesraad Doorstuur' });
    const article = await makeArticle(t, council, { title: 'Eigen bijdrage', summary: 'Wat u zelf betaalt.' });
    const form = await get(t, `/${council.slug}/kennisbank/${article.id}/doorsturen`);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['set-cookie'], undefined);
    const url = `/${council.slug}/kennisbank/${article.id}/doorsturen`;
    const res = await anonymousPost(t, url, { addresses: 'anna@test.example, bert@test.example', note: 'Dit gaat over jouw vraag.' }, { ip: '10.99.0.1' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers['set-cookie'], undefined);
    const [mail] = await mailsTo(t, 'anna@test.example');
    assert.equal(mail!.subject, 'Iemand stuurt u een artikel: Eigen bijdrage');
    assert.match(mail!.body, new RegExp(`Lees het hier: http[^\\s]+/${council.slug}/kennisbank/${article.id}`));
    assert.match(mail!.body, /De afzender schrijft erbij:\n“Dit gaat over jouw vraag\.”/);
    assert.equal((await mailsTo(t, 'bert@test.example')).length, 1);
    assert.match((await get(t, res.headers.location as string)).body, /De e-mail is verstuurd/);

    // Once sent, the mails leave the outbox, and with them the addresses.
    await t.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.toAddress, 'anna@test.example'));
    assert.equal(await sweepForwards(t.app.deps), 1);
    assert.equal((await mailsTo(t, 'anna@test.example')).length, 0);
  });
});

test('sending on refuses, with a Dutch message and without sending anything: six addresses, a link in the note, a note of 100 kB, a wrong address, an unknown or members-only article', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const article = await makeArticle(t, council);
    const handbook = await makeArticle(t, council, { visibility: 'members' });
    const url = `/${council.slug}/kennisbank/${article.id}/doorsturen`;
    const six = Array.from({ length: 6 }, (_, i) => `p${i}@test.example`).join(', ');
    const cases: [Record<string, string>, RegExp][] = [
      [{ addresses: six, note: '' }, /Vul hoogstens 5 e-mailadressen in/],
      [{ addresses: 'a@test.example', note: 'Kijk op www.voorbeeld.nl' }, /Links kunnen niet/],
      [{ addresses: 'a@test.example', note: 'x'.repeat(100_000) }, /hoogstens 500 tekens/],
      [{ addresses: 'geen-adres', note: '' }, /Een van de e-mailadressen klopt niet/],
      [{ addresses: '', note: '' }, /Vul minstens één e-mailadres in/],
    ];
    for (const [form, message] of cases) {
      const res = await anonymousPost(t, url, form, { ip: '10.99.1.1' });
      assert.equal(res.statusCode, 400, JSON.stringify(form).slice(0, 80));
      assert.match(res.body, message);
    }
    assert.equal((await t.db.select().from(outbox)).length, 0);
    assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/00000000-0000-4000-8000-000000000000/doorsturen`, { addresses: 'a@test.example', note: '' })).statusCode, 404);
    assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/${handbook.id}/doorsturen`, { addresses: 'a@test.example', note: '' })).statusCode, 404);
    assert.equal((await anonymousPost(t, url, { addresses: 'a@test.example', note: '' }, { ageMs: 500 })).statusCode, 400, 'too fast for a person');
    assert.equal((await t.db.select().from(outbox)).length, 0);
  });
});

test('sending on is rate-limited per receiving address (three a day) and per sender', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const articles = await Promise.all([1, 2, 3, 4].map((n) => makeArticle(t, council, { title: `Artikel ${n}` })));
    for (const [i, a] of articles.slice(0, 3).entries()) {
      assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/${a.id}/doorsturen`, { addresses: 'vaak@test.example', note: '' }, { ip: `10.98.0.${i + 1}` })).statusCode, 303);
    }
    const fourth = await anonymousPost(t, `/${council.slug}/kennisbank/${articles[3]!.id}/doorsturen`, { addresses: 'vaak@test.example', note: '' }, { ip: '10.98.0.9' });
    assert.equal(fourth.statusCode, 429);
    assert.match(fourth.body, /Probeer het later nog eens/);
    assert.equal((await mailsTo(t, 'vaak@test.example')).length, 3);
    // One sender: ten addresses an hour.
    const many = (from: number) => Array.from({ length: 5 }, (_, i) => `r${from + i}@test.example`).join(',');
    assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/${articles[0]!.id}/doorsturen`, { addresses: many(0), note: '' }, { ip: '10.97.0.1' })).statusCode, 303);
    assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/${articles[0]!.id}/doorsturen`, { addresses: many(5), note: '' }, { ip: '10.97.0.1' })).statusCode, 303);
    assert.equal((await anonymousPost(t, `/${council.slug}/kennisbank/${articles[0]!.id}/doorsturen`, { addresses: many(10), note: '' }, { ip: '10.97.0.1' })).statusCode, 429);
  });
});

test('news: the board publishes, the site lists it, the Atom feed carries it, and it can be sent on', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t, { name: 'Adviesraad Nieuwsstad' });
    const chair = await login(t, (await makeMember(t, council, 'chair')).user);
    const member = await login(t, (await makeMember(t, council, 'member')).user);
    assert.equal((await member.request({ url: `/${council.slug}/werkruimte/nieuws`, form: { title: 'X', summary: 'Y', body: 'Z' } })).statusCode, 403);
    const bad = await chair.request({ url: `/${council.slug}/werkruimte/nieuws`, form: { title: '', summary: 'Y', body: 'Z' } });
    assert.equal(bad.statusCode, 400);
    const res = await chair.request({
      url: `/${council.slug}/werkruimte/nieuws`,
      form: { title: 'Wij zoeken nieuwe leden & vrijwilligers', summary: 'Doe mee met de raad.', body: 'Meer **uitleg**.' },
    });
    assert.equal(res.statusCode, 303);
    const list = await get(t, `/${council.slug}/nieuws`);
    assert.match(list.body, /Wij zoeken nieuwe leden &amp; vrijwilligers/);
    const feed = await get(t, `/${council.slug}/nieuws/feed.atom`);
    assert.equal(feed.statusCode, 200);
    assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/);
    assert.match(feed.body, /<title[^>]*>Nieuws van Adviesraad Nieuwsstad<\/title>/);
    assert.match(feed.body, /Wij zoeken nieuwe leden &amp; vrijwilligers/);
    const item = await makeNews(t, council, { title: 'Tweede bericht' });
    assert.match((await get(t, `/${council.slug}/nieuws/${item.id}`)).body, /Stuur dit bericht door/);
    assert.equal((await anonymousPost(t, `/${council.slug}/nieuws/${item.id}/doorsturen`, { addresses: 'nieuws@test.example', note: '' })).statusCode, 303);
    assert.match((await mailsTo(t, 'nieuws@test.example'))[0]!.body, new RegExp(`/${council.slug}/nieuws/${item.id}`));
  });
});

test('the owner hears 30 days before the review date, once per date', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t);
    const { user } = await makeMember(t, national, 'secretary');
    const soon = await makeArticle(t, national, { title: 'Bijna toe aan controle', reviewBy: dayFromToday(20), ownerUserId: user.id });
    await makeArticle(t, national, { title: 'Nog lang goed', reviewBy: dayFromToday(200), ownerUserId: user.id });
    assert.equal(await sendReviewReminders(t.app.deps), 1);
    assert.equal(await sendReviewReminders(t.app.deps), 0, 'not twice');
    const [n] = await t.db.select().from(notices).where(eq(notices.userId, user.id));
    assert.equal(n!.kind, 'knowledge.reviewDue');
    assert.equal(n!.path, `/${national.slug}/werkruimte/kennisbank/${soon.id}`);
    assert.equal(n!.params.title, 'Bijna toe aan controle');
  });
});

test('API: public articles (own and adopted, with the local paragraph), one article, news; members-only articles never', async () => {
  await withApp(async (t) => {
    const national = await makeNational(t, { name: 'Kennisplatform Meedoen' });
    const council = await makeCouncil(t);
    const adopted = await makeArticle(t, national, { title: 'De eigen bijdrage' });
    await adopt(t, council, adopted, 'Bij ons betaalt u niets voor de regiotaxi.');
    await makeArticle(t, council, { title: 'Handboek', visibility: 'members' });
    await makeArticle(t, council, { title: 'Onze werkwijze' });
    await makeNews(t, council, { title: 'Nieuw bericht' });
    const list = await get(t, `/api/v1/raden/${council.slug}/kennisbank`);
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['api-version'], '1.0.0');
    const body = list.json() as { total: number; items: { id: string; title: string; source: string }[] };
    assert.deepEqual(body.items.map((i) => [i.title, i.source]).sort(), [
      ['De eigen bijdrage', 'national'],
      ['Onze werkwijze', 'own'],
    ]);
    const one = (await get(t, `/api/v1/raden/${council.slug}/kennisbank/${adopted.id}`)).json() as { localParagraph: string; sourceName: string };
    assert.equal(one.localParagraph, 'Bij ons betaalt u niets voor de regiotaxi.');
    assert.equal(one.sourceName, 'Kennisplatform Meedoen');
    const search = (await get(t, `/api/v1/raden/${council.slug}/kennisbank?zoek=bijdrage`)).json() as { total: number };
    assert.equal(search.total, 1);
    const unknown = await get(t, `/api/v1/raden/${council.slug}/kennisbank/00000000-0000-4000-8000-000000000000`);
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.headers['content-type'] as string, /application\/problem\+json/);
    const news = (await get(t, `/api/v1/raden/${council.slug}/nieuws`)).json() as { items: { title: string }[] };
    assert.deepEqual(
      news.items.map((n) => n.title),
      ['Nieuw bericht'],
    );
  });
});

test('the public list shows 50 articles a page, with page links', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    for (let i = 0; i < 55; i++) await makeArticle(t, council, { title: `Artikel ${String(i).padStart(2, '0')}` });
    const first = await get(t, `/${council.slug}/kennisbank`);
    assert.equal((first.body.match(/class="rw-card"/g) ?? []).length, 50);
    assert.match(first.body, /href="\/[^"]+\/kennisbank\?pagina=2" rel="next"/);
    const second = await get(t, `/${council.slug}/kennisbank?pagina=2`);
    assert.equal((second.body.match(/class="rw-card"/g) ?? []).length, 5);
    assert.match(second.body, /Artikel 54/);
    assert.equal((await get(t, `/${council.slug}/kennisbank?pagina=abc`)).statusCode, 200, 'a strange page number shows the first page');
  });
});
