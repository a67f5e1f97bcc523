import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './core/deps.ts';
import { refreshStatistics } from './core/db/index.ts';
import { purgeExpiredSessions } from './core/auth/sessions.ts';
import { purgeOldLoginFailures } from './core/auth/throttle.ts';
import { sendAdviceReminders } from './modules/advice/advice.service.ts';
import { purgeExpiredApplications } from './modules/members/members.service.ts';
import { purgeOldMail } from './core/mail/mail.ts';
import { runSignalRetention } from './modules/signals/signals.service.ts';
import { purgeOldSubmissions } from './modules/signals/signals.intake.ts';
import { extractionJob } from './modules/documents/documents.extraction.ts';
import { sendActionPointReminders } from './modules/meetings/meetings.service.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * A periodic job. Every job must be safe to run on several instances at once and after a
 * missed run (it works from what is recorded in the database, not from the clock alone).
 */
export type Job = {
  name: string;
  everyMs: number;
  /** Also run once this long after start, so a restart does not skip a day. */
  firstAfterMs?: number;
  run: (deps: Deps) => Promise<unknown>;
};

export const jobs: Job[] = [
  { name: 'mail', everyMs: 5_000, run: (deps) => deps.mailer.flush() },
  {
    name: 'cleanup',
    everyMs: HOUR,
    run: async (deps) => {
      await purgeExpiredSessions(deps.db);
      await purgeOldLoginFailures(deps.db);
      await refreshStatistics(deps.database);
    },
  },
  // Each advice reminder is recorded, so it goes out once at most.
  { name: 'advice-reminders', everyMs: HOUR, firstAfterMs: 30_000, run: sendAdviceReminders },
  // Retention periods promised in the privacy statement (applications, messages).
  {
    name: 'retention',
    everyMs: HOUR,
    firstAfterMs: 60_000,
    run: async (deps) => {
      await purgeExpiredApplications(deps.db);
      await purgeOldMail(deps.db);
    },
  },
  // ---- jobs of later modules go below this line
  // Signals: contact details and texts past their retention period; idempotent, works from the dates.
  { name: 'signal-retention', everyMs: HOUR, firstAfterMs: 90_000, run: runSignalRetention },
  // The per-address counts of the public signal form are needed for an hour only.
  { name: 'signal-rate-counts', everyMs: HOUR, run: (deps) => purgeOldSubmissions(deps.db) },
  // Text extraction of uploaded documents (an upload also kicks it at once).
  { name: 'document-extraction', everyMs: 3_000, run: extractionJob },
  // Action point reminders are recorded per point and kind, so each goes out once.
  { name: 'action-point-reminders', everyMs: HOUR, firstAfterMs: 45_000, run: sendActionPointReminders },
];

/** Background work inside the server process (or `npm run worker`): the jobs above on timers. */
export function startWorker(deps: Deps, log: FastifyBaseLogger) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
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
