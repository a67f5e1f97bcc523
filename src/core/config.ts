import { z } from 'zod';
import path from 'node:path';

/** Every setting Raadwerk reads from the environment; `.env.example` lists the same names. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Raadwerk <noreply@raadwerk.localhost>'),
  SECRET_KEY: z.string().min(32).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  RUN_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SECURITY_CONTACT: z.string().default('mailto:security@raadwerk.localhost'),
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 31 - 1)
    .default(50 * 1024 * 1024),
  PAGE_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  PGLITE_THREAD: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  baseUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Secret for HMACs (CSRF); read from SECRET_KEY or a key file in the data directory. */
  secretKey?: string;
  trustProxy: boolean;
  logLevel: string;
  demoData: boolean;
  runWorker: boolean;
  securityContact: string;
  /** Largest document upload (documents module); the integer column caps it below 2 GB. */
  documentMaxBytes: number;
  /** Memory for rendered public pages (core/http/page-cache.ts); 0 turns the cache off. */
  pageCacheBytes: number;
  /** The embedded database in a worker thread of its own (decision 0031, session 8); false keeps it on the main thread. */
  pgliteThread: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in a .env file) means: not set.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    secretKey: e.SECRET_KEY,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA,
    runWorker: e.RUN_WORKER,
    securityContact: e.SECURITY_CONTACT,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    pageCacheBytes: e.PAGE_CACHE_BYTES,
    pgliteThread: e.PGLITE_THREAD,
  };
}
