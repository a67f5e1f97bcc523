/**
 * Puts pages of other PDFs (documents members uploaded) into a tagged PDF made with TaggedPdf,
 * keeping the tagged document's catalogue: structure tree, MarkInfo, language, title display.
 *
 * pdf-lib copies pages, not structure. So a copied page's own tags cannot come along; its stale
 * /StructParents numbers are removed (they would point into our tree). An untagged source page
 * gets one marked-content sequence around its whole content, hooked to a Div in the Sect that
 * TaggedPdf wrote for that document: assistive technology then reads the page's text in content
 * order instead of skipping it. A page of a tagged source is left unmarked: wrapping it would
 * nest its own marked content inside ours. See docs/decisions/0017-accessible-pdf.md.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef, type PDFPage } from 'pdf-lib';

/**
 * Pages of `source` to put before page index `at` (0-based, in the result), under the
 * `section`-th Sect of the document; `tagged` says whether the original file had tags.
 */
export type Insert = { at: number; source: PDFDocument; section: number; tagged: boolean };
/** A bookmark: its text and the page (0-based, in the result) it opens. */
export type Bookmark = { title: string; page: number };

const name = (n: string) => PDFName.of(n);

/** True when the PDF says it is tagged (a structure tree, or MarkInfo /Marked true). */
export function isTagged(pdf: PDFDocument): boolean {
  const catalog = pdf.catalog;
  if (catalog.get(name('StructTreeRoot'))) return true;
  const mark = catalog.lookupMaybe(name('MarkInfo'), PDFDict);
  return mark?.get(name('Marked'))?.toString() === 'true';
}

function structRoot(pdf: PDFDocument) {
  const root = pdf.catalog.lookup(name('StructTreeRoot'), PDFDict);
  const tree = root.lookup(name('ParentTree'), PDFDict);
  const nums = tree.lookup(name('Nums'), PDFArray);
  // The root of a number tree has no /Limits (ISO 32000-1, 7.9.7); keys are appended below.
  tree.delete(name('Limits'));
  const docRef = root.lookup(name('K'), PDFArray).get(0) as PDFRef;
  return { root, nums, docRef, doc: pdf.context.lookup(docRef, PDFDict) };
}

/** Wraps the page's content in `/Div <</MCID 0>> BDC q ... Q EMC`. */
function markWholePage(pdf: PDFDocument, page: PDFPage): void {
  const open = pdf.context.flateStream('/Div <</MCID 0>> BDC q\n');
  const close = pdf.context.flateStream('\nQ EMC\n');
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [page.node.get(name('Contents'))!] : [];
  page.node.set(name('Contents'), pdf.context.obj([pdf.context.register(open), ...refs, pdf.context.register(close)]));
}

function dropStructParents(page: PDFPage): void {
  page.node.delete(name('StructParents'));
  const annots = page.node.Annots();
  for (const a of annots?.asArray() ?? []) {
    const dict = page.doc.context.lookupMaybe(a, PDFDict);
    dict?.delete(name('StructParent'));
  }
}

function addOutline(pdf: PDFDocument, marks: Bookmark[]): void {
  if (!marks.length) return;
  const ctx = pdf.context;
  const pages = pdf.getPages();
  const outlinesRef = ctx.nextRef();
  const refs = marks.map(() => ctx.nextRef());
  marks.forEach((m, i) => {
    const item = ctx.obj({ Title: PDFHexString.fromText(m.title), Parent: outlinesRef, Dest: [pages[m.page]!.ref, 'Fit'] });
    if (i > 0) item.set(name('Prev'), refs[i - 1]!);
    if (i < marks.length - 1) item.set(name('Next'), refs[i + 1]!);
    ctx.assign(refs[i]!, item);
  });
  ctx.assign(outlinesRef, ctx.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: marks.length }));
  pdf.catalog.set(name('Outlines'), outlinesRef);
}

/**
 * The tagged PDF with the inserts' pages in place, and bookmarks. Inserts are applied in the
 * order given, so `at` counts pages of earlier inserts too.
 */
export async function mergeIntoTagged(tagged: Uint8Array, inserts: Insert[], bookmarks: Bookmark[] = []): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(tagged, { updateMetadata: false });
  const tree = structRoot(pdf);
  const sects = tree.doc
    .lookup(name('K'), PDFArray)
    .asArray()
    .filter((r) => pdf.context.lookup(r, PDFDict).get(name('S'))?.toString() === '/Sect');
  let nextKey = (tree.root.lookup(name('ParentTreeNextKey'), PDFNumber) as PDFNumber).asNumber();
  for (const ins of inserts) {
    const sectRef = sects[ins.section] as PDFRef | undefined;
    const sect = sectRef ? pdf.context.lookup(sectRef, PDFDict) : undefined;
    const wrap = sect !== undefined && !ins.tagged;
    const kids = sect?.lookupMaybe(name('K'), PDFArray) ?? pdf.context.obj([]);
    const copied = await pdf.copyPages(ins.source, ins.source.getPageIndices());
    copied.forEach((page, i) => {
      pdf.insertPage(ins.at + i, page);
      dropStructParents(page);
      if (!wrap) return;
      markWholePage(pdf, page);
      const div = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'Div', P: sectRef!, Pg: page.ref, K: 0 }));
      kids.push(div);
      page.node.set(name('StructParents'), PDFNumber.of(nextKey));
      tree.nums.push(PDFNumber.of(nextKey));
      tree.nums.push(pdf.context.obj([div]));
      nextKey++;
    });
    if (wrap) sect!.set(name('K'), kids);
  }
  tree.root.set(name('ParentTreeNextKey'), PDFNumber.of(nextKey));
  addOutline(pdf, bookmarks);
  if (bookmarks.length) pdf.catalog.set(name('PageMode'), name('UseOutlines'));
  return { bytes: await pdf.save(), pages: pdf.getPageCount() };
}
