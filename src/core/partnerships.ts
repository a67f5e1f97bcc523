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
  /** SQL condition: the organisation in `owner` and the organisation `viewerId` are parties to one agreement in force today. */
  inForce(owner: AnyPgColumn, viewerId: string): SQL;
  /**
   * SQL condition: the folder in `folder` is shared with an agreement in force today to which both
   * the record's owner (`owner`) and the organisation `viewerId` are parties.
   */
  folderShared(folder: AnyPgColumn, owner: AnyPgColumn, viewerId: string): SQL;
  /** SQL condition: the agreement whose id is in `agreement` is in force today and the organisation `viewerId` is a party to it. */
  agreementInForce(agreement: AnyPgColumn, viewerId: string): SQL;
  /** The other organisations on the platform in an agreement in force with this one, by name. */
  partners(db: DbOrTx, councilId: string): Promise<{ id: string; name: string }[]>;
};

const nothingShared: PartnershipPort = {
  inForce: () => sql`false`,
  folderShared: () => sql`false`,
  agreementInForce: () => sql`false`,
  partners: async () => [],
};

/** The installed port, or one under which nothing is shared. */
export function partnerships(): PartnershipPort {
  return modules().find((m) => m.partnerships)?.partnerships ?? nothingShared;
}
