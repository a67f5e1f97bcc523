/** The forms of the work plan and the annual report: one zod schema each, messages are catalogue keys. */
import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { policyFields } from '../advice/index.ts';
import { tagKinds, topicStates, votes } from './workplan.workflow.ts';

/** A choice of one record by id, or none (the empty option). */
const optionalUuid = () =>
  z
    .union([z.literal(''), field.uuid()])
    .optional()
    .transform((v) => v || null);

export const topicSchema = z.object({
  title: field.text(200),
  policyField: field.choice(policyFields),
  workingGroupId: optionalUuid(),
  aim: field.optionalText(2000),
  plannedQuarter: z
    .string({ error: 'error.invalid' })
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || [1, 2, 3, 4].includes(v), 'error.invalidChoice'),
});
export type TopicInput = z.infer<typeof topicSchema>;

export const statusSchema = z
  .object({ status: field.choice(topicStates), dropReason: field.optionalText(1000) })
  .refine((v) => v.status !== 'dropped' || v.dropReason !== '', { message: 'workplan.topic.reasonRequired', path: ['dropReason'] });

export const noteSchema = z.object({ notedOn: field.date(), text: field.text(4000) });

/** A record to tag, chosen as "<kind>:<id>" from one list of every kind. */
export const tagSchema = z.object({
  record: z
    .string({ error: 'error.required' })
    .regex(new RegExp(`^(${tagKinds.join('|')}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, 'i'), 'workplan.tag.unknown')
    .transform((v) => {
      const [kind, recordId] = v.split(':') as [(typeof tagKinds)[number], string];
      return { kind, recordId };
    }),
});
export const untagSchema = z.object({ recordId: field.uuid() });

export const voteSchema = z.object({ vote: field.choice(votes), remark: field.optionalText(1000) });

/** The report's texts: a foreword and one text per section (keys checked against the sections). */
export const reportSections = ['advices', 'signals', 'meetings', 'network', 'cooperation', 'topics', 'members'] as const;
export type ReportSection = (typeof reportSections)[number];
export const textsSchema = z.object({
  foreword: field.optionalText(10_000),
  ...Object.fromEntries(reportSections.map((s) => [`text-${s}`, field.optionalText(10_000)])),
}) as unknown as z.ZodType<{ foreword: string } & Record<`text-${ReportSection}`, string>>;
