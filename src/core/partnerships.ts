/**
 * The port through which organisations share across the tenant wall (DESIGN.md: "Organisations
 * share across the tenant wall only through a cooperation agreement"). The module that keeps the
 * agreements fills it (`ModuleManifest.partnerships`); modules that share records (documents) ask
 * it, on every request, whether an agreement covers the share. Without such a module nothing is
 * covered: every organisation sees only its own records.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db/index.ts';
import { modules } from './platform.ts';

export type PartnershipPort = {
  /**
   * The one sharing rule for records of another organisation (documents), as an SQL condition: an
   * agreement in force today, to which both the record's owner (`owner`) and `viewerId` are
   * parties, covers the record. It covers it when the record's folder is shared with that
   * agreement, or a party contributed the record to one of its dossiers (both only where `atLevel`
   * holds: the viewer may see the record's own access level); or when the owner shared the record
   * on its own (`alone`: a per-record share exists), as long as every agreement whose dossier holds
   * the record's folder is still in force (an ended agreement hides its dossier again, even when the
   * two organisations have another agreement).
   */
  covers(r: { record: AnyPgColumn; folder: AnyPgColumn; owner: AnyPgColumn; viewerId: string; atLevel: SQL; alone: SQL }): SQL;
  /** SQL condition: the agreement whose id is in `agreement` is in force today and the organisation `viewerId` is a party to it. */
  agreementInForce(agreement: AnyPgColumn, viewerId: string): SQL;
  /** Where a partner's people read a joint meeting another party planned (their own cooperation pages): meetings links to it. */
  jointMeetingPath(councilSlug: string, meetingId: string): string;
  /** The public page where anyone reads an organisation's cooperations and their joint meetings: the public calendar feed links to it. */
  publicJointMeetingsPath(councilSlug: string): string;
  /** The other organisations on the platform in an agreement in force with this one, by name. */
  partners(db: DbOrTx, councilId: string): Promise<{ id: string; name: string }[]>;
};

const nothingShared: PartnershipPort = {
  covers: () => sql`false`,
  agreementInForce: () => sql`false`,
  jointMeetingPath: (slug) => `/${slug}/werkruimte`,
  publicJointMeetingsPath: (slug) => `/${slug}`,
  partners: async () => [],
};

/** The installed port, or one under which nothing is shared. */
export function partnerships(): PartnershipPort {
  return modules().find((m) => m.partnerships)?.partnerships ?? nothingShared;
}
