import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { attachmentDisposition, safeFileName, sniffDocument } from './sniff.ts';
import { makeDocx, makeOdt, makePdf } from './samples.ts';
import { assertEach } from '../../../test/support/unit.ts';

test('real PDF, Word and OpenDocument files are recognised by their content', async () => {
  assert.equal(sniffDocument(await makePdf(['Hallo']))?.kind, 'pdf');
  assert.equal(sniffDocument(makeDocx(['Hallo']))?.kind, 'docx');
  assert.equal(sniffDocument(makeOdt(['Hallo']))?.kind, 'odt');
  assert.equal(sniffDocument(makeOdt(['Hallo'], 'application/vnd.oasis.opendocument.spreadsheet'))?.kind, 'ods');
  assert.equal(sniffDocument(makeOdt(['Hallo'], 'application/vnd.oasis.opendocument.presentation'))?.kind, 'odp');
});

test('executables, archives and web pages are refused whatever they are called', () => {
  const refused: [string, Buffer][] = [
    ['Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['ELF binary', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200)])],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['zip without a document', Buffer.from(zipSync({ 'readme.txt': strToU8('hallo') }))],
    ['jar with a fake content types file', Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'META-INF/MANIFEST.MF': strToU8('x') }))],
    ['ODF with an unknown media type', makeOdt(['x'], 'application/x-evil')],
    ['ODF media type without content', Buffer.from(zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }] }))],
    ['truncated zip header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])],
    ['broken zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 0xff)])],
    ['old Word file (not for documents)', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex')],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of refused) assert.equal(sniffDocument(bytes), null, what);
  // The advice module still takes old binary Word files.
  assert.equal(sniffDocument(Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), { legacyWord: true })?.kind, 'doc');
});

test('file names are made safe for display and download headers', () => {
  assertEach(safeFileName, [
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['rapport\u0000.pdf', 'rapport_.pdf'],
    ['..', 'document'],
    ['a"b<c>.pdf', 'a_b_c_.pdf'],
  ]);
  assert.equal(safeFileName('x'.repeat(300)).length, 200);
  assert.equal(attachmentDisposition('Beleid “2026” één.pdf'), `attachment; filename="Beleid _2026_ __n.pdf"; filename*=UTF-8''Beleid%20%E2%80%9C2026%E2%80%9D%20%C3%A9%C3%A9n.pdf`);
});
