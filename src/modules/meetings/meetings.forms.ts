import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { attendanceAnswers, guestKinds, meetingModes } from './meetings.schema.ts';
import { isTime } from '../../core/dates/amsterdam.ts';

/** One schema per form. Messages are catalogue keys; dates and times are checked strictly. */

const time = () => z.string({ error: 'error.required' }).trim().min(1, 'error.required').refine(isTime, 'meetings.error.time');
const optionalTime = () =>
  z
    .string({ error: 'error.invalid' })
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isTime(v), 'meetings.error.time');
const url = () =>
  z
    .string({ error: 'error.invalid' })
    .trim()
    .max(500)
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || /^https:\/\/[^\s<>"]+$/.test(v), 'meetings.error.url');
/** Several checkboxes with the same name arrive as one string or a list. */
const ids = () =>
  z
    .union([z.string(), z.array(z.string())], { error: 'error.invalid' })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''))
    .pipe(z.array(field.uuid()).max(100, 'error.invalid'));

/** Place, mode and link: an online or hybrid meeting needs its link, a meeting in person its place. */
function placeRules(v: { mode: string; location: string; onlineUrl: string }, ctx: z.RefinementCtx) {
  if (v.mode !== 'online' && v.location === '') ctx.addIssue({ code: 'custom', path: ['location'], message: 'meetings.error.locationRequired' });
  if (v.mode !== 'in_person' && v.onlineUrl === '') ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'meetings.error.urlRequired' });
}
function timeOrder(v: { startTime: string; endTime: string }, ctx: z.RefinementCtx) {
  if (isTime(v.startTime) && isTime(v.endTime) && v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'meetings.error.endBeforeStart' });
}

const place = {
  location: field.optionalText(200),
  mode: field.choice(meetingModes),
  onlineUrl: url(),
};

/** The fields before a meeting's hours and place, then those, checked together (the end after the start, the place or link the mode needs). */
function timedAndPlaced<T extends z.ZodRawShape>(shape: T) {
  const timeAndPlace = { startTime: time(), endTime: time(), ...place };
  return z.object({ ...shape, ...timeAndPlace }).superRefine((v, ctx) => {
    const own = v as z.output<z.ZodObject<typeof timeAndPlace>>;
    timeOrder(own, ctx);
    placeRules(own, ctx);
  });
}

export const rhythmSchema = timedAndPlaced({
  title: field.text(150),
  nth: field.choice(['1', '2', '3', '4', '-1'] as const).transform(Number),
  weekday: field.choice(['1', '2', '3', '4', '5', '6', '7'] as const).transform(Number),
});
export type RhythmInput = z.infer<typeof rhythmSchema>;

export const generateSchema = z.object({
  year: wholeNumber(2000, 2100, 'meetings.error.year'),
});

export const meetingSchema = timedAndPlaced({ title: field.text(150), date: field.date() });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const agendaItemSchema = z.object({
  title: field.text(200),
  explanation: field.optionalText(5000),
  startTime: optionalTime(),
  presenter: field.optionalText(200),
  access: field.choice(['public', 'closed'] as const),
  adviceIds: ids(),
  signalIds: ids(),
  documentIds: ids(),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

/** Signals put on a meeting's agenda from the signal list, as one agenda item. */
export const signalsOnAgendaSchema = z.object({
  meetingId: field.uuid(),
  title: field.text(200),
  signalIds: ids().refine((v) => v.length > 0, 'meetings.signalsOnAgenda.noneChosen'),
});

export const moveItemSchema = z.object({ direction: field.choice(['up', 'down'] as const) });

export const guestSchema = z.object({
  name: field.text(150),
  email: field.email(),
  kind: field.choice(guestKinds),
  organisation: field.optionalText(200),
});
export type GuestInput = z.infer<typeof guestSchema>;

export const attendanceSchema = z.object({ answer: field.choice(attendanceAnswers) });

export const noteSchema = z.object({ body: field.optionalText(20000) });

export const minutesTextSchema = z.object({
  publicText: field.optionalText(50000),
  closedText: field.optionalText(50000),
});

export const decisionSchema = z.object({
  decision: field.text(2000),
  agendaItemId: z
    .string({ error: 'error.invalid' })
    .optional()
    .transform((v) => v || null)
    .pipe(z.union([z.null(), field.uuid()])),
  access: field.choice(['public', 'closed'] as const),
});

export const actionPointSchema = z.object({
  action: field.text(1000),
  ownerMembershipId: field.uuid(),
  dueOn: field.date(),
});
export type ActionPointInput = z.infer<typeof actionPointSchema>;

export const approveSchema = z.object({ approvedInMeetingId: field.uuid() });
