import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core's tables and every module's: a new module's `*.schema.ts` is picked up without a change here.
  schema: ['./src/core/**/*.schema.ts', './src/modules/*/*.schema.ts'],
  out: './migrations',
});
