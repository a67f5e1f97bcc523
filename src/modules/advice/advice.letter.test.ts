/**
 * The advice letter as a PDF: tagged (structure, reading order, language, title), Noto Sans for
 * names from anywhere, the closing as its own paragraph, the logo with its text alternative; and
 * the sent advice's mail, which carries the signed letter as a PDF attachment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { catalogOf, keepForReview, taggedText } from '../../core/pdf/pdf.test-helpers.ts';
import { useTestApp, get, makeAdvice, makeCouncil, mailsTo, person, postMultipart } from './advice.test-helpers.ts';

const t = useTestApp();

/** A valid PNG of w x h pixels in one colour (pdfkit reads PNGs strictly). */
function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

test('the PDF letter is tagged, carries the logo with its text alternative, and prints names from anywhere', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary', 'Władysław Łukasiewicz');
  await person(t, c, 'chair', 'Şükrü Yılmaz');
  // The logo is uploaded on the settings page, as the secretary would.
  const logo = await postMultipart(
    t,
    secretary,
    `/${c.slug}/werkruimte/instellingen/logo`,
    { logoAlt: 'Logo van de adviesraad' },
    { name: 'logo', filename: 'logo.png', type: 'image/png', bytes: png(120, 40, [0, 80, 160]) },
  );
  assert.equal(logo.statusCode, 303, logo.body.slice(0, 300));
  const a = await makeAdvice(
    t,
    c,
    {
      status: 'adopted',
      subject: 'Cliëntenraad en €-bijdrage 😀 ŋ',
      introduction: `Één inleiding.\n\nTweede alinea met een heel lang woord: ${'x'.repeat(400)}`,
      explanation: 'Wij spraken met mevrouw Öztürk-Łapińska. Dit is de laatste zin.',
    },
    ['Aanbeveling met “aanhalingstekens” en ✓ vinkje.', 'Betrek Ayşe en Bogusław bij de uitvoering.'],
  );
  const pdf = await get(t, `/${c.slug}/werkruimte/adviezen/${a.id}/brief.pdf`, secretary);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  keepForReview('letter.pdf', pdf.rawPayload);

  const catalog = await catalogOf(pdf.rawPayload);
  assert.deepEqual(catalog, {
    marked: true,
    structTree: true,
    lang: 'nl-NL',
    displayDocTitle: true,
    title: `${a.reference} Cliëntenraad en €-bijdrage 😀 ŋ`,
    outline: false,
  });
  const raw = pdf.rawPayload.toString('latin1');
  assert.ok(/\/Subtype\s*\/Image/.test(raw), 'the logo is embedded');
  assert.ok(/\/S \/Figure\s*\/Alt \(Logo van de adviesraad\)/.test(raw), 'the logo is a Figure with its text alternative');

  // Read as a screen reader does: in reading order, element by element.
  const tagged = await taggedText(pdf.rawPayload);
  const all = tagged.map((e) => e.text).join('\n');
  for (const s of [a.reference, 'Şükrü Yılmaz', 'Władysław Łukasiewicz', 'Öztürk-Łapińska', 'Ayşe en Bogusław', '“aanhalingstekens” en ? vinkje']) assert.ok(all.includes(s), s);
  assert.deepEqual(
    tagged.filter((e) => e.role === '(untagged)'),
    [],
    'no text outside the structure',
  );
  // The subject is the one first-level heading; the recommendations a numbered list.
  assert.deepEqual(
    tagged.filter((e) => e.role === 'H1').map((e) => e.text),
    ['Onderwerp: Cliëntenraad en €-bijdrage ? ŋ'],
  );
  assert.deepEqual(
    tagged.filter((e) => e.role === 'Lbl').map((e) => e.text),
    ['1.', '2.'],
  );
  // The closing is a paragraph of its own, after the last sentence, followed by the signatures.
  const closing = tagged.findIndex((e) => e.text === 'Met vriendelijke groet,');
  assert.ok(closing > 0, 'the closing is a paragraph of its own');
  assert.equal(tagged[closing]!.role, 'P');
  assert.deepEqual(
    tagged.slice(closing - 2, closing).map((e) => e.text),
    ['Wij spraken met mevrouw Öztürk-Łapińska. Dit is de laatste zin.', 'Wij horen graag per aanbeveling of u deze overneemt. Neemt u een aanbeveling niet over, laat ons dan weten waarom.'],
  );
  assert.deepEqual(
    tagged.slice(closing + 1).map((e) => e.text),
    ['Şükrü Yılmaz', 'Voorzitter', 'Władysław Łukasiewicz', 'Secretaris'],
  );

  // The HTML letter in English keeps the Dutch content, with English labels.
  const en = await secretary.request({ url: `/${c.slug}/werkruimte/adviezen/${a.id}/brief`, headers: { cookie: `${secretary.cookie}; rw_taal=en` } });
  assert.equal(en.statusCode, 200);
  assert.match(en.body, /Our recommendations/);
});

test('sending the advice mails the letter as text and HTML in the body and as a signed, tagged PDF attachment', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary', 'Ewa Łącka');
  await person(t, c, 'chair', 'Ayşe Kaya');
  const a = await makeAdvice(t, c, { status: 'adopted', subject: 'Vervoer op maat', addresseeEmail: 'college@lindewijk.example' }, ['Maak de ritten betrouwbaar.']);
  const sent = await secretary.request({ url: `/${c.slug}/werkruimte/adviezen/${a.id}/versturen`, form: {} });
  assert.equal(sent.statusCode, 303);

  const [mail] = await mailsTo(t, 'college@lindewijk.example');
  assert.ok(mail, 'the college gets the advice');
  assert.match(mail.body, /1\. Maak de ritten betrouwbaar\./);
  assert.match(mail.body, /laat ons dan weten waarom\.\n\nMet vriendelijke groet,\n\nAyşe Kaya, voorzitter\n/);
  // The HTML version of the same letter, for mail programs that show HTML (issue 9, part 13).
  assert.ok(mail.html?.startsWith('<!DOCTYPE html><html lang="nl">'), 'an HTML part');
  assert.ok(mail.html!.includes('<li value="1">Maak de ritten betrouwbaar.</li>'), 'the recommendations as a list');
  assert.ok(mail.html!.includes('<p>Met vriendelijke groet,</p>') && mail.html!.includes('<strong>Ayşe Kaya</strong>'), 'closing and signature');
  assert.ok(!mail.html!.includes('<script') && !mail.html!.includes('<img'), 'no script, no outside image');
  assert.equal(mail.attachments.length, 1);
  const [attached] = mail.attachments;
  assert.deepEqual([attached!.filename, attached!.contentType, attached!.encoding], [`advies-${a.reference}.pdf`, 'application/pdf', 'base64']);
  const bytes = Buffer.from(attached!.content, 'base64');
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  keepForReview('letter-sent.pdf', bytes);
  const catalog = await catalogOf(bytes);
  assert.ok(catalog.marked && catalog.structTree && catalog.displayDocTitle, 'a tagged PDF');
  const tagged = await taggedText(bytes);
  const texts = tagged.map((e) => e.text);
  for (const s of ['Maak de ritten betrouwbaar.', 'Met vriendelijke groet,', 'Ayşe Kaya', 'Ewa Łącka']) assert.ok(texts.includes(s), s);
  // The letter in the attachment is dated the day it was sent.
  assert.ok(texts.some((s) => /^Datum: \d{1,2} \p{L}+ \d{4}$/u.test(s)));
});
