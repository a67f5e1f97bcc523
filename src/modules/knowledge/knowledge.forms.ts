import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { articleFormats, articleVisibilities } from './knowledge.schema.ts';

/** The topics every knowledge base starts with (issue 11); an organisation may type its own. */
export const baseTopics = ['wmo', 'maatwerk', 'keukentafelgesprek', 'pgb', 'eigen-bijdrage', 'toegang', 'compensatieplicht', 'invloed-kanalen', 'invloed-momenten', 'tips', 'medezeggenschap'] as const;

/** The laws an article can concern: stored by key, shown by name. */
export const lawNames = { wmo: 'Wmo 2015', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', wlz: 'Wet langdurige zorg', zvw: 'Zorgverzekeringswet', woo: 'Woo' } as const;
export const knownLaws = Object.keys(lawNames) as [keyof typeof lawNames, ...(keyof typeof lawNames)[]];
/** The name of a stored law key (an unknown key shows as it is). */
export const lawName = (key: string) => (lawNames as Record<string, string>)[key] ?? key;

const optionalUrl = z
  .string({ error: 'error.invalid' })
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v ?? '')
  .refine((v) => v === '' || /^(https:\/\/|\/)[^\s<>"]+$/i.test(v), 'knowledge.error.url');

/** An article as the form sends it; laws come as several checkboxes. */
export const articleSchema = z.object({
  title: field.text(200),
  summary: field.text(500),
  body: field.text(50_000),
  titleEn: field.optionalText(200),
  summaryEn: field.optionalText(500),
  bodyEn: field.optionalText(50_000),
  topic: z
    .string({ error: 'error.required' })
    .trim()
    .min(1, 'error.required')
    .max(60)
    .regex(/^[\p{L}\p{N} -]+$/u, 'knowledge.error.topic'),
  laws: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(knownLaws, { error: 'error.invalidChoice' })).max(knownLaws.length)),
  visibility: field.choice(articleVisibilities),
  format: field.choice(articleFormats),
  reviewBy: field.optionalDate(),
  videoUrl: optionalUrl,
  signLanguageUrl: optionalUrl,
  captionsVtt: field.optionalText(200_000),
  transcript: field.optionalText(50_000),
});
export type ArticleInput = z.infer<typeof articleSchema>;

export const localParagraphSchema = z.object({ localParagraph: field.optionalText(5000) });

export const newsSchema = z.object({ title: field.text(200), summary: field.text(500), body: field.text(20_000) });
export type NewsInput = z.infer<typeof newsSchema>;

/** "Stuur dit artikel door": the addresses and the note are checked by the rules (knowledge.forward.ts). */
export const forwardSchema = z.object({
  addresses: z.string({ error: 'error.required' }),
  note: z
    .string({ error: 'error.invalid' })
    .optional()
    .transform((v) => (v ?? '').trim()),
});
