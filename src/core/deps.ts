import type { Config } from './config.ts';
import type { Database, Db } from './db/index.ts';
import type { Mailer } from './mail/mail.ts';
import type { FileStore } from './files/store.ts';
import type { PageCache } from './http/page-cache.ts';

/** What use cases need from the outside world; built once in buildApp. */
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
