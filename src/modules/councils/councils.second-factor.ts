/**
 * A platform administrator turns off a user's second factor (a member lost their phone and their
 * recovery codes). The secret and the recovery codes go, every session of the user ends, the
 * audit log records who did it and why, and the user gets a mail saying so, so a reset they did
 * not ask for does not go unnoticed. At the next login the user sets up a new second factor
 * (required again where their role requires it).
 */
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { DomainError } from '../../core/errors.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { deleteRecoveryCodes } from '../../core/auth/recovery.ts';
import { destroyOtherSessions } from '../../core/auth/sessions.ts';
import { translator } from '../../core/i18n/index.ts';

export type SecondFactorResetInput = { email: string; reason: string };

export async function resetSecondFactor(deps: Deps, args: { actor: Actor | null; input: SecondFactorResetInput }): Promise<{ name: string; email: string }> {
  const { actor, input } = args;
  assertCan(actor, 'users.resetSecondFactor');
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()))
      .limit(1)
      .for('update');
    if (!user) throw new DomainError('userUnknown', 'councils.admin.mfa.unknown', 'email');
    if (user.id === actor.userId) throw new DomainError('ownSecondFactor', 'councils.admin.mfa.self', 'email');
    if (!user.totpEnabled) throw new DomainError('noSecondFactor', 'councils.admin.mfa.none', 'email');
    await tx.update(users).set({ totpSecret: null, totpEnabled: false, totpLastStep: null }).where(eq(users.id, user.id));
    await deleteRecoveryCodes(tx, user.id);
    await destroyOtherSessions(tx, user.id, null);
    await audit(tx, { councilId: null, actorUserId: actor.userId, action: 'user.secondFactorReset', entity: 'user', entityId: user.id, data: { reason: input.reason } });
    const t = translator(user.locale);
    await deps.mailer.queue(tx, {
      to: user.email,
      subject: t('councils.admin.mfa.mailSubject'),
      body: t('councils.admin.mfa.mailBody', { name: user.name, site: deps.config.baseUrl }),
    });
    return { name: user.name, email: user.email };
  });
}
