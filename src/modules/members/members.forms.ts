import { z } from 'zod';
import { field } from '../../core/http/forms.ts';
import { roles } from '../../core/roles.ts';
import type { MessageKey } from '../../core/i18n/index.ts';

/** One schema per input, shared by the HTML forms and (later) the JSON API. */
export const inviteSchema = z.object({
  name: field.text(120),
  email: field.email(),
  role: field.choice(roles),
  targetGroup: field.optionalText(200),
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** Several people at once: one per line, all with the same role (parsed by `parseInviteLines`). */
export const bulkInviteSchema = z.object({
  people: z
    .string({ error: 'members.bulk.empty' })
    .max(20_000, 'members.bulk.tooLong')
    .refine((v) => v.trim() !== '', 'members.bulk.empty'),
  role: field.choice(roles),
});
export type BulkInviteInput = z.infer<typeof bulkInviteSchema>;

/** Most people one list may invite; a council has about 8 to 14 members. */
export const BULK_INVITE_MAX = 100;

/** One line of a pasted list: the person it names, or what is wrong with it. */
export type InviteLine = { line: number; raw: string; ok: true; name: string; email: string } | { line: number; raw: string; ok: false; problem: LineProblem };
export type LineProblem = { key: MessageKey; params?: Record<string, string | number> };

const emailCheck = z.email();

/**
 * Reads a pasted list, one person a line: "Naam, e-mail", "Naam <e-mail>", or a name and an
 * address separated by a semicolon or a tab (as a spreadsheet copies them). Empty lines are
 * skipped; line numbers are those the person sees in the text box. An address twice in the list
 * is a problem on its second line.
 */
export function parseInviteLines(text: string): InviteLine[] {
  const out: InviteLine[] = [];
  const seen = new Map<string, number>();
  for (const [i, rawLine] of text.split(/\r\n|\r|\n/).entries()) {
    const raw = rawLine.trim();
    if (raw === '') continue;
    const line = i + 1;
    const text = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
    const bad = (key: MessageKey, params: Record<string, string | number> = {}) => {
      out.push({ line, raw, ok: false, problem: { key, params: { line, text, ...params } } });
    };
    let name: string;
    let email: string;
    const angled = /^(.*?)\s*<([^<>]*)>$/.exec(raw);
    if (angled) {
      name = angled[1]!;
      email = angled[2]!;
    } else {
      const cut = Math.max(raw.lastIndexOf(','), raw.lastIndexOf(';'), raw.lastIndexOf('\t'));
      if (cut < 0) {
        bad(raw.includes('@') ? 'members.bulk.lineNoName' : 'members.bulk.lineFormat');
        continue;
      }
      name = raw.slice(0, cut);
      email = raw.slice(cut + 1);
    }
    name = name.replace(/^["'\s]+|["'\s,;]+$/g, '').replace(/\s+/g, ' ');
    email = email
      .trim()
      .replace(/^mailto:/i, '')
      .toLowerCase();
    if (name === '') {
      bad('members.bulk.lineNoName');
      continue;
    }
    if (name.length > 120) {
      bad('members.bulk.lineNameTooLong');
      continue;
    }
    if (email === '' || email.length > 254 || !emailCheck.safeParse(email).success) {
      bad('members.bulk.lineEmail', { email: email || raw });
      continue;
    }
    const first = seen.get(email);
    if (first !== undefined) {
      bad('members.bulk.lineTwice', { email, first });
      continue;
    }
    seen.set(email, line);
    out.push({ line, raw, ok: true, name, email });
  }
  return out;
}

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

/** One or more members to add: the form's checkboxes all send `membershipId`. */
export const groupMemberSchema = z.object({
  membershipId: z
    .union([field.uuid().transform((id) => [id]), z.array(field.uuid()).min(1, 'members.wg.chooseSomeone').max(200)], { error: 'members.wg.chooseSomeone' })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});

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
