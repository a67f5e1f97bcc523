import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './core/deps.ts';
import { purgeExpiredSessions } from './core/auth/sessions.ts';
import { purgeOldLoginFailures } from './core/auth/throttle.ts';

const MAIL_INTERVAL_MS = 5_000;
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/** Background work inside the server process: the mail queue and clean-ups. */
export function startWorker(deps: Deps, log: FastifyBaseLogger) {
  const safe = (name: string, fn: () => Promise<unknown>) => () =>
    void fn().catch((err) => log.error({ err, job: name }, 'background job failed'));
  const mail = setInterval(safe('mail', () => deps.mailer.flush()), MAIL_INTERVAL_MS);
  const cleanup = setInterval(
    safe('cleanup', async () => {
      await purgeExpiredSessions(deps.db);
      await purgeOldLoginFailures(deps.db);
    }),
    CLEANUP_INTERVAL_MS,
  );
  mail.unref();
  cleanup.unref();
  return {
    async stop() {
      clearInterval(mail);
      clearInterval(cleanup);
      await deps.mailer.flush().catch(() => undefined);
    },
  };
}
