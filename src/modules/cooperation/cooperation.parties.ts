/** The organisations an agreement can be made with: every other organisation on the platform. */
import { asc, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';

export function partnersForForm(db: DbOrTx, council: Council): Promise<{ id: string; name: string }[]> {
  return db.select({ id: councils.id, name: councils.name }).from(councils).where(ne(councils.id, council.id)).orderBy(asc(councils.name));
}
