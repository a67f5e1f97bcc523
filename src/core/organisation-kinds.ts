/**
 * Organisation kinds and the sections each kind has (docs/decisions/0015-organisation-kinds.md).
 * Pure: the menus, the route guard (core/sections.ts) and the views ask `hasSection`.
 *
 * The stored values of the first two kinds predate the others and stay as they are.
 */
export const organisationKinds = [
  /** A municipal advisory council (adviesraad sociaal domein, Wmo-raad, participatieraad). */
  'gemeentelijk',
  /** The client council of a care organisation: it advises that organisation's board. */
  'clientenraad',
  /** A regional body with delegates from local councils, e.g. a regional consultation on work and income. */
  'regionaal',
  /** A national organisation: a knowledge base, national campaigns and their meetings, no members' advice cycle. */
  'landelijk',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * A section is a group of public pages and workspace pages that an organisation has or does
 * not have as a whole. Menu items and pages name their section; pages of a section the
 * organisation lacks answer 404. Some sections belong to modules that are still to come.
 */
export const sections = [
  'advice',
  'signals',
  'meetings',
  'documents',
  'members',
  'workingGroups',
  'vacancies',
  // Modules that come next (network, cooperation, knowledge, campaigns, work plan).
  'network',
  'cooperation',
  'knowledge',
  'campaigns',
  'workplan',
] as const;
export type Section = (typeof sections)[number];

/** A local council, municipal or of a care organisation: the whole advice cycle, no national campaigns. */
const localCouncil = sections.filter((s) => s !== 'campaigns');
/** A regional body: as a local council, except that its delegates bring the signals of their own councils and are appointed by them. */
const regionalBody = localCouncil.filter((s) => s !== 'signals' && s !== 'vacancies');

const sectionsByKind: Record<OrganisationKind, ReadonlySet<Section>> = {
  gemeentelijk: new Set(localCouncil),
  clientenraad: new Set(localCouncil),
  regionaal: new Set(regionalBody),
  // No members' advice cycle: no advice register, no signal form. Meetings: a campaign's kick-off
  // and closing meetings (issue 12), and the organisation's own, with agenda and calendar feed.
  landelijk: new Set(['documents', 'members', 'knowledge', 'campaigns', 'meetings']),
};

/** Whether organisations of this kind have this section. */
export function hasSection(kind: OrganisationKind, section: Section): boolean {
  return sectionsByKind[kind].has(section);
}
