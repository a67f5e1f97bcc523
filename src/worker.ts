import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './core/deps.ts';
import { refreshStatistics } from './core/db/index.ts';
import { purgeExpiredSessions } from './core/auth/sessions.ts';
import { purgeOldLoginFailures } from './core/auth/throttle.ts';
import { purgeOldPublicPosts } from './core/public-budget.ts';
import { purgeOldMail } from './core/mail/mail.ts';
import { moduleJobs } from './core/platform.ts';
import { purgeOldNotices, sendNotices } from './core/notices/notices.ts';
import type { Job } from './core/module.ts';
import './modules.ts';

export type { Job };

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Core's jobs; each module adds its own through its manifest. */
const coreJobs: Job[] = [
  { name: 'mail', everyMs: 5_000, run: (deps) => deps.mailer.flush() },
  {
    name: 'cleanup',
    everyMs: HOUR,
    run: async (deps) => {
      await purgeExpiredSessions(deps.db);
      await purgeOldLoginFailures(deps.db);
      await purgeOldPublicPosts(deps.db);
      await refreshStatistics(deps.database);
    },
  },
  // Notices of new work, in each receiver's language: at once, or as the daily overview.
  { name: 'notices', everyMs: 60_000, firstAfterMs: 20_000, run: (deps) => sendNotices(deps) },
  // Retention promised in the privacy statement: mail after a year.
  {
    name: 'mail-retention',
    everyMs: HOUR,
    firstAfterMs: 60_000,
    run: async (deps) => {
      await purgeOldMail(deps.db);
      await purgeOldNotices(deps.db);
    },
  },
];

const allJobs = (): Job[] => [...coreJobs, ...moduleJobs()];

/** Background work inside the server process (or `npm run worker`): the jobs above on timers. */
export function startWorker(deps: Deps, log: FastifyBaseLogger) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of allJobs()) {
    const run = () => void job.run(deps).catch((err) => log.error({ err, job: job.name }, 'background job failed'));
    timers.push(setInterval(run, job.everyMs).unref());
    if (job.firstAfterMs !== undefined) timers.push(setTimeout(run, job.firstAfterMs).unref());
  }
  return {
    async stop() {
      for (const t of timers) clearTimeout(t);
      await deps.mailer.flush().catch(() => undefined);
    },
  };
}
