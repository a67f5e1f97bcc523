import type { Database } from '../src/core/db/index.ts';
export type DemoLogin = { role: string; email: string; password: string };
export async function seedDemoIfEmpty(_database: Database): Promise<DemoLogin[] | null> {
  return null;
}
