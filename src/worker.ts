import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './core/deps.ts';
import { refreshStatistics } from './core/db/index.ts';
import { purgeExpiredSessions } from './core/auth/sessions.ts';
import { purgeOldLoginFailures } from './core/auth/throttle.ts';
import { sendAdviceReminders } from './modules/advice/advice.service.ts';

const MAIL_INTERVAL_MS = 5_000;
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
/** Advice reminders: checked every hour; each reminder is recorded, so it goes out once a day at most. */
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** Background work inside the server process: the mail queue, clean-ups and advice reminders. */
export function startWorker(deps: Deps, log: FastifyBaseLogger) {
  const safe = (name: string, fn: () => Promise<unknown>) => () =>
    void fn().catch((err) => log.error({ err, job: name }, 'background job failed'));
  const mail = setInterval(safe('mail', () => deps.mailer.flush()), MAIL_INTERVAL_MS);
  const cleanup = setInterval(
    safe('cleanup', async () => {
      await purgeExpiredSessions(deps.db);
      await purgeOldLoginFailures(deps.db);
      await refreshStatistics(deps.database);
    }),
    CLEANUP_INTERVAL_MS,
  );
  const reminders = setInterval(safe('advice-reminders', () => sendAdviceReminders(deps)), REMINDER_INTERVAL_MS);
  // Also once shortly after start, so a restart does not skip a day.
  const firstReminders = setTimeout(safe('advice-reminders', () => sendAdviceReminders(deps)), 30_000);
  mail.unref();
  cleanup.unref();
  reminders.unref();
  firstReminders.unref();
  return {
    async stop() {
      clearInterval(mail);
      clearInterval(cleanup);
      clearInterval(reminders);
      clearTimeout(firstReminders);
      await deps.mailer.flush().catch(() => undefined);
    },
  };
}
