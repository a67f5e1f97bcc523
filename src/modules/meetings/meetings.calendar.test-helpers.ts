/** Reading iCalendar in tests with an independent parser (ical.js), as a calendar app does. */
import ICAL from 'ical.js';

export type ParsedIcs = { method: string | null; events: ICAL.Event[]; zones: string[] };

/** Parses the text and registers its own VTIMEZONE components, so local times become instants. */
export function parseIcs(text: string): ParsedIcs {
  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone');
  for (const z of zones) ICAL.TimezoneService.register(z);
  return {
    method: cal.getFirstPropertyValue('method') as string | null,
    events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
    zones: zones.map((z) => String(z.getFirstPropertyValue('tzid'))),
  };
}
