import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { addressees, answers, policyFields, votes, publications } from './advice.schema.ts';

/** One schema per input, shared by the HTML forms and the JSON API. Messages are catalogue keys. */

const notPast = (v: string) => v >= todayInAmsterdam();

export const requestSchema = z.object({
  subject: field.text(200),
  question: field.text(10000),
  policyField: field.choice(policyFields),
  addressee: field.choice(addressees),
  addresseeEmail: field.optionalEmail(),
  neededBy: field.date().refine(notPast, 'advice.error.pastDate'),
});
export type RequestInput = z.infer<typeof requestSchema>;

export const initiateSchema = z.object({
  subject: field.text(200),
  question: field.text(10000),
  policyField: field.choice(policyFields),
  addressee: field.choice(addressees),
  addresseeEmail: field.optionalEmail(),
});
export type InitiateInput = z.infer<typeof initiateSchema>;

/** The college's answer, per recommendation. A reason is required unless adopted or not yet answered. */
const answerItemSchema = z
  .object({
    recommendationId: field.uuid(),
    answer: field.choice(answers),
    reason: field.optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if ((v.answer === 'partly' || v.answer === 'not_adopted') && v.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'advice.answer.reasonRequired' });
    }
  });
export const answerSchema = z.object({
  answers: z.array(answerItemSchema, { error: 'error.invalid' }).min(1, 'advice.answer.none').max(200, 'error.invalid'),
});
export type AnswerInput = z.infer<typeof answerItemSchema>;

export const assignSchema = z.object({ workingGroupId: field.uuid() });

export const draftSchema = z.object({ body: field.text(100000 - 1) });

export const textsSchema = z.object({
  introduction: field.optionalText(20000),
  explanation: field.optionalText(20000),
});
export type TextsInput = z.infer<typeof textsSchema>;

export const recommendationSchema = z.object({ text: field.text(5000) });

export const recommendationActionSchema = z.object({
  actie: field.choice(['opslaan', 'verwijderen', 'omhoog', 'omlaag'] as const),
  text: field.optionalText(5000),
});

const time = z
  .string({ error: 'error.required' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'advice.error.time');

export const approvalSchema = z.object({
  closesOn: field.date(),
  closesTime: time,
});

export const voteSchema = z
  .object({
    vote: field.choice(votes),
    remark: field.optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.vote !== 'agree' && v.remark === '') {
      ctx.addIssue({ code: 'custom', path: ['remark'], message: v.vote === 'object' ? 'advice.vote.reasonRequired' : 'advice.vote.remarkRequired' });
    }
  });
export type VoteInput = z.infer<typeof voteSchema>;

export const followUpSchema = z.object({
  recommendationId: field.uuid(),
  followUp: field.text(5000),
  reviewOn: field.optionalDate(),
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

/** Publication under the Woo: public, not public with its legal ground, or public from a date. */
export const publicationSchema = z
  .object({
    publication: field.choice(publications),
    publicationGround: field.optionalText(1000),
    publishAfter: field.optionalDate(),
  })
  .superRefine((v, ctx) => {
    if (v.publication === 'not_public' && v.publicationGround === '') ctx.addIssue({ code: 'custom', path: ['publicationGround'], message: 'advice.publication.groundRequired' });
    if (v.publication === 'public_after' && v.publishAfter === null) ctx.addIssue({ code: 'custom', path: ['publishAfter'], message: 'advice.publication.dateRequired' });
  });
export type PublicationInput = z.infer<typeof publicationSchema>;

export const statusFilter = z.enum(['requested', 'initiated', 'drafting', 'concept', 'in_approval', 'adopted', 'sent', 'answered', 'withdrawn', 'overdue']);
