import { createTestApp } from '/work/main/test/support/factories.ts';
const t = await createTestApp();
console.log(t.app.printRoutes({ commonPrefix: false }));
await t.close();
