/** Input of the cooperation pages and API: one zod schema per form, messages as catalogue keys. */
import { z } from 'zod';
import { field, isUuid } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { dossierLevels, renewalKinds } from './cooperation.schema.ts';
import { policyFields } from '../advice/index.ts';

/** A checkbox group sends nothing, one value or several. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean));

/** One name per line; blank lines are left out. */
const lines = (max: number) =>
  field
    .optionalText(max)
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((names) => names.every((n) => n.length <= 200), 'cooperation.error.outsideName');

export const agreementSchema = z.object({
  title: field.text(200),
  purpose: field.text(4000),
  contribution: field.optionalText(2000),
  startsOn: field.date(),
  /** Empty: one year after the start. */
  endsOn: field.optionalDate(),
  renewal: field.choice(renewalKinds),
  noticeDays: wholeNumber(0, 365, 'cooperation.error.noticeDays'),
  partners: idList,
  outsideParties: lines(2000),
  isPublic: field.checkbox(),
});
export type AgreementInput = z.infer<typeof agreementSchema>;

/** Accepting names the organisation one accepts for: it must be one's own. */
export const acceptSchema = z.object({ organisation: field.uuid() });

export const contributionSchema = z.object({ contribution: field.optionalText(2000) });

export const dossierSchema = z.object({ folderId: field.uuid(), level: field.choice(dossierLevels) });

/** An advice of one's own organisation, drawing on shared documents and joint meetings (`document:<id>`, `meeting:<id>`). */
export const startAdviceSchema = z.object({
  subject: field.text(200),
  question: field.text(10000),
  policyField: field.choice(policyFields),
  sources: idList,
});
export type StartAdviceInput = z.infer<typeof startAdviceSchema>;

/** A partner's document for a "contribute" dossier: an optional title (else the file's name). */
export const contributeSchema = z.object({ dossierId: field.optionalText(100), documentTitle: field.optionalText(200) });

/** Contacts of one's own network invited to a joint meeting one planned (the network checks who they are and their consent). */
export const networkInviteSchema = z.object({
  meetingId: field.uuid(),
  contactIds: idList.refine((v) => v.length > 0, 'cooperation.error.chooseContact').refine((v) => v.every(isUuid), 'network.error.unknownContact'),
});
