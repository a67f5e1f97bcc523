import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { roles } from '../../core/roles.ts';

/** One schema per input, shared by the HTML forms and (later) the JSON API. */
export const inviteSchema = z.object({
  name: field.text(120),
  email: field.email(),
  role: field.choice(roles),
  targetGroup: field.optionalText(200),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const memberUpdateSchema = z.object({
  role: field.choice(roles),
  targetGroup: field.optionalText(200),
  showOnSite: field.checkbox(),
});
export type MemberUpdateInput = z.infer<typeof memberUpdateSchema>;

export const workingGroupSchema = z.object({
  name: field.text(120),
  description: field.optionalText(2000),
});
export type WorkingGroupInput = z.infer<typeof workingGroupSchema>;

export const groupMemberSchema = z.object({ membershipId: field.uuid() });

/** An empty choice removes the lead. */
export const groupLeadSchema = z.object({
  lead: z.union([z.literal(''), field.uuid()], { error: 'error.invalidChoice' }),
});

export const vacancySchema = z.object({
  title: field.text(200),
  description: field.text(10000),
  profile: field.optionalText(2000),
  hoursPerMonth: field.optionalText(60),
  closesOn: field.optionalDate(),
});
export type VacancyInput = z.infer<typeof vacancySchema>;

export const vacancyStatusSchema = z.object({ to: field.choice(['published', 'closed'] as const) });

export const applicationSchema = z.object({
  name: field.text(120),
  email: field.email(),
  phone: field.phone(),
  motivation: field.text(5000),
});
export type ApplicationInput = z.infer<typeof applicationSchema>;
