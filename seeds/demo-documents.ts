/**
 * Demo documents of Lindewijk: real PDFs (pdf-lib) and a Word file, public, members-only and
 * closed, one with two versions, in two folders of which one is linked to an advice. Their text is
 * extracted by the background worker right after start, as for any upload.
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../src/core/db/index.ts';
import type { FileStore } from '../src/core/files/store.ts';
import { files } from '../src/core/files/files.schema.ts';
import { sniffDocument } from '../src/core/files/sniff.ts';
import type { Council } from '../src/core/organisations.schema.ts';
import { advices } from '../src/modules/advice/advice.schema.ts';
import { documentFolders, documentVersions, documents, dossierAdvices, type AccessLevel } from '../src/modules/documents/documents.schema.ts';
import { makeDocx, makePdf, pageText } from '../src/core/files/samples.ts';

type People = Map<string, { userId: string; membershipId: string }>;

export async function seedDemoDocuments(tx: Tx, council: Council, people: People, isMain: boolean, store: FileStore) {
  if (!isMain) return;
  const secretary = people.get('secretaris@adviesraad-lindewijk.example')?.userId ?? null;

  const [transport] = await tx
    .insert(documentFolders)
    .values({ councilId: council.id, name: 'Vervoer en mobiliteit', description: 'Stukken over Wmo-vervoer, de regiotaxi en toegankelijk openbaar vervoer.' })
    .returning();
  const [budget] = await tx.insert(documentFolders).values({ councilId: council.id, name: 'Begroting sociaal domein', description: 'De begroting en de keuzes van het college.' }).returning();
  const [advice] = await tx.select({ id: advices.id }).from(advices).where(eq(advices.councilId, council.id)).orderBy(asc(advices.createdAt)).limit(1);
  if (advice) await tx.insert(dossierAdvices).values({ councilId: council.id, folderId: transport!.id, adviceId: advice.id });

  const policyPages = (n: number) => Array.from({ length: n }, (_, i) => pageText(i + 1, 8));
  const items: { title: string; description: string; access: AccessLevel; folderId: string | null; versions: { fileName: string; bytes: Buffer }[] }[] = [
    {
      title: 'Beleidsplan sociaal domein 2027-2030',
      description: 'Het beleidsplan van de gemeente, met de reactie van de raad in de kantlijn.',
      access: 'public',
      folderId: null,
      versions: [
        { fileName: 'Beleidsplan sociaal domein 2027-2030 (concept).pdf', bytes: await makePdf(policyPages(8), 'Beleidsplan sociaal domein (concept)') },
        { fileName: 'Beleidsplan sociaal domein 2027-2030.pdf', bytes: await makePdf(policyPages(12), 'Beleidsplan sociaal domein') },
      ],
    },
    {
      title: 'Uitkomsten cliëntervaringsonderzoek Wmo 2025',
      description: 'Hoe inwoners de ondersteuning van de gemeente ervaren.',
      access: 'public',
      folderId: null,
      versions: [
        {
          fileName: 'Cliëntervaringsonderzoek Wmo 2025.docx',
          bytes: makeDocx([
            'Cliëntervaringsonderzoek Wmo 2025',
            'Acht op de tien inwoners zijn tevreden over de huishoudelijke hulp.',
            'Inwoners vinden de wachttijd voor een keukentafelgesprek te lang.',
            'Mantelzorgers vragen om meer respijtzorg in de eigen wijk.',
          ]),
        },
      ],
    },
    {
      title: 'Notitie vervoer op maat',
      description: 'Werknotitie van de werkgroep Wmo over de regiotaxi.',
      access: 'members',
      folderId: transport!.id,
      versions: [
        {
          fileName: 'Notitie vervoer op maat.pdf',
          bytes: await makePdf([
            'De regiotaxi komt vaak te laat. Inwoners met een rolstoel wachten soms een uur.',
            'De werkgroep stelt voor om de klachten per kwartaal op te vragen bij de vervoerder.',
            'Vraag aan de wethouder: hoe houdt de gemeente toezicht op de vervoerder?',
          ]),
        },
      ],
    },
    {
      title: 'Vertrouwelijke notitie bezuinigingen',
      description: 'Alleen voor voorzitter en secretaris, tot het college besluit.',
      access: 'closed',
      folderId: budget!.id,
      versions: [
        {
          fileName: 'Vertrouwelijk - bezuinigingen.pdf',
          bytes: await makePdf(['Het college overweegt de eigen bijdrage te verhogen.', 'Dit is nog niet openbaar.']),
        },
      ],
    },
  ];

  for (const item of items) {
    const [doc] = await tx
      .insert(documents)
      .values({
        councilId: council.id,
        title: item.title,
        description: item.description,
        access: item.access,
        folderId: item.folderId,
        currentVersion: item.versions.length,
        createdBy: secretary,
      })
      .returning();
    let version = 0;
    for (const v of item.versions) {
      const mimeType = sniffDocument(v.bytes)!.mimeType;
      const hash = await store.put(v.bytes);
      await tx.insert(files).values({ hash, contentType: mimeType, size: v.bytes.length }).onConflictDoNothing();
      await tx.insert(documentVersions).values({
        councilId: council.id,
        documentId: doc!.id,
        version: ++version,
        fileHash: hash,
        fileName: v.fileName,
        mimeType,
        sizeBytes: v.bytes.length,
        uploadedBy: secretary,
      });
    }
  }
}
