/**
 * Issue 17, item 11: the PDF line wrapping is linear for over-long words. The letter form allows
 * 20,000 characters; one word of 5,000 characters used to block the server for half a minute,
 * because each try to fit the word measured it again, one character shorter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLongWords, TaggedPdf } from '../../src/core/pdf/tagged.ts';
import { catalogOf, taggedText } from '../../src/core/pdf/pdf.test-helpers.ts';
import { letterPdf, type LetterModel } from '../../src/modules/advice/advice.letter.ts';

/** Renders paragraphs and counts how many characters the layout measured in all. */
async function measured(paragraphs: string[]): Promise<{ chars: number; bytes: Uint8Array }> {
  const pdf = new TaggedPdf({ title: 'Proef' });
  const doc = pdf.doc as unknown as { widthOfString(s: string, o?: unknown): number };
  const real = doc.widthOfString.bind(doc);
  let chars = 0;
  doc.widthOfString = (s: string, o?: unknown) => {
    chars += s.length;
    return real(s, o);
  };
  for (const p of paragraphs) pdf.paragraph(p);
  return { chars, bytes: await pdf.end() };
}

test('a 5,000-character word is laid out with work in proportion to its length, and printed whole (issue 17, item 11)', async () => {
  const word = 'Participatiewetuitvoeringsregels'.repeat(157).slice(0, 5000);
  const long = await measured([`Inleiding ${word} slot.`]);
  // Quadratic shortening measures about n²/2 = 12.5 million characters; linear work stays near n (about 1.4 n here).
  assert.ok(long.chars < 5 * word.length, `${long.chars} characters measured for a word of ${word.length}`);
  // Twice as long: about twice the work.
  const longer = await measured([`Inleiding ${word}${word} slot.`]);
  assert.ok(longer.chars < 2.5 * long.chars, `${longer.chars} against ${long.chars}`);
  // Nothing lost: every character is in the text, in order, across the lines.
  const text = (await taggedText(long.bytes))
    .map((e) => e.text)
    .join('')
    .replace(/\s/g, '');
  assert.ok(text.includes(word), 'the word is printed whole');
});

test('words that fit are not cut; an over-long word is cut into pieces that each fit the line (issue 17, item 11)', () => {
  const measure = (s: string) => s.length * 5;
  assert.equal(breakLongWords('kort en goed', 100, measure), 'kort en goed');
  const cut = breakLongWords(`begin ${'x'.repeat(95)} eind`, 100, measure);
  const pieces = cut.split(/\s/).filter((p) => p.startsWith('x'));
  assert.ok(pieces.length === 5, pieces.join('|'));
  for (const p of pieces) assert.ok(measure(p) <= 97, p);
  assert.equal(pieces.join(''), 'x'.repeat(95));
});

const letter: LetterModel = {
  kind: 'advice',
  council: 'Adviesraad Sociaal Domein Lindewijk',
  advises: 'het college',
  postalAddress: 'Postbus 12, 1234 AB Lindewijk',
  logoAlt: '',
  date: '6 december 2026',
  reference: 'A-2026-0042',
  addressee: 'Het college van burgemeester en wethouders',
  subject: 'Vervoer op maat',
  salutation: 'Geacht college,',
  opening: [`Wij adviseren u over het vervoer. ${'Doelgroepenvervoer'.repeat(300)} Einde.`],
  recommendationsTitle: 'Onze aanbevelingen',
  recommendations: [{ number: 1, text: 'Maak de ritten betrouwbaar.' }],
  explanationTitle: 'Toelichting',
  explanation: ['Wij spraken met twintig reizigers.'],
  answerRequest: 'Wij horen graag per aanbeveling of u deze overneemt.',
  closing: 'Met vriendelijke groet,',
  signatures: [{ name: 'Ayşe Kaya', role: 'Voorzitter' }],
  labels: { date: 'Datum', reference: 'Kenmerk', subject: 'Onderwerp' },
};

test('the advice letter is laid out as a letter in a sandboxed worker thread, tagged, and reads back in order; a failed layout is a clear refusal (issue 17, item 2)', async () => {
  const bytes = await letterPdf(letter, null);
  assert.deepEqual(await catalogOf(bytes), { marked: true, structTree: true, lang: 'nl-NL', displayDocTitle: true, title: 'A-2026-0042 Vervoer op maat', outline: false });
  const tagged = await taggedText(bytes);
  assert.deepEqual(
    tagged.filter((e) => e.role === '(untagged)'),
    [],
    'no text outside the structure',
  );
  const order = [
    'Adviesraad Sociaal Domein Lindewijk',
    'Postbus 12, 1234 AB Lindewijk',
    'Het college van burgemeester en wethouders',
    'Datum: 6 december 2026',
    'Kenmerk: A-2026-0042',
    'Onderwerp: Vervoer op maat',
    'Geacht college,',
    'Maak de ritten betrouwbaar.',
    'Met vriendelijke groet,',
    'Ayşe Kaya',
    'Voorzitter',
  ];
  const texts = tagged.map((e) => e.text);
  const at = order.map((s) => texts.indexOf(s));
  assert.ok(
    at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!)),
    `letterhead, addressee, date, reference, subject, body and signature in reading order: ${at.join(',')}`,
  );
  assert.ok(texts.join('').replace(/\s/g, '').includes('Doelgroepenvervoer'.repeat(300)), 'the long word is printed whole');
  // A layout that does not finish within its limits ends the worker, not the server.
  await assert.rejects(letterPdf(letter, null, { timeoutMs: 1, maxMemoryMb: 64 }), (err: Error & { code?: string }) => err.code === 'letterFailed');
});
