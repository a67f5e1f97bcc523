/** One zod schema per input of the network module; messages are catalogue keys. Forms and API share them. */
import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { isTime } from '../../core/dates/amsterdam.ts';
import { policyFields } from '../advice/index.ts';
import { consentPurposes, consentSources, consultationKinds, delegationRoles, organisationTypes } from './network.schema.ts';

/** Checkboxes with one name: nothing, one value or several. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(2000));
const optionalUuid = () =>
  z
    .string({ error: 'error.invalid' })
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), 'error.invalid');
const optionalTime = () =>
  z
    .string({ error: 'error.invalid' })
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || isTime(v), 'network.error.time');
const website = () => field.optionalText(300).refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'network.error.website');

/** A built-in type, or the id of a type the council added (`eigen:<id>`). */
const typeChoice = () =>
  z
    .string({ error: 'error.required' })
    .trim()
    .min(1, 'error.required')
    .refine((v) => (organisationTypes as readonly string[]).includes(v) || /^eigen:[0-9a-f-]{36}$/i.test(v), 'error.invalidChoice');

export const organisationSchema = z.object({
  name: field.text(200),
  type: typeChoice(),
  address: field.optionalText(300),
  website: website(),
  policyFields: list(field.choice(policyFields)),
  targetGroups: field.optionalText(500),
  listed: field.checkbox(),
});
export type OrganisationInput = z.infer<typeof organisationSchema>;

export const typeSchema = z.object({ name: field.text(100) });

export const contactSchema = z.object({
  name: field.text(200),
  role: field.optionalText(200),
  email: field.optionalEmail(),
  phone: field.phone(),
  privatePerson: field.checkbox(),
});
export type ContactInput = z.infer<typeof contactSchema>;

export const consentSchema = z
  .object({
    purpose: field.choice(consentPurposes),
    givenOn: field.date(),
    expiresOn: field.optionalDate(),
    source: field.choice(consentSources),
    textVersion: field.text(100),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn !== null && v.expiresOn <= v.givenOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'network.error.expiryBeforeConsent' });
  });
export type ConsentInput = z.infer<typeof consentSchema>;

export const settingsSchema = z.object({
  consentMonths: z.coerce.number({ error: 'error.invalid' }).int('error.invalid').min(1, 'network.error.months').max(120, 'network.error.months'),
});

export const consultationSchema = z
  .object({
    kind: field.choice(consultationKinds),
    topic: field.text(300),
    heldOn: field.date(),
    startTime: optionalTime(),
    endTime: optionalTime(),
    location: field.optionalText(300),
    agendaItemId: optionalUuid(),
    isPublic: field.checkbox(),
    closesOn: field.optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.startTime && v.endTime && v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'network.error.endBeforeStart' });
    if ((v.startTime === '') !== (v.endTime === '')) ctx.addIssue({ code: 'custom', path: [v.startTime ? 'endTime' : 'startTime'], message: 'network.error.bothTimes' });
  });
export type ConsultationInput = z.infer<typeof consultationSchema>;

export const inviteSchema = z.object({ contactIds: list(field.uuid()).refine((v) => v.length > 0, 'network.error.chooseContact') });

export const attendanceSchema = z.object({
  attended: list(field.uuid()),
  headCount: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number({ error: 'error.invalid' }).int('error.invalid').min(0, 'error.invalid').max(100_000, 'error.invalid').nullable(),
  ),
  report: field.optionalText(20_000),
});

export const experienceSchema = z
  .object({
    text: field.text(5000),
    policyField: z.preprocess((v) => (v === '' ? undefined : v), field.choice(policyFields).optional()),
    targetGroup: field.optionalText(200),
    area: field.optionalText(200),
    consultationId: optionalUuid(),
    name: field.optionalText(200),
    email: field.optionalEmail(),
    wantsFeedback: field.checkbox(),
  })
  .superRefine((v, ctx) => {
    if (v.wantsFeedback && v.email === '') ctx.addIssue({ code: 'custom', path: ['email'], message: 'network.error.emailForFeedback' });
  });
export type ExperienceInput = z.infer<typeof experienceSchema>;

export const linkAdviceSchema = z.object({ adviceId: optionalUuid() });

export const delegationSchema = z
  .object({
    membershipId: field.uuid(),
    bodyCouncilId: optionalUuid(),
    bodyName: field.optionalText(200),
    // Left out (an older form, the API): a delegate.
    role: z.preprocess((v) => (v === undefined || v === '' ? 'delegate' : v), field.choice(delegationRoles)),
    startsOn: field.date(),
    endsOn: field.optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (!v.bodyCouncilId && v.bodyName === '') ctx.addIssue({ code: 'custom', path: ['bodyName'], message: 'network.error.bodyRequired' });
    if (v.endsOn !== null && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'network.error.endBeforeStartDate' });
  });
export type DelegationInput = z.infer<typeof delegationSchema>;

/** A delegate's report back from the regional body; it becomes the explanation of an agenda item. */
export const reportBackSchema = z.object({
  delegationId: field.uuid(),
  text: field.text(5000),
  closed: field.checkbox(),
});
export type ReportBackInput = z.infer<typeof reportBackSchema>;

export const placeReportSchema = z.object({ reportId: field.uuid(), meetingId: field.uuid() });
