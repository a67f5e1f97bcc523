/**
 * API keys: made and revoked in the workspace, used by the JSON API. The key is shown once; only
 * its sha256 is stored. A key acts as its user, in the role that user has in the key's
 * organisation at the moment of use. The board can also make a key for an organisation without
 * an account (scope 'signals'): it can only submit signals, under the organisation's name.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import type { ApiKey, ApiKeyStore } from '../../core/module.ts';
import { audit } from '../../core/audit/audit.ts';
import { field, isUuid } from '../../core/http/forms.ts';
import { assertCan, can, ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { isBoardRole } from '../../core/roles.ts';
import { randomToken, sha256 } from '../../core/secret.ts';
import { users } from '../../core/auth/auth.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { apiTokens, apiTokenScopes, type ApiTokenScope } from './apikeys.schema.ts';
import { findInCouncil } from '../../core/db/find.ts';

export const tokenSchema = z.object({
  name: field.text(100),
  // Only the board sees the choice; everyone else makes a key for themselves.
  scope: z
    .union([z.literal(''), field.choice(apiTokenScopes)], { error: 'error.invalidChoice' })
    .optional()
    .transform((v): ApiTokenScope => v || 'member'),
});
type TokenInput = z.infer<typeof tokenSchema>;

/** Keys start with this, so a leaked one is easy to recognise (secret scanners). */
const PREFIX = 'rw_';

export type TokenRow = {
  id: string;
  name: string;
  scope: ApiTokenScope;
  ownerName: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Chair and secretary see every key of the organisation; others (officials, partners) their own. */
export function seesAllTokens(actor: Actor): boolean {
  return actor.isPlatformAdmin || isBoardRole(actor.role);
}

export async function listTokens(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council }): Promise<TokenRow[]> {
  assertCan(args.actor, 'apiTokens.manage');
  const { actor, council } = args;
  const where = seesAllTokens(actor) ? eq(apiTokens.councilId, council.id) : and(eq(apiTokens.councilId, council.id), eq(apiTokens.userId, actor.userId));
  return deps.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      ownerName: users.name,
      userId: apiTokens.userId,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt));
}

/** Makes a key for the actor in this organisation; returns the plain key, to show once. */
export async function createToken(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council; input: TokenInput }): Promise<{ id: string; token: string }> {
  assertCan(args.actor, 'apiTokens.manage');
  const { actor, council } = args;
  // A key acts in a role in the organisation; a platform admin without one would hold a key that does nothing.
  if (!actor.role) throw new ForbiddenError('no role in council');
  // A key for an organisation (or partner council without accounts) is the board's to hand out.
  if (args.input.scope === 'signals' && !seesAllTokens(actor)) throw new ForbiddenError('token scope');
  const token = PREFIX + randomToken(32);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ councilId: council.id, name: args.input.name, scope: args.input.scope, tokenHash: sha256(token), userId: actor.userId })
      .returning({ id: apiTokens.id });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'apiToken.created',
      entity: 'api_token',
      entityId: row.id,
      data: { scope: args.input.scope },
    });
    return { id: row.id, token };
  });
}

/** Revokes a key the actor may see; another organisation's, someone else's (for an official) or a malformed id: 404. */
export async function revokeToken(deps: Pick<Deps, 'db'>, args: { actor: Actor; council: Council; id: string }): Promise<'revoked' | 'alreadyRevoked'> {
  assertCan(args.actor, 'apiTokens.manage');
  const { actor, council, id } = args;
  if (!isUuid(id)) throw new NotFoundError('token');
  return deps.db.transaction(async (tx) => {
    const row = await findInCouncil(tx, apiTokens, council.id, id, { lock: true });
    if (!row || (!seesAllTokens(actor) && row.userId !== actor.userId)) throw new NotFoundError('token');
    if (row.revokedAt) return 'alreadyRevoked' as const;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row.id));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'apiToken.revoked',
      entity: 'api_token',
      entityId: row.id,
      from: 'active',
      to: 'revoked',
    });
    return 'revoked' as const;
  });
}

type StoredKey = ApiKey & { scope: ApiTokenScope; lastUsedAt: Date | null };

/** The keys as the JSON API asks for them (core/api/keys.ts): find by token, then accept for the actor. */
export const keyStore: ApiKeyStore<StoredKey> = {
  async find(db: DbOrTx, token: string): Promise<StoredKey | null> {
    const [row] = await db
      .select({
        id: apiTokens.id,
        councilId: apiTokens.councilId,
        userId: apiTokens.userId,
        scope: apiTokens.scope,
        name: apiTokens.name,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
      .limit(1);
    return row ? { ...row, actsAsUser: row.scope === 'member' } : null;
  },

  /** Its user must (still) hold a role that may have keys; an organisation's key lives on the board role of whoever made it. */
  async accept(db: DbOrTx, key: StoredKey, actor: Actor): Promise<boolean> {
    if (!can(actor, 'apiTokens.manage') || (key.scope === 'signals' && !seesAllTokens(actor))) return false;
    // Last use, at most once a minute per key, so reads do not turn into writes.
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, key.id));
    }
    return true;
  },
};
