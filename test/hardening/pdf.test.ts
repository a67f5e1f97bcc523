/**
 * Issue 17, item 11: the PDF line wrapping is linear for over-long words. The letter form allows
 * 20,000 characters; one word of 5,000 characters used to block the server for half a minute,
 * because each try to fit the word measured it again, one character shorter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLongWords, TaggedPdf } from '../../src/core/pdf/tagged.ts';
import { taggedText } from '../../src/core/pdf/pdf.test-helpers.ts';

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
