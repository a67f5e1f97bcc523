import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { accessLevels, shareLevels } from './documents.schema.ts';

/** One schema per input; messages are catalogue keys. */

/** An empty select means "no folder". */
const optionalFolder = z
  .string({ error: 'error.invalid' })
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || field.uuid().safeParse(v).success, 'documents.error.folder');

/** The fields sent with a new document; the title may be left empty (the file name is used). */
export const documentSchema = z.object({
  title: field.optionalText(200),
  description: field.optionalText(2000),
  access: field.choice(accessLevels),
  folderId: optionalFolder,
});
export type DocumentInput = z.infer<typeof documentSchema>;

/** The same fields on the document page; there the title is required. */
export const settingsSchema = documentSchema.extend({ title: field.text(200) });
export type SettingsInput = z.infer<typeof settingsSchema>;

export const shareSchema = z.object({
  councilId: field.uuid(),
  level: field.choice(shareLevels),
});
export type ShareInput = z.infer<typeof shareSchema>;

export const folderSchema = z.object({
  name: field.text(120),
  description: field.optionalText(2000),
});
export type FolderInput = z.infer<typeof folderSchema>;

/** Linking a folder to one record of another module: one id field, named after it. */
const linkSchema = <K extends string>(name: K) => z.object({ [name]: field.uuid() } as Record<K, ReturnType<typeof field.uuid>>);

/** What a folder links to on its page: the address segment, the id field (form and path) and the notices. */
export const folderLinkForms = {
  advice: { segment: 'adviezen', field: 'adviceId', schema: linkSchema('adviceId'), linked: 'gekoppeld', unlinked: 'ontkoppeld' },
  meeting: {
    segment: 'vergaderingen',
    field: 'meetingId',
    schema: linkSchema('meetingId'),
    linked: 'vergadering-gekoppeld',
    unlinked: 'vergadering-ontkoppeld',
  },
} as const;

/** Search box and folder filter of the lists (query string; bad values are ignored). */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  map: field.optionalUuid(),
  /** Page of search results; anything odd is the first. */
  pagina: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
