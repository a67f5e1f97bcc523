import path from 'node:path';
import type { Config } from './config.ts';
import type { Database, Db } from './db/index.ts';
import { createMailer, type Mailer } from './mail/mail.ts';
import { diskFileStore, type FileStore } from './files/store.ts';
import { PageCache } from './http/page-cache.ts';
import { resolveSecretKey } from './secret.ts';
import { sendNotices } from './notices/notices.ts';

/** What use cases need from the outside world; built once per process. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  files: FileStore;
  cache: PageCache;
  secretKey: string;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
}

type Log = { error: (o: object, m: string) => void };

/** Used by the web app and by the stand-alone worker alike. */
export async function createDeps(args: { config: Config; database: Database; mailer?: Mailer; files?: FileStore; log?: Log }): Promise<Deps> {
  const { config, database } = args;
  const cache = new PageCache({ maxBytes: config.pageCacheBytes });
  await cache.connect(database);
  const deps: Deps = {
    config,
    database,
    db: database.db,
    // Notices for people who want each one at once leave with the next kicked mail, not a minute later.
    mailer: args.mailer ?? createMailer(database, { smtpUrl: config.smtpUrl, from: config.mailFrom, log: args.log, beforeFlush: () => sendNotices(deps) }),
    files: args.files ?? diskFileStore(path.join(config.dataDir, 'files')),
    cache,
    secretKey: resolveSecretKey(config.secretKey, config.dataDir),
  };
  return deps;
}
