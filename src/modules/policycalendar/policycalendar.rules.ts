/** Pure date rules and the draft letter of the policy calendar. */
import { addDays, type IsoDate } from '../../core/dates/working-days.ts';

/** Whether the working group should hear now: N weeks before the date, once per expected date, only while nothing came yet. */
export function reminderDue(m: { expectedOn: IsoDate; remindWeeks: number; remindedFor: IsoDate | null; status: string }, today: IsoDate): boolean {
  return m.status === 'expected' && m.remindedFor !== m.expectedOn && addDays(m.expectedOn, -7 * m.remindWeeks) <= today && m.expectedOn >= today;
}

/** The dates of a recurring moment from its expected date up to `until` (the first one included). */
export function occurrences(expectedOn: IsoDate, recurrenceYears: number | null, until: IsoDate): IsoDate[] {
  const out = [expectedOn];
  if (!recurrenceYears) return out;
  const [y, md] = [Number(expectedOn.slice(0, 4)), expectedOn.slice(4)];
  for (let n = 1; n < 50; n++) {
    const next = `${y + n * recurrenceYears}${md === '-02-29' ? '-02-28' : md}`;
    if (next > until) break;
    out.push(next);
  }
  return out;
}

/** The draft letter asking the municipality to involve the council early (Dutch, B1). */
export function draftLetter(a: { council: string; moment: string; date: string; group: string | null }): string {
  return [
    'Aan het college van burgemeester en wethouders,',
    '',
    `Wij verwachten dat de gemeente rond ${a.date} werkt aan: ${a.moment}.`,
    `${a.council} wil daar graag vroeg over meedenken. Dan kan ons advies echt iets toevoegen.`,
    '',
    'Wij vragen u daarom:',
    '- ons te laten weten wanneer het eerste concept klaar is;',
    '- een ambtenaar uit te nodigen in onze vergadering om het plan toe te lichten;',
    '- ons de stukken op tijd te sturen, zodat wij ervaringen van inwoners kunnen ophalen.',
    '',
    a.group ? `Onze werkgroep ${a.group} volgt dit onderwerp.` : '',
    '',
    'Met vriendelijke groet,',
    '',
    a.council,
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}
