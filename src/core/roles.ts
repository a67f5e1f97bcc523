/** The roles a person can hold in an organisation; defined once, used by policy, tenancy and the members table. */
export const roles = ['chair', 'secretary', 'member', 'official', 'partner'] as const;
export type Role = (typeof roles)[number];

/** Chair and secretary: they run the council's paperwork. */
export const boardRoles = ['chair', 'secretary'] as const satisfies readonly Role[];
/** The council's own people (not officials or partner councils). */
export const councilRoles = ['chair', 'secretary', 'member'] as const satisfies readonly Role[];

export function isBoardRole(role: Role | null | undefined): boolean {
  return role != null && (boardRoles as readonly Role[]).includes(role);
}
export function isCouncilRole(role: Role | null | undefined): boolean {
  return role != null && (councilRoles as readonly Role[]).includes(role);
}

/** Organisation slugs: lower-case letters, digits and inner hyphens, 2 to 64 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$/;

/** First path segments the platform itself uses; an organisation cannot take them as its slug. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'api',
  'assets',
  'beheer',
  'account',
  'inloggen',
  'uitloggen',
  'uitnodiging',
  'wachtwoord-vergeten',
  'wachtwoord-herstellen',
  'taal',
  'healthz',
  'readyz',
  'toegankelijkheid',
  'privacy',
  'robots.txt',
  'well-known',
  'favicon.ico',
  'woordenlijst',
]);
