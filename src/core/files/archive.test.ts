import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARCHIVE_LIMITS, ArchiveError, checkArchive } from './archive.ts';
import { docxBomb, odtBomb, zip } from './hostile.test-helpers.ts';
import { makeDocx, makeOdt } from './samples.ts';

const refused = (bytes: Buffer, code: 'too_large' | 'damaged', message: RegExp, limits = ARCHIVE_LIMITS) =>
  assert.throws(
    () => checkArchive(bytes, limits),
    (err) => err instanceof ArchiveError && err.code === code && message.test(err.message),
  );

test('ordinary .docx and .odt pass the archive check', () => {
  assert.equal(checkArchive(makeDocx(['Een alinea.', 'Nog een.'])).entries > 1, true);
  assert.equal(checkArchive(makeOdt(['Een alinea.'])).entries > 1, true);
});

test('zip bombs dressed as .docx and .odt are refused before anything is inflated in full', () => {
  // 20 MB of repeated paragraphs in about 20 KB: the ratio gives it away.
  refused(docxBomb(20), 'too_large', /word\/document\.xml: ratio \d+/);
  refused(odtBomb(20), 'too_large', /content\.xml: ratio/);
  // A member that declares 1 KB but inflates to 20 MB stops at 1 KB.
  refused(docxBomb(20, { lie: true }), 'too_large', /larger than declared/);
  // Declared sizes over the limits: refused from the directory alone.
  refused(zip([{ name: 'word/document.xml', data: Buffer.from('x'), declare: 300 * 1024 * 1024 }]), 'too_large', /314572800 bytes/);
  const many = Array.from({ length: 3 }, (_, i) => ({ name: `part${i}.xml`, data: Buffer.from(`deel ${i} `.repeat(100)) }));
  refused(zip(many), 'too_large', /in total/, { ...ARCHIVE_LIMITS, maxTotalBytes: 2_000 });
  refused(zip(many), 'too_large', /3 entries/, { ...ARCHIVE_LIMITS, maxEntries: 2 });
});

test('archives that are not ZIPs or are cut off are refused as damaged', () => {
  refused(Buffer.from('geen zip'), 'damaged', /end of central directory/);
  const good = makeDocx(['Een alinea.']);
  refused(Buffer.concat([good.subarray(0, 40), good.subarray(good.length - 22)]), 'damaged', /./);
});
