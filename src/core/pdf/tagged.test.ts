/**
 * Tagged PDFs: structure in reading order, language, title, Noto Sans for names from anywhere,
 * and other PDFs' pages merged in without losing the tags. Read back with pdf.js and pdf-lib.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { TaggedPdf } from './tagged.ts';
import { mergeIntoTagged } from './merge.ts';
import { catalogOf, taggedText } from './pdf.test-helpers.ts';

const names = 'Şükrü Yılmaz, Władysław Łukasiewicz, Ørsted, Đorđević, Nguyễn, Ζωή, Ярослава and Zoë';

test('a tagged PDF: catalogue entries, structure in reading order, names from anywhere survive', async () => {
  const pdf = new TaggedPdf({ title: 'Advies 2026-004 Mantelzorg', author: 'Adviesraad' });
  pdf.heading(1, 'Onderwerp: mantelzorg');
  pdf.paragraph(`Wij spraken met ${names}.`);
  pdf.list([
    { label: '1.', body: [{ text: 'Eerste aanbeveling.' }] },
    { label: '2.', body: [{ text: 'Tweede aanbeveling,' }, { text: 'met een tweede alinea.', size: 10 }] },
  ]);
  pdf.paragraph('Dit is de laatste zin.');
  pdf.paragraph('Met vriendelijke groet,');
  const bytes = await pdf.end();

  const catalog = await catalogOf(bytes);
  assert.deepEqual(catalog, { marked: true, structTree: true, lang: 'nl-NL', displayDocTitle: true, title: 'Advies 2026-004 Mantelzorg', outline: false });
  const raw = Buffer.from(bytes).toString('latin1');
  assert.match(raw, /\/FontFile2/, 'the font is embedded');
  assert.match(raw, /NotoSans-Regular/);
  assert.doesNotMatch(raw, /\/BaseFont \/Helvetica/, 'no standard font that is not embedded');

  const tagged = await taggedText(bytes);
  assert.deepEqual(
    tagged.map((e) => [e.role, e.text]),
    [
      ['H1', 'Onderwerp: mantelzorg'],
      ['P', `Wij spraken met ${names}.`],
      ['Lbl', '1.'],
      ['P', 'Eerste aanbeveling.'],
      ['Lbl', '2.'],
      ['P', 'Tweede aanbeveling,'],
      ['P', 'met een tweede alinea.'],
      ['P', 'Dit is de laatste zin.'],
      ['P', 'Met vriendelijke groet,'],
    ],
  );
});

test('characters the font lacks print as "?" while /ActualText keeps them; a paragraph may cross a page', async () => {
  const pdf = new TaggedPdf({ title: 'Test' });
  pdf.paragraph('Naam: 王秀英 😀');
  pdf.paragraph('Lange alinea. '.repeat(700));
  pdf.paragraph('Het einde.');
  assert.ok(pdf.pageCount >= 2);
  const bytes = await pdf.end();
  const tagged = await taggedText(bytes);
  assert.equal(tagged[0]!.text, 'Naam: ??? ?');
  assert.match(Buffer.from(bytes).toString('latin1'), /\/ActualText/);
  assert.ok(!tagged.some((e) => e.role === '(untagged)'), 'every piece of text is in the structure');
  assert.equal(tagged.at(-1)!.text, 'Het einde.');
  assert.ok(tagged.filter((e) => e.role === 'P' && e.text.startsWith('Lange alinea')).length >= 2, 'one paragraph, on two pages');
});

async function plainPdf(lines: string[], tagged: boolean): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of lines) pdf.addPage([300, 300]).drawText(line, { x: 20, y: 200, size: 12, font });
  if (tagged) {
    for (const [i, p] of pdf.getPages().entries()) p.node.set(PDFName.of('StructParents'), pdf.context.obj(i));
  }
  return pdf;
}

test('merging other PDFs keeps the tags; an untagged page is read as a Div of its section', async () => {
  const pdf = new TaggedPdf({ title: 'Vergaderstukken' });
  pdf.heading(1, 'Vergaderstukken');
  pdf.section('Bijlage een', () => {});
  pdf.section('Bijlage twee', () => {});
  pdf.newPage();
  pdf.section('Notitie', () => pdf.paragraph('Een notitie van de secretaris.'));
  const { bytes, pages } = await mergeIntoTagged(
    await pdf.end(),
    [
      { at: 1, source: await plainPdf(['Bijlage een, pagina een.', 'Bijlage een, pagina twee.'], false), section: 0, tagged: false },
      { at: 3, source: await plainPdf(['Bijlage twee met eigen tags.'], true), section: 1, tagged: true },
    ],
    [
      { title: 'Agenda', page: 0 },
      { title: 'Bijlage een', page: 1 },
    ],
  );
  assert.equal(pages, 5);
  const catalog = await catalogOf(bytes);
  assert.ok(catalog.marked && catalog.structTree && catalog.outline && catalog.displayDocTitle);
  assert.equal(catalog.lang, 'nl-NL');
  const tagged = await taggedText(bytes);
  assert.deepEqual(
    tagged.map((e) => [e.page, e.role, e.text]),
    [
      [1, 'H1', 'Vergaderstukken'],
      [2, 'Div', 'Bijlage een, pagina een.'],
      [3, 'Div', 'Bijlage een, pagina twee.'],
      [4, '(untagged)', 'Bijlage twee met eigen tags.'],
      [5, 'P', 'Een notitie van de secretaris.'],
    ],
  );
  const merged = await PDFDocument.load(bytes);
  assert.equal(merged.getPage(3).node.get(PDFName.of('StructParents')), undefined, "a copied page's own tag numbers are removed");
});
