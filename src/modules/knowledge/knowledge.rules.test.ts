import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctWord, defaultReviewBy, editDistance, forwardAddresses, isOverdue, noteHasLink, reminderDue, searchAlternatives } from './knowledge.rules.ts';
import { byteRange, sniffVideo } from './knowledge.video.ts';
import { demoVideoBytes } from '../../../seeds/demo-video.ts';
import { assertEach } from '../../../test/support/unit.ts';

test('the review date defaults to twelve months on, the last day of the month when the day does not exist', () => {
  assert.equal(defaultReviewBy('2026-12-06'), '2027-12-06');
  assert.equal(defaultReviewBy('2028-02-29'), '2029-02-28');
});

test('an article is overdue the day after its review date; the reminder goes 30 days ahead, once per date', () => {
  assert.equal(isOverdue('2026-12-06', '2026-12-06'), false);
  assert.equal(isOverdue('2026-12-06', '2026-12-07'), true);
  assert.equal(reminderDue('2027-01-10', null, '2026-12-10'), false);
  assert.equal(reminderDue('2027-01-10', null, '2026-12-11'), true);
  assert.equal(reminderDue('2027-01-10', '2027-01-10', '2026-12-20'), false);
  assert.equal(reminderDue('2027-01-10', '2026-01-10', '2026-12-20'), true, 'a new review date gets its own reminder');
});

test('typos in common words are corrected; short and unknown words stay', () => {
  assert.equal(editDistance('keukentafelgesprek', 'keukentafelgesprek'), 0);
  assertEach(correctWord, [
    ['keukentafelgespek', 'keukentafelgesprek'],
    ['mantelzrog', 'mantelzorg'],
    ['compensatieplight', 'compensatieplicht'],
    ['clientondersteuning', 'cliëntondersteuning'],
    ['fiets', 'fiets'],
    ['pbg', 'pbg'],
  ]);
});

test('synonyms: pgb finds persoonsgebonden budget and back; Wmo finds the full name', () => {
  assert.deepEqual(searchAlternatives('pgb aanvragen'), ['pgb aanvragen', 'persoonsgebonden budget aanvragen']);
  assert.deepEqual(searchAlternatives('Persoonsgebonden budget'), ['persoonsgebonden budget', 'pgb']);
  assert.ok(searchAlternatives('wat is de Wmo').includes('wat is de wet maatschappelijke ondersteuning'));
  assert.deepEqual(searchAlternatives('  '), []);
});

test('addresses: split on commas, spaces and lines, each once', () => {
  assert.deepEqual(forwardAddresses('a@x.nl, b@x.nl;a@x.nl\nc@x.nl'), ['a@x.nl', 'b@x.nl', 'c@x.nl']);
});

test('a note with a web address, a domain or an e-mail address has a link', () => {
  for (const note of ['kijk op https://x.example', 'zie www.voorbeeld.nl', 'ga naar voorbeeld.nl nu', 'mail mij op a@b.c', 'bit.ly/abc']) assert.equal(noteHasLink(note), true, note);
  assert.equal(noteHasLink('Dit gaat over jouw pgb. Groet, Anna.'), false);
});

test('a video is known by its bytes: WebM (EBML with DocType webm) and MP4 (ftyp with a known brand); other files are not', () => {
  assert.equal(sniffVideo(demoVideoBytes()), 'video/webm');
  const box = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(12)]);
  assert.equal(sniffVideo(box('isom')), 'video/mp4');
  assert.equal(sniffVideo(box('mp42')), 'video/mp4');
  assert.equal(sniffVideo(box('qt  ')), null, 'QuickTime does not play everywhere');
  assert.equal(sniffVideo(box('heic')), null, 'an image');
  const matroska = Buffer.from(demoVideoBytes().toString('latin1').replace('webm', 'mkvx'), 'latin1');
  assert.equal(sniffVideo(matroska), null);
  assert.equal(sniffVideo(Buffer.from('%PDF-1.7 but named film.webm')), null);
});

test('a Range header asks for one part of a file; several ranges or another unit send it whole', () => {
  assert.deepEqual(byteRange('bytes=0-1', 100), { start: 0, end: 1 });
  assert.deepEqual(byteRange('bytes=90-', 100), { start: 90, end: 99 });
  assert.deepEqual(byteRange('bytes=50-500', 100), { start: 50, end: 99 });
  assert.deepEqual(byteRange('bytes=-10', 100), { start: 90, end: 99 });
  assert.equal(byteRange('bytes=100-', 100), 'unsatisfiable');
  assert.equal(byteRange('bytes=5-1', 100), 'unsatisfiable');
  assert.equal(byteRange('bytes=0-1,5-6', 100), null);
  assert.equal(byteRange('items=0-1', 100), null);
  assert.equal(byteRange(undefined, 100), null);
});
