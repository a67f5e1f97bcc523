import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { organisationKinds } from '../../core/organisation-kinds.ts';
import { SLUG_PATTERN } from '../../core/roles.ts';

/** One schema per input, shared by HTML forms and (later) the API. */
export const settingsSchema = z.object({
  name: field.text(120),
  tagline: field.optionalText(200),
  advises: field.text(200),
  about: field.optionalText(5000),
  vision: field.optionalText(5000),
  legalBasis: field.optionalText(5000),
  targetGroups: field.optionalText(2000),
  policyFields: field.optionalText(2000),
  meetingRhythm: field.optionalText(300),
  contactEmail: field.email(),
  contactPhone: field.phone(),
  postalAddress: field.optionalText(300),
  colour: z
    .string({ error: 'error.required' })
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, 'error.colour'),
  require2faForBoard: field.checkbox(),
  // Optional: a form without them (an older page) leaves the council's advice settings as they are.
  adviceApprovalRule: field.choice(['consent', 'majority'] as const).optional(),
  answerPeriodValue: wholeNumber(1, 365, 'councils.settings.answerPeriodInvalid').optional(),
  answerPeriodUnit: field.choice(['weeks', 'working_days'] as const).optional(),
  // Seats in the council: empty is no cap; absent (an older form) leaves it as it is.
  memberCap: z
    .string({ error: 'error.invalid' })
    .trim()
    .regex(/^(\d{1,3})?$/, 'councils.settings.memberCapInvalid')
    .refine((v) => v === '' || (Number(v) >= 1 && Number(v) <= 200), 'councils.settings.memberCapInvalid')
    .transform((v) => (v === '' ? null : Number(v)))
    .optional(),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const logoAltSchema = z.object({ logoAlt: field.text(200) });

export const contactSchema = z.object({
  name: field.text(120),
  email: field.email(),
  subject: field.text(200),
  message: field.text(5000),
});
export type ContactInput = z.infer<typeof contactSchema>;

export const newCouncilSchema = z.object({
  name: field.text(120),
  slug: z.string({ error: 'error.required' }).trim().toLowerCase().min(1, 'error.required').regex(SLUG_PATTERN, 'councils.admin.slugInvalid'),
  // What the kind decides: which public pages and workspace sections the organisation has.
  kind: z.enum(organisationKinds, { error: 'councils.admin.kindMissing' }),
  advises: field.text(200),
  contactEmail: field.email(),
});
export type NewCouncilInput = z.infer<typeof newCouncilSchema>;
